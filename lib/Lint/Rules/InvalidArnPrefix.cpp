//===- InvalidArnPrefix.cpp - IAM421 invalid-arn-prefix -------------------===//
///
/// \file
/// A Resource or NotResource entry that is neither `*` nor an ARN: it does
/// not start with `arn:` (`s3:::bucket`, `ARN:aws:...`). User docs:
/// rules/docs/invalid-arn-prefix.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidArnPrefixRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM421")
          .name("invalid-arn-prefix")
          .severity(Severity::Error)
          .summary("A resource that does not start with `arn:`");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      StringRef Marked = F.Resources[I].Marked;
      // Up to the first wildcard or variable the text is fixed; it must
      // agree with `arn:` as far as both go.
      StringRef Fixed = Marked.take_front(Marked.find_first_of("*?\x01"));
      size_t N = std::min<size_t>(Fixed.size(), 4);
      if (Fixed.take_front(N) == StringRef("arn:").take_front(N))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      std::string Message =
          ("resource `" + R.Text + "` does not start with `arn:`").str();
      if (Fixed.take_front(N).equals_insensitive(
              StringRef("arn:").take_front(N)))
        Message += "; the prefix is case-sensitive";
      Message += "; write an ARN such as `arn:aws:s3:::my-bucket/*`, or `*` "
                 "for every resource";
      Ctx.report(Info, R.L, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidArnPrefixRule);
} // namespace tollgate
