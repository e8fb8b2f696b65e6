//===- AnyResourceGrant.cpp - One sensitive action on every resource ------===//

#include "AnyResourceGrant.h"
#include "ActionFacts.h"
#include "ConditionStrength.h"
#include "ResourceFacts.h"
#include "RuleScope.h"
#include "SensitiveActions.h"

#include "tollgate/Catalog/Catalog.h"

using namespace llvm;

namespace tollgate {

void reportGrantOnEveryResource(const CheckInfo &Info, unsigned Index,
                                StringRef Noun, StringRef Advice,
                                const Statement &S, RuleContext &Ctx) {
  if (S.Eff != Effect::Allow || !grantsToIdentity(Ctx.policy().Type) ||
      isAllowAllStatement(S))
    return;
  const Catalog &Cat = Ctx.catalog();
  if (!grantedTracked(S, Ctx).test(Index))
    return;
  StringRef Name = SensitiveActions::get().tracked()[Index];
  const ActionInfo *A = Cat.action(Name);
  if (!A || !coversEveryResourceOf(S, *A) ||
      statementRestricted(S, ConditionKinds::AnyScope))
    return;

  std::string Every = ("every " + Noun).str();
  const PolicyString *Star = starResource(S);
  const PolicyString *Covering = nullptr;
  if (!Star && !S.Resource.Negated)
    for (const PolicyString &R : S.Resource.Patterns) {
      Statement One;
      One.Resource.Present = true;
      One.Resource.Patterns.push_back(R);
      if (coversEveryResourceOf(One, *A)) {
        Covering = &R;
        break;
      }
    }
  std::string Where;
  if (S.Resource.Negated)
    Where = Every + " not listed in `NotResource`";
  else if (Star && Star->Text == "*")
    Where = Every + " (`Resource` is `*`)";
  else if (const PolicyString *R = Star ? Star : Covering)
    Where = Every + " (`" + R->Text.str() + "` matches them all)";
  else
    Where = Every;

  const Loc *At = &S.Action.L;
  std::string How;
  if (S.Action.Negated) {
    How = "`NotAction` does not exclude `" + Name.str() +
          "`, so the statement allows it on " + Where;
  } else {
    const ActionPattern *P = patternGranting(S, Index, Ctx);
    At = &P->L;
    if (P->Text.equals_insensitive(Name))
      How = "`" + Name.str() + "` is allowed on " + Where;
    else
      How = "`" + P->Text.str() + "` includes `" + Name.str() +
            "`, allowed on " + Where;
  }
  Diagnostic &D = Ctx.report(Info, *At, How + "; " + Advice);
  if (const PolicyString *R = Star ? Star : Covering)
    if (R->L.Range.Begin != At->Range.Begin)
      Ctx.note(D, R->L, "the " + Noun + "s are not scoped here");
  noteWeakConditions(D, S, ConditionKinds::AnyScope, Ctx);
}

} // namespace tollgate
