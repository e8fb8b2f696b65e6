//===- External.cpp - Roles that outsiders may assume ---------------------===//
//
// Each principal that a role's trust policy allows is classified with the
// evaluator's own principal classification; those outside the account are
// replayed: a request to assume the role from such a caller (its identity
// side allowing everything, since it is not ours to see), decided by the
// evaluator against the trust policy with no condition key set. Allowed
// means the role is open to that caller as written; otherwise the trust
// statement's conditions are what stands in the way, and they are listed.
//
//===----------------------------------------------------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Analysis.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Principal.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Request/RequestModel.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace account {

StringRef externalKindName(ExternalKind K) {
  switch (K) {
  case ExternalKind::Everyone:
    return "everyone";
  case ExternalKind::OtherAccount:
    return "other-account";
  case ExternalKind::Federated:
    return "federated";
  case ExternalKind::ServiceNoSource:
    return "service-without-source";
  }
  return "";
}

namespace {

/// An account id that is neither \p Own nor named by the policies.
std::string otherAccount(StringRef Own) {
  return Own == "111122223333" ? "444455556666" : "111122223333";
}

/// The account an IAM ARN names, or "".
StringRef arnAccount(StringRef Arn) {
  SmallVector<StringRef, 6> F;
  Arn.split(F, ':', 5);
  return F.size() == 6 ? F[4] : StringRef();
}

bool readsSourceKey(const Statement &S) {
  for (const Condition &C : S.Conditions) {
    StringRef K = C.Key;
    if (K.equals_insensitive("aws:SourceAccount") ||
        K.equals_insensitive("aws:SourceArn") ||
        K.equals_insensitive("aws:SourceOrgID") ||
        K.equals_insensitive("aws:SourceOrgPaths"))
      return true;
  }
  return false;
}

/// The assume action a statement grants to \p Kind of caller.
std::string assumeAction(const Statement &S, PrincipalEntry::KindT Kind,
                         StringRef Provider) {
  if (Kind != PrincipalEntry::Federated)
    return "sts:AssumeRole";
  for (const ActionPattern &A : S.Action.Patterns) {
    if (A.Text.equals_insensitive("sts:AssumeRoleWithSAML"))
      return "sts:AssumeRoleWithSAML";
    if (A.Text.equals_insensitive("sts:AssumeRoleWithWebIdentity"))
      return "sts:AssumeRoleWithWebIdentity";
  }
  return Provider.contains("saml-provider/") ? "sts:AssumeRoleWithSAML"
                                             : "sts:AssumeRoleWithWebIdentity";
}

void scanRole(const Account &A, const Principal &Role, const Policy &AllowAll,
              std::vector<ExternalAccess> &Out) {
  const Policy &Trust = *Role.Trust->P;
  PolicySet Set;
  Set.Identity.push_back(&AllowAll);
  Set.Resource = &Trust;
  Set.Trust = ResourceTrust::Explicit;
  CompiledPolicySet Compiled(Set);
  request::RequestModel Model(Catalog::builtin());

  for (size_t SI = 0; SI < Trust.Statements.size(); ++SI) {
    const Statement &S = Trust.Statements[SI];
    if (S.Eff != Effect::Allow || !S.Principal.Present)
      continue;
    auto Emit = [&](ExternalKind K, std::string Who, std::string CallerId,
                    std::string Action) {
      ExternalAccess E;
      E.Role = &Role;
      E.Kind = K;
      E.Who = std::move(Who);
      E.Caller = CallerId;
      E.Action = Action;
      for (size_t C = 0; C < S.Conditions.size(); ++C)
        E.Conditions.push_back(conditionText(S.Conditions[C]));
      Request R;
      R.Principal = Caller::fromId(CallerId);
      R.Action = Action;
      R.Resource = Role.Arn;
      R.ResourceAccount = A.Id;
      Model.complete(R);
      DecideResult D = Compiled.decide(R);
      E.Unconditional = D.D == Decision::Allow;
      if (!E.Unconditional && E.Conditions.empty())
        return; // A Deny of the trust policy closes it.
      E.Statement.Policy = "trust policy of " + Role.label();
      E.Statement.Statement = S.displayName(SI);
      E.Statement.File = A.Source->name().str();
      E.Statement.Line = A.Source->position(S.L.Range.Begin).Line;
      E.Statement.Pointer = Role.Trust->Pointer + Trust.pointer(S.L.Path);
      Out.push_back(std::move(E));
    };
    if (S.Principal.Negated || S.Principal.Everyone) {
      Emit(ExternalKind::Everyone, S.Principal.Negated ? "NotPrincipal" : "*",
           "arn:aws:iam::" + otherAccount(A.Id) + ":role/outside",
           "sts:AssumeRole");
      continue;
    }
    for (const PrincipalValue &V : S.Principal.Values) {
      PrincipalEntry P = classifyPrincipal(V);
      std::string Text = V.Value.Text.str();
      switch (P.Kind) {
      case PrincipalEntry::Everyone:
        Emit(ExternalKind::Everyone, Text,
             "arn:aws:iam::" + otherAccount(A.Id) + ":role/outside",
             "sts:AssumeRole");
        break;
      case PrincipalEntry::Account:
        if (P.Value != A.Id)
          Emit(ExternalKind::OtherAccount, Text,
               "arn:aws:iam::" + P.Value.str() + ":role/outside",
               "sts:AssumeRole");
        break;
      case PrincipalEntry::Arn: {
        StringRef Acct = arnAccount(P.Value);
        if (Acct == A.Id)
          break;
        std::string Id = P.Value.str();
        std::replace(Id.begin(), Id.end(), '*', 'x');
        std::replace(Id.begin(), Id.end(), '?', 'x');
        Emit(ExternalKind::OtherAccount, Text, Id, "sts:AssumeRole");
        break;
      }
      case PrincipalEntry::Federated:
        Emit(ExternalKind::Federated, Text, P.Value.str(),
             assumeAction(S, P.Kind, P.Value));
        break;
      case PrincipalEntry::Service:
        if (!readsSourceKey(S))
          Emit(ExternalKind::ServiceNoSource, Text, P.Value.str(),
               "sts:AssumeRole");
        break;
      case PrincipalEntry::Canonical:
        break;
      }
    }
  }
}

} // namespace

std::vector<ExternalAccess> findExternal(const Account &A,
                                         const AnalysisOptions &Options) {
  LoadedPolicy AllowAll = allowOnly("*", "*");
  std::vector<std::vector<ExternalAccess>> PerRole(A.Roles.size());
  parallelFor(A.Roles.size(), Options.Jobs, [&](size_t I) {
    const Principal &R = A.Roles[I];
    if (R.Trust && R.Trust->P)
      scanRole(A, R, *AllowAll.P, PerRole[I]);
  });
  std::vector<ExternalAccess> Out;
  for (auto &V : PerRole)
    for (ExternalAccess &E : V)
      Out.push_back(std::move(E));
  return Out;
}

} // namespace account
} // namespace tollgate
