//===- Redundancy.cpp - Entries and statements that add nothing -----------===//

#include "Redundancy.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

using namespace llvm;

namespace tollgate {

void appendCoverKey(StringRef Text, bool Arn, std::string &Out) {
  // One pass: lower-case up to the first wildcard, then drop the rest.
  size_t Begin = Out.size();
  Out.resize(Begin + Text.size());
  char *To = &Out[Begin];
  size_t N = 0;
  for (char C : Text) {
    if (C == '*' || C == '?')
      break;
    To[N++] = (C >= 'A' && C <= 'Z') ? C + ('a' - 'A') : C;
  }
  // Fields compare one by one: `a:` and `a` have the same (empty) fields.
  if (Arn)
    while (N && To[N - 1] == ':')
      --N;
  Out.resize(Begin + N);
}

std::string coverKey(StringRef Text, bool Arn) {
  std::string Key;
  appendCoverKey(Text, Arn, Key);
  return Key;
}

void PrefixIndex::add(StringRef Text, bool Arn, uint32_t Id) {
  Starts.push_back(Keys.size());
  appendCoverKey(Text, Arn, Keys);
  Ids.push_back(Id);
}

/// FNV-1a, a byte at a time: prefixesOf() hashes every prefix of a key in
/// one pass.
static constexpr uint64_t HashSeed = 0xcbf29ce484222325ULL;
static uint64_t hashStep(uint64_t H, char C) {
  return (H ^ static_cast<unsigned char>(C)) * 0x100000001b3ULL;
}

void PrefixIndex::finish() {
  size_t N = Ids.size();
  auto keyOf = [&](size_t I) {
    size_t End = I + 1 < N ? Starts[I + 1] : Keys.size();
    return StringRef(Keys.data() + Starts[I], End - Starts[I]);
  };
  auto ById = [](const Entry &A, const Entry &B) { return A.Id < B.Id; };
  if (N <= MaxScanned) {
    // A few keys: prefixesOf() compares them all, in order of id.
    for (size_t I = 0; I < N; ++I)
      Entries.push_back({keyOf(I), Ids[I]});
    if (!std::is_sorted(Entries.begin(), Entries.end(), ById))
      std::stable_sort(Entries.begin(), Entries.end(), ById);
    return;
  }
  size_t Buckets = 16;
  while (Buckets < 2 * N)
    Buckets *= 2;
  Table.assign(Buckets, 0);
  // Each key's group, numbered in order of first appearance.
  std::vector<uint32_t> GroupOf(N);
  GroupStarts.assign(1, 0);
  for (size_t I = 0; I < N; ++I) {
    StringRef Key = keyOf(I);
    uint64_t H = HashSeed;
    for (char C : Key)
      H = hashStep(H, C);
    size_t Slot = H & (Buckets - 1);
    while (Table[Slot] && GroupKeys[Table[Slot] - 1] != Key)
      Slot = (Slot + 1) & (Buckets - 1);
    if (!Table[Slot]) {
      GroupKeys.push_back(Key);
      GroupHashes.push_back(H);
      GroupStarts.push_back(0);
      Table[Slot] = GroupKeys.size();
      if (Key.size() >= HasLength.size())
        HasLength.resize(Key.size() + 1, 0);
      HasLength[Key.size()] = 1;
    }
    GroupOf[I] = Table[Slot] - 1;
    ++GroupStarts[GroupOf[I] + 1];
  }
  for (size_t G = 1; G < GroupStarts.size(); ++G)
    GroupStarts[G] += GroupStarts[G - 1];
  // Stable placement: ids in order of addition within each group.
  std::vector<uint32_t> At(GroupStarts.begin(), GroupStarts.end() - 1);
  Entries.resize(N);
  for (size_t I = 0; I < N; ++I)
    Entries[At[GroupOf[I]]++] = {keyOf(I), Ids[I]};
  // Every caller adds ids in increasing order; others are sorted here.
  for (size_t G = 0; G + 1 < GroupStarts.size(); ++G) {
    Entry *First = Entries.data() + GroupStarts[G];
    Entry *Last = Entries.data() + GroupStarts[G + 1];
    if (!std::is_sorted(First, Last, ById))
      std::stable_sort(First, Last, ById);
  }
}

/// \p C as cover keys hold it.
static char lowerAscii(char C) {
  return (C >= 'A' && C <= 'Z') ? C + ('a' - 'A') : C;
}

SmallVector<PrefixIndex::Range, 4>
PrefixIndex::prefixesOf(StringRef Text, size_t &Steps) const {
  SmallVector<Range, 4> Out;
  if (Entries.empty() || !Steps)
    return Out;
  // Text's cover key is its literal prefix, lower-cased; trailing colons
  // do not matter here, since no key ends with one.
  StringRef Literal = Text.take_front(findWildcard(Text));
  if (Table.empty()) {
    // Runs of consecutive entries whose keys are prefixes of the key.
    --Steps;
    for (const Entry &E : Entries) {
      if (!Literal.startswith_insensitive(E.Key))
        continue;
      if (!Out.empty() && Out.back().second == &E)
        ++Out.back().second;
      else
        Out.push_back({&E, &E + 1});
    }
    return Out;
  }
  // Hashes every prefix in one pass, probing at the lengths keys have.
  size_t Mask = Table.size() - 1;
  auto probe = [&](uint64_t H, size_t Length) {
    --Steps;
    for (size_t Slot = H & Mask; Table[Slot]; Slot = (Slot + 1) & Mask) {
      uint32_t G = Table[Slot] - 1;
      if (GroupHashes[G] == H &&
          Literal.take_front(Length).equals_insensitive(GroupKeys[G])) {
        Out.push_back({Entries.data() + GroupStarts[G],
                       Entries.data() + GroupStarts[G + 1]});
        return;
      }
    }
  };
  uint64_t H = HashSeed;
  if (HasLength[0])
    probe(H, 0);
  size_t Longest = std::min(Literal.size(), HasLength.size() - 1);
  for (size_t I = 0; I < Longest && Steps; ++I) {
    H = hashStep(H, lowerAscii(Literal[I]));
    if (HasLength[I + 1])
      probe(H, I + 1);
  }
  return Out;
}

/// Visits the ids of \p Ranges (each sorted by id) in increasing order,
/// each once, until \p Visit returns true or \p Steps runs out.
template <typename VisitT>
static void visitInOrder(ArrayRef<PrefixIndex::Range> Ranges, size_t &Steps,
                         VisitT Visit) {
  SmallVector<const PrefixIndex::Entry *, 4> At;
  for (const PrefixIndex::Range &R : Ranges)
    At.push_back(R.first);
  int64_t Last = -1;
  while (Steps) {
    size_t Min = Ranges.size();
    for (size_t K = 0; K < Ranges.size(); ++K)
      if (At[K] != Ranges[K].second &&
          (Min == Ranges.size() || At[K]->Id < At[Min]->Id))
        Min = K;
    if (Min == Ranges.size())
      return;
    uint32_t Id = (At[Min]++)->Id;
    if (Id == Last)
      continue;
    Last = Id;
    --Steps;
    if (Visit(Id))
      return;
  }
}

namespace {
/// Finds covered entries among \p Texts: exact duplicates by hashing, and
/// the rest against the wildcard entries that can cover them: those whose
/// literal prefix is a prefix of the entry's (a prefix index). \p Groups
/// holds each entry's group (the service of an action or ARN, a slice of
/// the entry): entries of the same group are tried first; \p Mode says
/// whether entries differing in case are the same; \p Covers(W, I) whether
/// wildcard entry W covers entry I.
template <typename CoversT>
SmallVector<std::pair<size_t, size_t>, 4>
findCovered(ArrayRef<StringRef> Texts, ArrayRef<bool> Comparable,
            ArrayRef<StringRef> Groups, CaseMode Mode, bool Arn,
            CoversT Covers) {
  SmallVector<std::pair<size_t, size_t>, 4> Out;
  auto Same = [&](StringRef A, StringRef B) {
    return Mode == CaseMode::Insensitive ? A.equals_insensitive(B) : A == B;
  };
  DenseMap<StringRef, size_t, CaseInsensitiveKey> Seen;
  Seen.reserve(Texts.size());
  PrefixIndex Wild;
  for (size_t I = 0; I < Texts.size(); ++I)
    if (Comparable[I] && hasWildcard(Texts[I]))
      Wild.add(Texts[I], Arn, I);
  Wild.finish();
  // Bounds the work on adversarial lists (many wildcard entries that share
  // long prefixes); real policies stay far below it.
  size_t Budget = RedundancyBudget;
  for (size_t I = 0; I < Texts.size(); ++I) {
    // One probe: an entry equal (ignoring case) to an earlier one is not
    // inserted, and is a duplicate if it is the same under Mode.
    auto [It, New] = Seen.try_emplace(Texts[I], I);
    if (!New && Same(It->first, Texts[I])) {
      Out.push_back({I, It->second});
      continue;
    }
    if (!Comparable[I] || Wild.empty() || !Budget)
      continue;
    // Entries of I's group first, in order, then the rest: the note names
    // the closest covering entry.
    bool AnyGroup = hasWildcard(Groups[I]);
    auto Ranges = Wild.prefixesOf(Texts[I], Budget);
    for (bool NearPass : {true, false}) {
      bool Hit = false;
      visitInOrder(Ranges, Budget, [&](size_t W) {
        bool Near = AnyGroup || (!hasWildcard(Groups[W]) &&
                                 Groups[W].equals_insensitive(Groups[I]));
        if (Near != NearPass || W == I || Same(Texts[W], Texts[I]))
          return false;
        // Two wildcard entries that cover each other are equal in effect;
        // the later one is the redundant one.
        if (Covers(W, I) && !(W > I && Covers(I, W))) {
          Out.push_back({I, W});
          return Hit = true;
        }
        return false;
      });
      if (Hit || AnyGroup)
        break;
    }
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}
} // namespace

SmallVector<std::pair<size_t, size_t>, 4>
redundantActions(const ActionElement &E) {
  SmallVector<StringRef, 16> Texts, Groups;
  SmallVector<bool, 16> Comparable;
  for (const ActionPattern &P : E.Patterns) {
    Texts.push_back(P.Text);
    Groups.push_back(P.Text.take_until([](char C) { return C == ':'; }));
    Comparable.push_back(true);
  }
  // Parsed on first comparison: most entries are never compared, and most
  // elements compare none.
  std::vector<std::optional<Pattern>> Parsed;
  auto parsed = [&](size_t I) -> const Pattern & {
    if (Parsed.empty())
      Parsed.resize(Texts.size());
    if (!Parsed[I])
      Parsed[I] = Pattern::parse(Texts[I], CaseMode::Insensitive);
    return *Parsed[I];
  };
  return findCovered(Texts, Comparable, Groups, CaseMode::Insensitive,
                     /*Arn=*/false, [&](size_t W, size_t I) {
                       return parsed(W).covers(parsed(I));
                     });
}

SmallVector<std::pair<size_t, size_t>, 4>
redundantResources(const ResourceElement &E) {
  SmallVector<StringRef, 16> Texts, Groups;
  SmallVector<bool, 16> Comparable;
  for (const PolicyString &R : E.Patterns) {
    Texts.push_back(R.Text);
    Groups.push_back(arnPatternFields(R.Text)[2]);
    Comparable.push_back(R.Parts.empty());
  }
  // Parsed once, on first comparison: each pair compared would parse both
  // entries again, and most entries are never compared.
  std::vector<std::optional<ArnPattern>> Parsed;
  auto parsed = [&](size_t I) -> const ArnPattern & {
    if (Parsed.empty())
      Parsed.resize(Texts.size());
    if (!Parsed[I])
      Parsed[I] = ArnPattern::parse(Texts[I], CaseMode::Insensitive);
    return *Parsed[I];
  };
  return findCovered(Texts, Comparable, Groups, CaseMode::Sensitive,
                     /*Arn=*/true, [&](size_t W, size_t I) {
                       return parsed(W).covers(parsed(I));
                     });
}

/// A canonical text of a statement's conditions and principals, for
/// comparing them as sets.
std::string statementContextKey(const Statement &S) {
  std::vector<std::string> Parts;
  for (const Condition &C : S.Conditions) {
    std::vector<std::string> Values;
    for (const ConditionValue &V : C.Values)
      Values.push_back(V.Value.Text.str());
    std::sort(Values.begin(), Values.end());
    Parts.push_back("C" + C.OperatorText.str() + "\t" + C.Key.lower() + "\t" +
                    join(Values, "\t"));
  }
  if (S.Principal.Present) {
    Parts.push_back(S.Principal.Negated ? "NP" : "P");
    if (S.Principal.Everyone)
      Parts.push_back("P*");
    for (const PrincipalValue &V : S.Principal.Values)
      Parts.push_back("P" + principalKindName(V.Kind).str() + "\t" +
                      V.Value.Text.str());
  }
  std::sort(Parts.begin(), Parts.end());
  return join(Parts, "\n");
}

StatementCover::StatementCover(const Statement &S)
    : S(&S), Key(statementContextKey(S)) {}

void StatementCover::buildSets() const {
  if (Built)
    return;
  Built = true;
  Actions.reserve(S->Action.Patterns.size());
  Resources.reserve(S->Resource.Patterns.size());
  for (const ActionPattern &A : S->Action.Patterns) {
    Actions.insert(A.Text);
    if (hasWildcard(A.Text))
      WildActions.push_back(Pattern::parse(A.Text, CaseMode::Insensitive));
  }
  for (const PolicyString &R : S->Resource.Patterns) {
    Resources.insert(R.Text);
    if (R.Parts.empty())
      PlainResources.push_back(
          ArnPattern::parse(R.Text, CaseMode::Insensitive));
  }
}

bool statementCovers(const StatementCover &TC, const StatementCover &SC) {
  const Statement &T = *TC.S, &S = *SC.S;
  if (&T == &S || T.Eff != S.Eff || T.Action.Negated || S.Action.Negated ||
      T.Resource.Negated || S.Resource.Negated ||
      T.Resource.Present != S.Resource.Present ||
      T.Conditions.size() != S.Conditions.size() ||
      T.Principal.Present != S.Principal.Present || T.Action.Patterns.empty() ||
      S.Action.Patterns.empty())
    return false;
  if (TC.Key != SC.Key)
    return false;
  TC.buildSets();
  // An entry of S is covered by an equal entry of T (actions ignoring case)
  // or by a wildcard entry of T that covers it.
  for (const ActionPattern &A : S.Action.Patterns) {
    if (TC.Actions.contains(A.Text))
      continue;
    Pattern P = Pattern::parse(A.Text, CaseMode::Insensitive);
    if (none_of(TC.WildActions, [&](const Pattern &B) { return B.covers(P); }))
      return false;
  }
  for (const PolicyString &R : S.Resource.Patterns) {
    if (TC.Resources.contains(R.Text))
      continue;
    if (!R.Parts.empty())
      return false;
    ArnPattern P = ArnPattern::parse(R.Text, CaseMode::Insensitive);
    if (none_of(TC.PlainResources,
                [&](const ArnPattern &Q) { return Q.covers(P); }))
      return false;
  }
  return true;
}

StatementCoverIndex::StatementCoverIndex(ArrayRef<StatementCover> Covers)
    : Covers(Covers) {
  for (uint32_t I = 0; I < Covers.size(); ++I) {
    const Statement &S = Covers[I].statement();
    for (const ActionPattern &A : S.Action.Patterns)
      Actions.add(A.Text, /*Arn=*/false, I);
    for (const PolicyString &R : S.Resource.Patterns) {
      if (R.Parts.empty())
        Resources.add(R.Text, /*Arn=*/true, I);
      else
        VariableResources[R.Text].push_back(I);
    }
  }
  Actions.finish();
  Resources.finish();
}

void StatementCoverIndex::forEachCandidate(
    size_t I, size_t &Steps, function_ref<bool(size_t)> Visit) const {
  const Statement &S = Covers[I].statement();
  if (S.Action.Patterns.empty())
    return;
  // The ranges of holders of each entry of S; the entry with the fewest.
  SmallVector<PrefixIndex::Range, 4> Best;
  size_t BestCount = SIZE_MAX;
  auto consider = [&](SmallVector<PrefixIndex::Range, 4> Ranges) {
    size_t N = 0;
    for (const PrefixIndex::Range &R : Ranges)
      N += R.second - R.first;
    if (N < BestCount) {
      BestCount = N;
      Best = std::move(Ranges);
    }
  };
  // S's own entries are in the index, so no entry has fewer holders than
  // one: once an entry has only S, the search is over.
  for (const ActionPattern &A : S.Action.Patterns)
    if (Steps && BestCount > 1)
      consider(Actions.prefixesOf(A.Text, Steps));
  const std::vector<uint32_t> *Equal = nullptr;
  for (const PolicyString &R : S.Resource.Patterns) {
    if (BestCount <= 1)
      break;
    if (!R.Parts.empty()) {
      auto It = VariableResources.find(R.Text);
      size_t N = It == VariableResources.end() ? 0 : It->second.size();
      if (N < BestCount) {
        BestCount = N;
        Equal = N ? &It->second : nullptr;
        Best.clear();
      }
    } else if (Steps) {
      size_t Before = BestCount;
      consider(Resources.prefixesOf(R.Text, Steps));
      if (BestCount < Before)
        Equal = nullptr;
    }
  }
  if (Equal) {
    // Holders of an equal entry, in order (each statement once).
    int64_t Last = -1;
    for (uint32_t J : *Equal) {
      if (!Steps)
        return;
      if (J == Last)
        continue;
      Last = J;
      --Steps;
      if (Visit(J))
        return;
    }
    return;
  }
  visitInOrder(Best, Steps, Visit);
}

void reportRedundantEntry(RuleContext &Ctx, const CheckInfo &Check,
                          StringRef Element, StringRef Covered,
                          const Loc &CoveredAt, StringRef By, const Loc &ByAt,
                          bool Same) {
  Diagnostic &D =
      Ctx.report(Check, CoveredAt,
                 "`" + Covered + "` is " +
                     (Same ? "listed twice in `" + Element.str() + "`"
                           : "already covered by `" + By.str() + "`") +
                     "; remove it");
  Ctx.note(D, ByAt, Same ? "first listed here" : "covered by this entry");
}

} // namespace tollgate
