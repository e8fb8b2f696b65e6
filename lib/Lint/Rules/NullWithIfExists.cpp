//===- NullWithIfExists.cpp - IAM415 null-with-if-exists ------------------===//
///
/// \file
/// The `Null` operator with the `IfExists` suffix, which IAM does not
/// accept: `Null` itself tests whether the key exists. User docs:
/// rules/docs/null-with-if-exists.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class NullWithIfExistsRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM415")
          .name("null-with-if-exists")
          .severity(Severity::Error)
          .summary("The Null operator with the IfExists suffix");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const Condition *Previous = nullptr;
    for (const Condition &C : S.Conditions) {
      bool SameBlock = Previous && Previous->OperatorLoc.Range.Begin ==
                                       C.OperatorLoc.Range.Begin;
      Previous = &C;
      if (SameBlock || C.Op != ConditionOp::Null || !C.IfExists)
        continue;
      Ctx.report(Info, C.OperatorLoc,
                 "operator `" + C.OperatorText +
                     "` combines `Null` with `IfExists`, which IAM does not "
                     "accept: `Null` already tests whether the key is "
                     "present; use `Null`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(NullWithIfExistsRule);
} // namespace tollgate
