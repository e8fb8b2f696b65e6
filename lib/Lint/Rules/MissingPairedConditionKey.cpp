//===- MissingPairedConditionKey.cpp - IAM446 missing-paired-condition-key ===//
///
/// \file
/// An Allow conditioned on a private address key without the key that says
/// which network the address belongs to: `aws:VpcSourceIp` without
/// `aws:SourceVpc` (or `aws:SourceVpce`, `aws:SourceVpcArn`), and
/// `aws:Ec2InstanceSourcePrivateIPv4` without `aws:Ec2InstanceSourceVpc`.
/// Private addresses repeat across VPCs, so the address alone admits any
/// VPC that uses it. User docs: rules/docs/missing-paired-condition-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

struct Pairing {
  StringRef Key;
  ArrayRef<StringRef> Partners;
};

class MissingPairedConditionKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM446")
          .name("missing-paired-condition-key")
          .severity(Severity::Security)
          .impact(SecurityImpact::Medium)
          .summary(
              "A private address condition key without the key that names its "
              "network");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow)
      return;
    static const StringRef VpcKeys[] = {"aws:SourceVpc", "aws:SourceVpce",
                                        "aws:SourceVpcArn"};
    static const StringRef InstanceVpcKeys[] = {"aws:Ec2InstanceSourceVpc"};
    static const Pairing Pairings[] = {
        {"aws:VpcSourceIp", VpcKeys},
        {"aws:Ec2InstanceSourcePrivateIPv4", InstanceVpcKeys}};
    for (const Condition &C : S.Conditions) {
      if (C.Op == ConditionOp::Null)
        continue;
      for (const Pairing &P : Pairings) {
        if (!C.Key.equals_insensitive(P.Key))
          continue;
        bool Paired = any_of(S.Conditions, [&](const Condition &Other) {
          return Other.Op != ConditionOp::Null &&
                 any_of(P.Partners, [&](StringRef Partner) {
                   return Other.Key.equals_insensitive(Partner);
                 });
        });
        if (Paired)
          continue;
        Ctx.report(Info, C.KeyLoc,
                   "`" + C.Key +
                       "` alone admits requests from any network "
                       "that uses these private addresses; also test `" +
                       P.Partners.front() + "` in this statement");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MissingPairedConditionKeyRule);
} // namespace tollgate
