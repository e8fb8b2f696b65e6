//===- UnscopedGrant.cpp - Actions granted on every resource --------------===//

#include "UnscopedGrant.h"
#include "ConditionStrength.h"
#include "ResourceFacts.h"
#include "RuleScope.h"

using namespace llvm;

namespace tollgate {

bool analyzeUnscopedGrant(const Statement &S, RuleContext &Ctx,
                          UnscopedGrant &Out) {
  if (S.Eff != Effect::Allow || S.Action.Negated ||
      !grantsToIdentity(Ctx.policy().Type) || !reachesEveryResource(S) ||
      isAllowAllStatement(S) ||
      statementRestricted(S, ConditionKinds::AnyScope))
    return false;
  Out.Star = starResource(S);
  const ElementFacts &F = elementFacts(S, Ctx);
  for (unsigned C = 0; C < NumActionCategories; ++C) {
    Out.First[C] = F.First[C] < 0 ? nullptr : &S.Action.Patterns[F.First[C]];
    Out.Examples[C] = F.Examples[C];
  }
  return true;
}

void reportUnscopedCategory(const CheckInfo &Info, ActionCategory C,
                            StringRef What, StringRef Why, const Statement &S,
                            RuleContext &Ctx) {
  UnscopedGrant G;
  if (!analyzeUnscopedGrant(S, Ctx, G) || !G.First[unsigned(C)])
    return;
  const ActionPattern &P = *G.First[unsigned(C)];
  std::string Where =
      G.Star ? (G.Star->Text == "*"
                    ? std::string("every resource (`Resource` is `*`)")
                    : "every resource (`" + G.Star->Text.str() +
                          "` matches them all)")
             : std::string("every resource not listed in `NotResource`");
  Diagnostic &D =
      Ctx.report(Info, P.L,
                 "the statement allows " + What + " such as " +
                     listActions(G.Examples[unsigned(C)]) + " on " + Where +
                     ", which " + Why +
                     "; name the resources in `Resource`, or restrict the "
                     "statement with a condition");
  if (G.Star)
    Ctx.note(D, G.Star->L, "the resources are not scoped here");
  noteWeakConditions(D, S, ConditionKinds::AnyScope, Ctx);
}

} // namespace tollgate
