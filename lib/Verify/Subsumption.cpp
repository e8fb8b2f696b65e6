//===- Subsumption.cpp - Containment proved from the policy text ----------===//

#include "tollgate/Verify/Subsumption.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>

#include <algorithm>
#include <string>

using namespace llvm;

namespace tollgate {
namespace verify {

namespace {

/// Two policy strings mean the same: the same text, read with the same
/// policy-variable rules.
bool sameString(const PolicyString &A, const PolicyString &B) {
  return A.Text == B.Text && A.hasVariables() == B.hasVariables();
}

/// Every resource pattern \p P matches, \p Q matches. Conservative: equal
/// text, `*`, or Q is a variable-free `prefix*` with the star in the
/// resource field (after the fifth colon) and P starts with that prefix.
bool patternCovers(const PolicyString &Q, const PolicyString &P) {
  if (sameString(Q, P))
    return true;
  if (Q.hasVariables())
    return false;
  if (Q.Text == "*")
    return true;
  if (P.hasVariables())
    return false;
  StringRef Prefix = Q.Text;
  if (!Prefix.endswith("*"))
    return false;
  Prefix = Prefix.drop_back();
  if (hasWildcard(Prefix) || Prefix.count(':') < 5 || Prefix.contains('$'))
    return false;
  return P.Text.startswith(Prefix);
}

/// The statement's resource element matches every resource \p S's does.
bool resourcesCover(const Statement &T, const Statement &S) {
  const ResourceElement &RT = T.Resource, &RS = S.Resource;
  if (!RT.Present)
    return true; // no Resource element: every resource
  if (!RT.Negated && any_of(RT.Patterns, [](const PolicyString &Q) {
        return Q.Text == "*" && !Q.hasVariables();
      }))
    return true;
  if (!RS.Present)
    return false;
  if (RT.Negated != RS.Negated)
    return false;
  if (!RT.Negated)
    return all_of(RS.Patterns, [&](const PolicyString &P) {
      return any_of(RT.Patterns,
                    [&](const PolicyString &Q) { return patternCovers(Q, P); });
    });
  // NotResource: T excludes fewer resources than S.
  return all_of(RT.Patterns, [&](const PolicyString &Q) {
    return any_of(RS.Patterns,
                  [&](const PolicyString &P) { return sameString(P, Q); });
  });
}

std::string conditionKey(const Condition &C) {
  std::vector<std::string> Vals;
  for (const ConditionValue &V : C.Values)
    Vals.push_back(std::to_string(static_cast<int>(V.K)) +
                   (V.Value.hasVariables() ? "v" : "t") + V.Value.Text.str());
  std::sort(Vals.begin(), Vals.end());
  std::string K = C.OperatorText.str() + '\0' + C.Key.str();
  for (const std::string &V : Vals)
    K += '\0' + V;
  return K;
}

/// Every condition of \p T is also a condition of \p S.
bool conditionsCover(const Statement &T, const Statement &S) {
  if (T.Conditions.empty())
    return true;
  std::vector<std::string> Have;
  for (const Condition &C : S.Conditions)
    Have.push_back(conditionKey(C));
  std::sort(Have.begin(), Have.end());
  for (const Condition &C : T.Conditions)
    if (!std::binary_search(Have.begin(), Have.end(), conditionKey(C)))
      return false;
  return true;
}

/// Every action outside the catalog that \p Q's patterns match... is matched
/// by some pattern of \p T: Q's pattern equals T's, or T's is `*` or a
/// `prefix*` that Q's pattern starts with.
bool actionPatternCovers(StringRef T, StringRef Q) {
  if (T.equals_insensitive(Q) || T == "*")
    return true;
  if (!T.endswith("*"))
    return false;
  StringRef Prefix = T.drop_back();
  if (hasWildcard(Prefix))
    return false;
  return Q.size() >= Prefix.size() &&
         Q.take_front(Prefix.size()).equals_insensitive(Prefix);
}

bool plainIdentity(const PolicySet &S) {
  return !S.Resource && !S.Boundary && !S.Session && S.SCPs.empty() &&
         S.RCPs.empty();
}

} // namespace

bool statementAppliesTo(const Statement &S, StringRef Action) {
  bool Any = any_of(S.Action.Patterns, [&](const ActionPattern &A) {
    return globMatch(A.Text, Action, CaseMode::Insensitive);
  });
  return Any != S.Action.Negated;
}

/// The index key of a resource pattern: its text, marked by whether it is
/// read with policy variables (sameString).
static std::string textKey(const PolicyString &P) {
  return (P.hasVariables() ? "v" : "t") + P.Text.str();
}

/// The prefix of a `prefix*` pattern that patternCovers() reads as one, or
/// None.
static std::optional<StringRef> coveringPrefix(const PolicyString &Q) {
  if (Q.hasVariables() || !Q.Text.endswith("*"))
    return std::nullopt;
  StringRef Prefix = Q.Text.drop_back();
  if (hasWildcard(Prefix) || Prefix.count(':') < 5 || Prefix.contains('$'))
    return std::nullopt;
  return Prefix;
}

void SyntacticCover::CoverIndex::add(Stmt S) {
  uint32_t I = static_cast<uint32_t>(All.size());
  All.push_back(S);
  const ResourceElement &R = S.S->Resource;
  bool Universal = !R.Present ||
                   (!R.Negated && any_of(R.Patterns, [](const PolicyString &Q) {
                     return Q.Text == "*" && !Q.hasVariables();
                   }));
  if (Universal) {
    this->Universal.push_back(I);
    return;
  }
  if (R.Negated) {
    if (R.Patterns.empty())
      NegatedEmpty.push_back(I);
    else
      NegatedByFirst[textKey(R.Patterns.front())].push_back(I);
    return;
  }
  for (const PolicyString &Q : R.Patterns) {
    ByText[textKey(Q)].push_back(I);
    if (std::optional<StringRef> Prefix = coveringPrefix(Q)) {
      std::vector<uint32_t> &At = ByPrefix[*Prefix];
      if (At.empty())
        PrefixLengths.push_back(Prefix->size());
      At.push_back(I);
    }
  }
}

bool SyntacticCover::CoverIndex::anyCandidate(
    const Statement &S, function_ref<bool(uint32_t)> Try) const {
  auto tryAll = [&](ArrayRef<uint32_t> Is) { return any_of(Is, Try); };
  auto tryKey = [&](const StringMap<std::vector<uint32_t>> &Map,
                    StringRef Key) {
    auto It = Map.find(Key);
    return It != Map.end() && tryAll(It->second);
  };
  if (tryAll(Universal))
    return true;
  const ResourceElement &R = S.Resource;
  if (!R.Present)
    return false; // only a statement for every resource covers it
  if (R.Patterns.empty()) {
    // Vacuous: rare enough to compare with all.
    for (uint32_t I = 0; I < All.size(); ++I)
      if (Try(I))
        return true;
    return false;
  }
  if (R.Negated) {
    // A NotResource statement covers it when its patterns are among S's.
    if (tryAll(NegatedEmpty))
      return true;
    return any_of(R.Patterns, [&](const PolicyString &P) {
      return tryKey(NegatedByFirst, textKey(P));
    });
  }
  // A covering statement covers S's first pattern: the same text, or a
  // prefix of it.
  const PolicyString &First = R.Patterns.front();
  if (tryKey(ByText, textKey(First)))
    return true;
  if (First.hasVariables())
    return false;
  return any_of(PrefixLengths, [&](size_t N) {
    return N <= First.Text.size() && tryKey(ByPrefix, First.Text.take_front(N));
  });
}

SyntacticCover::SyntacticCover(const PolicySet &New, const PolicySet &Old,
                               Deadline Limit)
    : Limit(Limit) {
  if (!plainIdentity(New) || !plainIdentity(Old) || New.Trust != Old.Trust)
    return;
  // NEW's Allow statements and OLD's Deny statements are to be covered;
  // OLD's Allow statements and NEW's Deny statements cover them.
  auto add = [&](const PolicySet &Set, bool IsNew) {
    for (const Policy *P : Set.Identity)
      for (const Statement &S : P->Statements) {
        if (!S.Action.Present || S.Principal.Present)
          return false;
        for (const Condition &C : S.Conditions)
          if (C.Op == ConditionOp::Unknown)
            return false;
        Stmt X{P, &S};
        bool Allow = S.Eff == Effect::Allow;
        if (IsNew && Allow)
          NewAllow.push_back(X);
        else if (IsNew)
          NewDeny.add(X);
        else if (Allow)
          OldAllow.add(X);
        else
          OldDeny.push_back(X);
      }
    return true;
  };
  Usable = add(New, true) && add(Old, false);
  if (!Usable)
    return;
  auto statements = [](ArrayRef<Stmt> Of) {
    std::vector<const Statement *> Out;
    for (const Stmt &X : Of)
      Out.push_back(X.S);
    return Out;
  };
  NewAllowIndex = ActionIndex(statements(NewAllow));
  OldDenyIndex = ActionIndex(statements(OldDeny));
  OldAllow.Actions = ActionIndex(statements(OldAllow.All));
  NewDeny.Actions = ActionIndex(statements(NewDeny.All));
}

bool SyntacticCover::covers(const Stmt &T, const Stmt &S) {
  auto Key = std::make_pair(T.S, S.S);
  auto It = Memo.find(Key);
  if (It != Memo.end())
    return It->second;
  bool R = resourcesCover(*T.S, *S.S) && conditionsCover(*T.S, *S.S);
  // A bounded memo: the pairs compared are bounded by time, not memory.
  if (Memo.size() < (1u << 20))
    Memo.try_emplace(Key, R);
  return R;
}

bool SyntacticCover::provesAction(StringRef Folded) {
  if (!Usable)
    return false;
  bool OutOfTime = false;
  // Which covering statements apply, asked once per action.
  const std::vector<bool> &OldAllowApplies =
      OldAllow.Actions.applyingFlags(Folded);
  const std::vector<bool> &NewDenyApplies =
      NewDeny.Actions.applyingFlags(Folded);
  auto coveredBy = [&](const Stmt &S, const CoverIndex &By,
                       const std::vector<bool> &Applies) {
    return By.anyCandidate(*S.S, [&](uint32_t I) {
      if (Limit.expired()) {
        OutOfTime = true;
        return true; // stop looking; the answer below is false
      }
      return Applies[I] && covers(By.All[I], S);
    });
  };
  // Every statement has an action element (usable() says so): those
  // applying() gives apply.
  for (uint32_t I : NewAllowIndex.applying(Folded))
    if (Limit.expired() || !coveredBy(NewAllow[I], OldAllow, OldAllowApplies) ||
        OutOfTime)
      return false;
  for (uint32_t I : OldDenyIndex.applying(Folded))
    if (Limit.expired() || !coveredBy(OldDeny[I], NewDeny, NewDenyApplies) ||
        OutOfTime)
      return false;
  return true;
}

bool SyntacticCover::provesFuture() {
  if (!Usable)
    return false;
  // A statement may apply to some action outside the catalog when it has
  // NotAction or a wildcard pattern. Each of its wildcard patterns needs a
  // covering pattern in a covering statement.
  auto mayApply = [](const Statement &S) {
    return S.Action.Negated ||
           any_of(S.Action.Patterns,
                  [](const ActionPattern &A) { return hasWildcard(A.Text); });
  };
  bool OutOfTime = false;
  auto coveredBy = [&](const Stmt &S, const CoverIndex &By) {
    if (S.S->Action.Negated)
      return false;
    for (const ActionPattern &A : S.S->Action.Patterns) {
      if (!hasWildcard(A.Text))
        continue;
      bool Found = By.anyCandidate(*S.S, [&](uint32_t I) {
        const Stmt &T = By.All[I];
        if (Limit.expired()) {
          OutOfTime = true;
          return true;
        }
        return !T.S->Action.Negated &&
               any_of(T.S->Action.Patterns,
                      [&](const ActionPattern &B) {
                        return actionPatternCovers(B.Text, A.Text);
                      }) &&
               covers(T, S);
      });
      if (!Found || OutOfTime)
        return false;
    }
    return true;
  };
  for (const Stmt &S : NewAllow)
    if (Limit.expired() || (mayApply(*S.S) && !coveredBy(S, OldAllow)))
      return false;
  for (const Stmt &D : OldDeny)
    if (Limit.expired() || (mayApply(*D.S) && !coveredBy(D, NewDeny)))
      return false;
  return true;
}

} // namespace verify
} // namespace tollgate
