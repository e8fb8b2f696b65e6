//===- Admins.cpp - Principals allowed everything -------------------------===//
//
// A concrete request the principal may not make refutes the claim at once;
// otherwise a principal is an administrator when the verifier proves that every
// request an "Allow * on *" identity policy allows (under the same SCPs and
// RCPs) its own policy set allows too. Principals with the same policies
// share one check. A refutation comes with a request the principal may not
// make, replayed as the principal; when only the conditions of an Allow of
// everything stop that request, the verifier is asked again within those
// conditions: a proof makes the principal an administrator under them.
//
//===----------------------------------------------------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Analysis.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Verify/Verify.h"

#include <nlohmann/json.hpp>

#include <map>

using namespace llvm;

namespace tollgate {
namespace account {

StringRef adminVerdictName(AdminVerdict V) {
  switch (V) {
  case AdminVerdict::Admin:
    return "administrator";
  case AdminVerdict::AdminConditional:
    return "administrator under conditions";
  case AdminVerdict::NotAdmin:
    return "not an administrator";
  case AdminVerdict::Unknown:
    return "unknown";
  }
  return "unknown";
}

namespace {

bool isEverything(const Statement &S) {
  bool AllActions = S.Action.Present && !S.Action.Negated &&
                    any_of(S.Action.Patterns, [](const ActionPattern &P) {
                      return P.Text == "*" || P.Text == "*:*";
                    });
  bool AllResources = S.Resource.Present && !S.Resource.Negated &&
                      any_of(S.Resource.Patterns, [](const PolicyString &P) {
                        return P.Text == "*";
                      });
  return AllActions && AllResources;
}

/// The Allow statements of everything on everything.
std::vector<StatementCite> allowsOfEverything(const PrincipalAccess &PA) {
  std::vector<StatementCite> Out;
  for (size_t I = 0; I < PA.effective().Identity.size(); ++I) {
    const Policy &P = *PA.effective().Identity[I].P;
    for (size_t J = 0; J < P.Statements.size(); ++J)
      if (P.Statements[J].Eff == Effect::Allow && isEverything(P.Statements[J]))
        Out.push_back(
            PA.cite({PolicyRole::Identity, uint16_t(I), uint32_t(J)}));
  }
  return Out;
}

/// Fills the verdict of a principal denied \p Ex's request: not an
/// administrator, or (a claim to prove) one under the conditions that
/// failed; returns the statement that would then grant everything.
std::optional<StatementRef> explainDenial(const PrincipalAccess &PA,
                                          const Explanation &Ex,
                                          AdminAnswer &Out) {
  std::optional<StatementRef> Candidate;
  Out.V = AdminVerdict::NotAdmin;
  Out.Reason = denyReasonText(Ex.Result.Reason).str();
  Out.Granting.clear();
  Out.Conditions.clear();
  Out.ShownKeys.clear();
  for (const StatementTrace &T : Ex.Statements) {
    if (T.Ref.Role != PolicyRole::Identity || !T.S ||
        T.S->Eff != Effect::Allow || !isEverything(*T.S) ||
        T.FailedConditions.empty() || !T.UnsupportedConditions.empty())
      continue;
    Out.V = AdminVerdict::AdminConditional;
    Out.Granting.push_back(PA.cite(T.Ref));
    for (size_t C = 0; C < T.S->Conditions.size(); ++C) {
      Out.Conditions.push_back(conditionText(T.S->Conditions[C]));
      Out.ShownKeys.push_back(T.S->Conditions[C].Key.lower());
    }
    if (!Candidate)
      Candidate = T.Ref;
  }
  return Candidate;
}

/// Proves the claim of explainDenial(): every request that meets the
/// conditions of statement \p Ref (and that the principal makes) is allowed
/// as "Allow * on *" would be. The verifier's scope is an Allow of
/// everything under the statement's own Condition block, read from its
/// source text.
void proveUnderConditions(const PrincipalAccess &PA,
                          const PolicySet &Everything, StatementRef Ref,
                          const AnalysisOptions &Options, AdminAnswer &Out) {
  const Policy &P = PA.compiled().policy(Ref);
  const Statement &S = PA.compiled().statement(Ref);
  auto Unknown = [&](std::string Why) {
    Out.V = AdminVerdict::Unknown;
    Out.Reason = std::move(Why);
  };
  if (!P.Source || !S.HasCondition)
    return Unknown("the conditions could not be read back");
  using Json = nlohmann::json;
  Json Cond = Json::parse(P.Source->text().slice(S.ConditionLoc.Range.Begin,
                                                 S.ConditionLoc.Range.End),
                          nullptr, /*allow_exceptions=*/false);
  if (!Cond.is_object())
    return Unknown("the conditions could not be read back");
  // Keep the requests to the principal's own.
  Request Own = PA.request("s3:GetObject", "*");
  const ContextValue *Arn = Own.Context.lookup("aws:PrincipalArn");
  Json &Equals = Cond["StringEquals"];
  if (Arn && !Arn->Values.empty() && Equals.is_object() &&
      !Equals.contains("aws:PrincipalArn"))
    Equals["aws:PrincipalArn"] = Arn->Values[0];
  Json ScopeDoc = {{"Version", P.Version.str()},
                   {"Statement", Json::array({{{"Effect", "Allow"},
                                               {"Action", "*"},
                                               {"Resource", "*"},
                                               {"Condition", Cond}}})}};
  LoadedPolicy Scope = makePolicy(
      "<scope>", ScopeDoc.dump(-1, ' ', false, Json::error_handler_t::replace),
      PolicyType::Identity);
  if (!Scope.P)
    return Unknown("the conditions could not be read back");
  verify::VerifyOptions VO;
  VO.TimeoutMs = Options.TimeoutMs;
  verify::Verifier V(Catalog::builtin(), VO);
  verify::CheckResult CR =
      V.exceeds(Everything, &PA.policySet(), Scope.P.get());
  if (CR.V == verify::Verdict::Pass) {
    Out.Reason = "proved for every request that meets the conditions";
    return;
  }
  if (CR.V != verify::Verdict::Fail || !CR.Cex)
    return Unknown(CR.Reason.empty() ? "the verifier could not decide"
                                     : CR.Reason);
  Request R = CR.Cex->R;
  R.Principal = PA.caller();
  request::RequestModel(Catalog::builtin()).complete(R);
  if (CompiledPolicySet(Everything).decide(R).D != Decision::Allow ||
      PA.compiled().decide(R).D == Decision::Allow)
    return Unknown("the verifier's counterexample is a request of another "
                   "caller");
  Out.V = AdminVerdict::NotAdmin;
  Out.Reason = "denied even when the conditions hold";
  Out.Granting.clear();
  Out.Conditions.clear();
  Out.ShownKeys.clear();
  Out.Denied = std::move(R);
}

/// Requests of a few services that "Allow * on *" allows: one that the
/// principal may not make refutes the claim at once, without the verifier
/// (most principals are refuted here).
std::optional<Request> deniedProbe(const PrincipalAccess &PA,
                                   const PolicySet &Everything) {
  CompiledPolicySet All(Everything);
  static const char *const Probes[] = {
      "iam:CreateUser", "ec2:RunInstances",           "s3:GetObject",
      "kms:Decrypt",    "organizations:ListAccounts", "lambda:InvokeFunction",
      "sts:AssumeRole", "dynamodb:DeleteTable",
  };
  const Catalog &Cat = Catalog::builtin();
  request::RequestModel Model(Cat);
  for (const char *Action : Probes) {
    const ActionInfo *AI = Cat.action(Action);
    std::vector<std::string> Resources =
        AI ? Model.sampleResources(*AI, PA.caller().Account)
           : std::vector<std::string>{"*"};
    for (const std::string &Res : Resources) {
      Request R = PA.request(Action, Res);
      if (All.decide(R).D == Decision::Allow &&
          PA.compiled().decide(R).D != Decision::Allow)
        return R;
    }
  }
  return std::nullopt;
}

AdminAnswer check(const PrincipalAccess &PA, const PolicySet &Everything,
                  const AnalysisOptions &Options) {
  AdminAnswer Out;
  Out.P = &PA.principal();
  if (std::optional<Request> R = deniedProbe(PA, Everything)) {
    std::optional<StatementRef> Candidate =
        explainDenial(PA, PA.compiled().explain(*R), Out);
    Out.Denied = std::move(*R);
    if (Candidate)
      proveUnderConditions(PA, Everything, *Candidate, Options, Out);
    return Out;
  }
  verify::VerifyOptions VO;
  VO.TimeoutMs = Options.TimeoutMs;
  verify::Verifier V(Catalog::builtin(), VO);
  LoadedPolicy Own = PA.scope("*", "*");
  verify::CheckResult CR = V.exceeds(Everything, &PA.policySet(), Own.P.get());
  if (CR.V == verify::Verdict::Pass) {
    Out.V = AdminVerdict::Admin;
    Out.Granting = allowsOfEverything(PA);
    return Out;
  }
  if (CR.V != verify::Verdict::Fail || !CR.Cex) {
    Out.V = AdminVerdict::Unknown;
    Out.Reason =
        CR.Reason.empty() ? "the verifier could not decide" : CR.Reason;
    return Out;
  }
  Request R = CR.Cex->R;
  R.Principal = PA.caller();
  request::RequestModel(Catalog::builtin()).complete(R);
  Explanation Ex = PA.compiled().explain(R);
  if (Ex.Result.D == Decision::Allow) {
    Out.V = AdminVerdict::Unknown;
    Out.Reason = "the verifier's counterexample is a request of another caller";
    return Out;
  }
  std::optional<StatementRef> Candidate = explainDenial(PA, Ex, Out);
  Out.Denied = std::move(R);
  if (Candidate)
    proveUnderConditions(PA, Everything, *Candidate, Options, Out);
  return Out;
}

} // namespace

/// "Allow * on *" under the organization policies of \p PA.
struct AllowEverything {
  LoadedPolicy AllowAll = allowOnly("*", "*");
  PolicySet Set;
  explicit AllowEverything(const PolicySet &Like) {
    Set.Identity.push_back(AllowAll.P.get());
    Set.SCPs = Like.SCPs;
    Set.RCPs = Like.RCPs;
  }
};

AdminAnswer checkAdmin(const PrincipalAccess &PA,
                       const AnalysisOptions &Options) {
  AllowEverything E(PA.policySet());
  AdminAnswer Out = check(PA, E.Set, Options);
  Out.Missing = PA.effective().Missing;
  return Out;
}

std::vector<AdminAnswer> findAdmins(const Account &A, const Guardrails &G,
                                    const AnalysisOptions &Options) {
  std::vector<const Principal *> All = A.principals();
  std::vector<std::unique_ptr<PrincipalAccess>> Access(All.size());
  for (size_t I = 0; I < All.size(); ++I)
    Access[I] = std::make_unique<PrincipalAccess>(A, *All[I], G);

  if (All.empty())
    return {};
  AllowEverything E(Access[0]->policySet());
  const PolicySet &Everything = E.Set;

  // Principals with the same policies share one check: the first of them
  // (by account order) is checked, the others copy its verdict.
  std::map<std::vector<const Policy *>, size_t> First;
  std::vector<size_t> Leader(All.size());
  std::vector<size_t> Leaders;
  for (size_t I = 0; I < All.size(); ++I) {
    std::vector<const Policy *> Key = Access[I]->policySet().Identity;
    std::sort(Key.begin(), Key.end());
    Key.push_back(Access[I]->policySet().Boundary);
    // Roles and users are different callers: keep them apart.
    Key.push_back(
        reinterpret_cast<const Policy *>(uintptr_t(All[I]->isRole())));
    auto [It, New] = First.try_emplace(std::move(Key), I);
    Leader[I] = It->second;
    if (New)
      Leaders.push_back(I);
  }

  std::vector<AdminAnswer> Out(All.size());
  parallelFor(Leaders.size(), Options.Jobs, [&](size_t K) {
    size_t I = Leaders[K];
    Out[I] = check(*Access[I], Everything, Options);
  });
  for (size_t I = 0; I < All.size(); ++I) {
    if (Leader[I] == I)
      continue;
    // Same policies, same verdict: the leader's request is replayed as
    // this principal, and the statements are cited from its own policies.
    const PrincipalAccess &PA = *Access[I];
    Out[I] = Out[Leader[I]];
    Out[I].P = All[I];
    if (Out[I].Denied) {
      Out[I].Denied->Principal = PA.caller();
      request::RequestModel(Catalog::builtin()).complete(*Out[I].Denied);
      Explanation Ex = PA.compiled().explain(*Out[I].Denied);
      if (Ex.Result.D == Decision::Allow) {
        Out[I] = check(PA, Everything, Options);
      } else {
        // The leader's verdict holds (same policies); the statements are
        // this principal's.
        explainDenial(PA, Ex, Out[I]);
        Out[I].V = Out[Leader[I]].V;
        Out[I].Reason = Out[Leader[I]].Reason;
      }
    } else if (Out[I].V == AdminVerdict::Admin) {
      Out[I].Granting = allowsOfEverything(PA);
    }
  }
  for (size_t I = 0; I < All.size(); ++I)
    Out[I].Missing = Access[I]->effective().Missing;
  return Out;
}

} // namespace account
} // namespace tollgate
