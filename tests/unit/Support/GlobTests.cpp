#include "tollgate/Support/Glob.h"

#include <catch2/catch.hpp>

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
