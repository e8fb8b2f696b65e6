//===- InvalidVpcValue.cpp - IAM442 invalid-vpc-value ---------------------===//
///
/// \file
/// An `aws:SourceVpc` value that is not a VPC id (`vpc-` and 8 or 17
/// letters and digits) or an `aws:SourceVpce` value that is not a VPC
/// endpoint id (`vpce-` and 8 or 17), compared without wildcards. User
/// docs: rules/docs/invalid-vpc-value.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

bool isResourceId(StringRef Text, StringRef Prefix) {
  if (!Text.consume_front(Prefix))
    return false;
  return (Text.size() == 8 || Text.size() == 17) && all_of(Text, [](char C) {
           return reference::isLowerAscii(C) || isDigit(C);
         });
}

class InvalidVpcValueRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM442")
          .name("invalid-vpc-value")
          .severity(Severity::Error)
          .summary("An aws:SourceVpc or aws:SourceVpce value that is not a VPC "
                   "or VPC "
                   "endpoint id");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::String)
        continue;
      StringRef Prefix = C.Key.equals_insensitive("aws:SourceVpc")    ? "vpc-"
                         : C.Key.equals_insensitive("aws:SourceVpce") ? "vpce-"
                                                                      : "";
      if (Prefix.empty())
        continue;
      bool Like =
          C.Op == ConditionOp::StringLike || C.Op == ConditionOp::StringNotLike;
      for (const ConditionValue &V : C.Values) {
        if (V.Value.hasVariables() ||
            (Like && reference::hasLiteralWildcard(V.Value)) ||
            isResourceId(V.Value.Text, Prefix))
          continue;
        bool Vpce = Prefix == "vpce-";
        Ctx.report(Info, V.Value.L,
                   "`" + V.Value.Text + "` is not a VPC " +
                       (Vpce ? "endpoint " : "") + "id, so `" + C.Key +
                       "` never equals it; write an id such as `" + Prefix +
                       "1a2b3c4d`");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidVpcValueRule);
} // namespace tollgate
