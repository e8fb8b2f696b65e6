//===- TermTests.cpp - Pattern containment and implication ----------------===//
///
/// \file
/// Pattern::covers() backs the term layer's refutation of "new statement
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

Pattern randomGlob(std::mt19937 &Rng) {
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
  Pattern G;
  unsigned N = Rng() % 5;
  for (unsigned I = 0; I < N; ++I) {
    switch (Rng() % 7) {
    case 0:
      G.addStar();
      break;
    case 1:
      G.addStar(":");
      break;
    case 2:
      G.addAny();
      break;
    case 3:
      G.addAny(":");
      break;
    case 4:
      G.addLit("a", /*Fold=*/true);
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
    Pattern A = randomGlob(Rng), B = randomGlob(Rng);
    if (!B.covers(A))
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
  Pattern Arn =
      Pattern::parse("arn:aws:ec2:*:*:fleet/crf-*", CaseMode::Sensitive, ":");
  Pattern Str = Pattern::parse("arn:aws:ec2:*:*:fleet/crf-*");
  CHECK(Str.covers(Arn));
  CHECK_FALSE(Arn.covers(Str));
  CHECK(Pattern::parse("arn:aws:s3:::b/*")
            .covers(Pattern::parse("arn:aws:s3:::b/k")));
  CHECK_FALSE(Pattern::parse("arn:aws:s3:::b/*")
                  .covers(Pattern::parse("arn:aws:s3:::b*")));
}

TEST_CASE("a narrower statement refutes the negated wider one",
          "[verify][glob]") {
  TermContext Ctx;
  Term S = Ctx.var("s", Sort::String);
  Term P = Ctx.var("p", Sort::Bool);
  Term Narrow = Ctx.mkInGlob(S, Pattern::parse("arn:aws:ec2:*:*:fleet/crf-*",
                                               CaseMode::Sensitive, ":"));
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
  Term Narrow = Ctx.mkInGlob(S, Pattern::parse("arn:aws:s3:::b/k*"));
  Term Wide = Ctx.mkInGlob(S, Pattern::parse("arn:aws:s3:::b/*"));
  Ctx.setDeadline(Deadline::in(0));
  CHECK_FALSE(Ctx.implies(Narrow, Wide));
  Ctx.setDeadline(Deadline());
  CHECK(Ctx.implies(Narrow, Wide));
}

TEST_CASE("globs longer than any policy string are not compared",
          "[verify][glob]") {
  std::string Long = "arn:aws:s3:::";
  for (int I = 0; I < 20000; ++I)
    Long += "*a";
  Pattern G = Pattern::parse(Long);
  // Equal globs are still within each other; other comparisons answer
  // "not shown" at once rather than step through the product automaton.
  CHECK(G.covers(G));
  CHECK(Pattern::parse("*").covers(G));
  CHECK_FALSE(Pattern::parse("arn:aws:s3:::*a").covers(G));
  CHECK_FALSE(G.covers(Pattern::parse("arn:aws:s3:::*a")));
  CHECK(Pattern::parse("arn:aws:s3:::*a")
            .covers(Pattern::parse("arn:aws:s3:::*a*a")));
}

TEST_CASE("bit-vector implication is sound on every value of a byte",
          "[verify][bv]") {
  TermContext Ctx;
  Term V = Ctx.var("v", Sort::BitVec, 8);
  Term W = Ctx.var("w", Sort::BitVec, 8);
  // Every equation `extract(x, Low, Width) = c` over a byte, for two
  // variables, with a few constants each.
  std::vector<Term> Eqs;
  for (Term X : {V, W})
    for (unsigned Low = 0; Low < 8; ++Low)
      for (unsigned Width = 1; Low + Width <= 8; ++Width)
        for (unsigned C : {0u, 1u, 5u, 0xA5u, 0xFFu}) {
          uint8_t Byte = static_cast<uint8_t>(C & ((1u << Width) - 1));
          Eqs.push_back(Ctx.mkEq(Ctx.mkExtract(X, Low, Width),
                                 Ctx.bvConst({Byte}, Width)));
        }
  unsigned Shown = 0;
  for (Term A : Eqs)
    for (Term B : Eqs) {
      if (!Ctx.implies(A, B))
        continue;
      ++Shown;
      for (unsigned X = 0; X < 256; ++X)
        for (unsigned Y : {0u, 0x5Au, 0xFFu}) {
          Assignment M;
          M[V].S = M[W].S = Sort::BitVec;
          M[V].Str = std::string(1, static_cast<char>(X));
          M[W].Str = std::string(1, static_cast<char>(Y));
          if (Ctx.evaluateBool(A, M))
            CHECK(Ctx.evaluateBool(B, M));
        }
    }
  // More than the identities: narrower fields imply wider ones.
  CHECK(Shown > Eqs.size());
}

TEST_CASE("a narrower network refutes the negated wider one", "[verify][bv]") {
  TermContext Ctx;
  Term Addr = Ctx.var("addr", Sort::BitVec, 32);
  Term P = Ctx.var("p", Sort::Bool);
  auto network = [&](std::vector<uint8_t> Bytes, unsigned Prefix) {
    return Ctx.mkEq(Ctx.mkExtract(Addr, 32 - Prefix, Prefix),
                    Ctx.mkExtract(Ctx.bvConst(Bytes, 32), 32 - Prefix, Prefix));
  };
  Term Wide = network({10, 0, 0, 0}, 8);    // 10.0.0.0/8
  Term Narrow = network({10, 1, 0, 0}, 16); // 10.1.0.0/16
  Term Odd = network({10, 16, 0, 0}, 12);   // 10.16.0.0/12
  Term Other = network({11, 1, 0, 0}, 16);  // 11.1.0.0/16
  CHECK(Ctx.implies(Narrow, Wide));
  CHECK(Ctx.implies(Odd, Wide));
  CHECK_FALSE(Ctx.implies(Wide, Narrow));
  CHECK_FALSE(Ctx.implies(Other, Wide));
  CHECK_FALSE(Ctx.implies(Narrow, Odd));
  CHECK(Ctx.mkAnd({P, Narrow, Ctx.mkNot(Ctx.mkAnd(P, Wide))}) ==
        Ctx.falseTerm());
  CHECK(Ctx.mkAnd({P, Wide, Ctx.mkNot(Ctx.mkAnd(P, Narrow))}) !=
        Ctx.falseTerm());
}
