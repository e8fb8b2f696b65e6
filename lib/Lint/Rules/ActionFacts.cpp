//===- ActionFacts.cpp - What an Action element grants --------------------===//

#include "ActionFacts.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <memory>

using namespace llvm;

namespace tollgate {

/// The index of \p A among the tracked actions, or -1. Remembered per
/// action and thread: every action a new pattern grants is asked about.
/// Only actions of the built-in catalog are remembered, whose addresses
/// never change hands.
static int trackedIndex(const ActionInfo &A) {
  ArrayRef<ActionInfo> Builtin = Catalog::builtin().actions();
  if (&A < Builtin.begin() || &A >= Builtin.end())
    return SensitiveActions::get().index(A.FullName);
  static thread_local DenseMap<const ActionInfo *, int> Memo;
  auto [It, New] = Memo.try_emplace(&A, 0);
  if (New)
    It->second = SensitiveActions::get().index(A.FullName);
  return It->second;
}

ActionCategory actionCategory(const ActionInfo &A) {
  const SensitiveActions &Data = SensitiveActions::get();
  int I = trackedIndex(A);
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
  // Alternative resource types are all listed as optional (`s3:ListBucket`
  // takes a bucket or an access point), so two or more rows scope the
  // action as well as a required one does.
  if (A.Resources.size() >= 2)
    return true;
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

namespace {
/// The tracked actions grouped by service prefix, split once: a pattern
/// with a literal prefix is tried against its service's actions only.
struct TrackedByService {
  struct Group {
    StringRef Service;
    SmallVector<unsigned, 8> Indices;
  };
  std::vector<Group> Groups;

  TrackedByService() {
    ArrayRef<std::string> Names = SensitiveActions::get().tracked();
    for (unsigned I = 0; I < Names.size(); ++I) {
      StringRef Service = StringRef(Names[I]).split(':').first;
      auto It = find_if(Groups, [&](const Group &G) {
        return G.Service.equals_insensitive(Service);
      });
      if (It == Groups.end()) {
        Groups.push_back({Service, {}});
        It = std::prev(Groups.end());
      }
      It->Indices.push_back(I);
    }
  }
  static const TrackedByService &get() {
    static const TrackedByService Table;
    return Table;
  }
};
} // namespace

static TrackedMask trackedMatching(StringRef Pattern) {
  ArrayRef<std::string> Names = SensitiveActions::get().tracked();
  TrackedMask M;
  StringRef Service = Pattern.split(':').first;
  tollgate::Pattern P =
      tollgate::Pattern::parse(Pattern, CaseMode::Insensitive);
  if (hasWildcard(Service)) {
    for (unsigned I = 0; I < Names.size(); ++I)
      if (P.matches(Names[I]))
        M.set(I);
    return M;
  }
  for (const TrackedByService::Group &G : TrackedByService::get().Groups) {
    if (!G.Service.equals_insensitive(Service))
      continue;
    for (unsigned I : G.Indices)
      if (P.matches(Names[I]))
        M.set(I);
  }
  return M;
}

namespace {
/// Per-thread caches; bounded so that a long run cannot grow them without
/// limit.
struct OwnedFacts {
  std::string Key;
  GrantFacts Facts;
};
struct Caches {
  // Keyed by views of OwnedFacts::Key; DenseMap's StringRef hash is much
  // cheaper than StringMap's on this path, which runs for every pattern.
  DenseMap<StringRef, std::unique_ptr<OwnedFacts>> Patterns;
  StringMap<std::unique_ptr<GrantFacts>> NotActions;
};
Caches &caches() {
  static thread_local Caches C;
  return C;
}
constexpr size_t MaxCached = 1 << 16;
} // namespace

const GrantFacts &patternFacts(StringRef Pattern, const Catalog &Cat) {
  DenseMap<StringRef, std::unique_ptr<OwnedFacts>> &Map = caches().Patterns;
  auto It = Map.find(Pattern);
  if (It != Map.end())
    return It->second->Facts;
  if (Map.size() >= MaxCached)
    Map.clear();
  auto F = std::make_unique<OwnedFacts>();
  F->Key = Pattern.str();
  F->Facts.Tracked = trackedMatching(Pattern);
  Cat.forEachMatchingAction(
      Pattern, [&](const ActionInfo &A) { addAction(F->Facts, A); });
  StringRef Key = F->Key;
  return Map.try_emplace(Key, std::move(F)).first->second->Facts;
}

const GrantFacts &notActionFacts(const ActionElement &E, const Catalog &Cat) {
  std::string Key;
  for (const ActionPattern &P : E.Patterns) {
    Key += P.Text;
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
  // The categories of a NotAction grant stay empty: the rules that read
  // them leave NotAction to IAM102, whose message already says that every
  // other action is allowed.
  return *Map.try_emplace(Key, std::move(F)).first->second;
}

bool matchesEveryAction(const ActionPattern &P) {
  // One search for the colon: ActionPattern::service() and name() would
  // each split the text again.
  StringRef Text = P.Text;
  size_t Colon = Text.find(':');
  if (Colon == StringRef::npos)
    return Text.find_first_not_of('*') == StringRef::npos;
  StringRef Service = Text.take_front(Colon), Name = Text.drop_front(Colon + 1);
  return Service.find_first_not_of('*') == StringRef::npos && !Name.empty() &&
         Name.find_first_not_of('*') == StringRef::npos;
}

bool isServiceWildcard(const ActionPattern &P) {
  StringRef Text = P.Text;
  size_t Colon = Text.find(':');
  if (Colon == StringRef::npos)
    return false;
  StringRef Service = Text.take_front(Colon), Name = Text.drop_front(Colon + 1);
  return !Service.empty() && !hasWildcard(Service) && !Name.empty() &&
         Name.find_first_not_of('*') == StringRef::npos;
}

namespace {
struct ElementEntry {
  bool Negated = false;
  size_t Count = 0;
  /// The patterns' texts, each followed by a newline.
  std::string Texts;
  ElementFacts Facts;
};

bool sameTexts(const ElementEntry &Entry, const ActionElement &E) {
  if (Entry.Negated != E.Negated || Entry.Count != E.Patterns.size())
    return false;
  StringRef Rest = Entry.Texts;
  for (const ActionPattern &P : E.Patterns) {
    if (!Rest.startswith(P.Text) || Rest.size() <= P.Text.size() ||
        Rest[P.Text.size()] != '\n')
      return false;
    Rest = Rest.drop_front(P.Text.size() + 1);
  }
  return Rest.empty();
}
} // namespace

static void computeElementFacts(const ActionElement &E, const Catalog &Cat,
                                ElementFacts &F) {
  F.First.fill(-1);
  F.FirstTracked.fill(-1);
  if (E.Negated) {
    F.Tracked = notActionFacts(E, Cat).Tracked;
    return;
  }
  for (size_t I = 0; I < E.Patterns.size(); ++I) {
    const ActionPattern &P = E.Patterns[I];
    const GrantFacts &G = patternFacts(P.Text, Cat);
    TrackedMask New = G.Tracked & ~F.Tracked;
    if (New.any())
      for (unsigned T = 0; T < MaxTrackedActions; ++T)
        if (New.test(T))
          F.FirstTracked[T] = int16_t(I);
    F.Tracked |= G.Tracked;
    if (!G.Categories || matchesEveryAction(P) || isServiceWildcard(P))
      continue;
    for (unsigned C = 0; C < NumActionCategories; ++C) {
      if (!(G.Categories & (1u << C)))
        continue;
      if (F.First[C] < 0)
        F.First[C] = int(I);
      for (const ActionInfo *A : G.Examples[C])
        if (F.Examples[C].size() < 3 && !is_contained(F.Examples[C], A))
          F.Examples[C].push_back(A);
    }
  }
}

const ElementFacts &elementFacts(const ActionElement &E, const Catalog &Cat) {
  static thread_local DenseMap<const ActionElement *,
                               std::unique_ptr<ElementEntry>>
      Memo;
  std::unique_ptr<ElementEntry> &Slot = Memo[&E];
  if (Slot && sameTexts(*Slot, E))
    return Slot->Facts;
  if (Memo.size() > 4096) {
    Memo.clear();
    return elementFacts(E, Cat);
  }
  auto Entry = std::make_unique<ElementEntry>();
  Entry->Negated = E.Negated;
  Entry->Count = E.Patterns.size();
  for (const ActionPattern &P : E.Patterns) {
    Entry->Texts += P.Text;
    Entry->Texts += '\n';
  }
  computeElementFacts(E, Cat, Entry->Facts);
  Slot = std::move(Entry);
  return Slot->Facts;
}

namespace {
/// The element facts of the statements of the policy that the rules on this
/// thread are checking; see reference::statementFacts() for how the policy
/// is told from the next one.
struct StatementCache {
  std::weak_ptr<const SourceFile> Source;
  const Policy *P = nullptr;
  std::vector<std::unique_ptr<ElementFacts>> Facts;

  bool holds(const Policy &Other) const {
    return P == &Other && Other.Source && !Source.expired() &&
           !Source.owner_before(Other.Source) &&
           !Other.Source.owner_before(Source) &&
           Facts.size() == Other.Statements.size();
  }
};
} // namespace

const ElementFacts &elementFacts(const Statement &S, RuleContext &Ctx) {
  const Policy &P = Ctx.policy();
  // A policy built in code has no source to tell it from the next one;
  // its statements are remembered by text.
  if (!P.Source || &S < P.Statements.data() ||
      &S >= P.Statements.data() + P.Statements.size())
    return elementFacts(S.Action, Ctx.catalog());
  static thread_local StatementCache Cache;
  if (!Cache.holds(P)) {
    Cache.Source = P.Source;
    Cache.P = &P;
    Cache.Facts.clear();
    Cache.Facts.resize(P.Statements.size());
  }
  std::unique_ptr<ElementFacts> &F =
      Cache.Facts[static_cast<size_t>(&S - P.Statements.data())];
  if (!F) {
    F = std::make_unique<ElementFacts>();
    computeElementFacts(S.Action, Ctx.catalog(), *F);
  }
  return *F;
}

const ActionPattern *patternGranting(const Statement &S, unsigned Index,
                                     RuleContext &Ctx) {
  if (S.Action.Negated)
    return nullptr;
  int I = elementFacts(S, Ctx).FirstTracked[Index];
  return I < 0 ? nullptr : &S.Action.Patterns[I];
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
