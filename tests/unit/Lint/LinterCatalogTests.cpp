#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Linter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace tollgate;

namespace {

/// A catalog of one service, `x`, that the built-in catalog does not have.
std::unique_ptr<Catalog> smallCatalog() {
  auto C = Catalog::parse("V\tpackage\ttest\n"
                          "V\tversion\t1\n"
                          "V\tdate\t2024-01-01\n"
                          "S\tx\tService X\n"
                          "K\tx:Flag\tBool\n"
                          "T\tthing\tarn:${Partition}:x:::${Thing}\n"
                          "A\tx:DoIt\tWrite\n"
                          "R\tthing\t*\n"
                          "A\tx:Look\tRead\n");
  if (!C)
    FAIL(llvm::toString(C.takeError()));
  return std::move(*C);
}

/// Writes \p Text to a new temporary file and returns its path.
std::string writePolicy(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD;
  REQUIRE(
      !llvm::sys::fs::createTemporaryFile("lint-catalog", "json", FD, Path));
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Text;
  return std::string(Path);
}

/// The codes of the findings on \p Path, linted against \p Cat (the
/// built-in catalog when null).
std::multiset<std::string> codes(const std::string &Path, const Catalog *Cat) {
  LintOptions Options;
  Options.Load.Type = PolicyType::Identity;
  Options.Cat = Cat;
  Options.Jobs = 1;
  FileFindings F = lintFile(Path, Options);
  std::multiset<std::string> Out;
  for (const Diagnostic &D : F.Diags)
    Out.insert(D.Check->Code);
  return Out;
}

} // namespace

TEST_CASE("linter: the rules hold names against the run's catalog") {
  std::unique_ptr<Catalog> Small = smallCatalog();
  std::string Path = writePolicy(R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["x:DoIt", "x:Lok", "s3:GetObject"],
    "Resource": "arn:aws:x:::thing1",
    "Condition": {"Bool": {"x:Flag": "true"}}
  }]
})");
  std::multiset<std::string> WithSmall = codes(Path, Small.get());
  // `x:Lok` is a misspelt action of x; s3 is not in the small catalog.
  CHECK(WithSmall.count("IAM402") == 1);
  CHECK(WithSmall.count("IAM401") == 1);
  CHECK(WithSmall.count("IAM406") == 0);

  // The built-in catalog has no service x: both x actions and its key are
  // unknown there, and s3:GetObject is known.
  std::multiset<std::string> WithBuiltin = codes(Path, nullptr);
  CHECK(WithBuiltin.count("IAM401") == 2);
  CHECK(WithBuiltin.count("IAM402") == 0);
  CHECK(WithBuiltin.count("IAM406") == 1);
  llvm::sys::fs::remove(Path);
}

TEST_CASE("linter: a lint run gives the same findings on every thread count") {
  std::unique_ptr<Catalog> Small = smallCatalog();
  std::vector<std::string> Paths;
  for (int I = 0; I < 8; ++I)
    Paths.push_back(writePolicy(
        I % 2 ? R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Action": "x:Lok", "Resource": "*"}]})"
              : R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Action": ["x:DoIt", "x:DoIt"], "Resource": "arn:aws:x:::t"}]})"));
  auto Run = [&](unsigned Jobs) {
    LintOptions Options;
    Options.Load.Type = PolicyType::Identity;
    Options.Cat = Small.get();
    Options.Jobs = Jobs;
    auto L = Linter::create(Options);
    REQUIRE(static_cast<bool>(L));
    std::vector<std::string> Out;
    for (const FileFindings &F : (*L)->lint(Paths))
      for (const Diagnostic &D : F.Diags)
        Out.push_back(F.Source->name().str() + " " + D.Check->Code);
    return Out;
  };
  std::vector<std::string> One = Run(1);
  CHECK(One.size() >= 8);
  CHECK(Run(2) == One);
  for (const std::string &P : Paths)
    llvm::sys::fs::remove(P);
}
