//===- RequestTests.cpp - Callers and request contexts --------------------===//

#include "tollgate/Eval/Request.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("caller kinds come from the ARN", "[eval][request]") {
  auto K = [](const char *Id) { return Caller::fromId(Id).Kind; };
  CHECK(K("arn:aws:iam::111122223333:user/alice") == CallerKind::User);
  CHECK(K("arn:aws:iam::111122223333:role/path/R") == CallerKind::Role);
  CHECK(K("arn:aws:sts::111122223333:assumed-role/R/s") ==
        CallerKind::RoleSession);
  CHECK(K("arn:aws:sts::111122223333:federated-user/bob") ==
        CallerKind::FederatedUser);
  CHECK(K("arn:aws:iam::111122223333:root") == CallerKind::Root);
  CHECK(K("111122223333") == CallerKind::Root);
  CHECK(K("s3.amazonaws.com") == CallerKind::Service);
  CHECK(K("cognito-identity.amazonaws.com") == CallerKind::FederatedProvider);
  CHECK(K("arn:aws:iam::111122223333:saml-provider/Okta") ==
        CallerKind::FederatedProvider);
  CHECK(K("") == CallerKind::Anonymous);
  CHECK(K("*") == CallerKind::Anonymous);
  CHECK(Caller::fromId("arn:aws:iam::111122223333:user/alice").Account ==
        "111122223333");
  CHECK(Caller::fromId("s3.amazonaws.com").Account.empty());
}

TEST_CASE("parent ARNs of sessions", "[eval][request]") {
  CHECK(Caller::fromId("arn:aws:sts::111122223333:assumed-role/R/s")
            .parentArn() == "arn:aws:iam::111122223333:role/R");
  CHECK(Caller::fromId("arn:aws:sts::111122223333:federated-user/bob")
            .parentArn() == "arn:aws:iam::111122223333:user/bob");
  CHECK(Caller::fromId("arn:aws:iam::111122223333:user/alice")
            .parentArn()
            .empty());
}

TEST_CASE("context keys ignore case; values keep it", "[eval][request]") {
  RequestContext C;
  C.set("aws:SourceIp", "10.0.0.1");
  REQUIRE(C.lookup("AWS:sourceip"));
  CHECK(C.lookup("aws:sourceip")->Values.front() == "10.0.0.1");
  CHECK_FALSE(C.lookup("aws:SourceIp")->MultiValued);
  CHECK_FALSE(C.lookup("aws:Other"));
  C.append("aws:TagKeys", "a");
  CHECK_FALSE(C.lookup("aws:tagkeys")->MultiValued);
  C.append("AWS:TagKeys", "b");
  CHECK(C.lookup("aws:tagkeys")->MultiValued);
  CHECK(C.lookup("aws:tagkeys")->Values.size() == 2);
  C.setMulti("s3:empty", {});
  REQUIRE(C.lookup("s3:Empty"));
  CHECK(C.lookup("s3:Empty")->Values.empty());
  C.erase("S3:EMPTY");
  CHECK_FALSE(C.lookup("s3:empty"));
  CHECK(C.size() == 2);
}

TEST_CASE("same account", "[eval][request]") {
  Request R;
  R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/a");
  CHECK(R.sameAccount());
  R.ResourceAccount = "111122223333";
  CHECK(R.sameAccount());
  R.ResourceAccount = "444455556666";
  CHECK_FALSE(R.sameAccount());
}
