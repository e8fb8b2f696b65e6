//===- WildcardInServiceName.cpp - IAM404 wildcard-in-service-name --------===//
///
/// \file
/// A wildcard in the service part of an action (`s*:Get*`, `*:List*`),
/// which matches every service whose prefix fits, today's and tomorrow's.
/// User docs: rules/docs/wildcard-in-service-name.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

using reference::PatternStatus;

class WildcardInServiceNameRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM404")
          .name("wildcard-in-service-name")
          .severity(Severity::Suggestion)
          .summary("A wildcard in the service prefix of an action");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Action.Patterns.size(); ++I) {
      const ActionPattern &A = S.Action.Patterns[I];
      // `*` alone is every action, which other checks judge.
      if (F.Patterns[I] != PatternStatus::WildcardService || A.Text == "*")
        continue;
      Ctx.report(Info, A.L,
                 "wildcard in the service prefix of `" + A.Text +
                     "` matches every service whose prefix fits, including "
                     "services AWS adds later; name the services");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(WildcardInServiceNameRule);
} // namespace tollgate
