//===- MissingSetQualifier.cpp - IAM417 missing-set-qualifier -------------===//
///
/// \file
/// A multivalued condition key (an `ArrayOf...` type in the catalog, such
/// as `aws:TagKeys`) under an operator without `ForAllValues:` or
/// `ForAnyValue:`. User docs: rules/docs/missing-set-qualifier.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class MissingSetQualifierRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM417")
          .name("missing-set-qualifier")
          .severity(Severity::Error)
          .summary("A multivalued condition key without ForAllValues or "
                   "ForAnyValue");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      const ConditionKeyInfo *Key = F.Keys[I];
      // Null tests presence, which needs no qualifier.
      // The claims of identity providers are typed loosely in the catalog
      // (`cognito-identity.amazonaws.com:amr` is documented as String, yet
      // carries a list that AWS's examples test with `ForAnyValue:`).
      if (!Key || reference::isFederationKey(C.Key) || !Key->MultiValued ||
          C.Qualifier != SetQualifier::None || C.Op == ConditionOp::Null ||
          C.Op == ConditionOp::Unknown)
        continue;
      Ctx.report(
          Info, C.KeyLoc,
          "condition key `" + C.Key +
              "` can carry several values, so operator `" + C.OperatorText +
              "` needs a set qualifier: use `ForAnyValue:" + C.OperatorText +
              "` (some value matches) or `ForAllValues:" + C.OperatorText +
              "` (every value matches)");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MissingSetQualifierRule);
} // namespace tollgate
