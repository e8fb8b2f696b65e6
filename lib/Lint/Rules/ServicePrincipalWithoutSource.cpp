//===- ServicePrincipalWithoutSource.cpp - IAM256 -------------------------===//
///
/// \file
/// IAM256 service-principal-without-source: a resource policy that allows a
/// service principal with no `aws:SourceArn`, `aws:SourceAccount`,
/// `aws:SourceOrgID` or `aws:SourceOrgPaths` condition, so that the service
/// acting for any customer can use the grant (the confused deputy). User
/// docs: rules/docs/service-principal-without-source.md
///
//===----------------------------------------------------------------------===//

#include "ConditionStrength.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class ServicePrincipalWithoutSourceRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM256")
          .name("service-principal-without-source")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary(
              "A service principal is granted access without aws:SourceArn or "
              "aws:SourceAccount");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (Ctx.policy().Type != PolicyType::Resource || S.Eff != Effect::Allow ||
        S.Principal.Negated || statementRestricted(S, ConditionKinds::Source))
      return;
    for (const PrincipalValue &V : S.Principal.Values) {
      if (V.Kind != PrincipalKind::Service)
        continue;
      Diagnostic &D = Ctx.report(
          Info, V.Value.L,
          "`" + V.Value.Text +
              "` is granted access with no `aws:SourceArn`, "
              "`aws:SourceAccount` or `aws:SourceOrgID` condition, so the "
              "service acting for any other customer can use it too (the "
              "confused deputy problem); add a condition naming your "
              "resource or account");
      noteWeakConditions(D, S, ConditionKinds::Source, Ctx);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ServicePrincipalWithoutSourceRule);
} // namespace tollgate
