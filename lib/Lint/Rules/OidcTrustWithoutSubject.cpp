//===- OidcTrustWithoutSubject.cpp - IAM257 oidc-trust-without-subject ----===//
///
/// \file
/// A role trusts a web identity (OIDC) provider, GitHub Actions included,
/// with no condition that pins the caller's claims (OidcClaims.h): anyone
/// who can get a token from the provider can assume the role. User docs:
/// rules/docs/oidc-trust-without-subject.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "OidcClaims.h"
#include "PrincipalFacts.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class OidcTrustWithoutSubjectRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM257")
          .name("oidc-trust-without-subject")
          .severity(Severity::Security)
          .impact(SecurityImpact::Critical)
          .summary("A role trusts an OIDC provider without pinning the token's "
                   "subject");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.Principal.Negated)
      return;
    int WebIdentity =
        SensitiveActions::get().index("sts:AssumeRoleWithWebIdentity");
    if (WebIdentity < 0 || !grantedTracked(S, Ctx).test(WebIdentity))
      return;
    for (const PrincipalValue &V : S.Principal.Values) {
      if (V.Kind != PrincipalKind::Federated)
        continue;
      FederatedPrincipal F = classifyFederatedPrincipal(V.Value.Text);
      if (F.Kind != FederatedKind::Oidc || pinningCondition(S, F.Host))
        continue;
      llvm::ArrayRef<const char *> Claims = requiredClaims(F.Host);
      std::string Keys;
      for (size_t I = 0; I < Claims.size(); ++I)
        Keys += std::string(I ? " or " : "") + "`" + F.Host.str() + ":" +
                Claims[I] + "`";
      std::string Who =
          isGitHubActionsHost(F.Host)
              ? "a workflow of any GitHub repository can assume this role; "
                "add a `StringEquals` or `StringLike` condition on the "
                "subject naming your repository, such as "
                "`repo:ORG/REPO:ref:refs/heads/main`"
              : "anyone who can get a token from this provider can assume "
                "this role; add a condition that names your application or "
                "subject";
      Diagnostic &D =
          Ctx.report(Info, V.Value.L,
                     "`" + V.Value.Text + "` is trusted with no condition on " +
                         Keys + ": " + Who);
      for (const Condition &C : S.Conditions)
        if (std::optional<std::string> Why = weakClaimCondition(C, F.Host))
          Ctx.note(D, C.KeyLoc, "this condition pins nothing: " + *Why);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(OidcTrustWithoutSubjectRule);
} // namespace tollgate
