//===- ArnRegionNotAllowed.cpp - IAM428 arn-region-not-allowed ------------===//
///
/// \file
/// An ARN that names a Region where the service's ARNs of that shape have
/// none: `arn:aws:iam:us-east-1:111122223333:role/x` (IAM is global). The
/// ARN can then match no resource. User docs:
/// rules/docs/arn-region-not-allowed.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

namespace tollgate {
namespace {

class ArnRegionNotAllowedRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM428")
          .name("arn-region-not-allowed")
          .severity(Severity::Error)
          .summary("An ARN names a Region where the service's ARNs have none");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reference::reportFieldWhereNone(S, Ctx, Info, reference::ArnField::Region);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ArnRegionNotAllowedRule);
} // namespace tollgate
