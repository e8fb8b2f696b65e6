//===- InvalidConditionKeyFormat.cpp - IAM408 invalid-condition-key-format ===//
///
/// \file
/// A condition key that is not `service:name`: no colon, or nothing before
/// or after it. User docs: rules/docs/invalid-condition-key-format.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidConditionKeyFormatRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM408")
          .name("invalid-condition-key-format")
          .severity(Severity::Error)
          .summary("A condition key that is not of the form `service:name`");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      // An empty key is a grammar error (IAM028).
      if (C.Key.empty() || reference::hasKeyFormat(C.Key))
        continue;
      std::string Message =
          ("condition key `" + C.Key +
           "` is not of the form `service:name`, such as `aws:SourceIp` or "
           "`s3:prefix`")
              .str();
      if (!C.Key.contains(':'))
        if (std::optional<StringRef> Fix =
                Ctx.catalog().suggestConditionKey(("aws:" + C.Key).str()))
          Message += ("; did you mean `" + *Fix + "`?").str();
      Ctx.report(Info, C.KeyLoc, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidConditionKeyFormatRule);
} // namespace tollgate
