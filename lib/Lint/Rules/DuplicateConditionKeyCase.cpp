//===- DuplicateConditionKeyCase.cpp - IAM410 duplicate-condition-key-case ===//
///
/// \file
/// One operator block that names a condition key twice with different case
/// (`aws:SourceIp` and `aws:sourceip`). Key names are case-insensitive, so
/// both entries test the same key. User docs:
/// rules/docs/duplicate-condition-key-case.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class DuplicateConditionKeyCaseRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM410")
          .name("duplicate-condition-key-case")
          .severity(Severity::Error)
          .summary("An operator block names one condition key twice, in "
                   "different case");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    // The conditions of one operator block are consecutive and share the
    // operator's location.
    const std::vector<Condition> &Cs = S.Conditions;
    for (size_t I = 0; I < Cs.size(); ++I)
      for (size_t J = I; J-- > 0;) {
        if (Cs[J].OperatorLoc.Range.Begin != Cs[I].OperatorLoc.Range.Begin)
          break;
        // Exact repeats are duplicate JSON keys (IAM005).
        if (Cs[J].Key == Cs[I].Key || !Cs[J].Key.equals_insensitive(Cs[I].Key))
          continue;
        Diagnostic &D = Ctx.report(
            Info, Cs[I].KeyLoc,
            "condition key `" + Cs[I].Key + "` repeats `" + Cs[J].Key +
                "` with different case in the `" + Cs[I].OperatorText +
                "` block; key names are case-insensitive, so merge the two "
                "into one entry");
        Ctx.note(D, Cs[J].KeyLoc, "first named here");
        break;
      }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(DuplicateConditionKeyCaseRule);
} // namespace tollgate
