//===- DenyWithUnsupportedTagKey.cpp - IAM445 -----------------------------===//
///
/// \file
/// A `Deny` conditioned on a global tag key (`aws:ResourceTag/...`,
/// `aws:RequestTag/...`, `aws:TagKeys`) with actions of a service that lists
/// that key for none of its actions or resource types. The key is then
/// never in those actions' request context, so the condition never matches
/// them and the statement never denies them. User docs:
/// rules/docs/deny-with-unsupported-tag-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

namespace tollgate {
namespace {

class DenyWithUnsupportedTagKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM445")
          .name("deny-with-unsupported-tag-key")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary(
              "A Deny conditioned on a tag key that some of its services do "
              "not support");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Deny || S.Conditions.empty())
      return;
    reference::reportUnsupportedTagKeys(S, Ctx, Info, "denies");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(DenyWithUnsupportedTagKeyRule);
} // namespace tollgate
