//===- MissingArnRegion.cpp - IAM429 missing-arn-region -------------------===//
///
/// \file
/// An ARN with an empty Region field where every ARN of that shape of the
/// service has a Region: `arn:aws:sqs::111122223333:queue`. The ARN can
/// then match no resource. User docs: rules/docs/missing-arn-region.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class MissingArnRegionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM429")
          .name("missing-arn-region")
          .severity(Severity::Error)
          .summary("An ARN without a Region where the service's ARNs have one");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      const reference::ResourceFacts &RF = F.Resources[I];
      reference::ArnFields Fields = RF.fields();
      if (!Fields.complete() || !Fields.region().empty())
        continue;
      ArrayRef<const reference::ArnFormatInfo *> Formats = RF.formats();
      if (Formats.empty() ||
          any_of(Formats, [](const reference::ArnFormatInfo *Format) {
            return Format->Region.empty();
          }))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "ARN `" + R.Text + "` has no Region, but `" +
                     Fields.service() + "` ARNs of this kind have one (" +
                     Formats.front()->Format +
                     "), so it matches no resource; write the Region, or `*` "
                     "for any Region");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MissingArnRegionRule);
} // namespace tollgate
