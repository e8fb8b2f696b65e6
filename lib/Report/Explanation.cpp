//===- Explanation.cpp - Why a request was allowed or denied --------------===//

#include "tollgate/Report/Explanation.h"

#include "tollgate/Report/Verdicts.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace tollgate {

/// Where a statement is, as file:line:col.
static std::string where(const ExplainedPolicy &L, const Statement &S) {
  std::string Out = L.Path;
  if (L.L->Source) {
    Position P = L.L->Source->position(S.L.Range.Begin);
    Out += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  }
  return Out;
}

static std::string whereOf(const ExplainedPolicy &L, Span Range) {
  std::string Out = L.Path;
  if (L.L->Source) {
    Position P = L.L->Source->position(Range.Begin);
    Out += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  }
  return Out;
}

static const ExplainedPolicy &findLoaded(const ArrayRef<ExplainedPolicy> All,
                                         StatementRef Ref) {
  unsigned Index = 0;
  for (const ExplainedPolicy &L : All) {
    if (L.Role != Ref.Role)
      continue;
    if (Index++ == Ref.PolicyIndex)
      return L;
  }
  llvm_unreachable("statement reference names no loaded policy");
}

void writeExplanationText(const ArrayRef<ExplainedPolicy> All, const Request &R,
                          const Explanation &E, raw_ostream &OS) {
  OS << "decision: " << decisionName(E.Result.D) << '\n';
  OS << "  " << denyReasonText(E.Result.Reason) << '\n';
  OS << "request: " << callerKindName(R.Principal.Kind);
  if (!R.Principal.Id.empty())
    OS << ' ' << R.Principal.Id;
  OS << " -> " << R.Action << " on " << R.Resource
     << (E.SameAccount ? " (same account)" : " (cross-account)") << '\n';
  for (const ContextValue *V : R.Context.sorted()) {
    OS << "  " << V->Name << " = ";
    if (V->MultiValued) {
      OS << '[';
      for (size_t I = 0; I < V->Values.size(); ++I)
        OS << (I ? ", " : "") << '"' << V->Values[I] << '"';
      OS << ']';
    } else {
      OS << '"' << V->Values.front() << '"';
    }
    OS << '\n';
  }
  if (!E.Result.Deciding.empty()) {
    OS << "deciding statements:\n";
    for (StatementRef Ref : E.Result.Deciding) {
      const ExplainedPolicy &L = findLoaded(All, Ref);
      const Statement &S = L.L->P->Statements[Ref.StatementIndex];
      OS << "  " << where(L, S) << ": " << policyRoleName(Ref.Role) << ' '
         << S.displayName(Ref.StatementIndex) << " ("
         << (S.Eff == Effect::Allow ? "Allow" : "Deny") << ")\n";
    }
  }
  OS << "statements:\n";
  for (const StatementTrace &T : E.Statements) {
    const ExplainedPolicy &L = findLoaded(All, T.Ref);
    OS << "  " << where(L, *T.S) << ": " << policyRoleName(T.Ref.Role) << ' '
       << T.S->displayName(T.Ref.StatementIndex) << " ("
       << (T.S->Eff == Effect::Allow ? "Allow" : "Deny") << "): ";
    if (T.Unsupported)
      OS << "cannot be decided";
    else if (T.Applies)
      OS << "applies";
    else {
      std::vector<std::string> Why;
      if (!T.ActionMatched)
        Why.push_back("action");
      if (!T.ResourceMatched)
        Why.push_back("resource");
      if (!T.PrincipalMatched)
        Why.push_back("principal");
      if (!T.FailedConditions.empty())
        Why.push_back("conditions");
      OS << "does not apply";
      if (Why.empty() && T.Ref.Role != PolicyRole::Resource &&
          T.Ref.Role != PolicyRole::RCP && !E.SCPsApply)
        OS << " (this policy type does not apply to the caller)";
      else if (!Why.empty())
        OS << " (" << join(Why, ", ") << ")";
    }
    OS << '\n';
    for (unsigned I : T.FailedConditions) {
      const Condition &C = T.S->Conditions[I];
      OS << "    " << whereOf(L, C.OperatorLoc.Range)
         << ": condition failed: " << conditionText(C) << '\n';
    }
    for (unsigned I : T.UnsupportedConditions) {
      const Condition &C = T.S->Conditions[I];
      OS << "    " << whereOf(L, C.OperatorLoc.Range)
         << ": condition cannot be decided: " << conditionText(C) << '\n';
    }
  }
}

void writeExplanationJson(const ArrayRef<ExplainedPolicy> All, const Request &R,
                          const Explanation &E, raw_ostream &OS) {
  using nlohmann::json;
  json Out;
  Out["decision"] = decisionName(E.Result.D).str();
  Out["reason"] = denyReasonText(E.Result.Reason).str();
  Out["sameAccount"] = E.SameAccount;
  json Req;
  Req["principal"] = R.Principal.Id;
  Req["principalKind"] = callerKindName(R.Principal.Kind).str();
  Req["action"] = R.Action;
  Req["resource"] = R.Resource;
  Req["resourceAccount"] =
      R.ResourceAccount.empty() ? R.Principal.Account : R.ResourceAccount;
  json Ctx = json::object();
  for (const ContextValue *V : R.Context.sorted())
    Ctx[V->Name] = V->MultiValued ? json(V->Values) : json(V->Values.front());
  Req["context"] = Ctx;
  Out["request"] = Req;
  auto Ref = [&](StatementRef Ref, const Statement &S) {
    const ExplainedPolicy &L = findLoaded(All, Ref);
    json J;
    J["policyRole"] = policyRoleName(Ref.Role).str();
    J["policyIndex"] = Ref.PolicyIndex;
    J["statementIndex"] = Ref.StatementIndex;
    J["file"] = L.Path;
    if (L.L->Source) {
      Position P = L.L->Source->position(S.L.Range.Begin);
      J["line"] = P.Line;
      J["column"] = P.Column;
    }
    if (S.HasSid)
      J["sid"] = S.Sid.str();
    J["effect"] = S.Eff == Effect::Allow ? "Allow" : "Deny";
    return J;
  };
  json Deciding = json::array();
  for (StatementRef SR : E.Result.Deciding) {
    const ExplainedPolicy &L = findLoaded(All, SR);
    Deciding.push_back(Ref(SR, L.L->P->Statements[SR.StatementIndex]));
  }
  Out["deciding"] = Deciding;
  json Statements = json::array();
  for (const StatementTrace &T : E.Statements) {
    json J = Ref(T.Ref, *T.S);
    J["applies"] = T.Applies;
    J["unsupported"] = T.Unsupported;
    J["actionMatched"] = T.ActionMatched;
    J["resourceMatched"] = T.ResourceMatched;
    J["principalMatched"] = T.PrincipalMatched;
    auto Conds = [&](const std::vector<unsigned> &Indices) {
      json A = json::array();
      const ExplainedPolicy &L = findLoaded(All, T.Ref);
      for (unsigned I : Indices) {
        const Condition &C = T.S->Conditions[I];
        json CJ;
        CJ["operator"] = C.OperatorText.str();
        CJ["key"] = C.Key.str();
        json Values = json::array();
        for (const ConditionValue &V : C.Values)
          Values.push_back(V.Value.Text.str());
        CJ["values"] = Values;
        CJ["location"] = whereOf(L, C.OperatorLoc.Range);
        A.push_back(CJ);
      }
      return A;
    };
    J["failedConditions"] = Conds(T.FailedConditions);
    J["unsupportedConditions"] = Conds(T.UnsupportedConditions);
    Statements.push_back(J);
  }
  Out["statements"] = Statements;
  OS << Out.dump(2) << '\n';
}

} // namespace tollgate
