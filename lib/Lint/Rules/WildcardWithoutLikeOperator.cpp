//===- WildcardWithoutLikeOperator.cpp - IAM414 ---------------------------===//
///
/// \file
/// A `*` in the value of `StringEquals`, `StringNotEquals` or their
/// `IgnoreCase` forms, where it is a literal asterisk, not a wildcard. A
/// `?` is left alone: it is common as a literal (query strings in
/// `aws:Referer`). User docs: rules/docs/wildcard-without-like-operator.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

bool isExactStringOperator(ConditionOp Op) {
  return Op == ConditionOp::StringEquals ||
         Op == ConditionOp::StringNotEquals ||
         Op == ConditionOp::StringEqualsIgnoreCase ||
         Op == ConditionOp::StringNotEqualsIgnoreCase;
}

bool hasLiteralStar(const PolicyString &S) {
  if (S.Parts.empty())
    return S.Text.contains('*');
  for (const StringPart &P : S.Parts)
    if (P.K == StringPart::Text && P.Value.contains('*'))
      return true;
  return false;
}

/// The `Like` operator to use instead of \p C's, qualifier and `IfExists`
/// kept.
std::string likeOperator(const Condition &C) {
  std::string Name;
  if (C.Qualifier == SetQualifier::ForAllValues)
    Name = "ForAllValues:";
  else if (C.Qualifier == SetQualifier::ForAnyValue)
    Name = "ForAnyValue:";
  Name += isNegatedOperator(C.Op) ? "StringNotLike" : "StringLike";
  if (C.IfExists)
    Name += "IfExists";
  return Name;
}

class WildcardWithoutLikeOperatorRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM414")
          .name("wildcard-without-like-operator")
          .severity(Severity::Warning)
          .summary(
              "A `*` in the value of an operator that does not take wildcards");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (!isExactStringOperator(C.Op))
        continue;
      for (const ConditionValue &V : C.Values) {
        if (V.K != ConditionValue::String || !hasLiteralStar(V.Value))
          continue;
        Ctx.report(Info, V.Value.L,
                   "`*` in `" + V.Value.Text + "` is a literal asterisk for `" +
                       C.OperatorText +
                       "`, not a wildcard; if you meant a "
                       "pattern, use `" +
                       likeOperator(C) + "`");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(WildcardWithoutLikeOperatorRule);
} // namespace tollgate
