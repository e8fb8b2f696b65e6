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
  size_t Begin = Out.size();
  StringRef Literal = Text.take_front(findWildcard(Text));
  Out.append(Literal.data(), Literal.size());
  for (size_t I = Begin, E = Out.size(); I != E; ++I)
    Out[I] = toLower(Out[I]);
  // Fields compare one by one: `a:` and `a` have the same (empty) fields.
  if (Arn)
    while (Out.size() > Begin && Out.back() == ':')
      Out.pop_back();
}

std::string coverKey(StringRef Text, bool Arn) {
  std::string Key;
  appendCoverKey(Text, Arn, Key);
  return Key;
}

/// The cover key of \p Text, in \p Buffer.
static StringRef coverKey(StringRef Text, bool Arn, std::string &Buffer) {
  Buffer.clear();
  appendCoverKey(Text, Arn, Buffer);
  return Buffer;
}

void PrefixIndex::add(StringRef Text, bool Arn, uint32_t Id) {
  Starts.push_back(Keys.size());
  appendCoverKey(Text, Arn, Keys);
  Entries.push_back({StringRef(), Id});
}

void PrefixIndex::finish() {
  for (size_t I = 0; I < Entries.size(); ++I) {
    size_t End = I + 1 < Starts.size() ? Starts[I + 1] : Keys.size();
    Entries[I].Key = StringRef(Keys.data() + Starts[I], End - Starts[I]);
  }
  std::sort(Entries.begin(), Entries.end(), [](const Entry &A, const Entry &B) {
    int C = A.Key.compare(B.Key);
    return C < 0 || (C == 0 && A.Id < B.Id);
  });
}

SmallVector<PrefixIndex::Range, 4>
PrefixIndex::prefixesOf(StringRef Key, size_t &Steps) const {
  SmallVector<Range, 4> Out;
  auto Less = [](StringRef K, const Entry &E) { return K < E.Key; };
  // The largest entry at most Key is either a prefix of Key, or shares a
  // prefix of some length L with it, and no entry between them exists: the
  // next candidates are the prefixes of Key's first L (or, after a match,
  // its first size-1) bytes. Each step shortens Key.
  while (Steps) {
    --Steps;
    auto It = std::upper_bound(Entries.begin(), Entries.end(), Key, Less);
    if (It == Entries.begin())
      break;
    StringRef Q = std::prev(It)->Key;
    if (Key.startswith(Q)) {
      auto First = std::lower_bound(
          Entries.begin(), It, Q,
          [](const Entry &E, StringRef K) { return E.Key < K; });
      Out.push_back({&*First, &*First + (It - First)});
      if (Q.empty())
        break;
      Key = Key.take_front(Q.size() - 1);
    } else {
      size_t L = 0;
      while (L < Q.size() && L < Key.size() && Q[L] == Key[L])
        ++L;
      Key = Key.take_front(L);
    }
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
  std::string Key;
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
    auto Ranges = Wild.prefixesOf(coverKey(Texts[I], Arn, Key), Budget);
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
  // Parsed on first comparison: most entries are never compared.
  std::vector<std::optional<Pattern>> Parsed(Texts.size());
  auto parsed = [&](size_t I) -> const Pattern & {
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
  std::vector<std::optional<ArnPattern>> Parsed(Texts.size());
  auto parsed = [&](size_t I) -> const ArnPattern & {
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
  std::string Key;
  for (const ActionPattern &A : S.Action.Patterns)
    if (Steps && BestCount > 1)
      consider(Actions.prefixesOf(coverKey(A.Text, /*Arn=*/false, Key), Steps));
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
      consider(
          Resources.prefixesOf(coverKey(R.Text, /*Arn=*/true, Key), Steps));
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
