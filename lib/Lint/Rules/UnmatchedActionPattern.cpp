//===- UnmatchedActionPattern.cpp - IAM403 unmatched-action-pattern -------===//
///
/// \file
/// A wildcard Action or NotAction entry that matches no action of its
/// service (`s3:Head*`). User docs: rules/docs/unmatched-action-pattern.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

using reference::PatternStatus;

class UnmatchedActionPatternRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM403")
          .name("unmatched-action-pattern")
          .severity(Severity::Warning)
          .summary("A wildcard action pattern that matches no action in the "
                   "IAM service "
                   "catalog");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Action.Patterns.size(); ++I) {
      if (F.Patterns[I] != PatternStatus::NoMatch)
        continue;
      const ActionPattern &A = S.Action.Patterns[I];
      const ServiceInfo *Service = Ctx.catalog().service(A.service());
      Ctx.report(Info, A.L,
                 "action pattern `" + A.Text + "` matches no action of `" +
                     Service->Prefix + "` in the IAM service catalog of " +
                     reference::catalogDate(Ctx.catalog()) +
                     "; correct the pattern or remove it");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(UnmatchedActionPatternRule);
} // namespace tollgate
