//===- ResultsTests.cpp - What a lint run found, put together -------------===//

#include "tollgate/Lint/Results.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {

constexpr CheckInfo Risky =
    CheckInfo::declare().code("T900").name("risky").severity(Severity::Warning);
constexpr CheckInfo Broken = CheckInfo::declare()
                                 .code("T901")
                                 .name("broken")
                                 .severity(Severity::Error)
                                 .inputError();

FileFindings file(std::string Name, std::vector<Diagnostic> Diags = {}) {
  FileFindings F;
  F.Source = SourceFile::unread(std::move(Name));
  F.Diags = std::move(Diags);
  return F;
}

Diagnostic finding(const CheckInfo &C, Severity Level) {
  Diagnostic D;
  D.Check = &C;
  D.Level = Level;
  return D;
}

} // namespace

TEST_CASE("lint results: unreadable inputs become IAM001 findings") {
  std::vector<FileFindings> Results;
  Results.push_back(file("a.json"));
  addUnreadable(Results, {{"gone.json", "No such file or directory"},
                          {"dir", "Permission denied"}});
  REQUIRE(Results.size() == 3);
  CHECK(Results[1].Source->name() == "gone.json");
  REQUIRE(Results[1].Diags.size() == 1);
  const Diagnostic &D = Results[1].Diags[0];
  CHECK(llvm::StringRef(D.Check->Code) == "IAM001");
  CHECK(D.Level == Severity::Error);
  CHECK(D.Message == "cannot read: No such file or directory");
  CHECK(Results[1].hasInputError());
  CHECK(Results[2].Source->name() == "dir");
}

TEST_CASE("lint results: skipped files leave, in order, with why") {
  std::vector<FileFindings> Results;
  Results.push_back(file("a.json"));
  Results.push_back(file("package.json"));
  Results.back().Skipped = "not a policy";
  Results.push_back(file("b.json"));
  Results.push_back(file("c.yaml"));
  Results.back().Skipped = "no policies";
  auto Skipped = takeSkipped(Results);
  REQUIRE(Skipped.size() == 2);
  CHECK(Skipped[0] ==
        std::pair<std::string, std::string>{"package.json", "not a policy"});
  CHECK(Skipped[1] ==
        std::pair<std::string, std::string>{"c.yaml", "no policies"});
  REQUIRE(Results.size() == 2);
  CHECK(Results[0].Source->name() == "a.json");
  CHECK(Results[1].Source->name() == "b.json");
  CHECK(takeSkipped(Results).empty());
}

TEST_CASE("lint results: the status counts every finding against fail-on") {
  std::vector<FileFindings> Results;
  Results.push_back(file("a.json", {finding(Risky, Severity::Warning)}));
  FindingsStatus AtWarning = findingsStatus(Results, Severity::Warning);
  CHECK(AtWarning.Failed);
  CHECK_FALSE(AtWarning.InputError);
  CHECK_FALSE(findingsStatus(Results, Severity::Security).Failed);
  CHECK(findingsStatus(Results, Severity::Suggestion).Failed);

  Results.push_back(file("b.json", {finding(Broken, Severity::Error)}));
  FindingsStatus WithError = findingsStatus(Results, Severity::Error);
  CHECK(WithError.InputError);
  CHECK(WithError.Failed);
  CHECK_FALSE(findingsStatus({}, Severity::Suggestion).Failed);
}
