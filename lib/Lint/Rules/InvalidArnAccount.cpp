//===- InvalidArnAccount.cpp - IAM425 invalid-arn-account -----------------===//
///
/// \file
/// An ARN whose account field is not empty, not a 12-digit account id and
/// cannot match one (`12345`, `my-account`). `aws`, the owner of
/// AWS-provided resources (`arn:aws:iam::aws:policy/...`), and other literal
/// accounts that the service's own ARN formats use are accepted. User docs:
/// rules/docs/invalid-arn-account.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidArnAccountRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM425")
          .name("invalid-arn-account")
          .severity(Severity::Error)
          .summary("An ARN whose account is not a 12-digit account id");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      reference::ArnFields Fields = F.Resources[I].fields();
      if (Fields.Count < 6 || Fields.prefix() != "arn")
        continue;
      StringRef Account = Fields.account();
      // `aws` owns AWS-provided resources: managed policies, public
      // SageMaker hubs, CloudFormation transforms.
      if (Account.empty() || Account == "aws" ||
          Account.contains(reference::VariableMark) ||
          reference::canBeAccountId(Account))
        continue;
      if (any_of(reference::arnFormatsForService(Ctx, Fields.service()),
                 [&](const reference::ArnFormatInfo &Format) {
                   return Format.Account == Account;
                 }))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "account `" + Account + "` in ARN `" + R.Text +
                     "` is not a 12-digit account id; write the id, such as "
                     "`111122223333`, or `*` for any account");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidArnAccountRule);
} // namespace tollgate
