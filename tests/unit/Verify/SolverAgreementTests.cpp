//===- SolverAgreementTests.cpp - Z3 and the term evaluator agree ---------===//
///
/// \file
/// The term evaluator is the reference the encoding tests use, so it must
/// give the solver's answer on every string: globs with `?` over multi-byte
/// characters and over bytes that are no character, and well-formedness.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Support/Glob.h"
#include "tollgate/Verify/Solver.h"
#include "tollgate/Verify/Term.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

/// é (2 bytes), € (3 bytes), 😀 (4 bytes), and ASCII.
const char *Chars[] = {
    "a", ":", "B", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
/// Bytes that start no character: a lone lead byte, a continuation byte,
/// an overlong form, a surrogate.
const char *Stray[] = {"\xC3", "\xA9", "\xC0\xAF", "\xED\xA0\x80", "\xFF"};

Pattern randomGlob(std::mt19937 &Rng) {
  Pattern G;
  unsigned N = 1 + Rng() % 4;
  for (unsigned I = 0; I < N; ++I) {
    switch (Rng() % 7) {
    case 0:
      G.addStar();
      break;
    case 1:
      G.addStar(":");
      break;
    case 2:
    case 3:
      G.addAny();
      break;
    case 4:
      G.addAny(":");
      break;
    case 5:
      G.addLit("b", /*Fold=*/true);
      break;
    default:
      G.addLit(Chars[Rng() % std::size(Chars)]);
    }
  }
  return G;
}

std::string randomText(std::mt19937 &Rng, bool WellFormed) {
  std::string S;
  unsigned N = Rng() % 5;
  for (unsigned I = 0; I < N; ++I)
    S += !WellFormed && Rng() % 4 == 0 ? Stray[Rng() % std::size(Stray)]
                                       : Chars[Rng() % std::size(Chars)];
  return S;
}

bool solverSays(SolverBackend &Z, const TermContext &Ctx, Term Q) {
  SolveResult R = Z.solve(Ctx, Q, SolveBudget(), "");
  REQUIRE(R.Status != SolveStatus::Unknown);
  return R.Status == SolveStatus::Sat;
}

/// refute() decides the query (no model): true when it has none.
bool refuted(SolverBackend &Z, const TermContext &Ctx, Term Q) {
  SolveResult R = Z.refute(Ctx, Q, SolveBudget(), "");
  REQUIRE(R.Status != SolveStatus::Unknown);
  CHECK(R.Model.empty());
  return R.Status == SolveStatus::Unsat;
}

} // namespace

TEST_CASE("Z3 and the term evaluator agree on globs over any bytes",
          "[verify][solver]") {
  std::mt19937 Rng(2024);
  auto Z = createZ3Backend();
  unsigned Matches = 0, Stray = 0;
  for (unsigned Round = 0; Round < 150; ++Round) {
    TermContext Ctx;
    Term S = Ctx.var("s", Sort::String);
    Pattern G = randomGlob(Rng);
    std::string Text = randomText(Rng, Round % 2);
    Term Fix = Ctx.mkEq(S, Ctx.strConst(Text));
    Term In = Ctx.mkInGlob(S, G);
    Assignment A;
    A[S] = TermValue{Sort::String, false, Text};
    bool Eval = Ctx.evaluateBool(In, A);
    INFO("glob " << G.str() << " text of " << Text.size() << " bytes");
    CHECK(Eval == G.matches(Text));
    CHECK(solverSays(*Z, Ctx, Ctx.mkAnd(Fix, In)) == Eval);
    CHECK(solverSays(*Z, Ctx, Ctx.mkAnd(Fix, Ctx.mkNot(In))) == !Eval);
    // The lighter refutation agrees.
    CHECK(refuted(*Z, Ctx, Ctx.mkAnd(Fix, In)) == !Eval);
    CHECK(refuted(*Z, Ctx, Ctx.mkAnd(Fix, Ctx.mkNot(In))) == Eval);
    Term Valid = Ctx.mkValidUtf8(S);
    CHECK(solverSays(*Z, Ctx, Ctx.mkAnd(Fix, Valid)) == isWellFormedUtf8(Text));
    Matches += Eval;
    Stray += !isWellFormedUtf8(Text);
    Z->reset();
  }
  CHECK(Matches > 15);
  CHECK(Stray > 15);
}

TEST_CASE("a model of a glob with ? replays in the evaluator",
          "[verify][solver]") {
  auto Z = createZ3Backend();
  for (const char *P : {"?", "d?v", "??", "a?:?*", "*?\xC3\xA9"}) {
    for (bool NoColon : {false, true}) {
      TermContext Ctx;
      Term S = Ctx.var("s", Sort::String);
      Pattern G = Pattern::parse(P, CaseMode::Sensitive, NoColon ? ":" : "");
      // A string the glob matches and that is not ASCII.
      Term Q =
          Ctx.mkAnd({Ctx.mkInGlob(S, G), Ctx.mkValidUtf8(S),
                     Ctx.mkNot(Ctx.mkInGlob(
                         S, Pattern::parse(std::string(strlen(P) + 2, '?'))))});
      Term NonAscii = Ctx.mkContains(S, Ctx.strConst("\xE2\x82\xAC"));
      Q = Ctx.mkAnd(Q, NonAscii);
      SolveResult R = Z->solve(Ctx, Q, SolveBudget(), "");
      INFO("pattern " << P);
      REQUIRE(R.Status == SolveStatus::Sat);
      std::string Model = R.Model[S].Str;
      CHECK(isWellFormedUtf8(Model));
      CHECK(G.matches(Model));
      CHECK(Ctx.evaluateBool(Q, R.Model));
      Z->reset();
    }
  }
}

TEST_CASE("? against a two-byte character needs the character",
          "[verify][solver]") {
  // `d?v` and `dév`: one character between d and v; `d??v` never.
  auto Z = createZ3Backend();
  TermContext Ctx;
  Term S = Ctx.var("s", Sort::String);
  Term Dev = Ctx.mkEq(S, Ctx.strConst("d\xC3\xA9v"));
  CHECK(solverSays(*Z, Ctx,
                   Ctx.mkAnd(Dev, Ctx.mkInGlob(S, Pattern::parse("d?v")))));
  CHECK_FALSE(solverSays(
      *Z, Ctx, Ctx.mkAnd(Dev, Ctx.mkInGlob(S, Pattern::parse("d??v")))));
  // Not one byte: `d?v` against d, a lone lead byte, v.
  Term Cut = Ctx.mkEq(S, Ctx.strConst("d\xC3v"));
  CHECK_FALSE(solverSays(
      *Z, Ctx, Ctx.mkAnd(Cut, Ctx.mkInGlob(S, Pattern::parse("d?v")))));
}
