#include "tollgate/Catalog/Catalog.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const Catalog &catalog() { return Catalog::builtin(); }
} // namespace

TEST_CASE("did you mean: services") {
  CHECK(catalog().suggestService("ec3") ==
        std::optional<llvm::StringRef>("ec2"));
  CHECK(catalog().suggestService("lamda") ==
        std::optional<llvm::StringRef>("lambda"));
  CHECK(catalog().suggestService("S3") == std::optional<llvm::StringRef>("s3"));
  CHECK_FALSE(catalog().suggestService("qwertyuiop"));
}

TEST_CASE("did you mean: actions") {
  CHECK(catalog().suggestAction("s3:GetObjct") ==
        std::optional<llvm::StringRef>("s3:GetObject"));
  CHECK(catalog().suggestAction("iam:PasRole") ==
        std::optional<llvm::StringRef>("iam:PassRole"));
  CHECK(catalog().suggestAction("ec3:DescribeInstances") ==
        std::optional<llvm::StringRef>("ec2:DescribeInstances"));
  CHECK(catalog().suggestAction("s3:getobject") ==
        std::optional<llvm::StringRef>("s3:GetObject"));
  CHECK_FALSE(catalog().suggestAction("s3:CompletelyDifferentThing"));
  CHECK_FALSE(catalog().suggestAction("GetObject"));
}

TEST_CASE("did you mean: condition keys") {
  CHECK(catalog().suggestConditionKey("aws:SourceIpp") ==
        std::optional<llvm::StringRef>("aws:SourceIp"));
  CHECK(catalog().suggestConditionKey("aws:PrincipalOrgId") ==
        std::optional<llvm::StringRef>("aws:PrincipalOrgID"));
  CHECK(catalog().suggestConditionKey("aws:ResourceTags/team") ==
        std::optional<llvm::StringRef>("aws:ResourceTag/${TagKey}"));
  CHECK(catalog().suggestConditionKey("iam:PassedToServce") ==
        std::optional<llvm::StringRef>("iam:PassedToService"));
  CHECK_FALSE(catalog().suggestConditionKey("zzz:nothing-like-it"));
}
