#include "tollgate/Support/ReadFile.h"
#include "tollgate/Support/Source.h"
#include "tollgate/Support/Walk.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace tollgate;

namespace {
/// A fresh folder, removed at the end of the test.
struct TempDir {
  llvm::SmallString<128> Path;
  TempDir() { llvm::sys::fs::createUniqueDirectory("tollgate-unit", Path); }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string operator/(llvm::StringRef Name) const {
    llvm::SmallString<128> P(Path);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
};

void writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream(Path) << Text;
}
} // namespace

TEST_CASE("read: a file within the limit is read whole") {
  TempDir D;
  writeFile(D / "p.json", "{}");
  ReadOutcome R = readBounded(D / "p.json", 2);
  REQUIRE(R.S == ReadOutcome::Ok);
  CHECK(R.Text == "{}");
  CHECK(readBounded(D / "p.json", 1).S == ReadOutcome::TooLarge);
}

TEST_CASE("read: a device without end stops at the limit") {
  ReadOutcome R = readBounded("/dev/zero", 1000);
  CHECK(R.S == ReadOutcome::TooLarge);
  CHECK(R.Text.empty());
  CHECK(R.Message == "input is larger than 1000 bytes, the most tollgate "
                     "reads");
}

TEST_CASE("read: missing files and folders are not read") {
  TempDir D;
  CHECK(readBounded(D / "missing.json").S == ReadOutcome::CannotRead);
  CHECK(readBounded(D.Path).S == ReadOutcome::IsDirectory);
}

TEST_CASE("walk: a symbolic link back to a parent is searched once") {
  TempDir D;
  llvm::sys::fs::create_directories(D / "a/b");
  writeFile(D / "a/b/p.json", "{}");
  REQUIRE(symlink("../..", (D / "a/b/up").c_str()) == 0);
  WalkResult R = walkDirectory(
      D.Path, [](llvm::StringRef) { return false; },
      [](llvm::StringRef P) { return P.endswith(".json"); });
  REQUIRE(R.Files.size() == 1);
  CHECK(llvm::StringRef(R.Files[0]).endswith("a/b/p.json"));
  REQUIRE(R.Notes.size() == 1);
  CHECK(llvm::StringRef(R.Notes[0]).contains("already searched"));
  CHECK(R.Unreadable.empty());
}

TEST_CASE("walk: a FIFO is skipped with a note") {
  TempDir D;
  REQUIRE(mkfifo((D / "q.json").c_str(), 0600) == 0);
  writeFile(D / "p.json", "{}");
  WalkResult R = walkDirectory(
      D.Path, [](llvm::StringRef) { return false; },
      [](llvm::StringRef P) { return P.endswith(".json"); });
  REQUIRE(R.Files.size() == 1);
  REQUIRE(R.Notes.size() == 1);
  CHECK(llvm::StringRef(R.Notes[0]).contains("is a FIFO"));
}

TEST_CASE("source: columns on a long line count code points") {
  // Past two blocks of 4 KiB the column comes from per-block counts; it
  // must equal a plain count.
  std::string Line;
  for (int I = 0; I < 5000; ++I)
    Line += I % 3 ? "a" : "\xC3\xA9"; // é is two bytes, one column
  std::string Text = "x\n" + Line + Line;
  SourceFile F("long.json", Text);
  for (uint32_t Offset : {2u, 100u, 8194u, 12000u, 20000u}) {
    uint32_t Expected =
        1 + countCodePoints(llvm::StringRef(Text).slice(2, Offset));
    Position P = F.position(Offset);
    CHECK(P.Line == 2);
    CHECK(P.Column == Expected);
  }
}
