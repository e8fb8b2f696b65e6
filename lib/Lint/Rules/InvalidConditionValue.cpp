//===- InvalidConditionValue.cpp - IAM413 invalid-condition-value ---------===//
///
/// \file
/// A condition value that does not read as its operator's type: a Numeric
/// operator's value that is not a number, a Date operator's that is neither
/// an ISO 8601 date nor epoch seconds, a Bool or Null operator's that is not
/// `true` or `false`, an IP address operator's that is not an IPv4 or IPv6
/// address or CIDR block, a Binary operator's that is not base64. Values
/// with policy variables are left to variable-in-unsupported-operator.
/// User docs: rules/docs/invalid-condition-value.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

bool isBase64(StringRef S) {
  if (S.empty() || S.size() % 4 != 0)
    return false;
  size_t Padding = 0;
  while (Padding < 2 && S.size() > Padding && S[S.size() - 1 - Padding] == '=')
    ++Padding;
  return all_of(S.drop_back(Padding),
                [](char C) { return isAlnum(C) || C == '+' || C == '/'; });
}

/// What a value of family \p F must look like, or null when \p Text reads.
const char *expectation(OperatorFamily F, StringRef Text) {
  switch (F) {
  case OperatorFamily::Numeric:
    return parseNumber(Text) ? nullptr
                             : "an integer or decimal number, such as `10`";
  case OperatorFamily::Date:
    return parseDate(Text) ? nullptr
                           : "an ISO 8601 date or time, such as `2026-01-31` "
                             "or `2026-01-31T12:00:00Z`, or epoch seconds";
  case OperatorFamily::Bool:
  case OperatorFamily::Null:
    return parseBool(Text) ? nullptr : "`true` or `false`";
  case OperatorFamily::Ip:
    return parseIpNetwork(Text) ? nullptr
                                : "an IPv4 or IPv6 address or CIDR block, "
                                  "such as `203.0.113.0/24`";
  case OperatorFamily::Binary:
    return isBase64(Text) ? nullptr : "base64-encoded bytes";
  default:
    return nullptr;
  }
}

class InvalidConditionValueRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM413")
          .name("invalid-condition-value")
          .severity(Severity::Warning)
          .summary(
              "A condition value that does not read as its operator's type");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      OperatorFamily Family = operatorFamily(C.Op);
      for (const ConditionValue &V : C.Values) {
        if (V.Value.hasVariables())
          continue;
        const char *Want = expectation(Family, V.Value.Text);
        if (!Want)
          continue;
        Ctx.report(Info, V.Value.L,
                   "`" + V.Value.Text + "` is not a valid value for `" +
                       C.OperatorText + "`; write " + Want);
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidConditionValueRule);
} // namespace tollgate
