//===- ForAnyValueSingleValuedKey.cpp - IAM419 ----------------------------===//
///
/// \file
/// foranyvalue-single-valued-key: `ForAnyValue:` on a key that
/// carries one value, where the plain operator says the same more plainly
/// (and, for negated operators, differs when the key is absent). User docs:
/// rules/docs/foranyvalue-single-valued-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class ForAnyValueSingleValuedKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM419")
          .name("foranyvalue-single-valued-key")
          .severity(Severity::Warning)
          .summary("ForAnyValue on a single-valued condition key");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      const ConditionKeyInfo *Key = F.Keys[I];
      // The claims of identity providers are typed loosely in the catalog
      // (`cognito-identity.amazonaws.com:amr` is documented as String, yet
      // carries a list that AWS's examples test with `ForAnyValue:`).
      if (!Key || reference::isFederationKey(C.Key) || Key->MultiValued ||
          C.Qualifier != SetQualifier::ForAnyValue ||
          C.Op == ConditionOp::Null || C.Op == ConditionOp::Unknown)
        continue;
      std::string Plain =
          (conditionOpName(C.Op) + (C.IfExists ? "IfExists" : "")).str();
      std::string Message;
      if (isNegatedOperator(C.Op) && !C.IfExists)
        Message = ("`ForAnyValue:` with single-valued condition key `" + C.Key +
                   "` makes the condition false when the request has no `" +
                   C.Key + "`, where `" + Plain + "` would be true; use `" +
                   Plain + "`, or `" + Plain +
                   "IfExists`, to say what a missing key "
                   "means")
                      .str();
      else
        Message = ("`ForAnyValue:` with single-valued condition key `" + C.Key +
                   "` adds nothing; use `" + Plain + "`")
                      .str();
      Ctx.report(Info, C.KeyLoc, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ForAnyValueSingleValuedKeyRule);
} // namespace tollgate
