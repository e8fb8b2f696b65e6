//===- QueryPartsTests.cpp - Independent parts of a query -----------------===//
///
/// \file
/// smallerParts() may only hand out groups of conjuncts that share no
/// variable with the rest of the query: an unsatisfiable one then refutes
/// the whole query.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Verify/QueryParts.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

std::vector<Term> conjunctsOf(Term T) {
  if (T->K == TermKind::And)
    return T->Args;
  return {T};
}

bool sharesVariable(const TermContext &Ctx, Term A, Term B) {
  std::vector<Term> VA = Ctx.variables(A), VB = Ctx.variables(B);
  return std::any_of(VA.begin(), VA.end(), [&](Term V) {
    return std::find(VB.begin(), VB.end(), V) != VB.end();
  });
}

} // namespace

TEST_CASE("parts of a query share no variable with the rest",
          "[verify][parts]") {
  std::mt19937 Rng(7);
  unsigned Handed = 0;
  for (unsigned Round = 0; Round < 1000; ++Round) {
    TermContext Ctx;
    std::vector<Term> Vars;
    for (unsigned I = 0; I < 8; ++I)
      Vars.push_back(Ctx.var("b" + std::to_string(I), Sort::Bool));
    auto pick = [&]() { return Vars[Rng() % Vars.size()]; };
    // Conjuncts of one or two variables, some of them negated pairs (the
    // shape the other side's statements take).
    std::vector<Term> Assumed, Query;
    for (unsigned I = 0, N = Rng() % 8; I < N; ++I) {
      Term X = pick(), Y = pick();
      switch (Rng() % 3) {
      case 0:
        Query.push_back(Ctx.mkNot(Ctx.mkAnd(X, Y)));
        break;
      case 1:
        Query.push_back(Ctx.mkOr(X, Y));
        break;
      default:
        Assumed.push_back(Ctx.mkOr(X, Ctx.mkNot(Y)));
      }
    }
    Term A = Ctx.mkAnd(Assumed), Q = Ctx.mkAnd(Query);
    std::vector<Term> All = conjunctsOf(Ctx.mkAnd(A, Q));
    for (Term P : smallerParts(Ctx, A, Q)) {
      ++Handed;
      std::vector<Term> Own = conjunctsOf(P);
      for (Term C : All) {
        if (std::find(Own.begin(), Own.end(), C) != Own.end())
          continue;
        INFO("part " << Ctx.str(P) << " and " << Ctx.str(C));
        CHECK_FALSE(sharesVariable(Ctx, P, C));
      }
    }
  }
  CHECK(Handed > 50);
}

TEST_CASE("the largest part and parts negating nothing are left out",
          "[verify][parts]") {
  TermContext Ctx;
  Term A = Ctx.var("a", Sort::Bool), B = Ctx.var("b", Sort::Bool);
  Term C = Ctx.var("c", Sort::Bool), D = Ctx.var("d", Sort::Bool);
  Term S = Ctx.var("s", Sort::String);
  Term Small = Ctx.mkAnd(A, Ctx.mkNot(Ctx.mkAnd(A, B)));
  Term Plain = Ctx.mkOr(C, D);
  Term Large = Ctx.mkAnd({Ctx.mkPrefixOf(Ctx.strConst("arn:"), S),
                          Ctx.mkNot(Ctx.mkOr(Ctx.mkEq(S, Ctx.strConst("x")),
                                             Ctx.mkEq(S, Ctx.strConst("y"))))});
  std::vector<Term> Parts =
      smallerParts(Ctx, Ctx.trueTerm(), Ctx.mkAnd({Small, Plain, Large}));
  REQUIRE(Parts.size() == 1);
  CHECK(Parts[0] == Small);
  // A conjunct with variables of two groups joins them.
  Term Joined = Ctx.mkAnd(
      {Small, Large, Plain, Ctx.mkOr(Ctx.mkEq(S, Ctx.strConst("z")), B)});
  CHECK(smallerParts(Ctx, Ctx.trueTerm(), Joined).empty());
}
