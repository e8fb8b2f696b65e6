//===- PropertyCheckTests.cpp - The properties of `tollgate check` --------===//
///
/// \file
/// From a query to outcomes: usage errors are said and refused, folders
/// are paired by file name, and each property yields its comparisons.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Verify/PropertyCheck.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

const char *GetObject = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]})";
const char *GetAndPut = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
   "Resource": "arn:aws:s3:::b/*"}]})";

/// A temporary folder with files, removed at the end of the test.
struct TempDir {
  llvm::SmallString<128> Path;
  TempDir() {
    REQUIRE_FALSE(llvm::sys::fs::createUniqueDirectory("tollgate-check", Path));
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> File(Path);
    llvm::sys::path::append(File, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(File));
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    REQUIRE_FALSE(EC);
    OS << Text;
    return File.str().str();
  }
};

/// Runs \p Q; the outcomes, and what was said in \p Said.
std::optional<std::vector<VerdictOutcome>> check(const PropertyQuery &Q,
                                                 std::string &Said) {
  VerifyOptions VO;
  VO.TimeoutMs = 10000;
  Verifier V(Catalog::builtin(), VO);
  PolicyStore Store;
  llvm::raw_string_ostream Err(Said);
  std::optional<CallerPolicies> Callers =
      loadCallerPolicies(Store, {}, "", {}, Err);
  REQUIRE(Callers);
  return checkProperty(V, Store, *Callers, Q, Err);
}

} // namespace

TEST_CASE("property check: the properties by name") {
  for (const char *P : {"equivalent", "no-new-access", "access-not-granted",
                        "no-public-access", "least-privilege"})
    CHECK(knownProperty(P));
  CHECK_FALSE(knownProperty("equivalence"));
  CHECK_FALSE(knownProperty(""));
}

TEST_CASE("property check: usage errors are said, not checked") {
  std::string Said;
  PropertyQuery Q;
  Q.Property = "equivalent";
  Q.Files = {"a.json"};
  CHECK_FALSE(check(Q, Said));
  CHECK(Said == "tollgate check equivalent: expected 2 policy files, got 1; "
                "see `tollgate help check`\n");

  Said.clear();
  Q.Property = "no-new-access";
  CHECK_FALSE(check(Q, Said));
  CHECK(Said == "tollgate check no-new-access: --baseline is required\n");

  Said.clear();
  Q.Property = "access-not-granted";
  CHECK_FALSE(check(Q, Said));
  CHECK(llvm::StringRef(Said).contains("give --action, --resource or both"));

  Said.clear();
  Q.Property = "no-public-access";
  Q.ResourceType = "AWS::EC2::Instance";
  CHECK_FALSE(check(Q, Said));
  CHECK(llvm::StringRef(Said).contains("--resource-type must be one of"));
}

TEST_CASE("property check: equivalent compares both ways") {
  TempDir D;
  std::string A = D.write("a.json", GetObject),
              B = D.write("b.json", GetAndPut);
  PropertyQuery Q;
  Q.Property = "equivalent";
  Q.Files = {A, B};
  Q.TimeoutMs = 10000;
  std::string Said;
  std::optional<std::vector<VerdictOutcome>> O = check(Q, Said);
  REQUIRE(O);
  REQUIRE(O->size() == 2);
  CHECK((*O)[0].Title == A + " allows nothing that " + B + " does not");
  CHECK((*O)[0].R.V == Verdict::Pass);
  CHECK((*O)[1].Title == B + " allows nothing that " + A + " does not");
  CHECK((*O)[1].R.V == Verdict::Fail);
}

TEST_CASE("property check: folders are paired by file name") {
  TempDir Old, New;
  Old.write("app/p.json", GetAndPut);
  Old.write("gone.json", GetObject);
  Old.write("notes.txt", "not a policy");
  std::string Same = New.write("app/p.json", GetObject);
  std::string Added = New.write("added.json", GetObject);

  std::map<std::string, std::string> Files;
  std::string Said;
  llvm::raw_string_ostream Err(Said);
  REQUIRE(policyFilesByName(Old.Path, Files, Err));
  CHECK(Files.size() == 2);
  CHECK(Files.count("app/p.json"));
  CHECK(Files.count("gone.json"));

  PropertyQuery Q;
  Q.Property = "no-new-access";
  Q.Baseline = Old.Path.str().str();
  Q.Files = {New.Path.str().str()};
  std::optional<std::vector<VerdictOutcome>> O = check(Q, Said);
  REQUIRE(O);
  REQUIRE(O->size() == 2);
  // By name: added.json has no baseline, so all it grants is new.
  CHECK((*O)[0].FileA == Added);
  CHECK((*O)[0].Title == Added + " grants no access that (no baseline) does "
                                 "not");
  CHECK((*O)[0].R.V == Verdict::Fail);
  CHECK((*O)[1].FileA == Same);
  CHECK((*O)[1].R.V == Verdict::Pass);
}
