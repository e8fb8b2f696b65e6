#include "tollgate/Support/Glob.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

using namespace tollgate;

TEST_CASE("glob: literal patterns match only themselves") {
  CHECK(globMatch("s3:GetObject", "s3:GetObject"));
  CHECK_FALSE(globMatch("s3:GetObject", "s3:GetObjectAcl"));
  CHECK_FALSE(globMatch("s3:GetObject", "s3:getobject"));
  CHECK(globMatch("s3:GetObject", "s3:getobject", CaseMode::Insensitive));
  CHECK(globMatch("", ""));
  CHECK_FALSE(globMatch("", "a"));
}

TEST_CASE("glob: star matches any run, slashes and colons included") {
  CHECK(globMatch("*", ""));
  CHECK(globMatch("*", "arn:aws:s3:::bucket/key"));
  CHECK(globMatch("s3:Get*", "s3:Get"));
  CHECK(globMatch("s3:Get*", "s3:GetObjectVersion"));
  CHECK_FALSE(globMatch("s3:Get*", "s3:PutObject"));
  CHECK(globMatch("arn:aws:s3:::b/*/x", "arn:aws:s3:::b/a/b/c/x"));
  CHECK(globMatch("*a*b*c*", "xxaxxbxxcxx"));
  CHECK_FALSE(globMatch("*a*b*c*", "xxcxxbxxaxx"));
  CHECK(globMatch("**", "abc"));
}

TEST_CASE("glob: question mark matches exactly one character") {
  CHECK(globMatch("ec2:?escribe*", "ec2:DescribeInstances"));
  CHECK_FALSE(globMatch("a?c", "ac"));
  CHECK(globMatch("a?c", "abc"));
  CHECK_FALSE(globMatch("a?c", "abbc"));
  CHECK(globMatch("*?", "x"));
  CHECK_FALSE(globMatch("*?", ""));
}

TEST_CASE("glob: backtracking past an earlier partial match") {
  CHECK(globMatch("*ab", "aab"));
  CHECK(globMatch("a*ab", "aaab"));
  CHECK_FALSE(globMatch("a*ab", "aaba"));
  CHECK(globMatch("*aab*", "abaabb"));
}

TEST_CASE("glob: hasWildcard") {
  CHECK(hasWildcard("s3:*"));
  CHECK(hasWildcard("a?"));
  CHECK_FALSE(hasWildcard("arn:aws:s3:::bucket"));
}

TEST_CASE("glob: question mark matches one character of any UTF-8 length") {
  // 2, 3 and 4 bytes: é (U+00E9), € (U+20AC), 😀 (U+1F600).
  for (const char *C : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    std::string One = std::string("d") + C + "v";
    INFO("character of " << strlen(C) << " bytes");
    CHECK(globMatch("d?v", One));
    CHECK_FALSE(globMatch("d??v", One));
    CHECK(globMatch("d*v", One));
    CHECK(globMatch("*?", std::string(C)));
    CHECK_FALSE(globMatch("??", std::string(C)));
    CHECK(globMatch("??", std::string(C) + "x"));
    CHECK(globMatch("?*?", std::string(C) + C));
    CHECK(globMatch(std::string("?") + C, std::string(C) + C));
  }
  CHECK(globMatch("arn:aws:s3:::bucket-a/?", "arn:aws:s3:::bucket-a/\xC3\xA9"));
  CHECK_FALSE(globMatch("a?", "a\xC3\xA9\xC3\xA9"));
}

TEST_CASE("glob: a byte that starts no character is matched by star only") {
  // A stray continuation byte, a cut sequence, an overlong form, a
  // surrogate and a value above U+10FFFF.
  for (const char *B :
       {"\xA9", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    INFO("bytes " << llvm::StringRef(B).size());
    CHECK_FALSE(globMatch("?", B));
    CHECK(globMatch("*", B));
    CHECK(globMatch(std::string("a") + B, std::string("a") + B));
  }
  CHECK(globMatch("*?", "\xC3\xC3\xA9"));
  CHECK_FALSE(globMatch("?*", "\xC3\xC3\xA9"));
}

TEST_CASE("glob: utf8CharLength follows the table of well-formed sequences") {
  CHECK(utf8CharLength("a", 0) == 1);
  CHECK(utf8CharLength("\xC2\x80", 0) == 2);
  CHECK(utf8CharLength("\xDF\xBF", 0) == 2);
  CHECK(utf8CharLength("\xC1\xBF", 0) == 0);
  CHECK(utf8CharLength("\xE0\xA0\x80", 0) == 3);
  CHECK(utf8CharLength("\xE0\x9F\xBF", 0) == 0);
  CHECK(utf8CharLength("\xED\x9F\xBF", 0) == 3);
  CHECK(utf8CharLength("\xED\xA0\x80", 0) == 0);
  CHECK(utf8CharLength("\xF0\x90\x80\x80", 0) == 4);
  CHECK(utf8CharLength("\xF0\x8F\xBF\xBF", 0) == 0);
  CHECK(utf8CharLength("\xF4\x8F\xBF\xBF", 0) == 4);
  CHECK(utf8CharLength("\xF4\x90\x80\x80", 0) == 0);
  CHECK(utf8CharLength("\xF5\x80\x80\x80", 0) == 0);
  CHECK(utf8CharLength("\xE2\x82", 0) == 0);
  CHECK(isWellFormedUtf8("d\xC3\xA9v\xF0\x9F\x98\x80"));
  CHECK_FALSE(isWellFormedUtf8("d\xC3v"));
}

TEST_CASE("glob: quotedCharAt quotes whole characters, escapes stray bytes") {
  size_t Length = 0;
  CHECK(quotedCharAt("d\xC3\xA9v", 1, Length) == "\xC3\xA9");
  CHECK(Length == 2);
  CHECK(quotedCharAt("d\xC3v", 1, Length) == "\\xC3");
  CHECK(Length == 1);
  CHECK(quotedCharAt("-", 0, Length) == "-");
  CHECK(Length == 1);
  CHECK(quotedCharAt("a", 1, Length).empty());
  CHECK(Length == 0);
}

TEST_CASE("glob: only the wildcards the mask flags are wildcards") {
  // `a${?}c` resolves to `a?c` with a literal question mark.
  bool Wild[] = {false, false, false};
  CHECK(globMatch("a?c", "a?c", CaseMode::Sensitive, Wild));
  CHECK_FALSE(globMatch("a?c", "abc", CaseMode::Sensitive, Wild));
  bool Open[] = {false, true, false};
  CHECK(globMatch("a?c",
                  "a\xC3\xA9"
                  "c",
                  CaseMode::Sensitive, Open));
  bool Star[] = {true, false};
  CHECK(globMatch("**", "x*", CaseMode::Sensitive, Star));
  CHECK_FALSE(globMatch("**", "xy", CaseMode::Sensitive, Star));
}

TEST_CASE("glob: case folding is ASCII only") {
  CHECK(globMatch("D?V", "d\xC3\xA9v", CaseMode::Insensitive));
  // É (U+00C9) and é (U+00E9) are different characters here.
  CHECK_FALSE(globMatch("d\xC3\x89v", "d\xC3\xA9v", CaseMode::Insensitive));
}

TEST_CASE("glob: charAt decodes one character") {
  llvm::StringRef S = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF";
  CHECK(charAt(S, 0) == std::make_pair(uint32_t('a'), 1u));
  CHECK(charAt(S, 1) == std::make_pair(uint32_t(0xE9), 2u));
  CHECK(charAt(S, 3) == std::make_pair(uint32_t(0x20AC), 3u));
  CHECK(charAt(S, 6) == std::make_pair(uint32_t(0x1F600), 4u));
  // A byte that starts no character stands for itself, above U+10FFFF.
  CHECK(charAt(S, 10) == std::make_pair(uint32_t(0x110000 + 0xFF), 1u));
  CHECK(charAt(S, 2).first != charAt(S, 10).first);
}
