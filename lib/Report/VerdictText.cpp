//===- VerdictText.cpp - Verdicts, requests and regions for a reader ------===//

#include "tollgate/Report/Reporters.h"
#include "tollgate/Report/Verdicts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace tollgate {

using namespace verify;

std::string statementLocation(const CompiledPolicySet &Set, StatementRef Ref) {
  const Policy &P = Set.policy(Ref);
  const Statement &S = P.Statements[Ref.StatementIndex];
  std::string Out;
  if (P.Source && !P.Source->wasRead()) {
    Out = displayPath(P.Source->name()).str(); // A policy built, not read.
  } else if (P.Source) {
    Position Pos = P.Source->position(S.L.Range.Begin);
    Out = (displayPath(P.Source->name()) + ":" + Twine(Pos.Line) + ":" +
           Twine(Pos.Column))
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

std::vector<RequestField>
requestFields(const Request &R, bool FutureAction, StringRef CatalogDate,
              const std::vector<std::string> *ReadKeys) {
  std::vector<RequestField> Out;
  Out.push_back(
      {"principal",
       R.Principal.Id + " (" + callerKindName(R.Principal.Kind).str() + ")"});
  std::string Action = R.Action;
  if (FutureAction)
    Action += ("  (an action not in the catalog of " + CatalogDate + ")").str();
  Out.push_back({"action", std::move(Action)});
  Out.push_back({"resource", printable(R.Resource)});
  if (!R.sameAccount())
    Out.push_back({"resource account",
                   R.ResourceAccount + " (another account than the caller's)"});
  else if (!R.Principal.Account.empty())
    Out.push_back(
        {"resource account", R.Principal.Account + " (the caller's)"});
  std::string Others;
  for (const ContextValue *V : R.Context.sorted()) {
    if (ReadKeys && !is_contained(*ReadKeys, StringRef(V->Name).lower())) {
      Others += (Others.empty() ? "" : ", ") + V->Name;
      continue;
    }
    std::string Value = V->Name + " = ";
    if (V->MultiValued) {
      Value += "[";
      for (size_t I = 0; I < V->Values.size(); ++I)
        Value += (I ? ", \"" : "\"") + printable(V->Values[I]) + "\"";
      Value += "]";
    } else {
      Value += "\"" + printable(V->Values.front()) + "\"";
    }
    Out.push_back({"context", std::move(Value)});
  }
  if (!Others.empty())
    Out.push_back({"also", Others + " (no policy reads them)"});
  return Out;
}

void printRequest(const Request &R, bool FutureAction, StringRef CatalogDate,
                  raw_ostream &OS, StringRef Indent,
                  const std::vector<std::string> *ReadKeys) {
  // Values line up after the short labels.
  for (const RequestField &F :
       requestFields(R, FutureAction, CatalogDate, ReadKeys))
    OS << Indent << left_justify(F.Label + ":", 10) << ' ' << F.Value << '\n';
}

std::string requestLine(const Request &R, bool FutureAction,
                        StringRef CatalogDate,
                        const std::vector<std::string> *ReadKeys) {
  std::string Out;
  for (const RequestField &F :
       requestFields(R, FutureAction, CatalogDate, ReadKeys))
    Out += (Out.empty() ? "" : "; ") + F.Label + " " + F.Value;
  return Out;
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
  if (!D.Summary.Reason.empty())
    OS << "  (the list may be incomplete: " << D.Summary.Reason << ")\n";
}

void writeVerdictText(ArrayRef<VerdictOutcome> Outcomes, StringRef CatalogDate,
                      raw_ostream &OS) {
  for (const VerdictOutcome &O : Outcomes) {
    OS << verdictName(O.R.V) << ": " << O.Title << '\n';
    if (O.R.V == Verdict::Unknown)
      OS << "  reason: " << O.R.Reason << '\n';
    if (!O.R.Cex)
      continue;
    const Counterexample &C = *O.R.Cex;
    OS << "  counterexample request:\n";
    printRequest(C.R, C.FutureAction, CatalogDate, OS, "    ", &C.ReadKeys);
    OS << "  " << O.FileA << ": " << decisionName(C.A.D) << '\n';
    for (StatementRef Ref : C.A.Deciding)
      OS << "    allowed by " << statementLocation(*O.SetA, Ref) << '\n';
    if (O.SetB) {
      OS << "  " << O.FileB << ": " << decisionName(C.B.D) << " ("
         << denyReasonText(C.B.Reason) << ")\n";
      for (StatementRef Ref : C.B.Deciding)
        OS << "    denied by " << statementLocation(*O.SetB, Ref) << '\n';
    }
  }
  // Every outcome of a run rests on the same request model.
  if (!Outcomes.empty() && !Outcomes.front().R.Assumptions.empty()) {
    OS << "assuming:\n";
    for (const std::string &S : Outcomes.front().R.Assumptions)
      OS << "  - " << S << '\n';
  }
}

void writeDiffText(ArrayRef<AccessChange> Changes,
                   ArrayRef<std::string> Conditions, StringRef CatalogDate,
                   raw_ostream &OS) {
  if (Changes.size() == 1) {
    printDirectionText(Changes.front().Gained, CatalogDate, OS);
    printDirectionText(Changes.front().Lost, CatalogDate, OS);
    return;
  }
  // The assignments under which access changes; one line when none.
  bool Any = false;
  for (const AccessChange &C : Changes)
    for (const Direction *D : {&C.Gained, &C.Lost})
      if (!D->Regions.empty() || D->Summary.V == Verdict::Unknown) {
        printDirectionText(*D, CatalogDate, OS);
        Any = true;
      }
  if (Any)
    return;
  OS << "access gained or lost under any assignment of the condition"
     << (Conditions.size() > 1 ? "s" : "");
  for (size_t I = 0; I < Conditions.size(); ++I)
    OS << (I ? ", `" : " `") << Conditions[I] << '`';
  OS << ": none\n";
}

} // namespace tollgate
