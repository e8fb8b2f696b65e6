//===- TrustPolicyOpenToAll.cpp - IAM252 trust-policy-open-to-all ---------===//
///
/// \file
/// A role trust policy whose principal is everyone, with no condition that
/// keeps strangers out. User docs: rules/docs/trust-policy-open-to-all.md
///
//===----------------------------------------------------------------------===//

#include "OpenToEveryone.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class TrustPolicyOpenToAllRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM252")
          .name("trust-policy-open-to-all")
          .severity(Severity::Security)
          .impact(SecurityImpact::Critical)
          .summary(
              "A role trust policy lets any AWS principal assume the role");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportOpenToEveryone(
        S, Ctx, Info, PolicyType::Trust,
        "any principal of any AWS account can assume this role; name the "
        "trusted principals, or restrict the statement with "
        "`aws:PrincipalOrgID` or `aws:PrincipalArn`");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(TrustPolicyOpenToAllRule);
} // namespace tollgate
