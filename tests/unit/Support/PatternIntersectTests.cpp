//===- PatternIntersectTests.cpp - Can two patterns match one string ------===//

#include "tollgate/Support/Pattern.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

using namespace tollgate;

static bool globsIntersect(const std::string &A, const std::string &B,
                           CaseMode Mode = CaseMode::Sensitive) {
  return Pattern::parse(A, Mode).intersects(Pattern::parse(B, Mode));
}

TEST_CASE("glob intersection: literals intersect only when equal") {
  CHECK(globsIntersect("abc", "abc"));
  CHECK_FALSE(globsIntersect("abc", "abd"));
  CHECK_FALSE(globsIntersect("abc", "ABC"));
  CHECK(globsIntersect("abc", "ABC", CaseMode::Insensitive));
  CHECK(globsIntersect("", ""));
  CHECK_FALSE(globsIntersect("", "a"));
}

TEST_CASE("glob intersection: stars on both sides") {
  CHECK(globsIntersect("a*", "*b"));
  CHECK(globsIntersect("*b", "a*"));
  CHECK_FALSE(globsIntersect("a*", "b*"));
  CHECK_FALSE(globsIntersect("*a", "*b"));
  CHECK(globsIntersect("*", ""));
  CHECK(globsIntersect("a*c", "*b*"));
  CHECK(globsIntersect("x*y*z", "*y*"));
  CHECK_FALSE(globsIntersect("a*c", "a*b"));
  CHECK(globsIntersect("arn:aws:s3:::b/*", "arn:aws:s3:::*/key"));
}

TEST_CASE("glob intersection: question mark is exactly one character") {
  CHECK_FALSE(globsIntersect("?", ""));
  CHECK_FALSE(globsIntersect("", "?"));
  CHECK(globsIntersect("?", "a"));
  CHECK(globsIntersect("??", "a*"));
  CHECK_FALSE(globsIntersect("???", "ab"));
  CHECK(globsIntersect("a?c", "*b*"));
  CHECK_FALSE(globsIntersect("a?", "b*"));
  CHECK(globsIntersect("?*", "*?"));
}

TEST_CASE("glob intersection: excluded characters") {
  // One or more characters other than '/', as an ARN placeholder.
  Pattern NoSlash;
  NoSlash.addAny("/");
  NoSlash.addStar("/");
  CHECK_FALSE(NoSlash.intersects(Pattern::parse("bucket/*")));
  CHECK(NoSlash.intersects(Pattern::parse("bucket*")));
  CHECK(NoSlash.intersects(Pattern::parse("*")));
  CHECK_FALSE(NoSlash.intersects(Pattern::parse("/")));
}

TEST_CASE("glob intersection: question mark is one character of any length") {
  // é (2 bytes), € (3 bytes), 😀 (4 bytes).
  for (const char *C : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    std::string Lit = std::string("b/") + C;
    INFO("character of " << strlen(C) << " bytes");
    CHECK(globsIntersect("b/?", Lit));
    CHECK(globsIntersect(Lit, "b/?"));
    CHECK_FALSE(globsIntersect("b/??", Lit));
    CHECK(globsIntersect("b/?x", Lit + "x"));
    CHECK_FALSE(globsIntersect(Lit, "b/a"));
  }
  // Different characters that share a leading byte (é, è) stay different.
  CHECK_FALSE(globsIntersect("\xC3\xA9", "\xC3\xA8"));
  CHECK_FALSE(globsIntersect("\xC3\xA9", "\xC3\x89", CaseMode::Insensitive));
}
