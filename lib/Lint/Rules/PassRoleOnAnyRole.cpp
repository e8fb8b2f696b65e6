//===- PassRoleOnAnyRole.cpp - IAM150 pass-role-on-any-role -===//
///
/// \file
/// iam:PassRole on every role, without iam:PassedToService, in an identity or
/// session policy (AnyResourceGrant.h). User docs:
/// rules/docs/pass-role-on-any-role.md
///
//===----------------------------------------------------------------------===//

#include "AnyResourceGrant.h"
#include "SensitiveActions.h"

namespace tollgate {
namespace {

class PassRoleOnAnyRoleRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM150")
          .name("pass-role-on-any-role")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary("iam:PassRole on every role, without iam:PassedToService");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportGrantOnEveryResource(
        Info, SensitiveActions::get().passRole(), "role",
        "any role of the account can then be handed to any service that "
        "accepts one, and the service acts with its permissions: name the "
        "roles in `Resource`, or add an `iam:PassedToService` condition",
        S, Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PassRoleOnAnyRoleRule);
} // namespace tollgate
