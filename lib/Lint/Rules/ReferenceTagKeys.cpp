//===- ReferenceTagKeys.cpp - Tag keys the services do not support --------===//
//
// Shared by IAM444 allow-with-unsupported-tag-key and IAM445
// deny-with-unsupported-tag-key, which differ only in the effect they look at.
//
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace reference {

void reportUnsupportedTagKeys(const Statement &S, RuleContext &Ctx,
                              const CheckInfo &Check, StringRef Verb) {
  const StatementFacts &F = statementFacts(S, Ctx);
  // NotAction and wildcard services cover services the statement does not
  // name; those are left alone.
  if (F.Negated || F.WildcardService)
    return;
  for (const Condition &C : S.Conditions) {
    TagKeyFamily Family = tagKeyFamily(C.Key);
    std::optional<bool> AbsentTrue = trueWhenKeyAbsent(C);
    // Only a condition that is false without the key excludes them.
    if (Family == TagKeyFamily::None || !AbsentTrue || *AbsentTrue)
      continue;
    SmallVector<const ServiceInfo *, 4> Unsupported;
    for (const ServiceInfo *Service : F.Services)
      if (!serviceSupportsTagKey(*Service, Family, Ctx))
        Unsupported.push_back(Service);
    if (Unsupported.empty())
      continue;
    std::string Names;
    for (size_t I = 0; I < Unsupported.size(); ++I) {
      if (I)
        Names += I + 1 == Unsupported.size() ? " and " : ", ";
      Names += ("`" + Unsupported[I]->Prefix + "`").str();
    }
    bool One = Unsupported.size() == 1;
    Ctx.report(Check, C.KeyLoc,
               Names + (One ? " does" : " do") + " not support `" +
                   tagKeyFamilyName(Family) +
                   "` in the IAM service catalog of " +
                   catalogDate(Ctx.catalog()) + ", so this statement never " +
                   Verb + " " + (One ? "its" : "their") +
                   " actions; move them to a statement without this "
                   "condition");
  }
}

} // namespace reference
} // namespace tollgate
