//===- PublicPrincipal.cpp - IAM251 public-principal ----------------------===//
///
/// \file
/// A resource policy that allows `"Principal": "*"` (or `{"AWS": "*"}`) with
/// no condition that keeps strangers out (ConditionStrength.h). User docs:
/// rules/docs/public-principal.md
///
//===----------------------------------------------------------------------===//

#include "OpenToEveryone.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class PublicPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM251")
          .name("public-principal")
          .severity(Severity::Security)
          .impact(SecurityImpact::Critical)
          .summary("A resource policy grants everyone, with no restricting "
                   "condition");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportOpenToEveryone(
        S, Ctx, Info, PolicyType::Resource,
        "the statement allows everyone (`*`), anonymous users and every AWS "
        "account included; name the principals, or restrict it with a "
        "condition such as `aws:PrincipalOrgID`, `aws:SourceAccount`, "
        "`aws:SourceVpce` or `aws:SourceIp`");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PublicPrincipalRule);
} // namespace tollgate
