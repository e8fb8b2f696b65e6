//===- WhoCan.cpp - Which principals may make a request -------------------===//
//
// Per principal, cheapest first:
//  1. the request as given, decided by the evaluator with the principal's
//     whole policy set: allowed means "can", with the granting statements;
//  2. when no Allow statement matches the action and the resource (and
//     none of their resources uses a policy variable, whose value could
//     change), no condition value can allow it: "cannot";
//  3. otherwise the verifier: is there any request of this action on this
//     resource that the set allows? A proof is "cannot"; a counterexample
//     is replayed as the principal and, when allowed, is "allowed under
//     other conditions"; anything else is unknown, never "cannot".
//
//===----------------------------------------------------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Analysis.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Verify/Verify.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace account {

StringRef accessName(Access A) {
  switch (A) {
  case Access::Can:
    return "can";
  case Access::Conditions:
    return "can under other conditions";
  case Access::Cannot:
    return "cannot";
  case Access::Unknown:
    return "unknown";
  }
  return "unknown";
}

/// True when some Allow statement that matched the action could match the
/// resource: it did, or its resource is computed from policy variables.
static bool someAllowMayApply(const Explanation &Ex) {
  for (const StatementTrace &T : Ex.Statements) {
    if (!T.S || T.S->Eff != Effect::Allow)
      continue;
    if (T.Ref.Role != PolicyRole::Identity &&
        T.Ref.Role != PolicyRole::Resource)
      continue;
    if (T.Ref.Role == PolicyRole::Resource && !T.PrincipalMatched &&
        !T.Unsupported)
      continue;
    if (T.Unsupported)
      return true;
    if (!T.ActionMatched)
      continue;
    if (T.ResourceMatched)
      return true;
    for (const PolicyString &R : T.S->Resource.Patterns)
      if (R.hasVariables())
        return true;
  }
  return false;
}

/// The keys given in \p Q and those the statements \p Refs test.
static std::vector<std::string> shownKeys(const CompiledPolicySet &Set,
                                          const WhoCanQuery &Q,
                                          ArrayRef<StatementRef> Refs) {
  std::vector<std::string> Keys;
  for (const auto &KV : Q.Context)
    Keys.push_back(StringRef(KV.first).lower());
  for (StatementRef R : Refs)
    for (const Condition &C : Set.statement(R).Conditions)
      Keys.push_back(C.Key.lower());
  std::sort(Keys.begin(), Keys.end());
  Keys.erase(std::unique(Keys.begin(), Keys.end()), Keys.end());
  return Keys;
}

/// Cites \p Refs of \p Set: the principal's statements as the principal's,
/// the resource policy's by its file.
static std::vector<StatementCite> cite(const PrincipalAccess &PA,
                                       const CompiledPolicySet &Set,
                                       ArrayRef<StatementRef> Refs) {
  std::vector<StatementCite> Out;
  for (StatementRef R : Refs) {
    if (R.Role != PolicyRole::Resource) {
      Out.push_back(PA.cite(R));
      continue;
    }
    const Policy &P = Set.policy(R);
    const Statement &S = Set.statement(R);
    StatementCite C;
    C.Policy = "resource policy";
    C.Statement = S.displayName(R.StatementIndex);
    if (P.Source) {
      C.File = P.Source->name().str();
      C.Line = P.Source->position(S.L.Range.Begin).Line;
    }
    C.Pointer = P.pointer(S.L.Path);
    Out.push_back(std::move(C));
  }
  return Out;
}

static WhoCanAnswer answer(const Account &A, const Guardrails &G,
                           const Principal &P, const WhoCanQuery &Q,
                           const LoadedPolicy &Scope,
                           const AnalysisOptions &Options) {
  WhoCanAnswer W;
  W.P = &P;
  PrincipalAccess PA(A, P, G);
  W.Missing = PA.effective().Missing;
  Request R = PA.request(Q.Action, Q.Resource, Q.Context);
  // With a resource policy, the principal's set plus that policy.
  PolicySet Set = PA.policySet();
  Set.Resource = Q.ResourcePolicy;
  std::optional<CompiledPolicySet> WithResource;
  if (Q.ResourcePolicy)
    WithResource.emplace(Set);
  const CompiledPolicySet &C = WithResource ? *WithResource : PA.compiled();
  Explanation Ex = C.explain(R);
  if (Ex.Result.D == Decision::Allow) {
    W.A = Access::Can;
    W.Granting = cite(PA, C, Ex.Result.Deciding);
    W.ShownKeys = shownKeys(C, Q, Ex.Result.Deciding);
    W.Witness = std::move(R);
    return W;
  }
  if (!someAllowMayApply(Ex)) {
    W.A = Access::Cannot;
    W.How = "no Allow statement of its policies matches the action and the "
            "resource";
  } else {
    verify::VerifyOptions VO;
    VO.TimeoutMs = Options.TimeoutMs;
    verify::Verifier V(Catalog::builtin(), VO);
    LoadedPolicy Own = PA.scope(Q.Action, Q.Resource);
    verify::CheckResult CR =
        V.exceeds(Set, nullptr, Own.P ? Own.P.get() : Scope.P.get());
    if (CR.V == verify::Verdict::Pass) {
      W.A = Access::Cannot;
      W.How = "proved: no request of the action on the resource is allowed";
    } else if (CR.V == verify::Verdict::Fail && CR.Cex) {
      // The verifier's request may name another caller: replay it as this
      // principal.
      Request Cex = CR.Cex->R;
      Cex.Principal = PA.caller();
      request::RequestModel(Catalog::builtin()).complete(Cex);
      DecideResult D = C.decide(Cex);
      if (D.D == Decision::Allow) {
        W.A = Access::Conditions;
        W.Granting = cite(PA, C, D.Deciding);
        W.ShownKeys = shownKeys(C, Q, D.Deciding);
        W.Witness = std::move(Cex);
      } else {
        W.A = Access::Unknown;
        W.How = "the verifier found an allowed request of another caller";
      }
    } else {
      W.A = Access::Unknown;
      W.How = CR.Reason.empty() ? "the verifier could not decide" : CR.Reason;
    }
  }
  if (W.A == Access::Cannot && !W.Missing.empty()) {
    W.A = Access::Unknown;
    W.How = "policies it uses are not in the file";
  }
  return W;
}

std::vector<WhoCanAnswer> whoCan(const Account &A, const Guardrails &G,
                                 const WhoCanQuery &Q,
                                 const AnalysisOptions &Options) {
  std::vector<const Principal *> All = A.principals();
  std::vector<WhoCanAnswer> Out(All.size());
  LoadedPolicy Scope = allowOnly(Q.Action, Q.Resource);
  parallelFor(All.size(), Options.Jobs, [&](size_t I) {
    Out[I] = answer(A, G, *All[I], Q, Scope, Options);
  });
  return Out;
}

} // namespace account
} // namespace tollgate
