//===- PrivateSourceIpSubset.cpp - IAM439 private-source-ip-subset --------===//
///
/// \file
/// An `aws:SourceIp` condition that lists private address ranges among
/// public ones: the private ones never match a request, so they only
/// mislead the reader. User docs: rules/docs/private-source-ip-subset.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class PrivateSourceIpSubsetRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM439")
          .name("private-source-ip-subset")
          .severity(Severity::Suggestion)
          .summary(
              "aws:SourceIp lists private address ranges among public ones");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::Ip ||
          !C.Key.equals_insensitive("aws:SourceIp"))
        continue;
      SmallVector<const ConditionValue *, 4> Private;
      bool AnyPublic = false;
      for (const ConditionValue &V : C.Values) {
        std::optional<IpNetwork> Net = parseIpNetwork(V.Value.Text);
        if (Net && reference::isPrivateNetwork(*Net))
          Private.push_back(&V);
        else
          AnyPublic = true;
      }
      // All private is private-source-ip's finding.
      if (!AnyPublic)
        continue;
      for (const ConditionValue *V : Private)
        Ctx.report(Info, V->Value.L,
                   "`" + V->Value.Text +
                       "` is a private address range, which `aws:SourceIp` "
                       "never holds, so this value has no effect; use "
                       "`aws:VpcSourceIp` for addresses inside a VPC");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PrivateSourceIpSubsetRule);
} // namespace tollgate
