//===- AllowRootUser.cpp - IAM254 allow-root-user -------------------------===//
///
/// \file
/// An Allow whose conditions single out the account root user
/// (`aws:PrincipalType` `Root`, `aws:PrincipalArn` ending in `:root`, or an
/// `aws:userid` that is an account id). The root user should do no daily
/// work; the same conditions in a Deny, which guard against it, are fine.
/// User docs: rules/docs/allow-root-user.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

bool namesRoot(const Condition &C, const ConditionValue &V) {
  StringRef Text = V.Value.Text;
  if (C.Key.equals_insensitive("aws:PrincipalType"))
    return Text.equals_insensitive("Root");
  if (C.Key.equals_insensitive("aws:PrincipalArn"))
    return Text.startswith("arn:") && Text.endswith(":root");
  if (C.Key.equals_insensitive("aws:userid"))
    return Text.size() == 12 && all_of(Text, isDigit);
  return false;
}

class AllowRootUserRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM254")
          .name("allow-root-user")
          .severity(Severity::Warning)
          .summary("An Allow statement grants the account root user");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow)
      return;
    for (const Condition &C : S.Conditions) {
      if (C.Op == ConditionOp::Unknown || isNegatedOperator(C.Op) ||
          C.Op == ConditionOp::Null)
        continue;
      for (const ConditionValue &V : C.Values) {
        if (!namesRoot(C, V))
          continue;
        Ctx.report(Info, V.Value.L,
                   "the statement allows requests made as the account's "
                   "root user (`" +
                       C.Key + "` is `" + V.Value.Text +
                       "`); the root user cannot be restricted by IAM "
                       "policies and should do no routine work: grant an "
                       "IAM role instead");
        return;
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowRootUserRule);
} // namespace tollgate
