//===- DeprecatedGlobalConditionKey.cpp - IAM443 --------------------------===//
///
/// \file
/// deprecated-global-condition-key: the global key `aws:ARN`, which AWS has
/// replaced with `aws:PrincipalArn` and `aws:SourceArn`. User docs:
/// rules/docs/deprecated-global-condition-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class DeprecatedGlobalConditionKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM443")
          .name("deprecated-global-condition-key")
          .severity(Severity::Warning)
          .summary("The deprecated global condition key aws:ARN");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions)
      if (reference::isDeprecatedGlobalKey(C.Key))
        Ctx.report(Info, C.KeyLoc,
                   "condition key `" + C.Key +
                       "` is deprecated; use `aws:PrincipalArn` for the ARN "
                       "of the principal making the request, or "
                       "`aws:SourceArn` for the resource on whose behalf a "
                       "service makes it");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(DeprecatedGlobalConditionKeyRule);
} // namespace tollgate
