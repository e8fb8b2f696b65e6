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

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace llvm;

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
    if (Ss.size() < 2)
      return;
    // Only statements with the same effect, principals and conditions can
    // cover one another (statementCovers()): each such class is searched on
    // its own, and a statement alone in its class is not searched at all.
    std::vector<StatementCover> Covers;
    Covers.reserve(Ss.size());
    StringMap<SmallVector<uint32_t, 4>> Classes;
    std::string ClassKey;
    for (uint32_t I = 0; I < Ss.size(); ++I) {
      const Statement &S = Ss[I];
      Covers.emplace_back(S);
      if (S.Action.Negated || S.Resource.Negated || S.Action.Patterns.empty())
        continue;
      ClassKey.assign({char('0' + int(S.Eff)), char('0' + S.Resource.Present),
                       char('0' + S.Principal.Present)});
      ClassKey += std::to_string(S.Conditions.size());
      ClassKey += '\n';
      ClassKey += Covers.back().key();
      Classes[ClassKey].push_back(I);
    }
    // (covered, covering) statements.
    std::vector<std::pair<uint32_t, uint32_t>> Found;
    size_t Budget = RedundancyBudget;
    std::vector<const SmallVector<uint32_t, 4> *> Order;
    for (const auto &C : Classes)
      if (C.second.size() > 1)
        Order.push_back(&C.second);
    // In order of their first statements, as one search over the policy
    // would find them.
    llvm::sort(Order, [](const SmallVector<uint32_t, 4> *A,
                         const SmallVector<uint32_t, 4> *B) {
      return A->front() < B->front();
    });
    for (const SmallVector<uint32_t, 4> *Members : Order) {
      std::vector<StatementCover> Local;
      Local.reserve(Members->size());
      for (uint32_t I : *Members)
        Local.push_back(Covers[I]);
      StatementCoverIndex Index(Local);
      for (size_t I = 0; I < Local.size() && Budget; ++I) {
        // Only statements that hold an entry covering each of I's can
        // cover it: those found through I's rarest entry, in order.
        Index.forEachCandidate(I, Budget, [&](size_t J) {
          if (I == J || !statementCovers(Local[J], Local[I]))
            return false;
          // Of two statements that cover each other, the later one goes.
          if (J > I && statementCovers(Local[I], Local[J]))
            return false;
          Found.push_back({(*Members)[I], (*Members)[J]});
          return true;
        });
      }
    }
    llvm::sort(Found);
    for (auto [I, J] : Found) {
      Diagnostic &D =
          Ctx.report(Info, Ss[I].L,
                     Ss[I].displayName(I) + " grants nothing that " +
                         Ss[J].displayName(J) +
                         " does not already grant with the same effect and "
                         "conditions; remove it or merge the two");
      Ctx.note(D, Ss[J].L, "covered by this statement");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RedundantStatementRule);
} // namespace tollgate
