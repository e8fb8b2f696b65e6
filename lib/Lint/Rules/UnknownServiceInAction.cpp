//===- UnknownServiceInAction.cpp - IAM401 unknown-service-in-action ------===//
///
/// \file
/// An Action or NotAction entry whose service prefix is not in the IAM
/// service catalog (`s4:GetObject`), or that has no prefix at all. User docs:
/// rules/docs/unknown-service-in-action.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

using reference::PatternStatus;

class UnknownServiceInActionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM401")
          .name("unknown-service-in-action")
          .severity(Severity::Error)
          .summary("An action names a service prefix that the IAM service "
                   "catalog does "
                   "not have");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Action.Patterns.size(); ++I) {
      const ActionPattern &A = S.Action.Patterns[I];
      if (F.Patterns[I] == PatternStatus::NoPrefix) {
        Ctx.report(Info, A.L,
                   "action `" + A.Text +
                       "` has no service prefix; write actions as "
                       "`service:Action`, such as `s3:GetObject`");
        continue;
      }
      if (F.Patterns[I] != PatternStatus::UnknownService)
        continue;
      StringRef Prefix = A.service();
      std::string Message =
          ("unknown service prefix `" + Prefix + "` in action `" + A.Text +
           "`: it is not in the IAM service catalog of " +
           reference::catalogDate(Ctx.catalog()))
              .str();
      std::optional<StringRef> Fix = reference::suggestService(Ctx, Prefix);
      if (Fix)
        Message += ("; did you mean `" + *Fix + "`?").str();
      Diagnostic &D = Ctx.report(Info, A.L, Message);
      if (Fix)
        D.Suggestion = (*Fix + ":" + A.name()).str();
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(UnknownServiceInActionRule);
} // namespace tollgate
