//===- GithubOidcSubjectWildcard.cpp - IAM258 github-oidc-subject-wildcard ===//
///
/// \file
/// A GitHub Actions trust whose subject condition pins the repository owner
/// but leaves a wildcard in the repository or the branch: every repository
/// of the organization, or every branch and pull request of one, can assume
/// the role. User docs: rules/docs/github-oidc-subject-wildcard.md
///
//===----------------------------------------------------------------------===//

#include "OidcClaims.h"
#include "PrincipalFacts.h"

#include "tollgate/Lint/Rule.h"
#include "tollgate/Support/Glob.h"

namespace tollgate {
namespace {

class GithubOidcSubjectWildcardRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM258")
          .name("github-oidc-subject-wildcard")
          .severity(Severity::Warning)
          .summary("A GitHub Actions trust admits every repository or branch "
                   "of an owner");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.Principal.Negated)
      return;
    for (const PrincipalValue &V : S.Principal.Values) {
      if (V.Kind != PrincipalKind::Federated)
        continue;
      FederatedPrincipal F = classifyFederatedPrincipal(V.Value.Text);
      if (F.Kind != FederatedKind::Oidc || !isGitHubActionsHost(F.Host))
        continue;
      const Condition *C = pinningCondition(S, F.Host);
      if (!C || (C->Op != ConditionOp::StringLike))
        continue;
      for (const ConditionValue &Value : C->Values) {
        llvm::StringRef Text = Value.Value.Text;
        if (!hasWildcard(Text))
          continue;
        Ctx.report(Info, Value.Value.L,
                   "`" + Text +
                       "` admits every repository, branch, tag or pull "
                       "request it matches; name the repository and the "
                       "branch or environment that deploys, such as "
                       "`repo:ORG/REPO:environment:prod`");
      }
      return;
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(GithubOidcSubjectWildcardRule);
} // namespace tollgate
