//===- ArnRegionNotAllowed.cpp - IAM428 arn-region-not-allowed ------------===//
///
/// \file
/// An ARN that names a Region where the service's ARNs of that shape have
/// none: `arn:aws:iam:us-east-1:111122223333:role/x` (IAM is global). The
/// ARN can then match no resource. User docs:
/// rules/docs/arn-region-not-allowed.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class ArnRegionNotAllowedRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM428")
          .name("arn-region-not-allowed")
          .severity(Severity::Error)
          .summary("An ARN names a Region where the service's ARNs have none");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      const reference::ResourceFacts &RF = F.Resources[I];
      reference::ArnFields Fields = RF.fields();
      StringRef Region = Fields.region();
      if (!Fields.complete() || Region.empty() || reference::isOpen(Region))
        continue;
      ArrayRef<const reference::ArnFormatInfo *> Formats = RF.formats();
      if (Formats.empty() ||
          any_of(Formats, [](const reference::ArnFormatInfo *Format) {
            return !Format->Region.empty();
          }))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "ARN `" + R.Text + "` names Region `" + Region + "`, but `" +
                     Fields.service() + "` ARNs of this kind have no Region (" +
                     Formats.front()->Format +
                     "), so it matches no resource; leave the Region field "
                     "empty");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ArnRegionNotAllowedRule);
} // namespace tollgate
