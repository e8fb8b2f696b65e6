//===- ConditionKeyNotSupported.cpp - IAM407 condition-key-not-supported --===//
///
/// \file
/// A service condition key used with actions of other services only:
/// `ec2:Region` in a statement of `s3` actions. A service puts its keys in
/// the request context of its own actions, so the key is never present.
///
/// The check works at the level of services, not actions. The catalog's
/// per-action key lists are known to be incomplete (AWS's own managed
/// policies use `aws-marketplace:ProductId` with `aws-marketplace:Subscribe`,
/// which the Service Authorization Reference does not list), so a key of
/// the statement's own service is given the benefit of the doubt. Judged
/// only when the statement's Action names catalog actions and nothing else.
/// User docs: rules/docs/condition-key-not-supported.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class ConditionKeyNotSupportedRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM407")
          .name("condition-key-not-supported")
          .severity(Severity::Error)
          .summary("A service condition key that none of the statement's "
                   "actions supports");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    // NotAction, wildcard services and actions the catalog does not know
    // may cover actions that support the key.
    if (!F.actionsKnown() || F.Services.empty() || S.Conditions.empty())
      return;
    const Catalog &Cat = Ctx.catalog();
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      const ConditionKeyInfo *Key = F.Keys[I];
      if (!Key || Key->Global || C.Op == ConditionOp::Unknown ||
          reference::isFederationKey(C.Key))
        continue;
      const ServiceInfo *Named =
          Cat.service(C.Key.take_until([](char Ch) { return Ch == ':'; }));
      if (is_contained(F.Services, Key->Service) ||
          (Named && is_contained(F.Services, Named)))
        continue;
      // Some actions list keys of other services.
      if (any_of(F.actions(), [&](const ActionInfo *A) {
            return Cat.isConditionKeyForAction(*A, C.Key);
          }))
        continue;
      std::string Services;
      for (size_t J = 0; J < F.Services.size(); ++J) {
        if (J)
          Services += J + 1 == F.Services.size() ? " and " : ", ";
        Services += ("`" + F.Services[J]->Prefix + "`").str();
      }
      std::string Message =
          ("condition key `" + C.Key + "` is a key of `" +
           (Named ? Named->Prefix : Key->Service->Prefix) +
           "`, but this statement's actions are " + Services +
           " actions, which do not support it in the IAM service catalog of " +
           reference::catalogDate(Cat) +
           ", so it is never in their request context")
              .str();
      if (std::optional<bool> Absent = reference::trueWhenKeyAbsent(C))
        Message += *Absent ? "; the condition is always true"
                           : "; the condition never matches";
      Ctx.report(Info, C.KeyLoc, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ConditionKeyNotSupportedRule);
} // namespace tollgate
