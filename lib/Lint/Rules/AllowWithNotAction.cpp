//===- AllowWithNotAction.cpp - IAM102 allow-with-not-action --------------===//
///
/// \file
/// `Allow` with `NotAction` allows every action not listed, including every
/// action AWS adds later. User docs: rules/docs/allow-with-not-action.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class AllowWithNotActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM102")
          .name("allow-with-not-action")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary(
              "Allow with NotAction grants every action that is not listed");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || !S.Action.Negated)
      return;
    Ctx.report(Info, S.Action.L,
               "`Allow` with `NotAction` allows every action that is not "
               "listed, including actions AWS adds later; list the allowed "
               "actions in `Action` instead");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowWithNotActionRule);
} // namespace tollgate
