//===- RuleScope.h - Which policies and statements a rule reads -*- C++ -*-===//

#ifndef TOLLGATE_LIB_LINT_RULES_RULESCOPE_H
#define TOLLGATE_LIB_LINT_RULES_RULESCOPE_H

#include "tollgate/Policy/Policy.h"

namespace tollgate {

/// Policies that grant permissions to the identity they are attached to:
/// identity and session policies. (Permissions boundaries and SCPs cap
/// permissions rather than grant them, so broad grants are their normal
/// shape.)
inline bool grantsToIdentity(PolicyType T) {
  return T == PolicyType::Identity || T == PolicyType::Session;
}

/// The statement that IAM101 allow-all reports: `*` on `*` with no
/// condition. Rules about parts of a grant skip it, since "full
/// administrator access" already says everything.
inline bool isAllowAllStatement(const Statement &S) {
  if (S.Eff != Effect::Allow || S.HasCondition || S.Action.Negated ||
      S.Resource.Negated)
    return false;
  bool AnyAction = false;
  for (const ActionPattern &A : S.Action.Patterns)
    AnyAction |= A.Text == "*";
  bool AnyResource = false;
  for (const PolicyString &R : S.Resource.Patterns)
    AnyResource |= R.Text == "*";
  return AnyAction && (AnyResource || !S.Resource.Present);
}

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_RULESCOPE_H
