#include "tollgate/Config/PathGlob.h"

#include <catch2/catch.hpp>

using namespace tollgate;

static PathGlob glob(llvm::StringRef Pattern) {
  llvm::Expected<PathGlob> G = PathGlob::create(Pattern);
  REQUIRE(static_cast<bool>(G));
  return std::move(*G);
}

static std::string globError(llvm::StringRef Pattern) {
  llvm::Expected<PathGlob> G = PathGlob::create(Pattern);
  REQUIRE_FALSE(static_cast<bool>(G));
  return llvm::toString(G.takeError());
}

TEST_CASE("path glob: `*` and `?` stay within one directory level") {
  PathGlob G = glob("break-glass/*.json");
  CHECK(G.match("break-glass/admin.json"));
  CHECK(G.match("break-glass/.json"));
  CHECK_FALSE(G.match("break-glass/sub/admin.json"));
  CHECK_FALSE(G.match("other/admin.json"));
  CHECK_FALSE(G.match("break-glass/admin.yaml"));
  PathGlob Q = glob("p/v?.json");
  CHECK(Q.match("p/v1.json"));
  CHECK_FALSE(Q.match("p/v10.json"));
  CHECK_FALSE(glob("a?b").match("a/b"));
}

TEST_CASE("path glob: `**` crosses any number of levels, none included") {
  PathGlob G = glob("legacy/**/*.json");
  CHECK(G.match("legacy/a.json"));
  CHECK(G.match("legacy/x/a.json"));
  CHECK(G.match("legacy/x/y/z/a.json"));
  CHECK_FALSE(G.match("new/legacy/a.json"));
  CHECK(glob("**/admin.json").match("admin.json"));
  CHECK(glob("**/admin.json").match("a/b/admin.json"));
  CHECK(glob("a/**").match("a/b/c.json"));
  CHECK(glob("a/**/**/b.json").match("a/b.json"));
}

TEST_CASE("path glob: a bare file name matches at any depth; ./ anchors it") {
  PathGlob Name = glob("admin.json");
  CHECK(Name.match("admin.json"));
  CHECK(Name.match("x/y/admin.json"));
  CHECK_FALSE(Name.isLiteral());
  PathGlob Star = glob("*.json");
  CHECK(Star.match("deep/down/p.json"));
  PathGlob Anchored = glob("./admin.json");
  CHECK(Anchored.match("admin.json"));
  CHECK_FALSE(Anchored.match("x/admin.json"));
  CHECK(Anchored.isLiteral());
  CHECK(glob("policies/admin.json").isLiteral());
  CHECK_FALSE(glob("policies/*.json").isLiteral());
}

TEST_CASE("path glob: a trailing slash names everything below a directory") {
  PathGlob G = glob("legacy/");
  CHECK(G.match("legacy/a.json"));
  CHECK(G.match("legacy/x/a.json"));
  CHECK_FALSE(G.match("legacy"));
  CHECK_FALSE(G.match("other/legacy/a.json"));
}

TEST_CASE("path glob: classes and escapes") {
  PathGlob G = glob("v[0-9].json");
  CHECK(G.match("v7.json"));
  CHECK_FALSE(G.match("vx.json"));
  PathGlob Not = glob("v[!0-9].json");
  CHECK(Not.match("vx.json"));
  CHECK_FALSE(Not.match("v7.json"));
  CHECK(glob("[]]x").match("]x"));
  CHECK(glob("a\\*b").match("a*b"));
  CHECK_FALSE(glob("a\\*b").match("axb"));
}

TEST_CASE("path glob: malformed globs are rejected with a reason") {
  CHECK(globError("").find("empty glob") == 0);
  CHECK(globError("./").find("empty glob") == 0);
  CHECK(globError("/etc/*.json").find("is absolute") != std::string::npos);
  CHECK(globError("a[b.json").find("no closing `]`") != std::string::npos);
  CHECK(globError("a/**b/c").find("`**` must be a whole level") !=
        std::string::npos);
  CHECK(globError("a//b").find("empty directory level") != std::string::npos);
  CHECK(globError("a\\").find("`\\`") != std::string::npos);
}

TEST_CASE("path glob: the fixed directory every match is below") {
  CHECK(glob("legacy/x/**/*.json").fixedDirectory() == "legacy/x");
  CHECK(glob("legacy/*.json").fixedDirectory() == "legacy");
  CHECK(glob("*/a.json").fixedDirectory() == "");
  CHECK(glob("a.json").fixedDirectory() == "");
  CHECK(glob("./a.json").fixedDirectory() == "");
  CHECK(glob("legacy/").fixedDirectory() == "legacy");
  CHECK(glob("l[e]gacy/a.json").fixedDirectory() == "");
}

TEST_CASE("path glob: relative paths") {
  CHECK(relativePath("/r/p/a.json", "/r") == "p/a.json");
  CHECK(relativePath("/r/a.json", "/r") == "a.json");
  CHECK(relativePath("/x/a.json", "/r/s") == "../../x/a.json");
  CHECK(relativePath("/r/sibling/a.json", "/r/p") == "../sibling/a.json");
  CHECK(absolutePath("/a/./b/../c") == "/a/c");
}
