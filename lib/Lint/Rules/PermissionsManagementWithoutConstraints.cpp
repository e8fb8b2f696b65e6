//===- PermissionsManagementWithoutConstraints.cpp - IAM202
// permissions-management-without-constraints -===//
///
/// \file
/// Permissions-management actions on every resource, in an identity or session
/// policy, with no condition that restricts them. The analysis is shared with
/// the other categories (UnscopedGrant.h). User docs:
/// rules/docs/permissions-management-without-constraints.md
///
//===----------------------------------------------------------------------===//

#include "UnscopedGrant.h"

namespace tollgate {
namespace {

class PermissionsManagementWithoutConstraintsRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM202")
          .name("permissions-management-without-constraints")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary("Permissions-management actions on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportUnscopedCategory(Info, ActionCategory::PermissionsManagement,
                           "permissions-management actions",
                           "can rewrite who has access to those resources", S,
                           Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PermissionsManagementWithoutConstraintsRule);
} // namespace tollgate
