//===- Redundancy.cpp - Entries and statements that add nothing -----------===//

#include "Redundancy.h"
#include "GlobCover.h"

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

namespace {
/// Finds covered entries among \p Texts: exact duplicates by hashing,
/// literal entries against the wildcard ones, wildcard entries against each
/// other. \p Groups holds each entry's group (the service of an action or
/// ARN, a slice of the entry); \p Mode says whether entries differing in
/// case are the same; \p Covers(W, I) whether wildcard entry W covers
/// entry I.
template <typename CoversT>
SmallVector<std::pair<size_t, size_t>, 4>
findCovered(ArrayRef<StringRef> Texts, ArrayRef<bool> Comparable,
            ArrayRef<StringRef> Groups, CaseMode Mode, CoversT Covers) {
  SmallVector<std::pair<size_t, size_t>, 4> Out;
  auto Same = [&](StringRef A, StringRef B) {
    return Mode == CaseMode::Insensitive ? A.equals_insensitive(B) : A == B;
  };
  // An entry can only be covered by entries of its group (compared
  // ignoring case) or by entries whose group has a wildcard.
  DenseMap<StringRef, size_t, CaseInsensitiveKey> Seen;
  Seen.reserve(Texts.size());
  SmallVector<size_t, 16> Wild;
  // Comparing only within groups keeps long lists (ReadOnlyAccess has over
  // a thousand entries, hundreds of them wildcards) near linear.
  DenseMap<StringRef, SmallVector<size_t, 4>, CaseInsensitiveKey> ByGroup;
  SmallVector<size_t, 4> AnyGroup;
  for (size_t I = 0; I < Texts.size(); ++I)
    if (Comparable[I] && hasWildcard(Texts[I])) {
      Wild.push_back(I);
      if (hasWildcard(Groups[I]))
        AnyGroup.push_back(I);
      else
        ByGroup[Groups[I]].push_back(I);
    }
  for (size_t I = 0; I < Texts.size(); ++I) {
    // One probe: an entry equal (ignoring case) to an earlier one is not
    // inserted, and is a duplicate if it is the same under Mode.
    auto [It, New] = Seen.try_emplace(Texts[I], I);
    if (!New && Same(It->first, Texts[I])) {
      Out.push_back({I, It->second});
      continue;
    }
    if (!Comparable[I])
      continue;
    auto Try = [&](size_t W) {
      if (W == I || Same(Texts[W], Texts[I]))
        return false;
      // Two wildcard entries that cover each other are equal in effect;
      // the later one is the redundant one.
      if (Covers(W, I) && !(W > I && Covers(I, W))) {
        Out.push_back({I, W});
        return true;
      }
      return false;
    };
    if (hasWildcard(Groups[I])) {
      for (size_t W : Wild)
        if (Try(W))
          break;
      continue;
    }
    // Most entries are literal and their group has no wildcard entry.
    if (Wild.empty())
      continue;
    bool Found = false;
    auto It2 = ByGroup.find(Groups[I]);
    if (It2 != ByGroup.end())
      for (size_t W : It2->second)
        if ((Found = Try(W)))
          break;
    if (!Found)
      for (size_t W : AnyGroup)
        if (Try(W))
          break;
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
  return findCovered(Texts, Comparable, Groups, CaseMode::Insensitive,
                     [&](size_t W, size_t I) {
                       return globCovers(Texts[W], Texts[I],
                                         CaseMode::Insensitive);
                     });
}

SmallVector<std::pair<size_t, size_t>, 4>
redundantResources(const ResourceElement &E) {
  SmallVector<StringRef, 16> Texts, Groups;
  SmallVector<bool, 16> Comparable;
  // Split once: each pair compared would split both entries again.
  SmallVector<std::array<StringRef, 6>, 16> Fields;
  for (const PolicyString &R : E.Patterns) {
    Texts.push_back(R.Text);
    Fields.push_back(arnPatternFields(R.Text));
    Groups.push_back(Fields.back()[2]);
    Comparable.push_back(R.Parts.empty());
  }
  return findCovered(
      Texts, Comparable, Groups, CaseMode::Sensitive, [&](size_t W, size_t I) {
        return resourceFieldsCover(Texts[W], Fields[W], Texts[I], Fields[I]);
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
      WildActions.push_back(A.Text);
  }
  for (const PolicyString &R : S->Resource.Patterns) {
    Resources.insert(R.Text);
    if (R.Parts.empty())
      PlainResources.push_back(R.Text);
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
  for (const ActionPattern &A : S.Action.Patterns)
    if (!TC.Actions.contains(A.Text) &&
        none_of(TC.WildActions, [&](StringRef B) {
          return globCovers(B, A.Text, CaseMode::Insensitive);
        }))
      return false;
  for (const PolicyString &R : S.Resource.Patterns)
    if (!TC.Resources.contains(R.Text) &&
        (!R.Parts.empty() || none_of(TC.PlainResources, [&](StringRef Q) {
          return resourcePatternCovers(Q, R.Text);
        })))
      return false;
  return true;
}

} // namespace tollgate
