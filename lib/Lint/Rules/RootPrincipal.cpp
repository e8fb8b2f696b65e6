//===- RootPrincipal.cpp - IAM253 root-principal --------------------------===//
///
/// \file
/// An account root principal (`arn:aws:iam::111122223333:root` or a bare
/// account id) in a trust or resource policy: it trusts every identity of
/// the account that the account's own policies allow, not one named role.
/// User docs: rules/docs/root-principal.md
///
//===----------------------------------------------------------------------===//

#include "ConditionStrength.h"
#include "PrincipalFacts.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

/// The statement AWS writes into every default KMS key policy: the account
/// root with `kms:*` on the key, which hands access control to IAM policies.
bool isDefaultKeyPolicyStatement(const Statement &S) {
  return S.Action.Patterns.size() == 1 && !S.Action.Negated &&
         S.Action.Patterns.front().Text == "kms:*" && !S.HasCondition;
}

class RootPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM253")
          .name("root-principal")
          .severity(Severity::Warning)
          .summary(
              "An account root principal trusts every identity of the account");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    PolicyType T = Ctx.policy().Type;
    if ((T != PolicyType::Trust && T != PolicyType::Resource) ||
        S.Eff != Effect::Allow || S.Principal.Negated ||
        isDefaultKeyPolicyStatement(S))
      return;
    using namespace ConditionKinds;
    if (statementRestricted(S, Principal | PrincipalAttribute | ExternalId |
                                   Mfa | Source))
      return;
    for (const PrincipalValue &V : S.Principal.Values) {
      if (V.Kind != PrincipalKind::AWS)
        continue;
      AwsPrincipal P = classifyAwsPrincipal(V.Value.Text);
      if (P.Kind != AwsPrincipalKind::AccountRoot)
        continue;
      std::string What = T == PolicyType::Trust ? "can assume this role"
                                                : "is granted the statement";
      // An account computed at deployment (`${ProdAccount}`) has no id.
      std::string Account = P.Account.empty() ? "" : " " + P.Account.str();
      Ctx.report(Info, V.Value.L,
                 "`" + V.Value.Text + "` names the whole account" + Account +
                     ": every user and role in it that its "
                     "own policies allow " +
                     What +
                     "; name the roles or users instead, or restrict the "
                     "statement with an `aws:PrincipalArn` condition");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RootPrincipalRule);
} // namespace tollgate
