//===- OperatorTypeMismatch.cpp - IAM412 operator-type-mismatch -----------===//
///
/// \file
/// A condition operator whose family does not fit the catalog type of its
/// key: `StringEquals` on the Date key `aws:CurrentTime`, `NumericEquals`
/// on a String key. ARN keys take the String operators as well as the ARN
/// ones, and String keys the ARN operators (many of them hold ARNs). User docs:
/// rules/docs/operator-type-mismatch.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

/// The operator families a key of type \p T takes, and an operator to name
/// in the message.
struct Fit {
  OperatorFamily Family;
  bool AlsoString;
  const char *Example;
};

Fit fitFor(ConditionKeyType T) {
  switch (T) {
  case ConditionKeyType::String:
    return {OperatorFamily::String, false, "StringEquals"};
  case ConditionKeyType::ARN:
    return {OperatorFamily::Arn, true, "ArnLike"};
  case ConditionKeyType::Numeric:
    return {OperatorFamily::Numeric, false, "NumericEquals"};
  case ConditionKeyType::Date:
    return {OperatorFamily::Date, false, "DateGreaterThan"};
  case ConditionKeyType::Bool:
    return {OperatorFamily::Bool, false, "Bool"};
  case ConditionKeyType::IPAddress:
    return {OperatorFamily::Ip, false, "IpAddress"};
  case ConditionKeyType::Binary:
    return {OperatorFamily::Binary, false, "BinaryEquals"};
  }
  return {OperatorFamily::String, false, "StringEquals"};
}

class OperatorTypeMismatchRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM412")
          .name("operator-type-mismatch")
          .severity(Severity::Warning)
          .summary(
              "A condition operator that does not fit the type of its key");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      const ConditionKeyInfo *Key = F.Keys[I];
      OperatorFamily Family = operatorFamily(C.Op);
      if (!Key || Family == OperatorFamily::Null ||
          Family == OperatorFamily::Unknown)
        continue;
      Fit Want = fitFor(Key->Type);
      if (Family == Want.Family ||
          (Want.AlsoString && Family == OperatorFamily::String))
        continue;
      // Many String keys hold ARNs (tags, encryption context entries), and
      // the ARN operators compare them as ARNs; AWS's own policies do so.
      if (Want.Family == OperatorFamily::String &&
          Family == OperatorFamily::Arn)
        continue;
      Ctx.report(Info, C.OperatorLoc,
                 "operator `" + C.OperatorText + "` compares " +
                     reference::familyName(Family) + " values, but `" + C.Key +
                     "` is " + conditionKeyTypeName(Key->Type) +
                     " in the IAM service catalog; use " +
                     (Want.AlsoString ? "an ARN or a String operator"
                                      : "an operator") +
                     " such as `" + Want.Example + "`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(OperatorTypeMismatchRule);
} // namespace tollgate
