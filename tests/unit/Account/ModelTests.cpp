//===- ModelTests.cpp - Reading authorization details ---------------------===//

#include "tollgate/Account/Access.h"
#include "tollgate/Account/Model.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/STLExtras.h"

#include <catch2/catch.hpp>

#include <random>

using namespace tollgate;
using namespace tollgate::account;

namespace {

std::string acmeText() {
  ReadOutcome R = readBounded(std::string(TOLLGATE_SOURCE_DIR) +
                              "/tests/lit/account/Inputs/acme.json");
  REQUIRE(R);
  return R.Text;
}

const Principal &named(const std::vector<Principal> &All,
                       llvm::StringRef Name) {
  auto It =
      llvm::find_if(All, [&](const Principal &P) { return P.Name == Name; });
  REQUIRE(It != All.end());
  return *It;
}

bool hasProblem(const Account &A, llvm::StringRef Text,
                llvm::StringRef Pointer = "") {
  return llvm::any_of(A.Problems, [&](const Problem &P) {
    return llvm::StringRef(P.Message).contains(Text) &&
           (Pointer.empty() || P.Pointer == Pointer);
  });
}

/// Whatever was read, every question about it can be asked.
void useAll(const Account &A) {
  Guardrails G;
  for (const Principal *P : A.principals()) {
    PrincipalAccess PA(A, *P, G);
    Request R = PA.request("s3:GetObject", "arn:aws:s3:::b/k");
    (void)PA.compiled().decide(R);
  }
}

} // namespace

TEST_CASE("the hand-written account is read in full", "[account]") {
  std::unique_ptr<Account> A = readAccountText("acme.json", acmeText());
  REQUIRE(A->usable());
  CHECK(A->Problems.empty());
  CHECK(A->Id == "123456789012");
  CHECK(A->Users.size() == 6);
  CHECK(A->Roles.size() == 5);
  CHECK(A->Groups.size() == 1);
  CHECK(A->Policies.size() == 2);
  CHECK(A->Groups[0].Members == std::vector<size_t>{0});

  // alice: only the group's managed policy.
  EffectivePolicies Alice = A->effective(named(A->Users, "alice"));
  REQUIRE(Alice.Identity.size() == 1);
  CHECK(Alice.Identity[0].Origin ==
        "managed policy arn:aws:iam::aws:policy/AdministratorAccess (v1) of "
        "group admins");
  CHECK_FALSE(Alice.Boundary);

  // dave: the boundary is the default version (v2), not v1.
  EffectivePolicies Dave = A->effective(named(A->Users, "dave"));
  REQUIRE(Dave.Boundary);
  const ManagedPolicy *B =
      A->policyByArn("arn:aws:iam::123456789012:policy/BoundaryS3Read");
  REQUIRE(B);
  REQUIRE(B->Default);
  CHECK(*B->Default == 1);
  CHECK(Dave.Boundary->P == B->Versions[1].P.get());
  CHECK(Dave.Boundary->Pointer == "/Policies/1/PolicyVersionList/1/Document");

  // Spans are offsets in the account file.
  const Principal &Bob = named(A->Users, "bob");
  REQUIRE(Bob.Inline.size() == 1);
  const Statement &S = Bob.Inline[0].P->Statements[1];
  CHECK(A->Source->position(S.L.Range.Begin).Line == 34);

  const Principal &Ops = named(A->Roles, "ops");
  REQUIRE(Ops.Trust);
  CHECK(Ops.Trust->P->Type == PolicyType::Trust);
  CHECK(Ops.InstanceProfiles == std::vector<std::string>{"ops-profile"});
  CHECK(callerFor(Ops).Id ==
        "arn:aws:sts::123456789012:assumed-role/ops/tollgate");
  CHECK(A->principalByArn("arn:aws:iam::123456789012:role/ops") == &Ops);
}

TEST_CASE("what is not in the file is said, not guessed", "[account]") {
  std::unique_ptr<Account> A = readAccountText("x.json", R"({
    "UserDetailList": [{
      "UserName": "u", "Arn": "arn:aws:iam::123456789012:user/u",
      "GroupList": ["ghosts"],
      "AttachedManagedPolicies": [
        {"PolicyName": "Gone", "PolicyArn": "arn:aws:iam::123456789012:policy/Gone"}]
    }],
    "Policies": [{
      "PolicyName": "NoDefault", "Arn": "arn:aws:iam::123456789012:policy/NoDefault",
      "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": false,
                             "Document": {"Statement": []}}]
    }]
  })");
  REQUIRE(A->usable());
  CHECK(hasProblem(*A,
                   "managed policy arn:aws:iam::123456789012:policy/Gone "
                   "is not in the file",
                   "/UserDetailList/0/AttachedManagedPolicies/0"));
  CHECK(hasProblem(*A, "group ghosts is not in the file",
                   "/UserDetailList/0/GroupList/0"));
  CHECK(hasProblem(*A, "no default version", "/Policies/0"));
  EffectivePolicies E = A->effective(A->Users[0]);
  CHECK(E.Identity.empty());
  CHECK(E.Missing == std::vector<std::string>{
                         "managed policy arn:aws:iam::123456789012:policy/Gone",
                         "group ghosts"});
}

TEST_CASE("odd shapes are problems with a place", "[account]") {
  SECTION("not an object") {
    std::unique_ptr<Account> A = readAccountText("x.json", "[1, 2]");
    CHECK_FALSE(A->usable());
  }
  SECTION("not authorization details") {
    std::unique_ptr<Account> A = readAccountText("x.json", R"({"a": 1})");
    CHECK_FALSE(A->usable());
    CHECK(hasProblem(*A, "not the output of"));
  }
  SECTION("not JSON") {
    std::unique_ptr<Account> A =
        readAccountText("x.json", R"({"UserDetailList": [)");
    CHECK_FALSE(A->usable());
  }
  SECTION("too deep") {
    std::string Deep = R"({"UserDetailList": )" + std::string(1000, '[') +
                       std::string(1000, ']') + "}";
    std::unique_ptr<Account> A = readAccountText("x.json", Deep);
    CHECK_FALSE(A->usable());
  }
  SECTION("wrong types below the top") {
    std::unique_ptr<Account> A = readAccountText("x.json", R"({
      "UserDetailList": "everyone",
      "GroupDetailList": [7],
      "RoleDetailList": [{"RoleName": 3, "Arn": "arn:aws:iam::1:role/r",
                          "AssumeRolePolicyDocument": "%7B%7D",
                          "RolePolicyList": [{"PolicyName": "p"}]}],
      "Policies": [{"PolicyName": "p", "Arn": "a", "PolicyVersionList": {}}]
    })");
    REQUIRE(A->usable());
    CHECK(hasProblem(*A, "`UserDetailList` should be an array, not string",
                     "/UserDetailList"));
    CHECK(hasProblem(*A, "a group should be an object", "/GroupDetailList/0"));
    CHECK(hasProblem(*A, "`RoleName` should be a string, not number",
                     "/RoleDetailList/0/RoleName"));
    CHECK(hasProblem(*A, "the policy document should be an object",
                     "/RoleDetailList/0/AssumeRolePolicyDocument"));
    CHECK(hasProblem(*A, "missing `PolicyDocument`",
                     "/RoleDetailList/0/RolePolicyList/0"));
    CHECK(hasProblem(*A, "`PolicyVersionList` should be an array",
                     "/Policies/0/PolicyVersionList"));
    REQUIRE(A->Roles.size() == 1);
    CHECK(A->Roles[0].Trust);
    CHECK_FALSE(A->Roles[0].Trust->P);
    useAll(*A);
  }
}

TEST_CASE("every prefix of a real account is read without harm", "[account]") {
  std::string Text = acmeText();
  unsigned Usable = 0;
  for (size_t N = 0; N < Text.size(); N += 13) {
    std::unique_ptr<Account> A = readAccountText("cut.json", Text.substr(0, N));
    if (A->usable()) {
      ++Usable;
      useAll(*A);
    }
  }
  // A cut JSON document is never complete JSON.
  CHECK(Usable == 0);
  std::unique_ptr<Account> Whole = readAccountText("whole.json", Text);
  CHECK(Whole->usable());
}

TEST_CASE("mutated accounts are read without harm", "[account]") {
  std::string Text = acmeText();
  std::mt19937 Rng(20261206);
  const char Bytes[] = "{}[]\",:0a\\ \xff";
  unsigned Usable = 0;
  for (unsigned Round = 0; Round < 300; ++Round) {
    std::string M = Text;
    for (unsigned K = 0; K < 3; ++K)
      M[Rng() % M.size()] = Bytes[Rng() % (sizeof(Bytes) - 1)];
    std::unique_ptr<Account> A = readAccountText("mutated.json", M);
    if (A->usable()) {
      ++Usable;
      useAll(*A);
    }
  }
  // Some mutations land in strings and leave valid JSON.
  CHECK(Usable > 0);
}
