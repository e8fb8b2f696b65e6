//===- VariableInUnsupportedOperator.cpp - IAM420 -------------------------===//
///
/// \file
/// variable-in-unsupported-operator: a policy variable in the value of a
/// Numeric, Date, Binary, IP address or Null operator, which compare
/// literal values only. User docs:
/// rules/docs/variable-in-unsupported-operator.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

bool takesVariables(OperatorFamily F) {
  switch (F) {
  case OperatorFamily::Numeric:
  case OperatorFamily::Date:
  case OperatorFamily::Binary:
  case OperatorFamily::Ip:
  case OperatorFamily::Null:
    return false;
  default:
    return true;
  }
}

class VariableInUnsupportedOperatorRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM420")
          .name("variable-in-unsupported-operator")
          .severity(Severity::Error)
          .summary(
              "A policy variable under an operator that takes no variables");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      OperatorFamily Family = operatorFamily(C.Op);
      if (takesVariables(Family))
        continue;
      for (const ConditionValue &V : C.Values)
        if (V.Value.hasVariables())
          Ctx.report(Info, V.Value.L,
                     "`" + C.OperatorText +
                         "` does not take policy variables such as the one "
                         "in `" +
                         V.Value.Text +
                         "`; only String, ARN and Bool operators do");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(VariableInUnsupportedOperatorRule);
} // namespace tollgate
