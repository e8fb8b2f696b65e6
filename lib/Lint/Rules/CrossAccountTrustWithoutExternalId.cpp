//===- CrossAccountTrustWithoutExternalId.cpp - IAM255 -------------------===//
///
/// \file
/// IAM255 cross-account-trust-without-external-id: a role trust policy that
/// lets principals of another account assume the role with `sts:AssumeRole`
/// and requires neither `sts:ExternalId` nor MFA (nor membership of the
/// organization). Accounts listed in the rule option `known-accounts` are
/// not "other". User docs:
/// rules/docs/cross-account-trust-without-external-id.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "ConditionStrength.h"
#include "PrincipalFacts.h"
#include "SensitiveActions.h"

#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/STLExtras.h"

namespace tollgate {
namespace {

constexpr CheckOption KnownAccounts =
    CheckOption::named("known-accounts")
        .type(OptionType::StringList)
        .byDefault("[]")
        .description("12-digit account ids whose principals the rule does not "
                     "report (your organization's accounts)");
constexpr CheckOption Options[] = {KnownAccounts};

class CrossAccountTrustWithoutExternalIdRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM255")
          .name("cross-account-trust-without-external-id")
          .severity(Severity::Warning)
          .summary("A role trusts another account without sts:ExternalId or "
                   "MFA")
          .options(Options);
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (Ctx.policy().Type != PolicyType::Trust || S.Eff != Effect::Allow ||
        S.Principal.Negated)
      return;
    if (!grantedTracked(S, Ctx).test(SensitiveActions::get().assumeRole()))
      return;
    using namespace ConditionKinds;
    if (statementRestricted(S, ExternalId | Mfa | Principal))
      return;
    std::vector<std::string> Known = Ctx.options().list(KnownAccounts);
    for (const PrincipalValue &V : S.Principal.Values) {
      if (V.Kind != PrincipalKind::AWS)
        continue;
      AwsPrincipal P = classifyAwsPrincipal(V.Value.Text);
      if (P.Account.empty() || llvm::is_contained(Known, P.Account.str()))
        continue;
      Diagnostic &D = Ctx.report(
          Info, V.Value.L,
          "principals of account " + P.Account.str() +
              " can assume this role with no `sts:ExternalId` or MFA "
              "condition; require the external ID agreed with a third "
              "party, or MFA for people, or list the account under the "
              "rule option `known-accounts` if it is yours");
      noteWeakConditions(D, S, ExternalId | Mfa | Principal, Ctx);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(CrossAccountTrustWithoutExternalIdRule);
} // namespace tollgate
