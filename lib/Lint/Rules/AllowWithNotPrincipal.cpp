//===- AllowWithNotPrincipal.cpp - IAM108 allow-with-not-principal --------===//
///
/// \file
/// `Allow` with `NotPrincipal` grants everyone but the listed principals,
/// anonymous users included. User docs: rules/docs/allow-with-not-principal.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class AllowWithNotPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM108")
          .name("allow-with-not-principal")
          .severity(Severity::Security)
          .impact(SecurityImpact::High)
          .summary("Allow with NotPrincipal grants everyone who is not listed");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || !S.Principal.Present || !S.Principal.Negated)
      return;
    Ctx.report(Info, S.Principal.L,
               "`Allow` with `NotPrincipal` grants the statement to every "
               "principal that is not listed, anonymous users included; name "
               "the allowed principals in `Principal` instead");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowWithNotPrincipalRule);
} // namespace tollgate
