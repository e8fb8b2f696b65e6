//===- ForAllValuesSingleValuedKey.cpp - IAM418 ---------------------------===//
///
/// \file
/// forallvalues-single-valued-key: `ForAllValues:` on a key that
/// carries one value. The condition is then also true when the request has
/// no such key, which in an Allow grants more than intended. User docs:
/// rules/docs/forallvalues-single-valued-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class ForAllValuesSingleValuedKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM418")
          .name("forallvalues-single-valued-key")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary("ForAllValues on a single-valued condition key, which also "
                   "matches "
                   "requests without the key");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      const ConditionKeyInfo *Key = F.Keys[I];
      // ForAllValues:Null is null-with-set-qualifier's.
      // The claims of identity providers are typed loosely in the catalog
      // (`cognito-identity.amazonaws.com:amr` is documented as String, yet
      // carries a list that AWS's examples test with `ForAnyValue:`).
      if (!Key || reference::isFederationKey(C.Key) || Key->MultiValued ||
          C.Qualifier != SetQualifier::ForAllValues ||
          C.Op == ConditionOp::Null || C.Op == ConditionOp::Unknown)
        continue;
      Ctx.report(Info, C.KeyLoc,
                 "`ForAllValues:` with single-valued condition key `" + C.Key +
                     "` is also true when the request has no `" + C.Key +
                     "` at all; drop the qualifier and use `" +
                     conditionOpName(C.Op) + (C.IfExists ? "IfExists" : "") +
                     "`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ForAllValuesSingleValuedKeyRule);
} // namespace tollgate
