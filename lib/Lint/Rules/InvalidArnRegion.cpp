//===- InvalidArnRegion.cpp - IAM424 invalid-arn-region -------------------===//
///
/// \file
/// An ARN whose region field is not empty, not a wildcard and not shaped
/// like a Region code (`us-east-1`): `region`, `us-east`, `US-EAST-1`.
/// User docs: rules/docs/invalid-arn-region.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidArnRegionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM424")
          .name("invalid-arn-region")
          .severity(Severity::Error)
          .summary("An ARN whose region is not a Region code");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      reference::ArnFields Fields = F.Resources[I].fields();
      if (Fields.Count < 5 || Fields.prefix() != "arn")
        continue;
      StringRef Region = Fields.region();
      if (Region.empty() || reference::isOpen(Region) ||
          reference::isRegionName(Region))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      std::string Message =
          ("`" + Region + "` in ARN `" + R.Text + "` is not a Region code")
              .str();
      if (reference::isRegionName(Region.lower()))
        Message += "; Region codes are lower case: `" + Region.lower() + "`";
      else
        Message += "; write a Region such as `us-east-1`, `*` for any "
                   "Region, or nothing for services whose ARNs have none";
      Ctx.report(Info, R.L, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidArnRegionRule);
} // namespace tollgate
