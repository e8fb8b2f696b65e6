//===- AnyResourceGrant.h - One sensitive action on every resource -*- C++
//-*-===//
///
/// \file
/// Shared by IAM150-IAM152: an Allow statement of an identity or session
/// policy that grants one named action (`iam:PassRole`, ...) on every
/// resource it acts on, whether the action is written out, comes from a
/// wildcard (`iam:*`, `*`) or from NotAction, and whether the resources are
/// `*`, NotResource, or a pattern such as `arn:aws:iam::*:role/*`.
/// Conditions count as ConditionStrength.h says.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_ANYRESOURCEGRANT_H
#define TOLLGATE_LIB_LINT_RULES_ANYRESOURCEGRANT_H

#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/StringRef.h"

namespace tollgate {

/// Reports \p Info when \p S grants tracked action \p Index on every
/// resource with no restricting condition. \p Noun names the resources
/// ("role"); \p Advice says how to fix it.
void reportGrantOnEveryResource(const CheckInfo &Info, unsigned Index,
                                llvm::StringRef Noun, llvm::StringRef Advice,
                                const Statement &S, RuleContext &Ctx);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_ANYRESOURCEGRANT_H
