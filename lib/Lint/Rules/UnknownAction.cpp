//===- UnknownAction.cpp - IAM402 unknown-action --------------------------===//
///
/// \file
/// An Action or NotAction entry that names an action its service does not
/// have (`s3:GetObjct`). User docs: rules/docs/unknown-action.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

using reference::PatternStatus;

class UnknownActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM402")
          .name("unknown-action")
          .severity(Severity::Error)
          .summary("An action that its service does not have in the IAM "
                   "service catalog");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Action.Patterns.size(); ++I) {
      if (F.Patterns[I] != PatternStatus::UnknownAction)
        continue;
      const ActionPattern &A = S.Action.Patterns[I];
      const ServiceInfo *Service = Ctx.catalog().service(A.service());
      std::string Message =
          ("unknown action `" + A.Text + "`: `" + Service->Prefix +
           "` has no action `" + A.name() + "` in the IAM service catalog of " +
           reference::catalogDate(Ctx.catalog()))
              .str();
      std::optional<StringRef> Fix = reference::suggestAction(Ctx, A.Text);
      if (Fix)
        Message += ("; did you mean `" + *Fix + "`?").str();
      Diagnostic &D = Ctx.report(Info, A.L, Message);
      if (Fix)
        D.Suggestion = Fix->str();
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(UnknownActionRule);
} // namespace tollgate
