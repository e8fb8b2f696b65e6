//===- InvalidFederatedPrincipal.cpp - IAM434 invalid-federated-principal -===//
///
/// \file
/// A `Federated` principal that is neither one of the web identity
/// providers IAM knows by name (`cognito-identity.amazonaws.com`,
/// `www.amazon.com`, `graph.facebook.com`, `accounts.google.com`) nor the
/// ARN of a SAML or OIDC provider. User docs:
/// rules/docs/invalid-federated-principal.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

/// What is wrong with \p V as a federated principal, or an empty string.
std::string problemOf(StringRef V) {
  static const StringRef Providers[] = {
      "cognito-identity.amazonaws.com", "cognito-identity.amazonaws.com.cn",
      "www.amazon.com", "graph.facebook.com", "accounts.google.com"};
  if (is_contained(Providers, V))
    return "";
  if (!V.startswith("arn:"))
    return "is neither a web identity provider IAM knows by name nor a "
           "provider ARN";
  reference::ArnFields F = reference::splitArnFields(V);
  if (!F.complete() || F.service() != "iam" || !F.region().empty())
    return "is not the ARN of an IAM SAML or OIDC provider";
  if (!is_contained(reference::knownPartitions(), F.partition()))
    return ("has the unknown partition `" + F.partition() + "`").str();
  if (!reference::isAccountId(F.account()))
    return ("has account `" + F.account() + "`, not a 12-digit account id")
        .str();
  StringRef Resource = F.resource();
  for (StringRef Kind : {"saml-provider/", "oidc-provider/"})
    if (Resource.startswith(Kind) && Resource.size() > Kind.size())
      return "";
  return "names no `saml-provider/` or `oidc-provider/`";
}

class InvalidFederatedPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM434")
          .name("invalid-federated-principal")
          .severity(Severity::Error)
          .summary("A Federated principal that is not a known provider or a "
                   "provider ARN");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      if (P.Kind != PrincipalKind::Federated || hasWildcard(V) ||
          V.contains("${"))
        continue;
      std::string Problem = problemOf(V);
      if (Problem.empty())
        continue;
      Ctx.report(Info, P.Value.L,
                 "federated principal `" + V + "` " + Problem +
                     "; use the ARN of the identity provider, such as "
                     "`arn:aws:iam::111122223333:oidc-provider/"
                     "token.actions.githubusercontent.com`, or one of "
                     "`cognito-identity.amazonaws.com`, `www.amazon.com`, "
                     "`graph.facebook.com`, `accounts.google.com`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidFederatedPrincipalRule);
} // namespace tollgate
