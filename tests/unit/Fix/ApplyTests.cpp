#include "tollgate/Fix/Fix.h"
#include "tollgate/Fix/UnifiedDiff.h"

#include <catch2/catch.hpp>

using namespace tollgate;

static Fix fixOf(std::vector<Edit> Edits) {
  Fix F;
  F.Code = "IAM000";
  F.Edits = std::move(Edits);
  return F;
}

TEST_CASE("fix: edits replace, insert and delete bytes") {
  CHECK(applyEdits("abcdef", {{1, 2, "XY"}}) == "aXYdef");
  CHECK(applyEdits("abcdef", {{0, 0, ">"}, {6, 0, "<"}}) == ">abcdef<");
  CHECK(applyEdits("abcdef", {{2, 2, ""}, {5, 1, "F"}}) == "abeF");
  CHECK(applyEdits("abc", {}) == "abc");
}

TEST_CASE("fix: overlapping fixes wait for the next pass") {
  // 0..4 and 2..6 overlap; 6..8 touches 2..6 without overlapping.
  std::vector<Fix> Fixes = {fixOf({{2, 4, "b"}}), fixOf({{0, 4, "a"}}),
                            fixOf({{6, 2, "c"}})};
  AppliedEdits R = applyCompatible("0123456789", Fixes);
  CHECK(R.Applied == std::vector<size_t>{1, 2});
  CHECK(R.Deferred == std::vector<size_t>{0});
  CHECK(R.Text == "a45c89");
}

TEST_CASE("fix: two insertions at one offset conflict") {
  std::vector<Fix> Fixes = {fixOf({{3, 0, "x"}}), fixOf({{3, 0, "y"}})};
  AppliedEdits R = applyCompatible("abcdef", Fixes);
  CHECK(R.Applied.size() == 1);
  CHECK(R.Deferred.size() == 1);
  CHECK(R.Text == "abcxdef");
}

TEST_CASE("fix: a fix's hull covers all its edits") {
  // The second fix lies between the edits of the first: they conflict.
  Fix Wide = fixOf({{1, 1, "B"}, {8, 1, "I"}});
  Fix Inside = fixOf({{4, 1, "E"}});
  CHECK(fixesConflict(Wide, Inside));
  CHECK(fixesConflict(Inside, Wide));
  std::vector<Fix> Fixes = {Wide, Inside};
  AppliedEdits R = applyCompatible("abcdefghij", Fixes);
  CHECK(R.Applied == std::vector<size_t>{0});
  CHECK(R.Text == "aBcdefghIj");
}

TEST_CASE("fix: repeated passes reach a fixpoint") {
  // Each pass applies what it can; the deferred fixes are made again
  // against the new text, as lint proposes them again after each pass.
  std::string Text = "aaaa";
  unsigned Passes = 0;
  for (; Passes < 10; ++Passes) {
    // Every `aa` becomes `b`: fixes at overlapping offsets 0, 1, 2, ...
    std::vector<Fix> Fixes;
    for (size_t I = 0; I + 1 < Text.size(); ++I)
      if (Text.compare(I, 2, "aa") == 0)
        Fixes.push_back(fixOf({{uint32_t(I), 2, "b"}}));
    if (Fixes.empty())
      break;
    Text = applyCompatible(Text, Fixes).Text;
  }
  CHECK(Text == "bb");
  CHECK(Passes == 1);
}

static std::string diffOf(llvm::StringRef A, llvm::StringRef B) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeUnifiedDiff("p.json", A, B, OS);
  return OS.str();
}

TEST_CASE("fix: unified diffs as git writes them") {
  CHECK(diffOf("a\nb\n", "a\nb\n").empty());
  CHECK(diffOf("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nX\n6\n7\n8\n9\n") ==
        "--- a/p.json\n+++ b/p.json\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n"
        " 6\n 7\n 8\n");
  // A deleted line at the start, and an added last line without newline.
  CHECK(diffOf("x\ny\n", "y\nz") ==
        "--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,2 @@\n-x\n y\n+z\n"
        "\\ No newline at end of file\n");
  // Changes far apart make two hunks.
  std::string A, B;
  for (int I = 0; I < 20; ++I) {
    A += std::to_string(I) + "\n";
    B += (I == 1 || I == 18 ? "c" : std::to_string(I)) + "\n";
  }
  std::string D = diffOf(A, B);
  CHECK(D.find("@@ -1,5 +1,5 @@") != std::string::npos);
  CHECK(D.find("@@ -16,5 +16,5 @@") != std::string::npos);
}
