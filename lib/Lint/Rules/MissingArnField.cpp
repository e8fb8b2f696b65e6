//===- MissingArnField.cpp - IAM422 missing-arn-field ---------------------===//
///
/// \file
/// An ARN with fewer than its six colon-separated fields
/// (`arn:aws:s3:my-bucket`). An ARN whose last field holds a wildcard is
/// left alone when the wildcard may stand for the missing fields
/// (`arn:aws:waf:*`). User docs:
/// rules/docs/missing-arn-field.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class MissingArnFieldRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM422")
          .name("missing-arn-field")
          .severity(Severity::Error)
          .summary("An ARN with fewer than six fields");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      reference::ArnFields Fields = F.Resources[I].fields();
      if (Fields.Count < 2 || Fields.prefix() != "arn" || Fields.complete())
        continue;
      // A wildcard in the last field may stand for the missing fields
      // (`arn:aws:waf:*`), unless the text before it holds a `/`, which no
      // Region or account field can.
      StringRef Last = Fields.Field[Fields.Count - 1];
      size_t Open = Last.find_first_of("*?\x01");
      if (Open != StringRef::npos && !Last.take_front(Open).contains('/'))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      Ctx.report(Info, R.L,
                 "ARN `" + R.Text + "` has " + Twine(Fields.Count) +
                     " fields, not 6: write "
                     "`arn:partition:service:region:account:resource`, "
                     "leaving the fields a service does not use empty, as in "
                     "`arn:aws:s3:::my-bucket`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MissingArnFieldRule);
} // namespace tollgate
