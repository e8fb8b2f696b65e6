//===- WildcardAction.cpp - IAM103 wildcard-action ------------------------===//
///
/// \file
/// `"Action": "*"` in an Allow statement that IAM101 does not already report
/// (the resources are named, or a condition applies): every action of every
/// service, including those AWS adds later. User docs:
/// rules/docs/wildcard-action.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "RuleScope.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class WildcardActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM103")
          .name("wildcard-action")
          .severity(Severity::Warning)
          .summary("Allow of every action (`*`) of every service");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    PolicyType T = Ctx.policy().Type;
    if (S.Eff != Effect::Allow || S.Action.Negated ||
        !(grantsToIdentity(T) || T == PolicyType::Resource) ||
        isAllowAllStatement(S))
      return;
    for (const ActionPattern &P : S.Action.Patterns) {
      if (!matchesEveryAction(P))
        continue;
      Ctx.report(Info, P.L,
                 "`" + P.Text +
                     "` allows every action of every service, including "
                     "actions AWS adds later; list the actions the "
                     "statement needs");
      return;
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(WildcardActionRule);
} // namespace tollgate
