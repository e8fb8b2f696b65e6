#include "tollgate/Catalog/ArnFormat.h"
#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/STLExtras.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tollgate;
using llvm::StringRef;

namespace {

std::vector<std::string> typesFor(StringRef Arn, StringRef Service) {
  const Catalog &C = Catalog::builtin();
  const ServiceInfo *S = C.service(Service);
  REQUIRE(S);
  std::vector<std::string> Names;
  for (const ResourceTypeInfo *T : C.resourceTypesForArn(Arn, *S))
    Names.push_back(T->Name.str());
  return Names;
}

bool has(const std::vector<std::string> &Names, StringRef Name) {
  return llvm::is_contained(Names, Name.str());
}

} // namespace

TEST_CASE("resource types: S3 buckets and objects") {
  std::vector<std::string> Objects = typesFor("arn:aws:s3:::my-bucket/*", "s3");
  CHECK(has(Objects, "object"));
  CHECK_FALSE(has(Objects, "bucket"));

  std::vector<std::string> Buckets = typesFor("arn:aws:s3:::my-bucket", "s3");
  CHECK(has(Buckets, "bucket"));
  CHECK_FALSE(has(Buckets, "object"));

  // A trailing star may or may not reach past the bucket name.
  std::vector<std::string> Both = typesFor("arn:aws:s3:::my-bucket*", "s3");
  CHECK(has(Both, "bucket"));
  CHECK(has(Both, "object"));

  std::vector<std::string> Keys =
      typesFor("arn:aws:s3:::my-bucket/a/b/c.txt", "s3");
  CHECK(has(Keys, "object"));
  CHECK_FALSE(has(Keys, "bucket"));

  CHECK(typesFor("arn:aws:s3:::my-bucket/*", "ec2").empty());
  CHECK(typesFor("*", "s3").size() ==
        Catalog::builtin().service("s3")->ResourceTypes.size());
}

TEST_CASE("resource types: by action") {
  const Catalog &C = Catalog::builtin();
  const ActionInfo *GetObject = C.action("s3:GetObject");
  REQUIRE(GetObject);
  auto ForObject = C.resourceTypesForArn("arn:aws:s3:::b/k", *GetObject);
  REQUIRE(ForObject.size() == 1);
  CHECK(ForObject[0]->Name == "object");
  CHECK(C.resourceTypesForArn("arn:aws:s3:::b", *GetObject).empty());

  const ActionInfo *PassRole = C.action("iam:PassRole");
  REQUIRE(PassRole);
  CHECK(C.resourceTypesForArn("arn:aws:iam::123456789012:role/a/b/deploy",
                              *PassRole)
            .size() == 1);
  CHECK(C.resourceTypesForArn("arn:aws:iam::123456789012:user/alice", *PassRole)
            .empty());
}

TEST_CASE("resource types: the leading fields are matched one by one") {
  std::vector<std::string> Instances =
      typesFor("arn:aws:ec2:*:*:instance/*", "ec2");
  CHECK(Instances == std::vector<std::string>{"instance"});
  CHECK(has(typesFor("arn:aws:ec2:*:*:*", "ec2"), "vpc"));
  // With fewer than five colons the pattern is matched whole.
  CHECK(has(typesFor("arn:aws:ec2*", "ec2"), "vpc"));
  CHECK(typesFor("arn:aws:ec2:*:*:nosuchtype/*", "ec2").empty());
}

TEST_CASE("resource types: qualified and path-like resource parts") {
  std::vector<std::string> Qualified =
      typesFor("arn:aws:lambda:us-east-1:1:function:f:prod", "lambda");
  CHECK(has(Qualified, "function alias"));
  CHECK(has(Qualified, "function version"));
  // The common way of granting on a log group and its streams.
  CHECK(has(typesFor("arn:aws:logs:*:*:log-group:/aws/lambda/*:*", "logs"),
            "log-group"));
  std::vector<std::string> Index =
      typesFor("arn:aws:dynamodb:us-east-1:1:table/T/index/*", "dynamodb");
  CHECK(has(Index, "index"));
}

TEST_CASE("resource types: placeholder rules of ARN formats") {
  // Fields before the resource part never span a colon.
  CHECK_FALSE(arnPatternCanMatchFormat(
      "arn:aws:sns:us-east-1:x:y:123456789012:topic",
      "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"));
  CHECK(arnPatternCanMatchFormat(
      "arn:aws:sns:*:*:alerts",
      "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"));
  // A whole-resource placeholder holds no slash.
  CHECK_FALSE(arnPatternCanMatchFormat(
      "arn:aws:sns:us-east-1:1:a/b",
      "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"));
  // A trailing placeholder may hold slashes and colons.
  CHECK(arnPatternCanMatchFormat(
      "arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f",
      "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}"));
  // Placeholders cannot be empty.
  CHECK_FALSE(arnPatternCanMatchFormat("arn:aws:s3:::",
                                       "arn:${Partition}:s3:::${BucketName}"));
  // Paths are paths wherever they sit.
  CHECK(arnPatternCanMatchFormat(
      "arn:aws:iam::1:role/team/app",
      "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
  // ARN matching is case-sensitive.
  CHECK_FALSE(arnPatternCanMatchFormat("arn:aws:S3:::b",
                                       "arn:${Partition}:s3:::${BucketName}"));
}
