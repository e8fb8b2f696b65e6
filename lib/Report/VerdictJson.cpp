//===- VerdictJson.cpp - Verdicts and access changes as JSON --------------===//
///
/// \file
/// The JSON of `tollgate check` and `tollgate diff`: objects with their keys
/// in sorted order, indented by two spaces.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Verdicts.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::json;

namespace tollgate {

using namespace verify;

static void dump(const Json &J, raw_ostream &OS) {
  OS << J.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

static Json requestJson(const Request &R, bool Future) {
  Json Ctx = Json::object();
  for (const ContextValue *V : R.Context.sorted())
    if (V->MultiValued)
      Ctx[V->Name] = V->Values;
    else
      Ctx[V->Name] = V->Values.front();
  return {{"principal", R.Principal.Id},
          {"principalKind", callerKindName(R.Principal.Kind).str()},
          {"action", R.Action},
          {"futureAction", Future},
          {"resource", R.Resource},
          {"context", std::move(Ctx)},
          {"resourceAccount", R.ResourceAccount.empty() ? R.Principal.Account
                                                        : R.ResourceAccount}};
}

static Json statementsJson(const CompiledPolicySet &Set,
                           ArrayRef<StatementRef> Refs) {
  Json A = Json::array();
  for (StatementRef Ref : Refs)
    A.push_back(statementLocation(Set, Ref));
  return A;
}

void writeVerdictJson(ArrayRef<VerdictOutcome> Outcomes, raw_ostream &OS) {
  Json Results = Json::array();
  for (const VerdictOutcome &O : Outcomes) {
    const CheckStats &S = O.R.Stats;
    Json J = {{"property", O.Property},
              {"result", verdictName(O.R.V).str()},
              {"title", O.Title},
              {"stats",
               {{"actionGroups", S.ActionGroups},
                {"queries", S.Queries},
                {"distinctQueries", S.Distinct},
                {"syntacticProofs", S.SyntacticProofs},
                {"witnessHits", S.WitnessHits},
                {"solverCalls", S.SolverCalls}}},
              {"assumptions", O.R.Assumptions}};
    if (O.R.V == Verdict::Unknown)
      J["reason"] = O.R.Reason;
    if (O.R.Cex) {
      const Counterexample &C = *O.R.Cex;
      Json Cx = {{"request", requestJson(C.R, C.FutureAction)},
                 {"decisionA", decisionName(C.A.D).str()},
                 {"allowedBy", statementsJson(*O.SetA, C.A.Deciding)}};
      if (O.SetB) {
        Cx["decisionB"] = decisionName(C.B.D).str();
        Cx["deniedBy"] = statementsJson(*O.SetB, C.B.Deciding);
      }
      J["counterexample"] = std::move(Cx);
    }
    Results.push_back(std::move(J));
  }
  dump({{"version", 1},
        {"tool", {{"name", "tollgate"}}},
        {"results", std::move(Results)}},
       OS);
}

static Json directionJson(const Direction &D) {
  Json Regions = Json::array();
  for (const Region &R : D.Regions) {
    Json Granting = Json::array();
    for (StatementRef Ref : R.Granting) {
      const Policy &P = D.SetA->policy(Ref);
      const Statement &S = P.Statements[Ref.StatementIndex];
      Json Res = Json::array(), Conds = Json::array();
      for (const PolicyString &RP : S.Resource.Patterns)
        Res.push_back(RP.Text.str());
      for (const Condition &C : S.Conditions)
        Conds.push_back(conditionText(C));
      Granting.push_back(
          {{"statement", statementLocation(*D.SetA, Ref)},
           {S.Resource.Negated ? "notResources" : "resources", std::move(Res)},
           {"conditions", std::move(Conds)}});
    }
    const Request &Q = R.Example.R;
    Json Ctx = Json::object();
    for (const ContextValue *V : Q.Context.sorted())
      Ctx[V->Name] = V->Values;
    Regions.push_back({{"actions", R.Actions},
                       {"moreActions", R.MoreActions},
                       {"futureAction", R.Future},
                       {"grantedBy", std::move(Granting)},
                       {"example",
                        {{"principal", Q.Principal.Id},
                         {"action", Q.Action},
                         {"resource", Q.Resource},
                         {"context", std::move(Ctx)}}}});
  }
  Json O = {{"title", D.Title}, {"regions", std::move(Regions)}};
  if (D.Summary.V == Verdict::Unknown || !D.Summary.Reason.empty())
    O["undecided"] = D.Summary.Reason;
  return O;
}

void writeDiffJson(ArrayRef<AccessChange> Changes,
                   ArrayRef<std::string> Conditions, raw_ostream &OS) {
  Json Out = Json::object();
  if (Changes.size() == 1 && Changes.front().Values.empty()) {
    Out["gained"] = directionJson(Changes.front().Gained);
    Out["lost"] = directionJson(Changes.front().Lost);
  } else {
    // One entry per assignment of the conditions.
    Json Assignments = Json::array();
    for (const AccessChange &C : Changes)
      Assignments.push_back({{"conditions", C.Values},
                             {"gained", directionJson(C.Gained)},
                             {"lost", directionJson(C.Lost)}});
    Out["conditions"] = Conditions;
    Out["assignments"] = std::move(Assignments);
  }
  dump(Out, OS);
}

} // namespace tollgate
