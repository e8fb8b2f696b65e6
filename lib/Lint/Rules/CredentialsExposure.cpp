//===- CredentialsExposure.cpp - IAM203 credentials-exposure -===//
///
/// \file
/// Actions that return credentials, on every resource, in an identity or
/// session policy, with no condition that restricts them. The analysis is
/// shared with the other categories (UnscopedGrant.h). User docs:
/// rules/docs/credentials-exposure.md
///
//===----------------------------------------------------------------------===//

#include "UnscopedGrant.h"

namespace tollgate {
namespace {

class CredentialsExposureRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM203")
          .name("credentials-exposure")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary("Actions that return credentials, on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportUnscopedCategory(
        Info, ActionCategory::CredentialsExposure,
        "actions that return credentials",
        "hands out credentials (keys, passwords or tokens) for all of them", S,
        Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(CredentialsExposureRule);
} // namespace tollgate
