//===- SelfTest.cpp - The realism checker on known requests ---------------===//

#include "SelfTest.h"
#include "Known.h"
#include "Realism.h"

#include <functional>
#include <set>

namespace tollgate {
namespace fidelity {

namespace {

/// A request IAM user alice of account A can send.
Request realRequest() {
  Request R;
  R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
  R.Action = "s3:GetObject";
  R.Resource = "arn:aws:s3:::bucket-a/é/k";
  R.ResourceAccount = AccountA;
  for (const auto &KV : callerKeys(R.Principal))
    R.Context.set(KV.first, KV.second);
  R.Context.set("aws:CurrentTime", "2026-12-06T10:00:00Z");
  R.Context.set("aws:EpochTime",
                std::to_string(*parseIsoTime("2026-12-06T10:00:00Z")));
  R.Context.set("aws:SecureTransport", "true");
  R.Context.set("aws:SourceIp", "203.0.113.7");
  R.Context.setMulti("aws:TagKeys", {"env", "team"});
  return R;
}

struct Case {
  const char *Name;
  std::function<void(Request &)> Edit;
  std::set<std::string> Rules; ///< Expected; empty for a real request.
  bool IdentityOnly = false;
};

} // namespace

std::vector<std::string> selfTestRealism(const Catalog &Cat) {
  const std::vector<Case> Cases = {
      {"a real request", [](Request &) {}, {}},
      {"a role session",
       [](Request &R) {
         R.Principal =
             Caller::fromId("arn:aws:sts::111122223333:assumed-role/app/s1");
         R.Context.erase("aws:username");
         for (const auto &KV : callerKeys(R.Principal))
           R.Context.set(KV.first, KV.second);
       },
       {}},
      {"s3:prefix on s3:ListBucket",
       [](Request &R) {
         R.Action = "s3:ListBucket";
         R.Resource = "arn:aws:s3:::bucket-a";
         R.Context.set("s3:prefix", "home/");
       },
       {}},
      {"aws:SourceIp as an empty list",
       [](Request &R) { R.Context.setMulti("aws:SourceIp", {}); },
       {"key-cardinality"}},
      {"aws:SourceIp as a CIDR",
       [](Request &R) { R.Context.set("aws:SourceIp", "10.0.0.0/8"); },
       {"key-type"}},
      {"aws:SecureTransport as TRUE",
       [](Request &R) { R.Context.set("aws:SecureTransport", "TRUE"); },
       {"key-type"}},
      {"another user's name",
       [](Request &R) { R.Context.set("aws:username", "bob"); },
       {"caller-key"}},
      {"a tag on the root user",
       [](Request &R) {
         R.Principal = Caller::fromId("arn:aws:iam::111122223333:root");
         R.Context.erase("aws:username");
         for (const auto &KV : callerKeys(R.Principal))
           R.Context.set(KV.first, KV.second);
         R.Context.set("aws:PrincipalTag/team", "dev");
       },
       {"caller-key"}},
      {"anonymous with a principal ARN",
       [](Request &R) {
         R.Principal = Caller::fromId("");
         R.Context.erase("aws:username");
         for (const auto &KV : callerKeys(R.Principal))
           R.Context.set(KV.first, KV.second);
       },
       {"caller-key"}},
      {"no aws:CurrentTime",
       [](Request &R) { R.Context.erase("aws:CurrentTime"); },
       {"always-present"}},
      {"no aws:PrincipalArn for a user",
       [](Request &R) { R.Context.erase("aws:PrincipalArn"); },
       {"always-present"}},
      {"times that disagree",
       [](Request &R) { R.Context.set("aws:EpochTime", "1577836800"); },
       {"time-agreement"}},
      {"s3:prefix on s3:GetObject",
       [](Request &R) { R.Context.set("s3:prefix", "home/"); },
       {"service-key"}},
      {"a queue for s3:GetObject",
       [](Request &R) {
         R.Resource = "arn:aws:sqs:us-east-1:111122223333:queue1";
       },
       {"resource-format"}},
      {"a queue in another account than the resource account",
       [](Request &R) {
         R.Action = "sqs:SendMessage";
         R.Resource = "arn:aws:sqs:us-east-1:444455556666:queue1";
       },
       {"resource-account"}},
      {"an action in lower case",
       [](Request &R) { R.Action = "s3:getobject"; },
       {"action-spelling"}},
      {"a key in lower case",
       [](Request &R) {
         R.Context.erase("aws:SourceIp");
         R.Context.set("aws:sourceip", "203.0.113.7");
       },
       {"key-spelling"}},
      {"an unknown key",
       [](Request &R) { R.Context.set("aws:NoSuchKey", "x"); },
       {"key-unknown"}},
      {"a byte that is not UTF-8",
       [](Request &R) { R.Resource = "arn:aws:s3:::bucket-a/\xff"; },
       {"utf8"}},
      {"a role ARN as the caller",
       [](Request &R) {
         R.Principal = Caller::fromId("arn:aws:iam::111122223333:role/app");
         R.Context.erase("aws:username");
         for (const auto &KV : callerKeys(R.Principal))
           R.Context.set(KV.first, KV.second);
       },
       {"caller"}},
      {"the root user under identity policies",
       [](Request &R) {
         R.Principal = Caller::fromId("arn:aws:iam::111122223333:root");
         R.Context.erase("aws:username");
         for (const auto &KV : callerKeys(R.Principal))
           R.Context.set(KV.first, KV.second);
       },
       {"caller"},
       true},
  };
  std::vector<std::string> Wrong;
  for (const Case &C : Cases) {
    Request R = realRequest();
    C.Edit(R);
    std::set<std::string> Got;
    for (const Violation &V : checkRealism(R, false, C.IdentityOnly, Cat))
      Got.insert(V.Rule);
    if (Got != C.Rules) {
      std::string W = std::string(C.Name) + ": got {";
      for (const std::string &G : Got)
        W += " " + G;
      Wrong.push_back(W + " }");
    }
  }
  return Wrong;
}

} // namespace fidelity
} // namespace tollgate
