//===- PatternTests.cpp - The wildcard pattern type -----------------------===//
///
/// \file
/// Examples, then properties checked against a brute-force reference over a
/// small alphabet (a, A, b, B, `:`, é): the reference reads the pieces by the
/// definition, trying every way a star can split the text.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Support/Pattern.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/SmallVector.h"

#include <catch2/catch.hpp>

#include <array>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace tollgate;

/// The six fields of an ARN with at least five colons (as the evaluator's
/// splitArn(), which the Support tests do not link).
static bool splitArnForTest(llvm::StringRef Text,
                            std::array<llvm::StringRef, 6> &F) {
  for (unsigned I = 0; I < 5; ++I) {
    size_t Colon = Text.find(':');
    if (Colon == llvm::StringRef::npos)
      return false;
    F[I] = Text.take_front(Colon);
    Text = Text.drop_front(Colon + 1);
  }
  F[5] = Text;
  return true;
}

static Pattern arnPrefix(llvm::StringRef Text) {
  return Pattern::parse(Text, CaseMode::Sensitive, ":");
}

TEST_CASE("pattern: parsing into pieces") {
  Pattern P = Pattern::parse("s3:Get**Object?");
  REQUIRE(P.Pieces.size() == 4);
  CHECK(P.Pieces[0].Text == "s3:Get");
  CHECK(P.Pieces[1].K == PatternPiece::Star);
  CHECK(P.Pieces[2].Text == "Object");
  CHECK(P.Pieces[3].K == PatternPiece::Any);
  CHECK(P.str() == "s3:Get*Object?");
  CHECK(Pattern::parse("*").matchesAll());
  CHECK_FALSE(arnPrefix("*").matchesAll());
  CHECK(Pattern::parse("abc").isLiteral());
  CHECK_FALSE(Pattern::parse("abc", CaseMode::Insensitive).isLiteral());
  // Bytes the mask marks literal are not wildcards.
  bool Wild[] = {false, true};
  Pattern Masked = Pattern::parse("**", CaseMode::Sensitive, "", Wild);
  CHECK(Masked.matches("*x"));
  CHECK_FALSE(Masked.matches("x"));
}

TEST_CASE("pattern: matching") {
  Pattern P = Pattern::parse("s3:Get*");
  CHECK(P.matches("s3:Get"));
  CHECK(P.matches("s3:GetObject"));
  CHECK_FALSE(P.matches("s3:getobject"));
  CHECK(
      Pattern::parse("s3:Get*", CaseMode::Insensitive).matches("S3:getOBJECT"));
  CHECK(Pattern::parse("a?c").matches("abc"));
  CHECK_FALSE(Pattern::parse("a?c").matches("ac"));
  CHECK(Pattern::parse("*ab").matches("aab"));
  CHECK_FALSE(Pattern::parse("a*ab").matches("aaba"));
  CHECK(Pattern::parse("").matches(""));
  CHECK_FALSE(Pattern::parse("").matches("a"));
}

TEST_CASE("pattern: a wildcard that excludes `:` stays in its field") {
  CHECK(arnPrefix("a*b").matches("axxb"));
  CHECK_FALSE(arnPrefix("a*b").matches("a:b"));
  CHECK_FALSE(arnPrefix("a?b").matches("a:b"));
  // Backtracking past an earlier choice of literal: `*a[^:]*b` on `a:ab`.
  Pattern Mixed;
  Mixed.addStar();
  Mixed.addLit("a");
  Mixed.addStar(":");
  Mixed.addLit("b");
  CHECK(Mixed.matches("a:ab"));
  CHECK_FALSE(Mixed.matches("ab:b"));
}

TEST_CASE("pattern: characters are code points") {
  // 2, 3 and 4 bytes: é (U+00E9), € (U+20AC), 😀 (U+1F600).
  for (const char *C : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    std::string One = std::string("d") + C + "v";
    INFO("character of " << strlen(C) << " bytes");
    CHECK(Pattern::parse("d?v").matches(One));
    CHECK(arnPrefix("d?v").matches(One));
    CHECK_FALSE(Pattern::parse("d??v").matches(One));
    CHECK(Pattern::parse("d*v").matches(One));
    CHECK(Pattern::parse("d?v").covers(Pattern::parse(One)));
    CHECK(Pattern::parse("d?v").intersects(Pattern::parse(One)));
    CHECK_FALSE(Pattern::parse("d??v").intersects(Pattern::parse(One)));
    CHECK_FALSE(Pattern::parse("d??v").covers(Pattern::parse(One)));
  }
  // A stray byte is no character: `?` does not read it, `*` does.
  CHECK_FALSE(Pattern::parse("?").matches("\xA9"));
  CHECK(Pattern::parse("*").matches("\xA9"));
  // Case folding is ASCII only.
  CHECK_FALSE(
      Pattern::parse("\xC3\xA9", CaseMode::Insensitive).matches("\xC3\x89"));
}

TEST_CASE("pattern: covers") {
  auto P = [](const char *S) { return Pattern::parse(S); };
  CHECK(P("s3:Get*").covers(P("s3:GetObject")));
  CHECK(P("s3:Get*").covers(P("s3:GetObject*")));
  CHECK_FALSE(P("s3:Get?").covers(P("s3:Get*")));
  CHECK(P("a*").covers(P("a**")));
  CHECK(P("*a*").covers(P("*a*a*")));
  CHECK_FALSE(P("*a*a*").covers(P("*a*")));
  CHECK(P("*").covers(arnPrefix("*")));
  CHECK_FALSE(arnPrefix("*").covers(P("*")));
  CHECK(arnPrefix("*").covers(arnPrefix("a?")));
  Pattern Fold = Pattern::parse("s3:get*", CaseMode::Insensitive);
  CHECK(Fold.covers(P("s3:GetObject")));
  CHECK_FALSE(P("s3:Get*").covers(Fold));
  CHECK(Fold.covers(Pattern::parse("S3:GET?", CaseMode::Insensitive)));
}

TEST_CASE("pattern: intersects") {
  auto P = [](const char *S) { return Pattern::parse(S); };
  CHECK(P("a*").intersects(P("*b")));
  CHECK_FALSE(P("a*").intersects(P("b*")));
  CHECK(P("?*").intersects(P("*?")));
  CHECK_FALSE(P("???").intersects(P("ab")));
  CHECK_FALSE(arnPrefix("a*b").intersects(P("a:b")));
  CHECK(Pattern::parse("ABC", CaseMode::Insensitive).intersects(P("abc")));
  CHECK_FALSE(P("ABC").intersects(P("abc")));
}

TEST_CASE("pattern: ARN patterns match field by field") {
  ArnPattern A = ArnPattern::parse("arn:aws:s3:::b*", CaseMode::Insensitive);
  llvm::StringRef Fields[] = {"arn", "AWS", "s3", "", "", "b:x/y"};
  CHECK(A.matchesFields(Fields));
  llvm::StringRef Upper[] = {"arn", "aws", "s3", "", "", "B"};
  CHECK_FALSE(A.matchesFields(Upper));
  // A short pattern: the missing fields are `*`.
  ArnPattern Short = ArnPattern::parse("arn:aws:s3", CaseMode::Sensitive);
  CHECK(Short.matchesFields(Fields) == false); // AWS is not aws here
  llvm::StringRef Lower[] = {"arn", "aws", "s3", "r", "1", "x"};
  CHECK(Short.matchesFields(Lower));
  CHECK(A.covers(
      ArnPattern::parse("arn:aws:s3:::bucket/*", CaseMode::Insensitive)));
  CHECK_FALSE(
      A.covers(ArnPattern::parse("arn:aws:s3:*::b", CaseMode::Insensitive)));
  // Matched from the text without building the patterns, the same.
  CHECK(arnPatternMatchesText("arn:aws:s3:::b*", CaseMode::Insensitive, {},
                              true, Fields));
  CHECK_FALSE(arnPatternMatchesText("arn:aws:s3:::b*", CaseMode::Insensitive,
                                    {}, true, Upper));
  CHECK(arnPatternMatchesText("arn:aws:s3", CaseMode::Sensitive, {}, true,
                              Lower));
  CHECK(arnPatternMatchesText("*", CaseMode::Sensitive, {}, false, {}));
  CHECK_FALSE(
      arnPatternMatchesText("arn:*", CaseMode::Sensitive, {}, false, {}));
  // Joined, the prefix wildcards do not cross a colon.
  Pattern J = ArnPattern::parse("arn:*:s3:::b", CaseMode::Sensitive).joined();
  CHECK(J.matches("arn:aws:s3:::b"));
  CHECK_FALSE(J.matches("arn:a:b:s3:::b"));
}

TEST_CASE("pattern: ARN patterns split once match as ArnPattern does") {
  // Fields of every kind ArnPatternText tells apart: only stars, literal,
  // literal then a final star, other globs; and ARN fields in both cases.
  const char *PatternFields[] = {"",   "*",  "**", "a",  "A",   "ab",
                                 "a*", "A*", "*a", "a?", "a*b", "?"};
  const char *ArnFields[] = {"", "a", "A", "ab", "aB", "b", "a:b"};
  std::mt19937 Rng(20261207);
  for (int Round = 0; Round < 3000; ++Round) {
    std::string Text;
    unsigned NFields = 1 + Rng() % 7;
    for (unsigned I = 0; I < NFields; ++I)
      Text += std::string(I ? ":" : "") + PatternFields[Rng() % 12];
    std::string Arn;
    for (unsigned I = 0; I < 6; ++I)
      Arn += std::string(I ? ":" : "") + ArnFields[Rng() % (I == 5 ? 7 : 6)];
    std::array<llvm::StringRef, 6> F;
    bool IsArn = splitArnForTest(Arn, F);
    // Some bytes of the text come from an escape or a variable's value.
    llvm::SmallVector<bool, 64> Wild(Text.size(), true);
    bool Masked = Rng() % 3 == 0;
    if (Masked)
      for (size_t I = 0; I < Text.size(); ++I)
        Wild[I] = Rng() % 2;
    llvm::ArrayRef<bool> Mask;
    if (Masked)
      Mask = Wild;
    for (CaseMode Case : {CaseMode::Sensitive, CaseMode::Insensitive}) {
      INFO("pattern " << Text << ", resource " << Arn << ", masked " << Masked);
      bool Expected = ArnPattern::parse(Text, Case, Mask).matches(IsArn, F);
      CHECK(ArnPatternText::parse(Text, Mask).matches(Case, IsArn, F) ==
            Expected);
      CHECK(arnPatternMatchesText(Text, Case, Mask, IsArn, F) == Expected);
    }
  }
}

TEST_CASE("pattern: no exponential backtracking") {
  std::string Hostile;
  for (int I = 0; I < 40; ++I)
    Hostile += "*a";
  Hostile += "*b";
  std::string Text(200000, 'a');
  // CPU time: unlike wall time it does not grow with the machine's load.
  std::clock_t Start = std::clock();
  CHECK_FALSE(Pattern::parse(Hostile).matches(Text));
  CHECK_FALSE(arnPrefix(Hostile).matches(Text));
  CHECK_FALSE(Pattern::parse(Hostile).covers(Pattern::parse("*a*")));
  CHECK(Pattern::parse("*a*").covers(Pattern::parse(Hostile)));
  CHECK(Pattern::parse(Hostile).intersects(Pattern::parse(Text + "b")));
  CHECK_FALSE(Pattern::parse(Hostile).intersects(Pattern::parse(Text)));
  double Seconds = double(std::clock() - Start) / CLOCKS_PER_SEC;
  CHECK(Seconds < 2.0);
}

//===----------------------------------------------------------------------===//
// Properties against a brute-force reference
//===----------------------------------------------------------------------===//

namespace {
/// A code point of the small alphabet, as UTF-8.
const char *const Alphabet[] = {"a", "A", "b", "B", ":", "\xC3\xA9"};
constexpr unsigned AlphabetSize = 6;
constexpr unsigned Colon = 4;

struct RefTok {
  char K; ///< 'c' character, '?' one, '*' run
  bool Fold = false;
  unsigned C = 0; ///< index into Alphabet
  bool NoColon = false;
};

unsigned foldIndex(unsigned C) { return C == 1 || C == 3 ? C - 1 : C; }

bool refReads(const RefTok &T, unsigned C) {
  if (T.K == 'c')
    return T.Fold ? foldIndex(T.C) == foldIndex(C) : T.C == C;
  return !(T.NoColon && C == Colon);
}

bool refMatch(const std::vector<RefTok> &P, size_t I,
              const std::vector<unsigned> &S, size_t J) {
  if (I == P.size())
    return J == S.size();
  const RefTok &T = P[I];
  if (T.K == '*')
    return refMatch(P, I + 1, S, J) ||
           (J < S.size() && refReads(T, S[J]) && refMatch(P, I, S, J + 1));
  return J < S.size() && refReads(T, S[J]) && refMatch(P, I + 1, S, J + 1);
}

struct Case {
  std::vector<RefTok> Ref;
  Pattern Pat;
  /// The pattern as written, when its wildcards exclude nothing.
  std::string Written;
  CaseMode Mode = CaseMode::Sensitive;
  bool NoColon = false;
};

Case randomCase(std::mt19937 &Rng) {
  Case Out;
  bool Fold = Rng() % 3 == 0;
  bool NoColon = Rng() % 3 == 0;
  Out.Mode = Fold ? CaseMode::Insensitive : CaseMode::Sensitive;
  Out.NoColon = NoColon;
  unsigned Len = Rng() % 5;
  for (unsigned I = 0; I < Len; ++I) {
    unsigned R = Rng() % 8;
    RefTok T;
    T.NoColon = NoColon;
    if (R == 0) {
      T.K = '*';
      Out.Pat.addStar(NoColon ? ":" : "");
      Out.Written += "*";
    } else if (R == 1) {
      T.K = '?';
      Out.Pat.addAny(NoColon ? ":" : "");
      Out.Written += "?";
    } else {
      T.K = 'c';
      T.Fold = Fold;
      T.C = Rng() % AlphabetSize;
      Out.Pat.addLit(Alphabet[T.C], Fold);
      Out.Written += Alphabet[T.C];
    }
    Out.Ref.push_back(T);
  }
  return Out;
}

/// Every string over the alphabet of at most \p Max characters.
std::vector<std::vector<unsigned>> allStrings(unsigned Max) {
  std::vector<std::vector<unsigned>> Out{{}};
  for (size_t I = 0; I < Out.size(); ++I)
    if (Out[I].size() < Max)
      for (unsigned C = 0; C < AlphabetSize; ++C) {
        std::vector<unsigned> S = Out[I];
        S.push_back(C);
        Out.push_back(std::move(S));
      }
  return Out;
}

std::string text(const std::vector<unsigned> &S) {
  std::string Out;
  for (unsigned C : S)
    Out += Alphabet[C];
  return Out;
}
} // namespace

TEST_CASE("pattern: properties against the brute-force reference") {
  std::mt19937 Rng(20261206);
  const std::vector<std::vector<unsigned>> Strings = allStrings(5);
  for (int Round = 0; Round < 400; ++Round) {
    Case A = randomCase(Rng), B = randomCase(Rng);
    INFO("A = " << A.Pat.str() << ", B = " << B.Pat.str());
    bool SomeCommon = false, BNotA = false;
    for (const std::vector<unsigned> &S : Strings) {
      bool InA = refMatch(A.Ref, 0, S, 0), InB = refMatch(B.Ref, 0, S, 0);
      INFO("text " << text(S));
      REQUIRE(A.Pat.matches(text(S)) == InA);
      if (!A.NoColon)
        REQUIRE(Pattern::matchesText(A.Written, text(S), A.Mode) == InA);
      SomeCommon |= InA && InB;
      BNotA |= InB && !InA;
    }
    // Patterns of at most four tokens that share a string share one of at
    // most four characters; a string of one not in the other (when there
    // is one) is about as short. Five covers every case the generator
    // makes.
    CHECK(A.Pat.intersects(B.Pat) == SomeCommon);
    CHECK(A.Pat.covers(B.Pat) == !BNotA);
  }
}
