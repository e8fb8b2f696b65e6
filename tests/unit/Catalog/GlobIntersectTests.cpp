#include "tollgate/Catalog/GlobIntersect.h"

#include <catch2/catch.hpp>

using namespace tollgate;

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
  llvm::SmallVector<GlobAtom, 8> NoSlash = {GlobAtom::anyOne('/'),
                                            GlobAtom::anyRun('/')};
  llvm::SmallVector<GlobAtom, 8> Text;
  appendGlobAtoms("bucket/*", Text);
  CHECK_FALSE(atomsIntersect(NoSlash, Text));
  Text.clear();
  appendGlobAtoms("bucket*", Text);
  CHECK(atomsIntersect(NoSlash, Text));
  Text.clear();
  appendGlobAtoms("*", Text);
  CHECK(atomsIntersect(NoSlash, Text));
  Text.clear();
  appendGlobAtoms("/", Text);
  CHECK_FALSE(atomsIntersect(NoSlash, Text));
}
