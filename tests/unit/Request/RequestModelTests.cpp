//===- RequestModelTests.cpp - The requests AWS can send ------------------===//

#include "tollgate/Request/RequestModel.h"

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/STLExtras.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::request;

namespace {

/// A complete request of \p Action on \p Resource by alice.
Request completed(const RequestModel &M, const char *Action,
                  const char *Resource) {
  Request R;
  R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
  R.Action = Action;
  R.Resource = Resource;
  M.complete(R);
  return R;
}

bool mentions(const std::vector<std::string> &V, llvm::StringRef Part) {
  return llvm::any_of(V, [&](const std::string &S) {
    return llvm::StringRef(S).contains(Part);
  });
}

} // namespace

TEST_CASE("a completed request breaks no rule", "[request]") {
  RequestModel M(Catalog::builtin());
  Request R = completed(M, "s3:GetObject", "arn:aws:s3:::bucket/key");
  CHECK(M.violations(R).empty());
  CHECK(R.Context.lookup("aws:username"));
  CHECK(R.Context.lookup("aws:username")->Values.front() == "alice");
  CHECK(R.Context.lookup("aws:CurrentTime"));
}

TEST_CASE("resources are in a partition AWS has", "[request]") {
  RequestModel M(Catalog::builtin());
  for (llvm::StringRef P : partitions()) {
    Request R = completed(
        M, "sqs:SendMessage",
        ("arn:" + P + ":sqs:us-east-1:111122223333:queue").str().c_str());
    CHECK(M.violations(R).empty());
  }
  Request Odd = completed(M, "sqs:SendMessage",
                          "arn:aws[:sqs:us-east-1:111122223333:queue");
  CHECK(mentions(M.violations(Odd), "partition"));
}

TEST_CASE("a resource of another type is not the action's", "[request]") {
  RequestModel M(Catalog::builtin());
  Request R = completed(M, "iam:DeleteUser",
                        "arn:aws:sqs:us-east-1:111122223333:queue");
  CHECK(mentions(M.violations(R), "is not a resource of iam:DeleteUser"));
}

TEST_CASE("a single-valued key holds one value", "[request]") {
  RequestModel M(Catalog::builtin());
  Request R = completed(M, "s3:GetObject", "arn:aws:s3:::bucket/key");
  R.Context.setMulti("aws:SourceIp", {"10.0.0.1", "10.0.0.2"});
  CHECK_FALSE(M.violations(R).empty());
  M.complete(R);
  CHECK(M.violations(R).empty());
  CHECK_FALSE(R.Context.lookup("aws:SourceIp")->MultiValued);
}

TEST_CASE("keys about the caller follow from the caller", "[request]") {
  RequestModel M(Catalog::builtin());
  Request R = completed(M, "s3:GetObject", "arn:aws:s3:::bucket/key");
  R.Context.set("aws:username", "bob");
  CHECK_FALSE(M.violations(R).empty());
  Request Anonymous;
  Anonymous.Action = "s3:GetObject";
  Anonymous.Resource = "arn:aws:s3:::bucket/key";
  Anonymous.ResourceAccount = "111122223333";
  M.complete(Anonymous);
  CHECK_FALSE(Anonymous.Context.lookup("aws:username"));
  CHECK(M.violations(Anonymous).empty());
}

TEST_CASE("a service key reaches only the actions that take it", "[request]") {
  RequestModel M(Catalog::builtin());
  const ActionInfo *Get = Catalog::builtin().action("s3:GetObject");
  const ActionInfo *List = Catalog::builtin().action("s3:ListBucket");
  REQUIRE(Get);
  REQUIRE(List);
  CHECK_FALSE(M.keyReaches(Get, "s3:prefix"));
  CHECK(M.keyReaches(List, "s3:prefix"));
  // The answer does not change when asked again (it is remembered).
  CHECK_FALSE(M.keyReaches(Get, "S3:Prefix"));
  CHECK(M.keyReaches(List, "S3:Prefix"));
}

TEST_CASE("restores() names the keys completing puts back", "[request]") {
  RequestModel M(Catalog::builtin());
  Caller Alice = Caller::fromId("arn:aws:iam::111122223333:user/alice");
  Caller Anyone = Caller::fromId("*");
  Request R = completed(M, "s3:GetObject", "arn:aws:s3:::bucket/key");
  R.Context.set("aws:SourceIp", "192.0.2.1");
  M.complete(R);
  // For every key of a completed request: restores() is true exactly when
  // the key comes back after it is erased and the request completed again.
  for (const ContextValue *V : R.Context.sorted()) {
    INFO("key " << V->Name);
    Request T = R;
    T.Context.erase(V->Name);
    M.complete(T);
    CHECK(M.restores(V->Name, Alice) == (T.Context.lookup(V->Name) != nullptr));
  }
  CHECK(M.restores("AWS:USERNAME", Alice));
  CHECK_FALSE(M.restores("aws:username", Anyone));
  CHECK(M.restores("aws:CurrentTime", Anyone));
  CHECK_FALSE(M.restores("aws:SourceIp", Alice));
  // The answers for one caller do not leak to the next.
  CHECK(M.restores("aws:username", Alice));
}
