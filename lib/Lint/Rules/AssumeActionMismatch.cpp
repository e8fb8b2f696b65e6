//===- AssumeActionMismatch.cpp - IAM259 assume-action-mismatch -----------===//
///
/// \file
/// An assume-role action that no principal of its statement can call:
/// `sts:AssumeRoleWithSAML` needs a SAML provider,
/// `sts:AssumeRoleWithWebIdentity` an OIDC or web identity provider,
/// `sts:AssumeRole` an AWS or service principal. AWS rejects such a trust
/// policy, or the statement never applies. User docs:
/// rules/docs/assume-action-mismatch.md
///
//===----------------------------------------------------------------------===//

#include "PrincipalFacts.h"

#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace tollgate {
namespace {

enum Fits : unsigned { FitsAws = 1, FitsSaml = 2, FitsOidc = 4 };

class AssumeActionMismatchRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM259")
          .name("assume-action-mismatch")
          .severity(Severity::Error)
          .summary(
              "An assume-role action does not fit the statement's principals");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.Action.Negated || !S.Principal.Present ||
        S.Principal.Negated || S.Principal.Everyone)
      return;
    unsigned Have = 0;
    for (const PrincipalValue &V : S.Principal.Values) {
      switch (V.Kind) {
      case PrincipalKind::AWS:
      case PrincipalKind::Service:
      case PrincipalKind::CanonicalUser:
        Have |= FitsAws;
        break;
      case PrincipalKind::Federated:
        switch (classifyFederatedPrincipal(V.Value.Text).Kind) {
        case FederatedKind::Saml:
          Have |= FitsSaml;
          break;
        case FederatedKind::Oidc:
          Have |= FitsOidc;
          break;
        case FederatedKind::Unknown:
          Have |= FitsSaml | FitsOidc;
          break;
        }
        break;
      }
    }
    for (const ActionPattern &P : S.Action.Patterns) {
      std::string Name = P.Text.lower();
      unsigned Needs = StringSwitch<unsigned>(Name)
                           .Case("sts:assumerole", FitsAws)
                           .Case("sts:assumerolewithsaml", FitsSaml)
                           .Case("sts:assumerolewithwebidentity", FitsOidc)
                           .Default(0);
      if (!Needs || (Needs & Have))
        continue;
      const char *Wants = Needs == FitsAws ? "an `AWS` or `Service` principal"
                          : Needs == FitsSaml
                              ? "a `Federated` SAML provider "
                                "(`arn:aws:iam::ACCOUNT:saml-provider/NAME`)"
                              : "a `Federated` OIDC or web identity "
                                "provider";
      const char *Use = (Have & FitsSaml)   ? "`sts:AssumeRoleWithSAML`"
                        : (Have & FitsOidc) ? "`sts:AssumeRoleWithWebIdentity`"
                                            : "`sts:AssumeRole`";
      Ctx.report(Info, P.L,
                 "`" + P.Text + "` needs " + Wants +
                     ", and the statement names none; for its principals "
                     "use " +
                     Use);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AssumeActionMismatchRule);
} // namespace tollgate
