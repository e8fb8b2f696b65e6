//===- RedundantAction.cpp - IAM109 redundant-action ----------------------===//
///
/// \file
/// An Action or NotAction entry that another entry of the same statement
/// already covers (`s3:GetObject` next to `s3:Get*`, or a duplicate). User
/// docs: rules/docs/redundant-action.md
///
//===----------------------------------------------------------------------===//

#include "Redundancy.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class RedundantActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM109")
          .name("redundant-action")
          .severity(Severity::Suggestion)
          .summary("An action entry that another entry already covers");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const char *Element = S.Action.Negated ? "NotAction" : "Action";
    for (auto [Covered, By] : redundantActions(S.Action)) {
      const ActionPattern &A = S.Action.Patterns[Covered];
      const ActionPattern &B = S.Action.Patterns[By];
      reportRedundantEntry(Ctx, Info, Element, A.Text, A.L, B.Text, B.L,
                           A.Text.equals_insensitive(B.Text));
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RedundantActionRule);
} // namespace tollgate
