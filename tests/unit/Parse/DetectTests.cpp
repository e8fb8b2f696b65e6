#include "tollgate/Parse/Detect.h"
#include "tollgate/Parse/Load.h"

#include <catch2/catch.hpp>

using namespace tollgate;

static bool read(llvm::StringRef Name, llvm::StringRef Text) {
  return !notAPolicy(Name, Text);
}

TEST_CASE("detect: policies, templates and plans are read") {
  CHECK(read("p.json", R"({"Version": "2012-10-17", "Statement": []})"));
  CHECK(read("p.json", R"({"Statement": {"Effect": "Allow"}})"));
  // A lone statement, and misspelt elements: broken policies.
  CHECK(read("p.json", R"({"Effect": "Allow", "Action": "*"})"));
  CHECK(read("p.json", R"({"statement": []})"));
  CHECK(read("p.json", R"({"version": "2012-10-17"})"));
  CHECK(read("p.json", R"({"Version": "1"})"));
  CHECK(read("t.json", R"({"AWSTemplateFormatVersion": "2010-09-09"})"));
  CHECK(read("t.json", R"({"Resources": {"R": {"Type": "AWS::IAM::Role"}}})"));
  CHECK(
      read("plan.json", R"({"format_version": "1.2", "planned_values": {}})"));
  CHECK(read("stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"));
  CHECK(read("stack.yml", "Resources:\n  R:\n    Type: AWS::S3::Bucket\n"));
  // Broken text that names policy elements.
  CHECK(read("p.json", R"({"Version": "2012-10-17", "Statement": [)"));
  CHECK(read("p.json", "{'Statement': x, \"Effect\" : \"Allow\"}"));
  CHECK(read("p.txt", "{\"statement\":"));
  // Broken YAML that looks like a template.
  CHECK(read("stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n:::\n"));
  // The name says policy.
  CHECK(read("bucket-policy.json", "{}"));
  CHECK(read("trust-policy.json", "not json"));
  // JSON past the reader's limits is reported as such.
  CHECK(read("deep.json", std::string(1000, '[')));
  CHECK(read("big.json", "[1e999]"));
}

TEST_CASE("detect: other JSON and YAML are skipped") {
  CHECK_FALSE(read("package.json", R"({"name": "a", "version": "1.0.0"})"));
  CHECK_FALSE(read("list.json", R"(["Statement"])"));
  CHECK_FALSE(read("tsconfig.json", "{\n  // c\n  \"compilerOptions\": {}\n}"));
  CHECK_FALSE(read("empty.json", ""));
  // Nested policy keys do not count in valid JSON (a Step Functions
  // definition names a Resource in each state).
  CHECK_FALSE(read("states.json",
                   R"({"StartAt": "A", "States": {"A": {"Resource": "x"}}})"));
  // A policy element name that is not a key.
  CHECK_FALSE(read("notes.json", "{ \"Statement\" is a word"));
  CHECK_FALSE(read(".pre-commit-config.yaml", "repos:\n  - repo: local\n"));
  CHECK_FALSE(read("buildspec.yml", "version: 0.2\nphases: {}\n"));
  // A YAML name is not read for `policy` in it.
  CHECK_FALSE(read("network-policy.yaml", "kind: NetworkPolicy\n"));
}

TEST_CASE("detect: loading skips, and standard input is always read") {
  LoadOptions Skip;
  Skip.SkipNonPolicies = true;
  std::vector<LoadedPolicy> L =
      loadPoliciesText("package.json", R"({"name": "a"})", Skip);
  REQUIRE(L.size() == 1);
  CHECK(L[0].Skipped);
  CHECK(L[0].Diags.empty());
  L = loadPoliciesText("p.json", R"({"Version": "2012-10-17"})", Skip);
  REQUIRE(L.size() == 1);
  CHECK_FALSE(L[0].Skipped);
  CHECK_FALSE(L[0].Diags.empty());
}
