#include "tollgate/Gate/Gate.h"
#include "tollgate/Gate/Summary.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

#include <map>

using namespace tollgate;
using namespace llvm;

namespace {

/// A repository in memory: the files at the base commit and the changed
/// paths. The working tree is a temporary folder the test enters.
class FakeChanges : public ChangeSource {
public:
  std::map<std::string, std::string> AtBase;
  std::vector<ChangedFile> Changed;
  std::string BaseError;
  std::vector<std::string> Asked;

  Expected<std::string> baseCommit(StringRef Ref) override {
    if (!BaseError.empty())
      return createStringError(inconvertibleErrorCode(), BaseError);
    return "0123456789abcdef" + Ref.str();
  }
  Expected<std::vector<ChangedFile>> changedFiles(StringRef) override {
    return Changed;
  }
  std::optional<std::string> readAtRevision(StringRef Revision,
                                            StringRef Path) override {
    Asked.push_back((Revision + ":" + Path).str());
    auto It = AtBase.find(Path.str());
    if (It == AtBase.end())
      return std::nullopt;
    return It->second;
  }
};

/// Enters a fresh folder for the working tree; leaves and removes it.
struct WorkingTree {
  SmallString<128> Path, Previous;
  WorkingTree() {
    sys::fs::current_path(Previous);
    sys::fs::createUniqueDirectory("tollgate-gate-unit", Path);
    sys::fs::set_current_path(Path);
  }
  ~WorkingTree() {
    sys::fs::set_current_path(Previous);
    sys::fs::remove_directories(Path);
  }
  void write(StringRef Name, StringRef Text) {
    std::error_code EC;
    raw_fd_ostream OS(Name, EC);
    REQUIRE_FALSE(EC);
    OS << Text;
  }
};

std::string policy(StringRef Actions) {
  return (R"({"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow",)"
          R"("Action":)" +
          Actions + R"(,"Resource":"*"}]})")
      .str();
}

GateOptions options() {
  GateOptions O;
  O.Base = "main";
  O.Lint = false;
  return O;
}

GateResult run(FakeChanges &C, const GateOptions &O) {
  std::string ErrText;
  raw_string_ostream Err(ErrText);
  Expected<GateResult> R = runGate(C, O, Err);
  if (!R)
    FAIL(toString(R.takeError()));
  return std::move(*R);
}

unsigned countOf(const GateResult &R, const CheckInfo &Check) {
  unsigned N = 0;
  for (const FileFindings &F : R.Findings)
    for (const Diagnostic &D : F.Diags)
      N += D.Check == &Check;
  return N;
}

} // namespace

TEST_CASE("gate: a policy that gains an action fails", "[gate]") {
  WorkingTree W;
  W.write("role.json", policy(R"(["s3:GetObject","s3:PutObject"])"));
  FakeChanges C;
  C.AtBase["role.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"role.json", "role.json"}};
  GateResult R = run(C, options());
  REQUIRE(R.Outcomes.size() == 1);
  const PolicyOutcome &O = R.Outcomes[0];
  CHECK(O.R.V == verify::Verdict::Fail);
  CHECK_FALSE(O.New);
  CHECK(O.Groups == 1);
  CHECK(StringRef(O.CexText).contains("s3:PutObject"));
  CHECK(R.failed());
  CHECK(R.BaseCommit == "0123456789abcdefmain");
  REQUIRE(countOf(R, gate::NewAccess) == 1);
  const Diagnostic &D = R.Findings[0].Diags[0];
  CHECK(StringRef(D.Message).contains("`s3:PutObject`"));
  CHECK(StringRef(D.Message).contains("the version at `main` does not"));
  // The finding sits on the statement that grants the access.
  CHECK(D.Range.Begin == R.Findings[0].Source->text().find("{\"Sid\""));
  REQUIRE(D.Notes.size() == 1);
  // The note gives the example request on one line.
  StringRef Note = D.Notes[0].Message;
  CHECK(Note.startswith("a request it newly allows: principal "
                        "arn:aws:iam::111122223333:user/"));
  CHECK(Note.contains("; action s3:PutObject; resource arn:"));
  CHECK_FALSE(Note.contains("\n"));
}

TEST_CASE("gate: the same access written differently passes", "[gate]") {
  WorkingTree W;
  W.write("role.json", policy(R"(["s3:GetObject"])"));
  FakeChanges C;
  C.AtBase["role.json"] = policy(R"("s3:getobject")");
  C.Changed = {{"role.json", "role.json"}};
  GateResult R = run(C, options());
  REQUIRE(R.Outcomes.size() == 1);
  CHECK(R.Outcomes[0].R.V == verify::Verdict::Pass);
  CHECK_FALSE(R.failed());
  CHECK_FALSE(R.undecided());
  CHECK(countOf(R, gate::NewAccess) == 0);
}

TEST_CASE("gate: a new policy file grants only new access", "[gate]") {
  WorkingTree W;
  W.write("new.json", policy(R"("sqs:SendMessage")"));
  FakeChanges C;
  C.Changed = {{"new.json", "new.json"}};
  GateResult R = run(C, options());
  REQUIRE(R.Outcomes.size() == 1);
  CHECK(R.Outcomes[0].New);
  CHECK(R.Outcomes[0].R.V == verify::Verdict::Fail);
  REQUIRE(countOf(R, gate::NewAccess) == 1);
  CHECK(StringRef(R.Findings[0].Diags[0].Message)
            .startswith("new policy grants access (it does not exist at "
                        "`main`)"));
}

TEST_CASE("gate: a renamed policy is compared with its old path", "[gate]") {
  WorkingTree W;
  W.write("moved.json", policy(R"("s3:GetObject")"));
  FakeChanges C;
  C.AtBase["old.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"moved.json", "old.json"}};
  GateResult R = run(C, options());
  REQUIRE(R.Outcomes.size() == 1);
  CHECK_FALSE(R.Outcomes[0].New);
  CHECK(R.Outcomes[0].R.V == verify::Verdict::Pass);
  CHECK(std::find(C.Asked.begin(), C.Asked.end(),
                  "0123456789abcdefmain:old.json") != C.Asked.end());
}

TEST_CASE("gate: an allow-list entry covers its actions only", "[gate]") {
  WorkingTree W;
  W.write("role.json", policy(R"(["s3:GetObject","s3:PutObject"])"));
  FakeChanges C;
  C.AtBase["role.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"role.json", "role.json"}};
  GateOptions O = options();
  O.Allow =
      cantFail(parseAllowList("allow.yaml", "allow-new-access:\n"
                                            "  - path: role.json\n"
                                            "    actions: [s3:PutObject]\n"
                                            "    reason: uploads\n"));
  GateResult R = run(C, O);
  REQUIRE(R.Outcomes.size() == 1);
  CHECK(R.Outcomes[0].R.V == verify::Verdict::Pass);
  REQUIRE(R.Outcomes[0].Allowed.size() == 1);
  CHECK(R.Outcomes[0].Allowed[0]->Reason == "uploads");

  // Another file is not covered.
  O.Allow[0].Path = cantFail(PathGlob::create("other.json"));
  R = run(C, O);
  CHECK(R.Outcomes[0].R.V == verify::Verdict::Fail);
  CHECK(R.Outcomes[0].Allowed.empty());
}

TEST_CASE("gate: files that are not policies are skipped", "[gate]") {
  WorkingTree W;
  W.write("README.md", "# notes\n");
  W.write("data.json", R"({"name": "not a policy"})");
  W.write("role.json", policy(R"("s3:GetObject")"));
  FakeChanges C;
  C.AtBase["role.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"README.md", "README.md"},
               {"data.json", "data.json"},
               {"role.json", "role.json"}};
  GateOptions O = options();
  O.Verbose = true;
  std::string ErrText;
  raw_string_ostream Err(ErrText);
  GateResult R = cantFail(runGate(C, O, Err));
  CHECK(R.Changed == std::vector<std::string>{"role.json"});
  CHECK(StringRef(Err.str()).contains("skipped 'README.md'"));
  CHECK(StringRef(Err.str()).contains("skipped 'data.json'"));

  // Restricted to named files, the others are not looked at.
  O.Restrict = {"README.md"};
  GateResult R2 = run(C, O);
  CHECK(R2.Changed.empty());
  CHECK(R2.Outcomes.empty());
}

TEST_CASE("gate: a policy with errors is invalid, not verified", "[gate]") {
  WorkingTree W;
  W.write("role.json",
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allw",)"
          R"("Action":"s3:GetObject","Resource":"*"}]})");
  FakeChanges C;
  C.AtBase["role.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"role.json", "role.json"}};
  GateResult R = run(C, options());
  REQUIRE(R.Outcomes.size() == 1);
  CHECK(R.Outcomes[0].Invalid);
  CHECK(R.failed());
}

TEST_CASE("gate: the change source's errors stop the gate", "[gate]") {
  WorkingTree W;
  FakeChanges C;
  C.BaseError = "unknown revision 'nope'";
  std::string ErrText;
  raw_string_ostream Err(ErrText);
  Expected<GateResult> R = runGate(C, options(), Err);
  std::string Message = R ? "" : toString(R.takeError());
  CHECK(Message == "unknown revision 'nope'");
}

TEST_CASE("gate: the text summary names every policy", "[gate]") {
  WorkingTree W;
  W.write("a.json", policy(R"(["s3:GetObject","s3:PutObject"])"));
  W.write("b.json", policy(R"("s3:GetObject")"));
  FakeChanges C;
  C.AtBase["a.json"] = policy(R"("s3:GetObject")");
  C.AtBase["b.json"] = policy(R"("s3:GetObject")");
  C.Changed = {{"a.json", "a.json"}, {"b.json", "b.json"}};
  GateResult R = run(C, options());
  std::string Text;
  raw_string_ostream OS(Text);
  writeGateText(R, "main", OS);
  CHECK(OS.str() ==
        "gate: compared with main (0123456789ab): 2 changed policy files\n"
        "  FAIL    a.json: grants new access\n"
        "  PASS    b.json: no new access\n"
        "gate: failed\n");
}
