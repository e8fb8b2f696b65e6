//===- InvalidArnServiceCase.cpp - IAM426 invalid-arn-service-case --------===//
///
/// \file
/// An ARN whose service field has upper-case letters (`arn:aws:S3:::b`):
/// ARN services are lower case, and ARNs compare case-sensitively. User
/// docs: rules/docs/invalid-arn-service-case.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidArnServiceCaseRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM426")
          .name("invalid-arn-service-case")
          .severity(Severity::Error)
          .summary("An ARN whose service has upper-case letters");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      reference::ArnFields Fields = F.Resources[I].fields();
      if (Fields.Count < 4 || Fields.prefix() != "arn" ||
          Fields.service().contains(reference::VariableMark) ||
          none_of(Fields.service(), reference::isUpperAscii))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "service `" + Fields.service() + "` in ARN `" + R.Text +
                     "` must be lower case: `" + Fields.service().lower() +
                     "`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidArnServiceCaseRule);
} // namespace tollgate
