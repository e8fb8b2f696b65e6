#include "tollgate/Fix/ClaimCheck.h"
#include "tollgate/Fix/FixFile.h"
#include "tollgate/Fix/Propose.h"
#include "tollgate/Parse/Load.h"

#include <catch2/catch.hpp>

using namespace tollgate;

/// The grammar findings of \p Text, as lint reports them.
static FileFindings grammarFindings(const std::string &Name,
                                    const std::string &Text) {
  LoadOptions Options;
  Options.Type = PolicyType::Identity;
  std::vector<LoadedPolicy> All = loadPoliciesText(Name, Text, Options);
  FileFindings F;
  F.Source = All.front().Source;
  for (LoadedPolicy &L : All)
    F.Diags.insert(F.Diags.end(), L.Diags.begin(), L.Diags.end());
  std::stable_sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
  return F;
}

/// Applies every fix the grammar findings of \p Text propose, once.
static std::string fixOnce(const std::string &Name, const std::string &Text,
                           std::vector<Fix> *Out = nullptr) {
  FileFindings F = grammarFindings(Name, Text);
  std::vector<Fix> Fixes = proposeFixes(Name, Text, F.Diags);
  if (Out)
    *Out = Fixes;
  return applyCompatible(Text, Fixes).Text;
}

TEST_CASE("propose: Effect case, and a Version added at the first key's "
          "indentation") {
  std::vector<Fix> Fixes;
  std::string Fixed = fixOnce("p.json", R"({
  "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]
})",
                              &Fixes);
  CHECK(Fixed == R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
})");
  REQUIRE(Fixes.size() == 2);
  for (const Fix &F : Fixes) {
    CHECK(F.Safety == FixSafety::Safe);
    CHECK(F.Claim == (F.Code == "IAM010" ? AccessClaim::ChangesAccess
                                         : AccessClaim::KeepsAccess));
  }
}

TEST_CASE("propose: a Version with policy variables is an unsafe change") {
  std::vector<Fix> Fixes;
  fixOnce("p.json",
          R"({"Version": "2008-10-17", "Statement": [{"Effect": "Allow",
  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}"}]})",
          &Fixes);
  REQUIRE(Fixes.size() == 1);
  CHECK(Fixes[0].Code == "IAM016");
  CHECK(Fixes[0].Safety == FixSafety::Unsafe);
  CHECK(Fixes[0].Claim == AccessClaim::ChangesAccess);
}

TEST_CASE("propose: a misspelt element is renamed unless the right one is "
          "there") {
  CHECK(fixOnce("p.json", R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}]})") ==
        R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})");
  std::string Both = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Actions": "s3:PutObject",
   "Resource": "*"}]})";
  CHECK(fixOnce("p.json", Both) == Both);
}

TEST_CASE("propose: a duplicate key goes only when its value is equal") {
  CHECK(fixOnce("p.json", R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"],
    "Resource": "*", "Action": [ "s3:GetObject" ]}]
})") == R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"],
    "Resource": "*"}]
})");
  std::string Different = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject",
   "Resource": "*"}]})";
  CHECK(fixOnce("p.json", Different) == Different);
}

TEST_CASE("propose: YAML template edits keep the layout and comments") {
  std::string Yaml = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        # who may read
        Statement:
          - Effect: allow   # lower case
            Action: s3:GetObject
            Resources: '*'
)";
  CHECK(fixOnce("stack.yaml", Yaml) == R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        # who may read
        Version: "2012-10-17"
        Statement:
          - Effect: Allow   # lower case
            Action: s3:GetObject
            Resource: '*'
)");
}

TEST_CASE("fix file: passes repeat until nothing is left to fix") {
  // Pass 1 can only fix the Effect's case; then the two Effects are equal
  // and pass 2 removes the duplicate.
  std::string Text = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*",
   "Effect": "Allow"}]})";
  FileFindings F = grammarFindings("p.json", Text);
  unsigned Lints = 0;
  FileFixes R = fixFile(
      F,
      [&](const std::string &T) {
        ++Lints;
        return grammarFindings("p.json", T);
      },
      FixRunOptions());
  CHECK(R.Fixed == R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})");
  REQUIRE(R.Applied.size() == 2);
  CHECK(R.Applied[0].F.Code == "IAM010");
  CHECK(R.Applied[1].F.Code == "IAM005");
  CHECK(R.Applied[1].Outcome.S == ClaimOutcome::Proved);
  CHECK(Lints == 2);
  CHECK(R.Findings.Diags.empty());
}

TEST_CASE("claim check: a fix that keeps access is proved, one that does "
          "not is refuted") {
  std::string Before = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}]})";
  ClaimCheckOptions O;
  O.Load.Type = PolicyType::Identity;
  std::string Kept = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}]})";
  CHECK(checkClaim("p.json", Before, Kept, AccessClaim::KeepsAccess, O).S ==
        ClaimOutcome::Proved);
  // A "keeps access" fix that removes the covering entry instead.
  std::string Lost = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]})";
  ClaimOutcome R =
      checkClaim("p.json", Before, Lost, AccessClaim::KeepsAccess, O);
  CHECK(R.S == ClaimOutcome::Refuted);
  CHECK(!R.holds());
  CHECK(R.Why.find("the original policy allows") != std::string::npos);
  // Text that no longer reads as a policy.
  CHECK(checkClaim("p.json", Before, "{", AccessClaim::KeepsAccess, O).S ==
        ClaimOutcome::Unreadable);
  // A fix that changes access shows what it changes.
  ClaimOutcome Shown =
      checkClaim("p.json", Before, Lost, AccessClaim::ChangesAccess, O);
  CHECK(Shown.S == ClaimOutcome::Shown);
  CHECK(Shown.AccessDiff.find("s3:") != std::string::npos);
}

TEST_CASE("fix file: a fix whose claim is refuted is not applied") {
  // An identity policy whose redundant entry the fixer removes, checked
  // against a text where the removal would lose access: the claim check
  // refuses it, and the file is left as it was.
  std::string Text = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}]})";
  Fix Wrong;
  Wrong.Code = "IAM109";
  Wrong.Claim = AccessClaim::KeepsAccess;
  // Removes `"s3:Get*"` and the comma before it: the wider entry.
  size_t At = Text.find(", \"s3:Get*\"");
  Wrong.Edits.push_back({uint32_t(At), 11, ""});
  REQUIRE(applyEdits(Text, Wrong.Edits).find("[\"s3:GetObject\"]") !=
          std::string::npos);
  Wrong.Title = "remove `s3:Get*`";
  FixRunOptions O;
  O.Propose = [&](llvm::StringRef, llvm::StringRef T,
                  llvm::ArrayRef<Diagnostic>) {
    return T == Text ? std::vector<Fix>{Wrong} : std::vector<Fix>{};
  };
  FileFindings F = grammarFindings("p.json", Text);
  FileFixes R = fixFile(
      F, [&](const std::string &T) { return grammarFindings("p.json", T); }, O);
  CHECK(!R.changed());
  CHECK(R.Applied.empty());
  REQUIRE(R.Refused.size() == 1);
  CHECK(R.Refused[0].Outcome.S == ClaimOutcome::Refuted);
  CHECK(R.Refused[0].Outcome.Why.find("s3:Get") != std::string::npos);
}
