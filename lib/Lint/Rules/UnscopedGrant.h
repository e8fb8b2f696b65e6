//===- UnscopedGrant.h - Actions granted on every resource ------*- C++ -*-===//
///
/// \file
/// The shared analysis of IAM105 resource-star and IAM202-IAM205 (sensitive
/// actions without resource constraints): an Allow statement of an identity
/// or session policy whose Resource reaches every resource (`*`, an
/// effectively-`*` pattern, or NotResource) and whose conditions restrict
/// nothing (ConditionStrength.h), grouped by the category of each action
/// that could have been scoped to resources.
///
/// Actions that take only `*` are never counted: no Resource element can
/// scope them. Patterns that grant a whole service or everything (`s3:*`,
/// `*`) are left to IAM103/IAM104, and NotAction statements to IAM102, so
/// that one token gets one finding.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_UNSCOPEDGRANT_H
#define TOLLGATE_LIB_LINT_RULES_UNSCOPEDGRANT_H

#include "ActionFacts.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {

struct UnscopedGrant {
  /// The `*`-like Resource entry, or null for NotResource.
  const PolicyString *Star = nullptr;
  /// Per category: the first pattern that grants a scopable action of it.
  std::array<const ActionPattern *, NumActionCategories> First{};
  /// Per category: up to three such actions, from every pattern.
  std::array<llvm::SmallVector<const ActionInfo *, 3>, NumActionCategories>
      Examples;
};

/// Fills \p Out and returns true if \p S is an unscoped, unrestricted grant
/// as described above.
bool analyzeUnscopedGrant(const Statement &S, RuleContext &Ctx,
                          UnscopedGrant &Out);

/// Reports category \p C of \p S, if it has one, as finding \p Info; \p What
/// names the kind of action ("permissions-management actions") and \p Why
/// says what they can do.
void reportUnscopedCategory(const CheckInfo &Info, ActionCategory C,
                            llvm::StringRef What, llvm::StringRef Why,
                            const Statement &S, RuleContext &Ctx);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_UNSCOPEDGRANT_H
