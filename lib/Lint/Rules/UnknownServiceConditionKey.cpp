//===- UnknownServiceConditionKey.cpp - IAM406 ----------------------------===//
///
/// \file
/// A service condition key that its service does not define
/// (`s3:prefx`), or whose service prefix does not exist. Keys of web
/// identity and SAML providers are named after the provider and are left
/// alone. User docs: rules/docs/unknown-service-condition-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class UnknownServiceConditionKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM406")
          .name("unknown-service-condition-key")
          .severity(Severity::Error)
          .summary("A service condition key that the IAM service catalog does "
                   "not have");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    const Catalog &Cat = Ctx.catalog();
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      StringRef Prefix = C.Key.take_until([](char Ch) { return Ch == ':'; });
      if (F.Keys[I] || Prefix.equals_insensitive("aws") ||
          !reference::hasKeyFormat(C.Key) ||
          reference::isFederationKey(C.Key) ||
          reference::isTagKeyWithoutTag(C.Key, Ctx))
        continue;
      std::string Message;
      if (const ServiceInfo *Service = Cat.service(Prefix))
        Message = ("unknown condition key `" + C.Key + "`: `" +
                   Service->Prefix + "` defines no such key in the IAM " +
                   "service catalog of " + reference::catalogDate(Cat))
                      .str();
      else
        Message =
            ("unknown service prefix `" + Prefix + "` in condition key `" +
             C.Key + "`: it is not in the IAM service catalog of " +
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
TOLLGATE_REGISTER_RULE(UnknownServiceConditionKeyRule);
} // namespace tollgate
