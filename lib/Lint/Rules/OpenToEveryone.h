//===- OpenToEveryone.h - A principal of everyone, unrestricted -*- C++ -*-===//
///
/// \file
/// Shared by IAM251 public-principal (resource policies) and IAM252
/// trust-policy-open-to-all (role trust policies), which differ in the
/// policy type they look at and what they tell the author.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_OPENTOEVERYONE_H
#define TOLLGATE_LIB_LINT_RULES_OPENTOEVERYONE_H

#include "tollgate/Lint/Rule.h"

namespace tollgate {

/// Reports, as \p Check with \p Message, an Allow statement of a policy of
/// type \p Type whose principal is everyone (`*`) and which no condition
/// keeps strangers out of (ConditionStrength.h), with a note on each
/// condition that looks like it does but does not.
void reportOpenToEveryone(const Statement &S, RuleContext &Ctx,
                          const CheckInfo &Check, PolicyType Type,
                          llvm::StringRef Message);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_OPENTOEVERYONE_H
