//===- ActionFacts.h - What an Action element grants ------------*- C++ -*-===//
///
/// \file
/// The questions the security rules ask of an Action or NotAction element:
/// which tracked actions (rules/data) does it grant, and which actions that
/// can be scoped to resources, by sensitivity category. Patterns are
/// expanded against the catalog once per distinct pattern and worker of a
/// run (in its RuleAnalysis), so that `*` costs one walk of the catalog.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_ACTIONFACTS_H
#define TOLLGATE_LIB_LINT_RULES_ACTIONFACTS_H

#include "SensitiveActions.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Rule.h"
#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>

namespace tollgate {

/// The sensitivity of an action that can be scoped to resources, most
/// specific first: each action is in exactly one category.
enum class ActionCategory : uint8_t {
  CredentialsExposure,        ///< rules/data/sensitive-actions.txt
  DataExfiltration,           ///< rules/data/sensitive-actions.txt
  PermissionsManagement,      ///< access level "Permissions management"
  InfrastructureModification, ///< access level "Write"
  Other,                      ///< Read, List and Tagging
};
constexpr unsigned NumActionCategories = 5;

/// The category of \p A, whether or not it can be scoped.
ActionCategory actionCategory(const ActionInfo &A);

/// True if \p A can be scoped by a Resource element: it has a required
/// resource type, or several alternative ones. Actions without resource
/// types take only `*`; an action with one optional type
/// (`cloudwatch:GetMetricData`) is usually called on `*` too, since a
/// request names such a resource only sometimes.
bool isScopable(const ActionInfo &A);

/// What one pattern, or a NotAction element, grants.
struct GrantFacts {
  /// The tracked actions granted.
  TrackedMask Tracked;
  /// Bit I set if some scopable action of category I is granted.
  uint8_t Categories = 0;
  /// Up to three scopable actions of each category, in catalog order.
  std::array<llvm::SmallVector<const ActionInfo *, 3>, NumActionCategories>
      Examples;

  bool has(ActionCategory C) const { return Categories & (1u << unsigned(C)); }
};

/// The facts of one Action pattern (any case), kept in the run's
/// RuleAnalysis.
const GrantFacts &patternFacts(llvm::StringRef Pattern, RuleContext &Ctx);

/// True if \p P stands for every action: `*`, or `*:*`.
bool matchesEveryAction(const ActionPattern &P);
/// True if \p P stands for every action of one service: `s3:*`.
bool isServiceWildcard(const ActionPattern &P);

/// What a whole Action element grants: the union of its patterns' facts,
/// and for each category the first pattern that is not `*` or a service
/// wildcard (`s3:*`) and grants a scopable action of it. For NotAction only
/// Tracked is set.
struct ElementFacts {
  TrackedMask Tracked;
  std::array<int, NumActionCategories> First; ///< pattern index, or -1
  /// For each tracked action, the first pattern granting it, or -1.
  std::array<int16_t, MaxTrackedActions> FirstTracked;
  std::array<llvm::SmallVector<const ActionInfo *, 3>, NumActionCategories>
      Examples;
};

/// The facts of the Action element of \p S, a statement of the policy that
/// \p Ctx checks. Kept per statement in the run's RuleAnalysis while the
/// rules check that policy: every rule asks about every statement.
const ElementFacts &elementFacts(const Statement &S, RuleContext &Ctx);

/// The tracked actions that the Action element of \p S grants (for
/// NotAction, those it does not exclude).
inline TrackedMask grantedTracked(const Statement &S, RuleContext &Ctx) {
  return elementFacts(S, Ctx).Tracked;
}

/// The first pattern of the Action element of \p S that grants tracked
/// action \p Index, or null (always null for NotAction).
const ActionPattern *patternGranting(const Statement &S, unsigned Index,
                                     RuleContext &Ctx);

/// Short text listing up to three actions: "`a`, `b` and `c`".
std::string listActions(llvm::ArrayRef<const ActionInfo *> Actions);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_ACTIONFACTS_H
