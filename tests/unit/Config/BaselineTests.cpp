#include "tollgate/Config/Baseline.h"
#include "tollgate/Config/Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const CheckInfo AllowAll = CheckInfo::declare()
                               .code("IAM101")
                               .name("allow-all")
                               .severity(Severity::Security)
                               .summary("a");
const CheckInfo JsonSyntax = CheckInfo::declare()
                                 .code("IAM002")
                                 .name("json-syntax-error")
                                 .severity(Severity::Error)
                                 .inputError()
                                 .summary("j");

Diagnostic diag(const CheckInfo &C, std::string Pointer, std::string Message,
                uint32_t Offset = 0) {
  Diagnostic D;
  D.Check = &C;
  D.Level = C.DefaultSeverity;
  D.Pointer = std::move(Pointer);
  D.Message = std::move(Message);
  D.Range = Span(Offset, Offset + 1);
  return D;
}

FileFindings file(std::string Name, std::vector<Diagnostic> Diags) {
  FileFindings F;
  F.Source = std::make_shared<SourceFile>(std::move(Name), "{}");
  F.Diags = std::move(Diags);
  return F;
}

/// A fresh directory for one test's files.
std::string tempDir() {
  llvm::SmallString<128> Dir;
  REQUIRE_FALSE(llvm::sys::fs::createUniqueDirectory("baseline", Dir));
  return std::string(Dir.str());
}
} // namespace

TEST_CASE("baseline: a round trip absorbs the same findings, line or not") {
  std::string Dir = tempDir();
  std::string Path = Dir + "/baseline.json";
  std::string Policy = Dir + "/p/a.json";
  std::vector<FileFindings> Before = {
      file(Policy, {diag(AllowAll, "/Statement/0/Action", "m", 10),
                    diag(AllowAll, "/Statement/1/Action", "m", 20)})};
  llvm::Expected<size_t> Written = Baseline::write(Path, Before);
  REQUIRE(static_cast<bool>(Written));
  CHECK(*Written == 2);

  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  REQUIRE(Buffer);
  llvm::StringRef Text = (*Buffer)->getBuffer();
  CHECK(Text.contains("\"file\": \"p/a.json\""));
  CHECK(Text.contains("\"version\": 2"));
  CHECK(Text.contains("\"fingerprint\": \""));
  CHECK_FALSE(Text.contains("line"));

  llvm::Expected<Baseline> B = Baseline::load(Path);
  REQUIRE(static_cast<bool>(B));
  CHECK(B->size() == 2);
  // The same findings, moved by an edit, plus a new one and a third copy.
  std::vector<FileFindings> After = {
      file(Policy, {diag(AllowAll, "/Statement/0/Action", "m", 50),
                    diag(AllowAll, "/Statement/1/Action", "m", 60),
                    diag(AllowAll, "/Statement/1/Action", "m", 70),
                    diag(AllowAll, "/Statement/2/Action", "m", 80),
                    diag(JsonSyntax, "", "broken", 0)})};
  CHECK(B->filter(After) == 2);
  REQUIRE(After[0].Diags.size() == 3);
  CHECK(After[0].Diags[0].Pointer == "/Statement/1/Action");
  CHECK(After[0].Diags[1].Pointer == "/Statement/2/Action");
  CHECK(After[0].Diags[2].Check == &JsonSyntax);
  llvm::sys::fs::remove_directories(Dir);
}

TEST_CASE("baseline: input errors and configuration findings stay out") {
  Diagnostic Unused = diag(config::UnusedSuppression, "/suppress/0", "u");
  CHECK_FALSE(Baseline::canHold(Unused));
  CHECK_FALSE(Baseline::canHold(diag(JsonSyntax, "", "x")));
  CHECK(Baseline::canHold(diag(AllowAll, "", "x")));
}

TEST_CASE("baseline: unreadable and malformed baselines are errors") {
  std::string Dir = tempDir();
  CHECK_FALSE(static_cast<bool>(Baseline::load(Dir + "/missing.json")));
  auto Write = [&](llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Dir + "/b.json", EC);
    OS << Text;
  };
  auto Error = [&]() {
    llvm::Expected<Baseline> B = Baseline::load(Dir + "/b.json");
    REQUIRE_FALSE(static_cast<bool>(B));
    return llvm::toString(B.takeError());
  };
  // Errors name the file, line and column.
  Write("{\n  \"version\": 2,\n  ]");
  CHECK(Error().find(Dir + "/b.json:3:3: cannot use baseline") == 0);
  Write(R"({"version": 3, "findings": []})");
  CHECK(Error().find("this tollgate reads versions 1 and 2") !=
        std::string::npos);
  Write(R"({"version": 1, "findings": [{"file": "a.json"}]})");
  CHECK(Error().find(":1:29: cannot use baseline: a finding needs the "
                     "strings \"file\", \"code\", \"pointer\" and "
                     "\"message\"") != std::string::npos);
  Write(R"({"version": 2, "findings": [{"file": "a.json", "code": "IAM101", )"
        R"("pointer": "", "message": "m"}]})");
  CHECK(Error().find("and \"fingerprint\"") != std::string::npos);
  for (const char *Count : {"0", "-1", "\"2\"", "1.5", "4294967296"}) {
    Write(std::string(R"({"version": 1, "findings": [{"file": "a.json", )"
                      R"("code": "IAM101", "pointer": "", "message": "m", )"
                      R"("count": )") +
          Count + "}]}");
    CHECK(Error().find("\"count\" must be a whole number") !=
          std::string::npos);
  }
  llvm::sys::fs::remove_directories(Dir);
}

TEST_CASE("baseline: equal findings make one entry with a count") {
  std::string Dir = tempDir();
  std::string Path = Dir + "/baseline.json";
  std::string Policy = Dir + "/a.json";
  std::vector<Diagnostic> Many;
  // Equal findings: one pointer, one text.
  for (uint32_t I = 0; I < 5000; ++I)
    Many.push_back(diag(AllowAll, "/Statement/0", "same", 0));
  Many.push_back(diag(AllowAll, "/Statement/1", "other", 9000));
  std::vector<FileFindings> Before = {file(Policy, Many)};
  llvm::Expected<size_t> Written = Baseline::write(Path, Before);
  REQUIRE(static_cast<bool>(Written));
  CHECK(*Written == 5001);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  REQUIRE(Buffer);
  llvm::StringRef Text = (*Buffer)->getBuffer();
  CHECK(Text.count("\"code\"") == 2);
  CHECK(Text.contains("\"count\": 5000"));
  CHECK(Text.size() < 1000);

  llvm::Expected<Baseline> B = Baseline::load(Path);
  REQUIRE(static_cast<bool>(B));
  CHECK(B->size() == 5001);
  // The count absorbs that many findings and no more.
  Many.push_back(diag(AllowAll, "/Statement/0", "same", 0));
  std::vector<FileFindings> After = {file(Policy, Many)};
  CHECK(B->filter(After) == 5001);
  REQUIRE(After[0].Diags.size() == 1);
  CHECK(After[0].Diags[0].Message == "same");
  llvm::sys::fs::remove_directories(Dir);
}

TEST_CASE("baseline: version 2 ignores the message, version 1 matches it") {
  std::string Dir = tempDir();
  std::string Policy = Dir + "/a.json";
  auto Source = std::make_shared<SourceFile>(
      Policy, R"({"Statement": {"Action": "*", "Resource": "*"}})");
  auto Findings = [&](std::string Message) {
    FileFindings F;
    F.Source = Source;
    Diagnostic D = diag(AllowAll, "/Statement/Action", Message);
    D.Range = Span(25, 28); // "*"
    F.Diags.push_back(D);
    return std::vector<FileFindings>{F};
  };
  std::string Path = Dir + "/baseline.json";
  REQUIRE(static_cast<bool>(Baseline::write(Path, Findings("180 actions"))));
  llvm::Expected<Baseline> B = Baseline::load(Path);
  REQUIRE(static_cast<bool>(B));
  CHECK(B->version() == 2);
  // A catalog update changes the message, not the finding.
  std::vector<FileFindings> After = Findings("181 actions");
  CHECK(B->filter(After) == 1);

  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Dir + "/v1.json", EC);
    OS << R"({"version": 1, "findings": [{"file": "a.json", "code": )"
          R"("IAM101", "pointer": "/Statement/Action", "message": )"
          R"("180 actions"}]})";
  }
  llvm::Expected<Baseline> Old = Baseline::load(Dir + "/v1.json");
  REQUIRE(static_cast<bool>(Old));
  CHECK(Old->version() == 1);
  std::vector<FileFindings> Same = Findings("180 actions");
  CHECK(Old->filter(Same) == 1);
  std::vector<FileFindings> Changed = Findings("181 actions");
  CHECK(Old->filter(Changed) == 0);
  llvm::sys::fs::remove_directories(Dir);
}
