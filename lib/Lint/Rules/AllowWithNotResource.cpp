//===- AllowWithNotResource.cpp - IAM107 allow-with-not-resource ----------===//
///
/// \file
/// `Allow` with `NotResource` grants the actions on every resource that is
/// not listed, including resources created later. User docs:
/// rules/docs/allow-with-not-resource.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class AllowWithNotResourceRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM107")
          .name("allow-with-not-resource")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary("Allow with NotResource grants every resource that is not "
                   "listed");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    PolicyType T = Ctx.policy().Type;
    if (S.Eff != Effect::Allow || !S.Resource.Present || !S.Resource.Negated ||
        T == PolicyType::SCP || T == PolicyType::RCP ||
        T == PolicyType::Boundary)
      return;
    Ctx.report(Info, S.Resource.L,
               "`Allow` with `NotResource` allows the actions on every "
               "resource that is not listed, including resources created "
               "later and resources in other accounts; list the allowed "
               "resources in `Resource` instead");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowWithNotResourceRule);
} // namespace tollgate
