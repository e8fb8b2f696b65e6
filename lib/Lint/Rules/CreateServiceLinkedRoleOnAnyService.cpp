//===- CreateServiceLinkedRoleOnAnyService.cpp - IAM151
// create-service-linked-role-on-any-service -===//
///
/// \file
/// iam:CreateServiceLinkedRole on every role, without iam:AWSServiceName, in an
/// identity or session policy (AnyResourceGrant.h). User docs:
/// rules/docs/create-service-linked-role-on-any-service.md
///
//===----------------------------------------------------------------------===//

#include "AnyResourceGrant.h"
#include "SensitiveActions.h"

namespace tollgate {
namespace {

class CreateServiceLinkedRoleOnAnyServiceRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM151")
          .name("create-service-linked-role-on-any-service")
          .severity(Severity::Warning)
          .summary("iam:CreateServiceLinkedRole on every role, without "
                   "iam:AWSServiceName");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportGrantOnEveryResource(
        Info, SensitiveActions::get().createServiceLinkedRole(), "role",
        "it can create the service-linked role of any service: add an "
        "`iam:AWSServiceName` condition naming the services, or name their "
        "roles in `Resource`",
        S, Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(CreateServiceLinkedRoleOnAnyServiceRule);
} // namespace tollgate
