//===- PrincipalFacts.cpp - What a principal value stands for -------------===//

#include "PrincipalFacts.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

static bool isAccountId(StringRef S) {
  return S.size() == 12 && all_of(S, isDigit);
}

AwsPrincipal classifyAwsPrincipal(StringRef V) {
  AwsPrincipal P;
  if (V == "*") {
    P.Kind = AwsPrincipalKind::Everyone;
    return P;
  }
  if (isAccountId(V)) {
    P.Kind = AwsPrincipalKind::AccountRoot;
    P.Account = V;
    return P;
  }
  SmallVector<StringRef, 6> F;
  V.split(F, ':', 5);
  if (F.size() != 6 || F[0] != "arn" || (F[2] != "iam" && F[2] != "sts"))
    return P;
  P.Account = isAccountId(F[4]) ? F[4] : StringRef();
  StringRef Res = F[5];
  if (F[2] == "iam" && Res == "root")
    P.Kind = AwsPrincipalKind::AccountRoot;
  else if (Res.startswith("user/") || Res.startswith("role/") ||
           Res.startswith("assumed-role/") || Res.startswith("federated-user/"))
    P.Kind = AwsPrincipalKind::Identity;
  return P;
}

FederatedPrincipal classifyFederatedPrincipal(StringRef V) {
  FederatedPrincipal P;
  SmallVector<StringRef, 6> F;
  V.split(F, ':', 5);
  if (F.size() == 6 && F[0] == "arn" && F[2] == "iam") {
    StringRef Res = F[5];
    if (Res.startswith("saml-provider/"))
      P.Kind = FederatedKind::Saml;
    else if (Res.consume_front("oidc-provider/")) {
      P.Kind = FederatedKind::Oidc;
      P.Host = Res;
    }
    return P;
  }
  // Web identity providers named by their host.
  if (V == "cognito-identity.amazonaws.com" || V == "www.amazon.com" ||
      V == "graph.facebook.com" || V == "accounts.google.com") {
    P.Kind = FederatedKind::Oidc;
    P.Host = V;
  }
  return P;
}

const Loc *everyonePrincipal(const PrincipalElement &E) {
  if (!E.Present)
    return nullptr;
  if (E.Everyone)
    return &E.L;
  for (const PrincipalValue &V : E.Values)
    if (V.Kind == PrincipalKind::AWS && V.Value.Text == "*")
      return &V.Value.L;
  return nullptr;
}

} // namespace tollgate
