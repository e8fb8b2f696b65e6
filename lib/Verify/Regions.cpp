//===- Regions.cpp - Groups of changed access -----------------------------===//

#include "tollgate/Verify/Regions.h"

#include <algorithm>
#include <map>
#include <set>

using namespace llvm;

namespace tollgate {

using namespace verify;

Direction findRegions(Verifier &V, const PolicySet &A, const PolicySet &B,
                      unsigned Max, std::string Title, StringRef FileA,
                      StringRef FileB, const Policy *Scope) {
  Direction D;
  D.Title = std::move(Title);
  D.FileA = FileA.str();
  D.FileB = FileB.str();
  D.SetA = std::make_shared<CompiledPolicySet>(A);
  std::vector<Counterexample> Cexs = V.regions(A, &B, Max, D.Summary, Scope);
  // Merge the regions granted by the same statements.
  std::map<std::vector<std::pair<unsigned, unsigned>>, size_t> ByStatements;
  // The action groups counted in each region: one group recurs there for
  // each kind of caller, and its members beyond those listed count once.
  std::vector<std::set<std::string>> Counted;
  for (Counterexample &C : Cexs) {
    std::vector<std::pair<unsigned, unsigned>> Key;
    for (StatementRef R : C.A.Deciding)
      Key.push_back({static_cast<unsigned>(R.Role) * 65536u + R.PolicyIndex,
                     R.StatementIndex});
    std::sort(Key.begin(), Key.end());
    Key.push_back({C.FutureAction ? 1u : 0u, ~0u});
    auto It = ByStatements.emplace(Key, D.Regions.size());
    if (It.second) {
      Region R;
      R.Granting.assign(C.A.Deciding.begin(), C.A.Deciding.end());
      R.Future = C.FutureAction;
      R.Example = C;
      D.Regions.push_back(std::move(R));
      Counted.emplace_back();
    }
    Region &R = D.Regions[It.first->second];
    if (C.GroupActions.empty())
      R.Actions.insert(C.R.Action);
    R.Actions.insert(C.GroupActions.begin(), C.GroupActions.end());
    // Groups share no action, so the first member names the group.
    const std::string &Group =
        C.GroupActions.empty() ? C.R.Action : C.GroupActions.front();
    if (Counted[It.first->second].insert(Group).second)
      R.MoreActions += C.MoreGroupActions;
  }
  return D;
}

} // namespace tollgate
