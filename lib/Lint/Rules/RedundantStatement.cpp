//===- RedundantStatement.cpp - IAM111 redundant-statement ----------------===//
///
/// \file
/// A statement whose grant another statement of the policy already makes,
/// with the same effect, principals and conditions. User docs:
/// rules/docs/redundant-statement.md
///
//===----------------------------------------------------------------------===//

#include "Redundancy.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class RedundantStatementRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM111")
          .name("redundant-statement")
          .severity(Severity::Suggestion)
          .summary("A statement that another statement of the policy already "
                   "covers");
  const CheckInfo &info() const override { return Info; }

  void checkPolicy(RuleContext &Ctx) const override {
    const std::vector<Statement> &Ss = Ctx.policy().Statements;
    std::vector<StatementCover> Covers;
    Covers.reserve(Ss.size());
    for (const Statement &S : Ss)
      Covers.emplace_back(S);
    StatementCoverIndex Index(Covers);
    size_t Budget = RedundancyBudget;
    for (size_t I = 0; I < Ss.size() && Budget; ++I) {
      // Only statements that hold an entry covering each of I's can cover
      // it: those found through I's rarest entry, in order.
      Index.forEachCandidate(I, Budget, [&](size_t J) {
        if (I == J || !statementCovers(Covers[J], Covers[I]))
          return false;
        // Of two statements that cover each other, the later one goes.
        if (J > I && statementCovers(Covers[I], Covers[J]))
          return false;
        Diagnostic &D =
            Ctx.report(Info, Ss[I].L,
                       Ss[I].displayName(I) + " grants nothing that " +
                           Ss[J].displayName(J) +
                           " does not already grant with the same effect and "
                           "conditions; remove it or merge the two");
        Ctx.note(D, Ss[J].L, "covered by this statement");
        return true;
      });
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RedundantStatementRule);
} // namespace tollgate
