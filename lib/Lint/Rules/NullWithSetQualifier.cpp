//===- NullWithSetQualifier.cpp - IAM416 null-with-set-qualifier ----------===//
///
/// \file
/// `ForAllValues:Null` or `ForAnyValue:Null`: the set qualifiers compare a
/// key's values, and `Null` has none to compare. User docs:
/// rules/docs/null-with-set-qualifier.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class NullWithSetQualifierRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM416")
          .name("null-with-set-qualifier")
          .severity(Severity::Suggestion)
          .summary("The Null operator with ForAllValues or ForAnyValue");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const Condition *Previous = nullptr;
    for (const Condition &C : S.Conditions) {
      bool SameBlock = Previous && Previous->OperatorLoc.Range.Begin ==
                                       C.OperatorLoc.Range.Begin;
      Previous = &C;
      if (SameBlock || C.Op != ConditionOp::Null ||
          C.Qualifier == SetQualifier::None)
        continue;
      bool All = C.Qualifier == SetQualifier::ForAllValues;
      Ctx.report(Info, C.OperatorLoc,
                 "operator `" + C.OperatorText +
                     "` qualifies `Null`, which "
                     "tests whether a key is present and compares no values, "
                     "so the condition is always " +
                     (All ? "true" : "false") +
                     "; use `Null` without the qualifier");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(NullWithSetQualifierRule);
} // namespace tollgate
