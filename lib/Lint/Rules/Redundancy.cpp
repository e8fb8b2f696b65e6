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

unsigned CaseInsensitiveKey::getHashValue(StringRef S) {
  // Eight bytes at a time, each with bit 5 set: letters that differ only in
  // case hash alike, and characters that are equal hash alike. Entries are
  // hashed on every policy, so this is worth more than its few lines.
  constexpr uint64_t Case = 0x2020202020202020ULL, Mul = 0x9E3779B97F4A7C15ULL;
  uint64_t H = S.size() * Mul;
  const char *P = S.data();
  size_t N = S.size();
  for (; N >= 8; P += 8, N -= 8) {
    uint64_t W;
    std::memcpy(&W, P, 8);
    H = (H ^ (W | Case)) * Mul;
    H ^= H >> 29;
  }
  uint64_t W = 0;
  for (size_t I = 0; I < N; ++I)
    W |= uint64_t((unsigned char)P[I] | 0x20) << (8 * I);
  H = (H ^ W) * Mul;
  H ^= H >> 32;
  return unsigned(H);
}

namespace {
/// Finds covered entries among \p Texts: exact duplicates by hashing,
/// literal entries against the wildcard ones, wildcard entries against each
/// other. \p Mode says whether entries differing in case are the same;
/// \p Covers whether a wildcard entry covers another.
template <typename GroupT, typename CoversT>
SmallVector<std::pair<size_t, size_t>, 4>
findCovered(ArrayRef<StringRef> Texts, ArrayRef<bool> Comparable, CaseMode Mode,
            GroupT GroupOf, CoversT Covers) {
  SmallVector<std::pair<size_t, size_t>, 4> Out;
  auto Same = [&](StringRef A, StringRef B) {
    return Mode == CaseMode::Insensitive ? A.equals_insensitive(B) : A == B;
  };
  // An entry can only be covered by entries of its group (the service of
  // an action or ARN) or by entries whose group has a wildcard.
  auto Group = [&](StringRef T) { return GroupOf(T).lower(); };
  DenseMap<StringRef, size_t, CaseInsensitiveKey> Seen;
  Seen.reserve(Texts.size());
  std::vector<size_t> Wild;
  // Comparing only within groups keeps long lists (ReadOnlyAccess has over
  // a thousand entries, hundreds of them wildcards) near linear.
  StringMap<std::vector<size_t>> ByGroup;
  std::vector<size_t> AnyGroup;
  for (size_t I = 0; I < Texts.size(); ++I)
    if (Comparable[I] && hasGlobWildcard(Texts[I])) {
      Wild.push_back(I);
      std::string G = Group(Texts[I]);
      if (hasGlobWildcard(G))
        AnyGroup.push_back(I);
      else
        ByGroup[G].push_back(I);
    }
  for (size_t I = 0; I < Texts.size(); ++I) {
    auto It = Seen.find(Texts[I]);
    if (It != Seen.end() && Same(It->first, Texts[I])) {
      Out.push_back({I, It->second});
      continue;
    }
    Seen.try_emplace(Texts[I], I);
    if (!Comparable[I])
      continue;
    auto Try = [&](size_t W) {
      if (W == I || Same(Texts[W], Texts[I]))
        return false;
      // Two wildcard entries that cover each other are equal in effect;
      // the later one is the redundant one.
      if (Covers(Texts[W], Texts[I]) &&
          !(W > I && Covers(Texts[I], Texts[W]))) {
        Out.push_back({I, W});
        return true;
      }
      return false;
    };
    std::string G = Group(Texts[I]);
    if (hasGlobWildcard(G)) {
      for (size_t W : Wild)
        if (Try(W))
          break;
      continue;
    }
    bool Found = false;
    auto It2 = ByGroup.find(G);
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
  SmallVector<StringRef, 16> Texts;
  SmallVector<bool, 16> Comparable;
  for (const ActionPattern &P : E.Patterns) {
    Texts.push_back(P.Text);
    Comparable.push_back(true);
  }
  return findCovered(
      Texts, Comparable, CaseMode::Insensitive,
      [](StringRef T) { return T.split(':').first; },
      [](StringRef A, StringRef B) {
        return globCovers(A, B, CaseMode::Insensitive);
      });
}

SmallVector<std::pair<size_t, size_t>, 4>
redundantResources(const ResourceElement &E) {
  SmallVector<StringRef, 16> Texts;
  SmallVector<bool, 16> Comparable;
  for (const PolicyString &R : E.Patterns) {
    Texts.push_back(R.Text);
    Comparable.push_back(R.Parts.empty());
  }
  return findCovered(
      Texts, Comparable, CaseMode::Sensitive,
      [](StringRef T) { return arnPatternFields(T)[2]; },
      [](StringRef A, StringRef B) { return resourcePatternCovers(A, B); });
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
    if (hasGlobWildcard(A.Text))
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
