//===- UnknownGlobalConditionKey.cpp - IAM405 unknown-global-condition-key ===//
///
/// \file
/// A condition key with the `aws:` prefix that is not a global condition
/// key (`aws:SourceIP4`). User docs: rules/docs/unknown-global-condition-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class UnknownGlobalConditionKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM405")
          .name("unknown-global-condition-key")
          .severity(Severity::Error)
          .summary(
              "An `aws:` condition key that is not a global condition key");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    const Catalog &Cat = Ctx.catalog();
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      if (!C.Key.take_until([](char Ch) { return Ch == ':'; })
               .equals_insensitive("aws") ||
          !reference::hasKeyFormat(C.Key))
        continue;
      if (F.Keys[I] && F.Keys[I]->Global)
        continue;
      // Reported by deprecated-global-condition-key and missing-tag-key.
      if (reference::isDeprecatedGlobalKey(C.Key) ||
          reference::isTagKeyWithoutTag(C.Key, Ctx))
        continue;
      std::string Message = ("unknown global condition key `" + C.Key +
                             "`: it is not in the IAM service catalog of " +
                             reference::catalogDate(Cat))
                                .str();
      std::optional<StringRef> Fix = reference::suggestConditionKey(Cat, C.Key);
      if (Fix)
        Message += ("; did you mean `" + *Fix + "`?").str();
      Diagnostic &D = Ctx.report(Info, C.KeyLoc, Message);
      if (Fix)
        D.Suggestion = Fix->str();
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(UnknownGlobalConditionKeyRule);
} // namespace tollgate
