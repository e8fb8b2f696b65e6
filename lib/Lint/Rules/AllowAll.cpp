//===- AllowAll.cpp - IAM101 allow-all ------------------------------------===//
///
/// \file
/// An Allow of every action on every resource, with no condition: full
/// administrator access. User docs: rules/docs/allow-all.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

bool isStar(llvm::StringRef S) { return S == "*"; }

class AllowAllRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM101")
          .name("allow-all")
          .severity(Severity::Security)
          .impact(SecurityImpact::Critical)
          .summary("An Allow of every action on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || S.HasCondition || S.Action.Negated ||
        S.Resource.Negated)
      return;
    const ActionPattern *AnyAction = nullptr;
    for (const ActionPattern &A : S.Action.Patterns)
      if (isStar(A.Text))
        AnyAction = &A;
    bool AnyResource = false;
    for (const PolicyString &R : S.Resource.Patterns)
      AnyResource |= isStar(R.Text);
    // Trust and resource policies have no Resource or name it themselves;
    // for them `*` actions alone are the whole grant.
    if (!AnyAction || (!AnyResource && S.Resource.Present))
      return;
    Ctx.report(Info, AnyAction->L,
               "statement allows every action on every resource: this is "
               "full administrator access");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(AllowAllRule);
} // namespace tollgate
