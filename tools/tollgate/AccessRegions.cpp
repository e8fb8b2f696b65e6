//===- AccessRegions.cpp - Groups of changed access -----------------------===//

#include "AccessRegions.h"
#include "CheckCommand.h"

#include <map>

using namespace llvm;

namespace tollgate {

using namespace checkcmd;
using namespace verify;

std::string regionActions(const Region &R, StringRef CatalogDate,
                          unsigned Shown, bool Quoted) {
  std::string Out;
  if (R.Future)
    Out = ("actions not in the catalog of " + CatalogDate + ", such as ").str();
  unsigned N = 0;
  for (const std::string &A : R.Actions) {
    if (++N > Shown)
      break;
    if (N > 1)
      Out += Quoted ? ", " : " ";
    Out += Quoted ? "`" + A + "`" : A;
  }
  unsigned All = static_cast<unsigned>(R.Actions.size()) + R.MoreActions;
  if (All > Shown)
    Out += " (and " + std::to_string(All - Shown) + " more)";
  return Out;
}

std::string conditionText(const Condition &C) {
  std::string Out = (C.OperatorText + " " + C.Key + " = ").str();
  if (C.Values.size() == 1)
    return Out + "\"" + C.Values[0].Value.Text.str() + "\"";
  Out += "[";
  for (size_t I = 0; I < C.Values.size(); ++I)
    Out += (I ? ", \"" : "\"") + C.Values[I].Value.Text.str() + "\"";
  return Out + "]";
}

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
    }
    Region &R = D.Regions[It.first->second];
    if (C.GroupActions.empty())
      R.Actions.insert(C.R.Action);
    R.Actions.insert(C.GroupActions.begin(), C.GroupActions.end());
    R.MoreActions += C.MoreGroupActions;
  }
  return D;
}

void printDirectionText(const Direction &D, StringRef CatalogDate,
                        raw_ostream &OS) {
  OS << D.Title << ":";
  if (D.Regions.empty()) {
    if (D.Summary.V == Verdict::Unknown)
      OS << " unknown (" << D.Summary.Reason << ")\n";
    else
      OS << " none\n";
    return;
  }
  OS << '\n';
  for (const Region &R : D.Regions) {
    OS << "  actions: " << regionActions(R, CatalogDate) << '\n';
    for (StatementRef Ref : R.Granting) {
      const Policy &P = D.SetA->policy(Ref);
      const Statement &S = P.Statements[Ref.StatementIndex];
      OS << "    granted by " << statementLocation(*D.SetA, Ref) << '\n';
      if (S.Resource.Present) {
        OS << "      "
           << (S.Resource.Negated ? "not resources:" : "resources:");
        for (const PolicyString &RP : S.Resource.Patterns)
          OS << ' ' << RP.Text;
        OS << '\n';
      }
      for (const Condition &C : S.Conditions)
        OS << "      condition: " << conditionText(C) << '\n';
    }
    OS << "    for example (" << D.FileB << ": " << decisionName(R.Example.B.D)
       << "):\n";
    printRequest(R.Example.R, R.Example.FutureAction, CatalogDate, OS, "      ",
                 &R.Example.ReadKeys);
  }
  if (D.Summary.V == Verdict::Unknown && !D.Summary.Reason.empty())
    OS << "  (some action groups undecided: " << D.Summary.Reason << ")\n";
}

llvm::json::Object directionJson(const Direction &D) {
  llvm::json::Array Regions;
  for (const Region &R : D.Regions) {
    llvm::json::Array Acts, Granting;
    for (const std::string &A : R.Actions)
      Acts.push_back(A);
    for (StatementRef Ref : R.Granting) {
      const Policy &P = D.SetA->policy(Ref);
      const Statement &S = P.Statements[Ref.StatementIndex];
      llvm::json::Array Res, Conds;
      for (const PolicyString &RP : S.Resource.Patterns)
        Res.push_back(RP.Text.str());
      for (const Condition &C : S.Conditions)
        Conds.push_back(conditionText(C));
      Granting.push_back(llvm::json::Object{
          {"statement", statementLocation(*D.SetA, Ref)},
          {S.Resource.Negated ? "notResources" : "resources", std::move(Res)},
          {"conditions", std::move(Conds)}});
    }
    const Request &Q = R.Example.R;
    llvm::json::Object Ctx;
    for (const ContextValue *V : Q.Context.sorted()) {
      llvm::json::Array Vs;
      for (const std::string &X : V->Values)
        Vs.push_back(X);
      Ctx[V->Name] = std::move(Vs);
    }
    Regions.push_back(llvm::json::Object{
        {"actions", std::move(Acts)},
        {"moreActions", R.MoreActions},
        {"futureAction", R.Future},
        {"grantedBy", std::move(Granting)},
        {"example", llvm::json::Object{{"principal", Q.Principal.Id},
                                       {"action", Q.Action},
                                       {"resource", Q.Resource},
                                       {"context", std::move(Ctx)}}}});
  }
  llvm::json::Object O{{"title", D.Title}, {"regions", std::move(Regions)}};
  if (D.Summary.V == Verdict::Unknown)
    O["undecided"] = D.Summary.Reason;
  return O;
}

} // namespace tollgate
