//===- LikeMatchesAnything.cpp - IAM302 like-matches-anything -------------===//
///
/// \file
/// `StringLike` or `ArnLike` with the value `*` matches every value: the
/// condition only tests that the key is present, which `Null` says plainly.
/// Authors often write it meaning a restriction it is not. User docs:
/// rules/docs/like-matches-anything.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"
#include "tollgate/Support/Glob.h"

namespace tollgate {
namespace {

class LikeMatchesAnythingRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM302")
          .name("like-matches-anything")
          .severity(Severity::Suggestion)
          .summary("A `Like` condition value `*` that only tests that the key "
                   "is present");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if ((C.Op != ConditionOp::StringLike && C.Op != ConditionOp::ArnLike) ||
          C.IfExists || C.Qualifier == SetQualifier::ForAllValues)
        continue;
      for (const ConditionValue &V : C.Values) {
        if (V.Value.hasVariables() || !isAllWildcards(V.Value.Text) ||
            V.Value.Text.contains('?'))
          continue;
        Ctx.report(Info, V.Value.L,
                   "`" + V.Value.Text + "` matches every value of `" + C.Key +
                       "`, so the condition only tests that the key is "
                       "present; say so with `\"Null\": {\"" +
                       C.Key +
                       "\": \"false\"}`, or name the values it should match");
        break;
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(LikeMatchesAnythingRule);
} // namespace tollgate
