//===- ActionFacts.cpp - What an Action element grants --------------------===//

#include "ActionFacts.h"
#include "RuleAnalysis.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <memory>

using namespace llvm;

namespace tollgate {

/// The category of \p A, whose index among the tracked actions is
/// \p Tracked (or -1).
static ActionCategory categoryOf(const ActionInfo &A, int Tracked) {
  const SensitiveActions &Data = SensitiveActions::get();
  if (Tracked >= 0 && Data.credentialsExposure().test(Tracked))
    return ActionCategory::CredentialsExposure;
  if (Tracked >= 0 && Data.dataExfiltration().test(Tracked))
    return ActionCategory::DataExfiltration;
  if (A.Level == AccessLevel::PermissionsManagement)
    return ActionCategory::PermissionsManagement;
  if (A.Level == AccessLevel::Write)
    return ActionCategory::InfrastructureModification;
  return ActionCategory::Other;
}

ActionCategory actionCategory(const ActionInfo &A) {
  return categoryOf(A, SensitiveActions::get().index(A.FullName));
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

namespace {
struct OwnedFacts {
  std::string Key;
  GrantFacts Facts;
};
constexpr size_t MaxCached = 1 << 16;
} // namespace

/// The action facts' share of a run's RuleAnalysis. The maps across
/// policies are bounded so that a long run cannot grow them without limit.
class ActionFactsCache {
public:
  explicit ActionFactsCache(const Catalog &Cat) : Cat(Cat) {}

  /// The index of \p A among the tracked actions, or -1: every action a
  /// new pattern grants is asked about.
  int trackedIndex(const ActionInfo &A) {
    auto [It, New] = TrackedIndex.try_emplace(&A, 0);
    if (New)
      It->second = SensitiveActions::get().index(A.FullName);
    return It->second;
  }

  const Catalog &Cat;
  DenseMap<const ActionInfo *, int> TrackedIndex;
  // Keyed by views of OwnedFacts::Key; DenseMap's StringRef hash is much
  // cheaper than StringMap's on this path, which runs for every pattern.
  DenseMap<StringRef, std::unique_ptr<OwnedFacts>> Patterns;
  StringMap<std::unique_ptr<GrantFacts>> NotActions;
  /// The element facts of the statements of the policy being checked.
  const Policy *P = nullptr;
  std::vector<std::unique_ptr<ElementFacts>> Statements;
};

void ActionFactsCacheDeleter::operator()(ActionFactsCache *C) const {
  delete C;
}

std::unique_ptr<ActionFactsCache, ActionFactsCacheDeleter>
makeActionFactsCache(const Catalog &Cat) {
  return std::unique_ptr<ActionFactsCache, ActionFactsCacheDeleter>(
      new ActionFactsCache(Cat));
}

void beginPolicy(ActionFactsCache &C, const Policy &P) {
  C.P = &P;
  C.Statements.clear();
  C.Statements.resize(P.Statements.size());
}

static void addAction(GrantFacts &F, const ActionInfo &A,
                      ActionFactsCache &Cache) {
  if (!isScopable(A))
    return;
  unsigned C = unsigned(categoryOf(A, Cache.trackedIndex(A)));
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

static const GrantFacts &patternFacts(StringRef Pattern,
                                      ActionFactsCache &Cache) {
  DenseMap<StringRef, std::unique_ptr<OwnedFacts>> &Map = Cache.Patterns;
  auto It = Map.find(Pattern);
  if (It != Map.end())
    return It->second->Facts;
  if (Map.size() >= MaxCached)
    Map.clear();
  auto F = std::make_unique<OwnedFacts>();
  F->Key = Pattern.str();
  F->Facts.Tracked = trackedMatching(Pattern);
  Cache.Cat.forEachMatchingAction(
      Pattern, [&](const ActionInfo &A) { addAction(F->Facts, A, Cache); });
  StringRef Key = F->Key;
  return Map.try_emplace(Key, std::move(F)).first->second->Facts;
}

const GrantFacts &patternFacts(StringRef Pattern, RuleContext &Ctx) {
  return patternFacts(Pattern, Ctx.analysis().actionCache());
}

/// The facts of a NotAction element: the tracked actions its patterns do
/// not match (categories are left empty), remembered by the patterns.
static const GrantFacts &notActionFacts(const ActionElement &E,
                                        ActionFactsCache &Cache) {
  std::string Key;
  for (const ActionPattern &P : E.Patterns) {
    Key += P.Text;
    Key += '\n';
  }
  StringMap<std::unique_ptr<GrantFacts>> &Map = Cache.NotActions;
  auto It = Map.find(Key);
  if (It != Map.end())
    return *It->second;
  if (Map.size() >= MaxCached)
    Map.clear();
  auto F = std::make_unique<GrantFacts>();
  TrackedMask Excluded;
  for (const ActionPattern &P : E.Patterns)
    Excluded |= patternFacts(P.Text, Cache).Tracked;
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

static void computeElementFacts(const ActionElement &E, ActionFactsCache &Cache,
                                ElementFacts &F) {
  F.First.fill(-1);
  F.FirstTracked.fill(-1);
  if (E.Negated) {
    F.Tracked = notActionFacts(E, Cache).Tracked;
    return;
  }
  for (size_t I = 0; I < E.Patterns.size(); ++I) {
    const ActionPattern &P = E.Patterns[I];
    const GrantFacts &G = patternFacts(P.Text, Cache);
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

const ElementFacts &elementFacts(const Statement &S, RuleContext &Ctx) {
  ActionFactsCache &Cache = Ctx.analysis().actionCache();
  const Policy &P = Ctx.policy();
  assert(Cache.P == &P && "the run did not begin this policy");
  assert(&S >= P.Statements.data() &&
         &S < P.Statements.data() + P.Statements.size() &&
         "statement of another policy");
  std::unique_ptr<ElementFacts> &F =
      Cache.Statements[static_cast<size_t>(&S - P.Statements.data())];
  if (!F) {
    F = std::make_unique<ElementFacts>();
    computeElementFacts(S.Action, Cache, *F);
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
