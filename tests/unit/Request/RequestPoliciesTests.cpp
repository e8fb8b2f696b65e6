//===- RequestPoliciesTests.cpp - The policies of one request -------------===//

#include "tollgate/Request/RequestPolicies.h"

#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

#include <map>

using namespace tollgate;

namespace {

const char *Identity = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})";
const char *Bucket = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
   "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]})";
const char *Trust = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
   "Action": "sts:AssumeRole"}]})";

/// Files by name, read as loadPolicyFile would read them.
struct FakeFiles {
  std::map<std::string, std::string> Texts;
  LoadedPolicy operator()(llvm::StringRef Path, const LoadOptions &O) const {
    auto It = Texts.find(Path.str());
    REQUIRE(It != Texts.end());
    return loadPolicyText(Path, It->second, O);
  }
};

} // namespace

TEST_CASE("request policies: one policy per single role") {
  CHECK_FALSE(
      llvm::errorToBool(checkPolicyRoles({{PolicyRole::Identity, "a"},
                                          {PolicyRole::Identity, "b"},
                                          {PolicyRole::SCP, "c"},
                                          {PolicyRole::SCP, "d"},
                                          {PolicyRole::Resource, "e"},
                                          {PolicyRole::Boundary, "f"}})));
  llvm::Error E = checkPolicyRoles(
      {{PolicyRole::Resource, "a"}, {PolicyRole::Resource, "t", true}});
  REQUIRE(bool(E));
  CHECK(llvm::toString(std::move(E)) == "at most one resource policy");
  llvm::Error S = checkPolicyRoles(
      {{PolicyRole::Session, "a"}, {PolicyRole::Session, "b"}});
  REQUIRE(bool(S));
  CHECK(llvm::toString(std::move(S)) == "at most one session policy");
}

TEST_CASE("request policies: each role is read as its type") {
  CHECK(readingType({PolicyRole::Identity, ""}) == PolicyType::Identity);
  CHECK(readingType({PolicyRole::Boundary, ""}) == PolicyType::Boundary);
  CHECK(readingType({PolicyRole::SCP, ""}) == PolicyType::SCP);
  CHECK(readingType({PolicyRole::RCP, ""}) == PolicyType::RCP);
  CHECK(readingType({PolicyRole::Session, ""}) == PolicyType::Session);
  CHECK(readingType({PolicyRole::Resource, "", true}) == PolicyType::Trust);
  // The resource role takes resource and trust policies: detected.
  CHECK_FALSE(readingType({PolicyRole::Resource, ""}));
}

TEST_CASE("request policies: the set holds each policy in its role") {
  FakeFiles Files{{{"id1", Identity},
                   {"id2", Identity},
                   {"bucket", Bucket},
                   {"scp", Identity},
                   {"boundary", Identity}}};
  std::string Errors;
  llvm::raw_string_ostream Err(Errors);
  std::optional<RequestPolicies> Read =
      readRequestPolicies({{PolicyRole::Identity, "id1"},
                           {PolicyRole::Resource, "bucket"},
                           {PolicyRole::SCP, "scp"},
                           {PolicyRole::Identity, "id2"},
                           {PolicyRole::Boundary, "boundary"}},
                          Err, Files);
  REQUIRE(Read);
  CHECK(Errors.empty());
  REQUIRE(Read->Loaded.size() == 5);
  PolicySet Set = Read->set();
  REQUIRE(Set.Identity.size() == 2);
  CHECK(Set.Identity[0] == Read->Loaded[0].P.get());
  CHECK(Set.Identity[1] == Read->Loaded[3].P.get());
  CHECK(Set.Resource == Read->Loaded[1].P.get());
  CHECK(Set.Resource->Type == PolicyType::Resource);
  REQUIRE(Set.SCPs.size() == 1);
  CHECK(Set.SCPs[0]->Type == PolicyType::SCP);
  CHECK(Set.Boundary == Read->Loaded[4].P.get());
  CHECK(Set.RCPs.empty());
  CHECK_FALSE(Set.Session);
}

TEST_CASE("request policies: the resource role keeps a trust policy") {
  FakeFiles Files{{{"trust", Trust}, {"identity-like", Identity}}};
  std::string Errors;
  llvm::raw_string_ostream Err(Errors);
  std::optional<RequestPolicies> AsTrust =
      readRequestPolicies({{PolicyRole::Resource, "trust"}}, Err, Files);
  REQUIRE(AsTrust);
  CHECK(AsTrust->set().Resource->Type == PolicyType::Trust);
  // A document that reads as an identity policy is still the resource's.
  std::optional<RequestPolicies> AsResource = readRequestPolicies(
      {{PolicyRole::Resource, "identity-like"}}, Err, Files);
  REQUIRE(AsResource);
  CHECK(AsResource->set().Resource->Type == PolicyType::Resource);
}

TEST_CASE("request policies: an unreadable policy is said and refused") {
  FakeFiles Files{{{"good", Identity}, {"broken", "{\"Version\": "}}};
  std::string Errors;
  llvm::raw_string_ostream Err(Errors);
  std::optional<RequestPolicies> Read = readRequestPolicies(
      {{PolicyRole::Identity, "good"}, {PolicyRole::Identity, "broken"}}, Err,
      Files);
  CHECK_FALSE(Read);
  CHECK(llvm::StringRef(Err.str()).contains("broken"));
  CHECK(llvm::StringRef(Err.str()).contains("error:"));
}
