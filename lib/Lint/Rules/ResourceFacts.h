//===- ResourceFacts.h - How far a Resource element reaches -----*- C++ -*-===//

#ifndef TOLLGATE_LIB_LINT_RULES_RESOURCEFACTS_H
#define TOLLGATE_LIB_LINT_RULES_RESOURCEFACTS_H

#include "tollgate/Catalog/Records.h"
#include "tollgate/Policy/Policy.h"

namespace tollgate {

/// True if \p R is `"*"`.
bool isStarResource(const PolicyString &R);

/// True if \p R is not `"*"` but matches every ARN of its partition all
/// the same: service, region, account and resource fields are all
/// wildcards (`arn:aws:*:*:*:*`, `arn:*`). `arn:aws:s3:::*` is not: it names
/// S3 resources only.
bool isEffectivelyStar(const PolicyString &R);

/// The entry of an Allow statement's Resource element that makes it reach
/// every resource (`*` or an effectively-`*` pattern), or null. A statement
/// with NotResource, or without Resource, has none.
const PolicyString *starResource(const Statement &S);

/// True if the statement's resources reach every resource: a `*`-like
/// entry, or NotResource (everything but a list).
bool reachesEveryResource(const Statement &S);

/// True if the statement's Resource element covers every resource \p A can
/// act on, in any account and region: `*`, NotResource, or patterns such
/// as `arn:aws:iam::*:role/*` for `iam:PassRole`. For an action that takes
/// only `*`, only `*`-like entries do.
bool coversEveryResourceOf(const Statement &S, const ActionInfo &A);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_RESOURCEFACTS_H
