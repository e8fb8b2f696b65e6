//===- ActionFacts.cpp - What an Action element grants --------------------===//

#include "ActionFacts.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <memory>

using namespace llvm;

namespace tollgate {

ActionCategory actionCategory(const ActionInfo &A) {
  const SensitiveActions &Data = SensitiveActions::get();
  int I = Data.index(A.FullName);
  if (I >= 0 && Data.credentialsExposure().test(I))
    return ActionCategory::CredentialsExposure;
  if (I >= 0 && Data.dataExfiltration().test(I))
    return ActionCategory::DataExfiltration;
  if (A.Level == AccessLevel::PermissionsManagement)
    return ActionCategory::PermissionsManagement;
  if (A.Level == AccessLevel::Write)
    return ActionCategory::InfrastructureModification;
  return ActionCategory::Other;
}

bool isScopable(const ActionInfo &A) {
  for (const ActionResource &R : A.Resources)
    if (R.Required)
      return true;
  return false;
}

static void addAction(GrantFacts &F, const ActionInfo &A) {
  if (!isScopable(A))
    return;
  unsigned C = unsigned(actionCategory(A));
  F.Categories |= 1u << C;
  if (F.Examples[C].size() < 3)
    F.Examples[C].push_back(&A);
}

static TrackedMask trackedMatching(StringRef Pattern) {
  const SensitiveActions &Data = SensitiveActions::get();
  TrackedMask M;
  StringRef Service = Pattern.split(':').first;
  bool LiteralService = !hasWildcard(Service);
  ArrayRef<std::string> Names = Data.tracked();
  for (unsigned I = 0; I < Names.size(); ++I) {
    StringRef Name = Names[I];
    if (LiteralService && !Name.split(':').first.equals_insensitive(Service))
      continue;
    if (globMatch(Pattern, Name, CaseMode::Insensitive))
      M.set(I);
  }
  return M;
}

namespace {
/// Per-thread caches; bounded so that a long run cannot grow them without
/// limit.
struct Caches {
  StringMap<std::unique_ptr<GrantFacts>> Patterns;
  StringMap<std::unique_ptr<GrantFacts>> NotActions;
};
Caches &caches() {
  static thread_local Caches C;
  return C;
}
constexpr size_t MaxCached = 1 << 16;
} // namespace

const GrantFacts &patternFacts(StringRef Pattern, const Catalog &Cat) {
  StringMap<std::unique_ptr<GrantFacts>> &Map = caches().Patterns;
  auto It = Map.find(Pattern);
  if (It != Map.end())
    return *It->second;
  if (Map.size() >= MaxCached)
    Map.clear();
  auto F = std::make_unique<GrantFacts>();
  F->Tracked = trackedMatching(Pattern);
  Cat.forEachMatchingAction(Pattern,
                            [&](const ActionInfo &A) { addAction(*F, A); });
  return *Map.try_emplace(Pattern, std::move(F)).first->second;
}

const GrantFacts &notActionFacts(const ActionElement &E, const Catalog &Cat) {
  std::string Key;
  for (const ActionPattern &P : E.Patterns) {
    Key += P.Text.lower();
    Key += '\n';
  }
  StringMap<std::unique_ptr<GrantFacts>> &Map = caches().NotActions;
  auto It = Map.find(Key);
  if (It != Map.end())
    return *It->second;
  if (Map.size() >= MaxCached)
    Map.clear();
  auto F = std::make_unique<GrantFacts>();
  TrackedMask Excluded;
  for (const ActionPattern &P : E.Patterns)
    Excluded |= patternFacts(P.Text, Cat).Tracked;
  const SensitiveActions &Data = SensitiveActions::get();
  for (unsigned I = 0; I < Data.tracked().size(); ++I)
    if (!Excluded.test(I))
      F->Tracked.set(I);
  for (const ActionInfo &A : Cat.actions()) {
    bool Matched = false;
    for (const ActionPattern &P : E.Patterns)
      if (globMatch(P.Text, A.FullName, CaseMode::Insensitive)) {
        Matched = true;
        break;
      }
    if (!Matched)
      addAction(*F, A);
  }
  return *Map.try_emplace(Key, std::move(F)).first->second;
}

bool matchesEveryAction(const ActionPattern &P) {
  StringRef Service = P.service(), Name = P.name();
  if (!P.Text.contains(':'))
    return P.Text.find_first_not_of('*') == StringRef::npos;
  return Service.find_first_not_of('*') == StringRef::npos && !Name.empty() &&
         Name.find_first_not_of('*') == StringRef::npos;
}

bool isServiceWildcard(const ActionPattern &P) {
  StringRef Service = P.service(), Name = P.name();
  return P.Text.contains(':') && !Service.empty() && !hasWildcard(Service) &&
         !Name.empty() && Name.find_first_not_of('*') == StringRef::npos;
}

TrackedMask grantedTracked(const ActionElement &E, const Catalog &Cat) {
  if (E.Negated)
    return notActionFacts(E, Cat).Tracked;
  TrackedMask M;
  for (const ActionPattern &P : E.Patterns)
    M |= patternFacts(P.Text, Cat).Tracked;
  return M;
}

const ActionPattern *patternGranting(const ActionElement &E, unsigned Index,
                                     const Catalog &Cat) {
  if (E.Negated)
    return nullptr;
  for (const ActionPattern &P : E.Patterns)
    if (patternFacts(P.Text, Cat).Tracked.test(Index))
      return &P;
  return nullptr;
}

std::string listActions(ArrayRef<const ActionInfo *> Actions) {
  std::string Out;
  for (size_t I = 0; I < Actions.size(); ++I) {
    if (I)
      Out += I + 1 == Actions.size() ? " and " : ", ";
    Out += "`" + Actions[I]->FullName.str() + "`";
  }
  return Out;
}

} // namespace tollgate
