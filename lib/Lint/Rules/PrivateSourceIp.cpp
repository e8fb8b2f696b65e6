//===- PrivateSourceIp.cpp - IAM438 private-source-ip ---------------------===//
///
/// \file
/// An `aws:SourceIp` condition whose values are all private or reserved
/// address ranges (10.0.0.0/8, 192.168.0.0/16, fc00::/7, ...). Requests
/// reach AWS public endpoints from public addresses only, and requests
/// through a VPC endpoint carry no `aws:SourceIp`, so `IpAddress` never
/// matches and `NotIpAddress` always does. User docs:
/// rules/docs/private-source-ip.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class PrivateSourceIpRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM438")
          .name("private-source-ip")
          .severity(Severity::Error)
          .summary("aws:SourceIp compared only with private address ranges");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::Ip ||
          !C.Key.equals_insensitive("aws:SourceIp") || C.Values.empty())
        continue;
      bool AllPrivate = all_of(C.Values, [](const ConditionValue &V) {
        std::optional<IpNetwork> Net = parseIpNetwork(V.Value.Text);
        return Net && reference::isPrivateNetwork(*Net);
      });
      if (!AllPrivate)
        continue;
      const char *Outcome =
          isNegatedOperator(C.Op) ? "always holds"
          : reference::trueWhenKeyAbsent(C).value_or(false)
              ? "holds only for requests without `aws:SourceIp` "
                "(through VPC endpoints)"
              : "never holds";
      Ctx.report(Info, C.KeyLoc,
                 "every value of `" + C.Key + "` under `" + C.OperatorText +
                     "` is a private address range, but requests reach AWS "
                     "public endpoints only from public addresses, so the "
                     "condition " +
                     Outcome +
                     "; use `aws:VpcSourceIp` for addresses inside a VPC");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PrivateSourceIpRule);
} // namespace tollgate
