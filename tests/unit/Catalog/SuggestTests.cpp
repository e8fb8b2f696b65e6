#include "tollgate/Catalog/Catalog.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const Catalog &catalog() { return Catalog::builtin(); }
} // namespace

TEST_CASE("did you mean: services") {
  CHECK(catalog().suggestService("ec3") ==
        llvm::Optional<llvm::StringRef>("ec2"));
  CHECK(catalog().suggestService("lamda") ==
        llvm::Optional<llvm::StringRef>("lambda"));
  CHECK(catalog().suggestService("S3") ==
        llvm::Optional<llvm::StringRef>("s3"));
  CHECK_FALSE(catalog().suggestService("qwertyuiop"));
}

TEST_CASE("did you mean: actions") {
  CHECK(catalog().suggestAction("s3:GetObjct") ==
        llvm::Optional<llvm::StringRef>("s3:GetObject"));
  CHECK(catalog().suggestAction("iam:PasRole") ==
        llvm::Optional<llvm::StringRef>("iam:PassRole"));
  CHECK(catalog().suggestAction("ec3:DescribeInstances") ==
        llvm::Optional<llvm::StringRef>("ec2:DescribeInstances"));
  CHECK(catalog().suggestAction("s3:getobject") ==
        llvm::Optional<llvm::StringRef>("s3:GetObject"));
  CHECK_FALSE(catalog().suggestAction("s3:CompletelyDifferentThing"));
  CHECK_FALSE(catalog().suggestAction("GetObject"));
}

TEST_CASE("did you mean: condition keys") {
  CHECK(catalog().suggestConditionKey("aws:SourceIpp") ==
        llvm::Optional<llvm::StringRef>("aws:SourceIp"));
  CHECK(catalog().suggestConditionKey("aws:PrincipalOrgId") ==
        llvm::Optional<llvm::StringRef>("aws:PrincipalOrgID"));
  CHECK(catalog().suggestConditionKey("aws:ResourceTags/team") ==
        llvm::Optional<llvm::StringRef>("aws:ResourceTag/${TagKey}"));
  CHECK(catalog().suggestConditionKey("iam:PassedToServce") ==
        llvm::Optional<llvm::StringRef>("iam:PassedToService"));
  CHECK_FALSE(catalog().suggestConditionKey("zzz:nothing-like-it"));
}
