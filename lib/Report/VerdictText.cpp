//===- VerdictText.cpp - Verdicts, requests and regions for a reader ------===//

#include "tollgate/Report/Verdicts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace tollgate {

using namespace verify;

std::string statementLocation(const CompiledPolicySet &Set, StatementRef Ref) {
  const Policy &P = Set.policy(Ref);
  const Statement &S = P.Statements[Ref.StatementIndex];
  std::string Out;
  if (P.Source) {
    Position Pos = P.Source->position(S.L.Range.Begin);
    Out = (P.Source->name() + ":" + Twine(Pos.Line) + ":" + Twine(Pos.Column))
              .str();
  } else {
    Out = "<policy>";
  }
  return Out + " (" + S.displayName(Ref.StatementIndex) + ")";
}

/// \p S for a terminal: control characters escaped as `\xNN` (the JSON
/// form keeps the exact text).
static std::string printable(StringRef S) {
  std::string Out;
  for (char C : S) {
    unsigned char U = static_cast<unsigned char>(C);
    if (U < 0x20 || U == 0x7f)
      Out += formatv("\\x{0:x-2}", U).str();
    else
      Out += C;
  }
  return Out;
}

void printRequest(const Request &R, bool FutureAction, StringRef CatalogDate,
                  raw_ostream &OS, StringRef Indent,
                  const std::vector<std::string> *ReadKeys) {
  OS << Indent << "principal: " << R.Principal.Id << " ("
     << callerKindName(R.Principal.Kind) << ")\n";
  OS << Indent << "action:    " << R.Action;
  if (FutureAction)
    OS << "  (an action not in the catalog of " << CatalogDate << ")";
  OS << '\n';
  OS << Indent << "resource:  " << printable(R.Resource) << '\n';
  if (!R.sameAccount())
    OS << Indent << "resource account: " << R.ResourceAccount
       << " (another account than the caller's)\n";
  else if (!R.Principal.Account.empty())
    OS << Indent << "resource account: " << R.Principal.Account
       << " (the caller's)\n";
  std::vector<StringRef> Others;
  for (const ContextValue *V : R.Context.sorted()) {
    if (ReadKeys && !is_contained(*ReadKeys, StringRef(V->Name).lower())) {
      Others.push_back(V->Name);
      continue;
    }
    OS << Indent << "context:   " << V->Name << " = ";
    if (V->MultiValued) {
      OS << "[";
      ListSeparator Sep(", ");
      for (const std::string &X : V->Values)
        OS << Sep << '"' << printable(X) << '"';
      OS << "]";
    } else {
      OS << '"' << printable(V->Values.front()) << '"';
    }
    OS << '\n';
  }
  if (!Others.empty()) {
    OS << Indent << "also:      ";
    ListSeparator Sep(", ");
    for (StringRef K : Others)
      OS << Sep << K;
    OS << " (no policy reads them)\n";
  }
}

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
