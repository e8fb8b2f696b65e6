//===- OpenToEveryone.cpp - A principal of everyone, unrestricted ---------===//

#include "OpenToEveryone.h"

#include "ConditionStrength.h"
#include "PrincipalFacts.h"

namespace tollgate {

void reportOpenToEveryone(const Statement &S, RuleContext &Ctx,
                          const CheckInfo &Check, PolicyType Type,
                          llvm::StringRef Message) {
  if (Ctx.policy().Type != Type || S.Eff != Effect::Allow ||
      S.Principal.Negated)
    return;
  const Loc *At = everyonePrincipal(S.Principal);
  if (!At || statementRestricted(S, ConditionKinds::Stranger))
    return;
  Diagnostic &D = Ctx.report(Check, *At, Message);
  noteWeakConditions(D, S, ConditionKinds::Stranger, Ctx);
}

} // namespace tollgate
