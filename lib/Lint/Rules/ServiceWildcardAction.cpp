//===- ServiceWildcardAction.cpp - IAM104 service-wildcard-action ---------===//
///
/// \file
/// `s3:*` on every resource in an identity policy: all of a service's
/// actions, including its most sensitive ones and every action it adds
/// later. User docs: rules/docs/service-wildcard-action.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "ConditionStrength.h"
#include "ResourceFacts.h"
#include "RuleScope.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class ServiceWildcardActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM104")
          .name("service-wildcard-action")
          .severity(Severity::Warning)
          .summary(
              "Allow of every action of a service (`s3:*`) on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.Action.Negated ||
        !grantsToIdentity(Ctx.policy().Type) || !reachesEveryResource(S) ||
        statementRestricted(S, ConditionKinds::AnyScope))
      return;
    const Catalog &Cat = Ctx.catalog();
    for (const ActionPattern &P : S.Action.Patterns) {
      if (!isServiceWildcard(P))
        continue;
      std::string Service = P.service().lower();
      std::string Size;
      if (const ServiceInfo *Info = Cat.service(Service))
        Size = " (" + std::to_string(Info->Actions.size()) + " actions today)";
      std::string Worst;
      const GrantFacts &F = patternFacts(P.Text, Ctx);
      static const std::pair<ActionCategory, const char *> Named[] = {
          {ActionCategory::PermissionsManagement, "permissions-management"},
          {ActionCategory::CredentialsExposure, "credential-returning"},
          {ActionCategory::DataExfiltration, "data-reading"},
      };
      for (const auto &[C, Name] : Named)
        if (F.has(C)) {
          Worst = std::string(", among them ") + Name + " actions such as " +
                  listActions(F.Examples[unsigned(C)]);
          break;
        }
      Diagnostic &D = Ctx.report(
          Info, P.L,
          "`" + P.Text + "` allows every action of `" + Service + "`" + Size +
              " on every resource" + Worst +
              ", and every action AWS adds to it later; list the actions "
              "the statement needs");
      noteWeakConditions(D, S, ConditionKinds::AnyScope, Ctx);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ServiceWildcardActionRule);
} // namespace tollgate
