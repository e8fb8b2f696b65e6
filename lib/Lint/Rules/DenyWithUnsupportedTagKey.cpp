//===- DenyWithUnsupportedTagKey.cpp - IAM445 -----------------------------===//
///
/// \file
/// A `Deny` conditioned on a global tag key (`aws:ResourceTag/...`,
/// `aws:RequestTag/...`, `aws:TagKeys`) with actions of a service that lists
/// that key for none of its actions or resource types. The key is then
/// never in those actions' request context, so the condition never matches
/// them and the statement never denies them. User docs:
/// rules/docs/deny-with-unsupported-tag-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class DenyWithUnsupportedTagKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info = {
      "IAM445",
      "deny-with-unsupported-tag-key",
      Severity::Security,
      CheckStatus::Stable,
      false,
      "A Deny conditioned on a tag key that some of its services do "
      "not support"};
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Deny || S.Conditions.empty())
      return;
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    // NotAction and wildcard services cover services the statement does not
    // name; those are left alone.
    if (F.Negated || F.WildcardService)
      return;
    for (const Condition &C : S.Conditions) {
      reference::TagKeyFamily Family = reference::tagKeyFamily(C.Key);
      Optional<bool> AbsentTrue = reference::trueWhenKeyAbsent(C);
      // Only a condition that is false without the key excludes them.
      if (Family == reference::TagKeyFamily::None || !AbsentTrue || *AbsentTrue)
        continue;
      SmallVector<const ServiceInfo *, 4> Unsupported;
      for (const ServiceInfo *Service : F.Services)
        if (!reference::serviceSupportsTagKey(*Service, Family))
          Unsupported.push_back(Service);
      if (Unsupported.empty())
        continue;
      std::string Names;
      for (size_t I = 0; I < Unsupported.size(); ++I) {
        if (I)
          Names += I + 1 == Unsupported.size() ? " and " : ", ";
        Names += ("`" + Unsupported[I]->Prefix + "`").str();
      }
      bool One = Unsupported.size() == 1;
      Ctx.report(Info, C.KeyLoc,
                 Names + (One ? " does" : " do") + " not support `" +
                     reference::tagKeyFamilyName(Family) +
                     "` in the IAM service catalog of " +
                     reference::catalogDate(Ctx.catalog()) +
                     ", so this statement never denies " +
                     (One ? "its" : "their") +
                     " actions; move them to a statement without this "
                     "condition");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(DenyWithUnsupportedTagKeyRule);
} // namespace tollgate
