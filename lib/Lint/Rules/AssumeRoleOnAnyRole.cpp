//===- AssumeRoleOnAnyRole.cpp - IAM152 assume-role-on-any-role -===//
///
/// \file
/// sts:AssumeRole on every role, in an identity or session policy
/// (AnyResourceGrant.h). User docs: rules/docs/assume-role-on-any-role.md
///
//===----------------------------------------------------------------------===//

#include "AnyResourceGrant.h"
#include "SensitiveActions.h"

namespace tollgate {
namespace {

class AssumeRoleOnAnyRoleRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM152")
          .name("assume-role-on-any-role")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary("sts:AssumeRole on every role");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportGrantOnEveryResource(
        Info, SensitiveActions::get().assumeRole(), "role",
        "the identity can then assume every role whose trust policy admits its "
        "account: name the roles in `Resource`",
        S, Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AssumeRoleOnAnyRoleRule);
} // namespace tollgate
