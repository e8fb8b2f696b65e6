//===- ReferenceArnFields.cpp - ARN fields where the service has none -----===//
//
// Shared by IAM427 arn-account-not-allowed and IAM428 arn-region-not-allowed,
// which differ only in the field they look at.
//
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace reference {

void reportFieldWhereNone(const Statement &S, RuleContext &Ctx,
                          const CheckInfo &Check, ArnField Which) {
  bool IsRegion = Which == ArnField::Region;
  StringRef Name = IsRegion ? "Region" : "account";
  const StatementFacts &F = statementFacts(S, Ctx);
  for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
    const ResourceFacts &RF = F.Resources[I];
    ArnFields Fields = RF.fields();
    StringRef Value = IsRegion ? Fields.region() : Fields.account();
    // A wildcard may stand for the empty field.
    if (!Fields.complete() || Value.empty() || isOpen(Value))
      continue;
    ArrayRef<const ArnFormatInfo *> Formats = RF.formats();
    if (Formats.empty() || any_of(Formats, [&](const ArnFormatInfo *Format) {
          return !(IsRegion ? Format->Region : Format->Account).empty();
        }))
      continue;
    const PolicyString &R = S.Resource.Patterns[I];
    Ctx.report(
        Check, R.L,
        "ARN `" + R.Text + "` names " + Name + " `" + Value + "`, but `" +
            Fields.service() + "` ARNs of this kind have no " + Name + " (" +
            Formats.front()->Format +
            "), so it matches no resource; leave the " + Name + " field empty");
  }
}

} // namespace reference
} // namespace tollgate
