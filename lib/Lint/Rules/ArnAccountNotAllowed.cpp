//===- ArnAccountNotAllowed.cpp - IAM427 arn-account-not-allowed ----------===//
///
/// \file
/// An ARN that names an account where the service's ARNs of that shape have
/// none: `arn:aws:s3::111122223333:my-bucket` (bucket names are global). The
/// ARN can then match no resource. User docs:
/// rules/docs/arn-account-not-allowed.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

namespace tollgate {
namespace {

class ArnAccountNotAllowedRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM427")
          .name("arn-account-not-allowed")
          .severity(Severity::Error)
          .summary(
              "An ARN names an account where the service's ARNs have none");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reference::reportFieldWhereNone(S, Ctx, Info, reference::ArnField::Account);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ArnAccountNotAllowedRule);
} // namespace tollgate
