//===- InvalidRegionValue.cpp - IAM441 invalid-region-value ---------------===//
///
/// \file
/// An `aws:RequestedRegion` value that is not shaped like a Region code
/// (`us-east`, `US-EAST-1`, `virginia`), compared without wildcards. User
/// docs: rules/docs/invalid-region-value.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidRegionValueRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM441")
          .name("invalid-region-value")
          .severity(Severity::Error)
          .summary("An aws:RequestedRegion value that is not a Region code");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::String ||
          !C.Key.equals_insensitive("aws:RequestedRegion"))
        continue;
      bool IgnoreCase = C.Op == ConditionOp::StringEqualsIgnoreCase ||
                        C.Op == ConditionOp::StringNotEqualsIgnoreCase;
      bool Like =
          C.Op == ConditionOp::StringLike || C.Op == ConditionOp::StringNotLike;
      for (const ConditionValue &V : C.Values) {
        StringRef Text = V.Value.Text;
        if (V.Value.hasVariables() ||
            (Like && reference::hasLiteralWildcard(V.Value)))
          continue;
        std::string Lower = Text.lower();
        if (reference::isRegionName(IgnoreCase ? StringRef(Lower) : Text))
          continue;
        std::string Message = ("`" + Text + "` is not a Region code, so `" +
                               C.Key + "` never equals it")
                                  .str();
        if (reference::isRegionName(Lower))
          Message += "; Region codes are lower case: `" + Lower + "`";
        else
          Message += "; write a Region such as `us-east-1`";
        Ctx.report(Info, V.Value.L, Message);
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidRegionValueRule);
} // namespace tollgate
