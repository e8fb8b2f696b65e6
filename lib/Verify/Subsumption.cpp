//===- Subsumption.cpp - Containment proved from the policy text ----------===//

#include "tollgate/Verify/Subsumption.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

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

bool appliesTo(const Statement &S, StringRef Folded) {
  bool Any = any_of(S.Action.Patterns, [&](const ActionPattern &A) {
    return globMatch(A.Text, Folded, CaseMode::Insensitive);
  });
  return S.Action.Negated ? !Any : Any;
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

SyntacticCover::SyntacticCover(const PolicySet &New, const PolicySet &Old) {
  if (!plainIdentity(New) || !plainIdentity(Old) || New.Trust != Old.Trust)
    return;
  auto add = [&](const PolicySet &Set, std::vector<Stmt> &Allow,
                 std::vector<Stmt> &Deny) {
    for (const Policy *P : Set.Identity)
      for (const Statement &S : P->Statements) {
        if (!S.Action.Present || S.Principal.Present)
          return false;
        for (const Condition &C : S.Conditions)
          if (C.Op == ConditionOp::Unknown)
            return false;
        (S.Eff == Effect::Allow ? Allow : Deny).push_back({P, &S});
      }
    return true;
  };
  Usable = add(New, NewAllow, NewDeny) && add(Old, OldAllow, OldDeny);
}

bool SyntacticCover::covers(const Stmt &T, const Stmt &S) {
  auto Key = std::make_pair(T.S, S.S);
  auto It = Memo.find(Key);
  if (It != Memo.end())
    return It->second;
  bool R = resourcesCover(*T.S, *S.S) && conditionsCover(*T.S, *S.S);
  Memo.emplace(Key, R);
  return R;
}

bool SyntacticCover::provesAction(StringRef Folded) {
  if (!Usable)
    return false;
  auto coveredBy = [&](const Stmt &S, ArrayRef<Stmt> By) {
    return any_of(By, [&](const Stmt &T) {
      return appliesTo(*T.S, Folded) && covers(T, S);
    });
  };
  for (const Stmt &S : NewAllow)
    if (appliesTo(*S.S, Folded) && !coveredBy(S, OldAllow))
      return false;
  for (const Stmt &D : OldDeny)
    if (appliesTo(*D.S, Folded) && !coveredBy(D, NewDeny))
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
  auto coveredBy = [&](const Stmt &S, ArrayRef<Stmt> By) {
    if (S.S->Action.Negated)
      return false;
    for (const ActionPattern &A : S.S->Action.Patterns) {
      if (!hasWildcard(A.Text))
        continue;
      bool Found = any_of(By, [&](const Stmt &T) {
        return !T.S->Action.Negated &&
               any_of(T.S->Action.Patterns,
                      [&](const ActionPattern &B) {
                        return actionPatternCovers(B.Text, A.Text);
                      }) &&
               covers(T, S);
      });
      if (!Found)
        return false;
    }
    return true;
  };
  for (const Stmt &S : NewAllow)
    if (mayApply(*S.S) && !coveredBy(S, OldAllow))
      return false;
  for (const Stmt &D : OldDeny)
    if (mayApply(*D.S) && !coveredBy(D, NewDeny))
      return false;
  return true;
}

} // namespace verify
} // namespace tollgate
