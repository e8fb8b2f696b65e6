// The curated risk lists under rules/data/ name only actions the catalog
// knows, each with a source the file documents; every security check
// declares how much it exposes, for code scanning's ranking.

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Catalog/Records.h"
#include "tollgate/Lint/Checks.h"
#include "tollgate/Lint/RuleDocs.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace tollgate;

namespace {

std::string readData(const std::string &Name) {
  std::ifstream In(std::string(TOLLGATE_SOURCE_DIR) + "/rules/data/" + Name);
  REQUIRE(In);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

/// The tab-separated fields of each line that is not blank or a comment.
std::vector<llvm::SmallVector<llvm::StringRef, 6>>
records(llvm::StringRef Text) {
  std::vector<llvm::SmallVector<llvm::StringRef, 6>> Out;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    if (Line.trim().empty() || Line.startswith("#"))
      continue;
    Out.emplace_back();
    Line.split(Out.back(), '\t', -1, /*KeepEmpty=*/false);
  }
  return Out;
}

/// The source tags the file's header documents: "#   TAG  ...".
std::set<std::string> documentedSources(llvm::StringRef Text) {
  std::set<std::string> Tags;
  bool InSources = false;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    if (Line == "# Sources:") {
      InSources = true;
      continue;
    }
    if (!InSources || !Line.startswith("#   "))
      continue;
    llvm::StringRef Tag = Line.drop_front(4).split(' ').first;
    if (!Tag.empty())
      Tags.insert(Tag.str());
  }
  return Tags;
}

/// Checks that the catalog spells \p Action as the file does.
void requireKnown(const Catalog &Cat, llvm::StringRef Action) {
  INFO(Action.str());
  const ActionInfo *A = Cat.action(Action);
  REQUIRE(A != nullptr);
  CHECK(A->FullName == Action);
}

} // namespace

TEST_CASE("risk lists: every sensitive action is in the catalog, sourced") {
  const Catalog &Cat = Catalog::builtin();
  std::string Text = readData("sensitive-actions.txt");
  std::set<std::string> Sources = documentedSources(Text);
  REQUIRE(Sources.count("gist"));
  std::set<std::string> Seen;
  size_t Credentials = 0, Exfiltration = 0;
  for (auto &F : records(Text)) {
    REQUIRE(F.size() == 3);
    INFO(F[1].str());
    CHECK((F[0] == "credentials-exposure" || F[0] == "data-exfiltration"));
    (F[0] == "credentials-exposure" ? Credentials : Exfiltration) += 1;
    requireKnown(Cat, F[1]);
    CHECK(Sources.count(F[2].str()));
    CHECK(Seen.insert((F[0] + "\t" + F[1].lower()).str()).second);
  }
  CHECK(Credentials >= 40);
  CHECK(Exfiltration >= 7);
}

TEST_CASE("risk lists: every escalation path names catalog actions") {
  const Catalog &Cat = Catalog::builtin();
  std::string Text = readData("privilege-escalation.txt");
  std::set<std::string> Sources = documentedSources(Text);
  REQUIRE(Sources.count("rhino"));
  REQUIRE(Sources.count("pathfinding"));
  std::set<std::string> Names;
  for (auto &F : records(Text)) {
    REQUIRE(F.size() >= 4);
    INFO(F[1].str());
    CHECK(F[0] == "path");
    CHECK(Names.insert(F[1].str()).second);
    CHECK(Sources.count(F[2].str()));
    llvm::SmallVector<llvm::StringRef, 4> Actions;
    F[3].split(Actions, ',');
    for (llvm::StringRef A : Actions)
      requireKnown(Cat, A.trim());
    bool PassesRole = llvm::StringRef(F[3]).startswith("iam:PassRole");
    bool HasPassedTo = false, HasRef = false;
    for (llvm::StringRef Extra : llvm::makeArrayRef(F).drop_front(4)) {
      HasPassedTo |= Extra.startswith("passed-to=");
      HasRef |= Extra.startswith("ref=");
      CHECK((Extra.startswith("passed-to=") || Extra.startswith("ref=")));
    }
    CHECK(PassesRole == HasPassedTo);
    // pathfinding.cloud entries name their page.
    CHECK((F[2] != "pathfinding" || HasRef));
  }
}

TEST_CASE("risk lists: security checks declare their impact") {
  for (const CheckInfo *C : allChecks()) {
    INFO(C->Code);
    if (C->DefaultSeverity == Severity::Security)
      CHECK(C->Impact != SecurityImpact::None);
    if (C->Impact != SecurityImpact::None) {
      std::optional<double> Score = securityScore(C->Impact);
      REQUIRE(Score);
      CHECK(*Score > 0);
      CHECK(*Score <= 10);
    }
  }
  // A change that grants new access is a security finding too.
  const CheckInfo *NewAccess = nullptr;
  for (const CheckInfo *C : allChecks())
    if (llvm::StringRef(C->Code) == "IAM950")
      NewAccess = C;
  REQUIRE(NewAccess);
  CHECK(NewAccess->Impact >= SecurityImpact::High);
}

TEST_CASE("checks: every check has a page for SARIF's helpUri") {
  for (const CheckInfo *C : allChecks()) {
    INFO(C->Code);
    CHECK(findRuleDoc(C->Name) != nullptr);
  }
}
