//===- MissingTagKey.cpp - IAM409 missing-tag-key -------------------------===//
///
/// \file
/// A tag condition key without its tag key: `aws:ResourceTag` or
/// `aws:RequestTag/` where `aws:ResourceTag/team` was meant. User docs:
/// rules/docs/missing-tag-key.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class MissingTagKeyRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM409")
          .name("missing-tag-key")
          .severity(Severity::Error)
          .summary("A tag condition key without the tag key after the slash");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Conditions.size(); ++I) {
      const Condition &C = S.Conditions[I];
      if (F.Keys[I] || !reference::hasKeyFormat(C.Key) ||
          !reference::isTagKeyWithoutTag(C.Key, Ctx))
        continue;
      StringRef Base = C.Key;
      Base.consume_back("/");
      Ctx.report(Info, C.KeyLoc,
                 "condition key `" + C.Key + "` names no tag key; write `" +
                     Base + "/tag-key`, such as `" + Base + "/team`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(MissingTagKeyRule);
} // namespace tollgate
