//===- AllowWithUnsupportedTagKey.cpp - IAM444 ----------------------------===//
///
/// \file
/// An `Allow` conditioned on a global tag key (`aws:ResourceTag/...`,
/// `aws:RequestTag/...`, `aws:TagKeys`) with actions of a service that lists
/// that key for none of its actions or resource types. The key is then
/// never in those actions' request context, so the condition never matches
/// them and the statement never allows them. User docs:
/// rules/docs/allow-with-unsupported-tag-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

namespace tollgate {
namespace {

class AllowWithUnsupportedTagKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM444")
          .name("allow-with-unsupported-tag-key")
          .severity(Severity::Suggestion)
          .summary(
              "An Allow conditioned on a tag key that some of its services do "
              "not support");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.Conditions.empty())
      return;
    reference::reportUnsupportedTagKeys(S, Ctx, Info, "allows");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowWithUnsupportedTagKeyRule);
} // namespace tollgate
