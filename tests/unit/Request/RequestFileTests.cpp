#include "tollgate/Request/RequestFile.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace llvm;

TEST_CASE("request input: options complete the request", "[requestfile]") {
  Request R;
  RequestOverrides Over;
  Over.Principal = "arn:aws:iam::111122223333:role/app";
  Over.Action = "sqs:SendMessage";
  Over.Resource = "arn:aws:sqs:us-east-1:444455556666:queue";
  Over.Context = {"aws:SourceVpc=vpc-1", "aws:TagKeys=a", "aws:tagkeys=b",
                  "aws:PrincipalTag/x=[]"};
  REQUIRE_FALSE(errorToBool(completeRequest(R, "", Over)));
  CHECK(R.Principal.Kind == CallerKind::Role);
  // The account comes from the ARN's account field.
  CHECK(R.ResourceAccount == "444455556666");
  const ContextValue *Tags = R.Context.lookup("aws:TagKeys");
  REQUIRE(Tags);
  CHECK(Tags->MultiValued);
  CHECK(Tags->Values == std::vector<std::string>{"a", "b"});
  const ContextValue *Empty = R.Context.lookup("aws:PrincipalTag/x");
  REQUIRE(Empty);
  CHECK(Empty->MultiValued);
  CHECK(Empty->Values.empty());
  CHECK_FALSE(R.Context.lookup("aws:SourceVpc")->MultiValued);

  Request S3;
  Over.Resource = "arn:aws:s3:::bucket/key";
  REQUIRE_FALSE(errorToBool(completeRequest(S3, "", Over)));
  CHECK(S3.ResourceAccount.empty());
}

TEST_CASE("request input: what is missing or malformed is an error",
          "[requestfile]") {
  auto error = [](RequestOverrides Over, std::string Kind = "") {
    Request R;
    Error E = completeRequest(R, Kind, Over);
    return E ? toString(std::move(E)) : std::string();
  };
  RequestOverrides Over;
  CHECK(error(Over) == "no action; give --action SERVICE:NAME");
  Over.Action = "s3GetObject";
  CHECK(error(Over) ==
        "the action 's3GetObject' is not of the form SERVICE:NAME");
  Over.Action = "s3:GetObject";
  CHECK(error(Over, "robot") == "unknown principal kind 'robot'");
  Over.Context = {"novalue"};
  CHECK(error(Over) == "--context wants KEY=VALUE, got 'novalue'");
  Over.Context = {};
  Request R;
  REQUIRE_FALSE(errorToBool(completeRequest(R, "", Over)));
  CHECK(R.Resource == "*");
}
