//===- ArnAccountNotAllowed.cpp - IAM427 arn-account-not-allowed ----------===//
///
/// \file
/// An ARN that names an account where the service's ARNs of that shape have
/// none: `arn:aws:s3::111122223333:my-bucket` (bucket names are global). The
/// ARN can then match no resource. User docs:
/// rules/docs/arn-account-not-allowed.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class ArnAccountNotAllowedRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM427")
          .name("arn-account-not-allowed")
          .severity(Severity::Error)
          .summary(
              "An ARN names an account where the service's ARNs have none");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      const reference::ResourceFacts &RF = F.Resources[I];
      reference::ArnFields Fields = RF.fields();
      StringRef Account = Fields.account();
      // A wildcard may stand for the empty account.
      if (!Fields.complete() || Account.empty() || reference::isOpen(Account))
        continue;
      ArrayRef<const reference::ArnFormatInfo *> Formats = RF.formats();
      if (Formats.empty() ||
          any_of(Formats, [](const reference::ArnFormatInfo *Format) {
            return !Format->Account.empty();
          }))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "ARN `" + R.Text + "` names account `" + Account + "`, but `" +
                     Fields.service() +
                     "` ARNs of this kind have no account (" +
                     Formats.front()->Format +
                     "), so it matches no resource; leave the account field "
                     "empty");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ArnAccountNotAllowedRule);
} // namespace tollgate
