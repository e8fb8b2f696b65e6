//===- MfaConditionAntiPattern.cpp - IAM301 mfa-condition-anti-pattern ----===//
///
/// \file
/// MFA conditions that do not do what they seem to. Requests signed with
/// long-term access keys carry no `aws:MultiFactorAuthPresent` key at all,
/// so:
///  - an Allow with `BoolIfExists` (or `ForAllValues:Bool`) `true` also
///    allows every access-key request, MFA or not;
///  - an Allow with `false` allows exactly the sessions without MFA;
///  - a Deny with plain `Bool` `false` never denies access-key requests.
/// The correct forms (Allow with `Bool` `true`, Deny with `BoolIfExists`
/// `false`) are not reported. User docs:
/// rules/docs/mfa-condition-anti-pattern.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

using namespace llvm;

namespace tollgate {
namespace {

class MfaConditionAntiPatternRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM301")
          .name("mfa-condition-anti-pattern")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary("An MFA condition that lets requests without MFA through");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (C.Values.empty())
        continue;
      if (C.Key.equals_insensitive("aws:MultiFactorAuthAge")) {
        if (S.Eff == Effect::Allow && C.IfExists &&
            operatorFamily(C.Op) == OperatorFamily::Numeric &&
            !isNegatedOperator(C.Op))
          Ctx.report(Info, C.OperatorLoc,
                     "`" + C.OperatorText +
                         "` on `aws:MultiFactorAuthAge` also allows every "
                         "request without MFA, which has no such key; drop "
                         "`IfExists`");
        continue;
      }
      if (!C.Key.equals_insensitive("aws:MultiFactorAuthPresent") ||
          C.Op != ConditionOp::Bool)
        continue;
      StringRef Value = C.Values.front().Value.Text;
      bool True = Value.equals_insensitive("true");
      bool False = Value.equals_insensitive("false");
      if (S.Eff == Effect::Allow) {
        if (True && (C.IfExists || C.Qualifier == SetQualifier::ForAllValues))
          Ctx.report(Info, C.OperatorLoc,
                     "`" + C.OperatorText +
                         "` with `true` also allows requests without MFA "
                         "information, such as every request signed with a "
                         "long-term access key; use `Bool` to require MFA");
        else if (False)
          Ctx.report(Info, C.Values.front().Value.L,
                     "`aws:MultiFactorAuthPresent` `false` in an `Allow` "
                     "grants exactly the sessions that did not use MFA; to "
                     "require MFA, use `Bool` with `true`");
      } else if (False && !C.IfExists && C.Qualifier == SetQualifier::None) {
        Ctx.report(Info, C.OperatorLoc,
                   "`Bool` `false` does not deny requests signed with "
                   "long-term access keys, which carry no "
                   "`aws:MultiFactorAuthPresent`; use `BoolIfExists` to "
                   "deny every request without MFA");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MfaConditionAntiPatternRule);
} // namespace tollgate
