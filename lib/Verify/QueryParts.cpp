//===- QueryParts.cpp - Independent parts of a query ----------------------===//

#include "tollgate/Verify/QueryParts.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace verify {

namespace {

/// Union-find over variables, with each subterm's variables joined once:
/// the walk is linear in the query's distinct subterms however much the
/// conjuncts share.
class VariableGroups {
public:
  /// A variable of \p T's group, or null when \p T has none.
  Term groupOf(Term T) {
    Term V = joined(T);
    return V ? find(V) : nullptr;
  }

private:
  Term find(Term V) {
    Term Root = V;
    while (Parent.lookup(Root) != Root)
      Root = Parent.lookup(Root);
    while (V != Root) {
      Term Next = Parent.lookup(V);
      Parent[V] = Root;
      V = Next;
    }
    return Root;
  }
  void join(Term A, Term B) {
    A = find(A);
    B = find(B);
    if (A != B)
      Parent[B] = A;
  }
  /// Joins the variables of \p T; returns one of them, or null.
  Term joined(Term T) {
    auto It = Rep.find(T);
    if (It != Rep.end())
      return It->second;
    Term R = nullptr;
    if (T->K == TermKind::Var) {
      Parent.try_emplace(T, T);
      R = T;
    }
    for (Term A : T->Args)
      if (Term V = joined(A)) {
        if (R)
          join(R, V);
        else
          R = V;
      }
    Rep[T] = R;
    return R;
  }

  DenseMap<Term, Term> Parent;
  DenseMap<Term, Term> Rep;
};

ArrayRef<Term> conjuncts(const Term &T) {
  return T->K == TermKind::And ? makeArrayRef(T->Args) : makeArrayRef(&T, 1);
}

size_t distinctSubterms(ArrayRef<Term> Roots) {
  DenseSet<Term> Seen;
  std::vector<Term> Work(Roots.begin(), Roots.end());
  while (!Work.empty()) {
    Term X = Work.back();
    Work.pop_back();
    if (Seen.insert(X).second)
      Work.insert(Work.end(), X->Args.begin(), X->Args.end());
  }
  return Seen.size();
}

} // namespace

std::vector<Term> smallerParts(TermContext &Ctx, Term Assumed, Term Query) {
  VariableGroups Groups;
  struct Group {
    std::vector<Term> Conjuncts;
    bool Negates = false;
  };
  // Groups in the order their first conjunct comes, so that the parts (and
  // so the solver's work) do not depend on addresses.
  DenseMap<Term, size_t> Index;
  std::vector<Group> Out;
  auto add = [&](Term C, bool FromQuery) {
    bool Negates =
        FromQuery && C->K == TermKind::Not &&
        (C->Args[0]->K == TermKind::And || C->Args[0]->K == TermKind::Or);
    // A conjunct without variables joins no group; alone it is a group of
    // its own.
    Term Key = Groups.groupOf(C);
    if (!Key)
      Key = C;
    auto It = Index.try_emplace(Key, Out.size()).first;
    if (It->second == Out.size())
      Out.emplace_back();
    Out[It->second].Conjuncts.push_back(C);
    Out[It->second].Negates |= Negates;
  };
  // Join every conjunct's variables first: a later conjunct may join two
  // groups an earlier one saw apart.
  for (Term T : {Assumed, Query})
    for (Term C : conjuncts(T))
      Groups.groupOf(C);
  for (Term C : conjuncts(Assumed))
    add(C, false);
  for (Term C : conjuncts(Query))
    add(C, true);
  if (Out.size() < 2)
    return {};
  std::vector<std::pair<size_t, const Group *>> Sized;
  for (const Group &G : Out)
    Sized.emplace_back(distinctSubterms(G.Conjuncts), &G);
  // The largest part is left to the whole query.
  std::stable_sort(
      Sized.begin(), Sized.end(),
      [](const auto &A, const auto &B) { return A.first < B.first; });
  Sized.pop_back();
  std::vector<Term> Parts;
  for (const auto &S : Sized)
    if (S.second->Negates)
      Parts.push_back(Ctx.mkAnd(S.second->Conjuncts));
  return Parts;
}

} // namespace verify
} // namespace tollgate
