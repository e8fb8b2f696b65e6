//===- TermTests.cpp - Glob containment and implication -------------------===//
///
/// \file
/// globIncluded() backs the term layer's refutation of "new statement
/// matches and old statement does not" without a solver call: when it says
/// yes, no string may match the first glob and miss the second.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Verify/Term.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

Glob randomGlob(std::mt19937 &Rng) {
  // é (2 bytes), € (3 bytes), 😀 (4 bytes) beside ASCII.
  static const char *Lits[] = {"a",
                               "b",
                               ":",
                               "ab",
                               "a:b",
                               "A",
                               "\xC3\xA9",
                               "\xE2\x82\xAC",
                               "a\xF0\x9F\x98\x80"};
  Glob G;
  unsigned N = Rng() % 5;
  for (unsigned I = 0; I < N; ++I) {
    switch (Rng() % 7) {
    case 0:
      G.add(GlobPiece::Star);
      break;
    case 1:
      G.add(GlobPiece::StarNoColon);
      break;
    case 2:
      G.add(GlobPiece::Any);
      break;
    case 3:
      G.add(GlobPiece::AnyNoColon);
      break;
    case 4:
      G.Pieces.push_back({GlobPiece::FoldLit, "a"});
      break;
    default:
      G.addLit(Lits[Rng() % std::size(Lits)]);
    }
  }
  return G;
}

/// Well-formed UTF-8 text, as requests are (the domain keeps every string
/// that a `?` reads well formed).
std::string randomText(std::mt19937 &Rng) {
  static const char *Chars[] = {
      "a", "b", ":", "A", "c", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  std::string S;
  unsigned N = Rng() % 7;
  for (unsigned I = 0; I < N; ++I)
    S += Chars[Rng() % std::size(Chars)];
  return S;
}

} // namespace

TEST_CASE("glob containment is sound on random globs", "[verify][glob]") {
  std::mt19937 Rng(7);
  std::vector<std::string> Texts;
  for (unsigned I = 0; I < 3000; ++I)
    Texts.push_back(randomText(Rng));
  unsigned Included = 0;
  for (unsigned I = 0; I < 3000; ++I) {
    Glob A = randomGlob(Rng), B = randomGlob(Rng);
    if (!globIncluded(A, B))
      continue;
    ++Included;
    for (const std::string &T : Texts)
      if (A.matches(T)) {
        INFO(A.str() << " within " << B.str() << " but not on " << T);
        REQUIRE(B.matches(T));
      }
  }
  CHECK(Included > 100);
}

TEST_CASE("glob containment on ARN shapes", "[verify][glob]") {
  Glob Arn = Glob::fromPattern("arn:aws:ec2:*:*:fleet/crf-*", true);
  Glob Str = Glob::fromPattern("arn:aws:ec2:*:*:fleet/crf-*");
  CHECK(globIncluded(Arn, Str));
  CHECK_FALSE(globIncluded(Str, Arn));
  CHECK(globIncluded(Glob::fromPattern("arn:aws:s3:::b/k"),
                     Glob::fromPattern("arn:aws:s3:::b/*")));
  CHECK_FALSE(globIncluded(Glob::fromPattern("arn:aws:s3:::b*"),
                           Glob::fromPattern("arn:aws:s3:::b/*")));
}

TEST_CASE("a narrower statement refutes the negated wider one",
          "[verify][glob]") {
  TermContext Ctx;
  Term S = Ctx.var("s", Sort::String);
  Term P = Ctx.var("p", Sort::Bool);
  Term Narrow =
      Ctx.mkInGlob(S, Glob::fromPattern("arn:aws:ec2:*:*:fleet/crf-*", true));
  Term Wide = Ctx.mkPrefixOf(Ctx.strConst("arn:aws:ec2:"), S);
  CHECK(Ctx.mkAnd({P, Narrow, Ctx.mkNot(Ctx.mkAnd(P, Wide))}) ==
        Ctx.falseTerm());
  // The other way round nothing follows.
  CHECK(Ctx.mkAnd({P, Wide, Ctx.mkNot(Ctx.mkAnd(P, Narrow))}) !=
        Ctx.falseTerm());
}

TEST_CASE("past the deadline implication is not shown, and not remembered",
          "[verify][glob]") {
  TermContext Ctx;
  Term S = Ctx.var("s", Sort::String);
  Term Narrow = Ctx.mkInGlob(S, Glob::fromPattern("arn:aws:s3:::b/k*"));
  Term Wide = Ctx.mkInGlob(S, Glob::fromPattern("arn:aws:s3:::b/*"));
  Ctx.setDeadline(Deadline::in(0));
  CHECK_FALSE(Ctx.implies(Narrow, Wide));
  CHECK_FALSE(globIncluded(Ctx.glob(Narrow->Aux), Ctx.glob(Wide->Aux),
                           Deadline::in(0)));
  Ctx.setDeadline(Deadline());
  CHECK(Ctx.implies(Narrow, Wide));
}

TEST_CASE("globs longer than any policy string are not compared",
          "[verify][glob]") {
  std::string Long = "arn:aws:s3:::";
  for (int I = 0; I < 20000; ++I)
    Long += "*a";
  Glob G = Glob::fromPattern(Long);
  // Equal globs are still within each other; other comparisons answer
  // "not shown" at once rather than step through the product automaton.
  CHECK(globIncluded(G, G));
  CHECK(globIncluded(G, Glob::fromPattern("*")));
  CHECK_FALSE(globIncluded(G, Glob::fromPattern("arn:aws:s3:::*a")));
  CHECK(globIncluded(Glob::fromPattern("arn:aws:s3:::*a*a"),
                     Glob::fromPattern("arn:aws:s3:::*a")));
}
