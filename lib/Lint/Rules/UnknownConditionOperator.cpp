//===- UnknownConditionOperator.cpp - IAM411 unknown-condition-operator ---===//
///
/// \file
/// A condition operator IAM does not have (`StringEqual`,
/// `ForAnyValues:StringLike`), with the nearest operator name, qualifier and
/// `IfExists` suffix included. User docs:
/// rules/docs/unknown-condition-operator.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Spelling.h"

using namespace llvm;

namespace tollgate {
namespace {

class UnknownConditionOperatorRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM411")
          .name("unknown-condition-operator")
          .severity(Severity::Error)
          .summary("A condition operator that IAM does not have");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const Condition *Previous = nullptr;
    for (const Condition &C : S.Conditions) {
      // One finding per operator block, not per key.
      bool SameBlock = Previous && Previous->OperatorLoc.Range.Begin ==
                                       C.OperatorLoc.Range.Begin;
      Previous = &C;
      if (SameBlock || C.Op != ConditionOp::Unknown)
        continue;
      std::string Message =
          ("unknown condition operator `" + C.OperatorText + "`").str();
      std::optional<StringRef> Fix =
          closestSpelling(C.OperatorText, reference::allOperatorNames());
      if (Fix && Fix->equals_insensitive(C.OperatorText))
        Message += ("; operator names are case-sensitive: did you mean `" +
                    *Fix + "`?")
                       .str();
      else if (Fix)
        Message += ("; did you mean `" + *Fix + "`?").str();
      else
        Message += "; use an operator such as `StringEquals`, `ArnLike`, "
                   "`NumericLessThan`, `DateGreaterThan`, `Bool`, "
                   "`IpAddress` or `Null`";
      Ctx.report(Info, C.OperatorLoc, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(UnknownConditionOperatorRule);
} // namespace tollgate
