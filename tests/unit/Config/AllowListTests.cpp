#include "tollgate/Config/AllowList.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace llvm;

/// The list, or the test fails with the error.
static std::vector<Allowance> parsed(StringRef Text) {
  Expected<std::vector<Allowance>> L = parseAllowList("a.yaml", Text);
  if (!L)
    FAIL(toString(L.takeError()));
  return std::move(*L);
}

TEST_CASE("allow-list: entries with one action or a list", "[allowlist]") {
  std::vector<Allowance> L =
      parsed("allow-new-access:\n"
             "  - path: roles/*.json\n"
             "    policy: Deploy\n"
             "    actions: s3:PutObject\n"
             "    reason: uploads\n"
             "  - path: ci.json\n"
             "    actions: [sqs:SendMessage, sns:Publish]\n"
             "    reason: events\n");
  REQUIRE(L.size() == 2);
  CHECK(L[0].Actions == std::vector<std::string>{"s3:PutObject"});
  CHECK(L[0].covers("roles/a.json", "Deploy"));
  CHECK_FALSE(L[0].covers("roles/a.json", "Other"));
  CHECK_FALSE(L[0].covers("ci.json", "Deploy"));
  CHECK(L[1].Actions.size() == 2);
  CHECK(L[1].covers("ci.json", ""));
  CHECK(L[1].covers("ci.json", "AnyPolicy"));
}

TEST_CASE("allow-list: an empty file allows nothing", "[allowlist]") {
  CHECK(parsed("").empty());
  CHECK(parsed("# nothing yet\n").empty());
}

TEST_CASE("allow-list: errors say where and why", "[allowlist]") {
  auto error = [](StringRef Text) {
    Expected<std::vector<Allowance>> L = parseAllowList("a.yaml", Text);
    if (L)
      FAIL("no error");
    return toString(L.takeError());
  };
  CHECK(error("allow: []\n") ==
        "a.yaml:1:1: unknown key `allow`; expected `allow-new-access`");
  CHECK(error("allow-new-access: x\n") ==
        "a.yaml:1:19: `allow-new-access` must be a list");
  CHECK(error("allow-new-access:\n  - path: a.json\n    actions: [x]\n") ==
        "a.yaml:2:5: an `allow-new-access` entry needs `path`, `actions` and "
        "`reason`");
  CHECK(error("allow-new-access:\n  - path: a.json\n    colour: red\n") ==
        "a.yaml:3:5: unknown key `colour` in an `allow-new-access` entry; use "
        "path, policy, actions and reason");
  CHECK(StringRef(error("allow-new-access:\n  - path: a.json\n"
                        "    actions: ['s3:\"x']\n    reason: r\n"))
            .contains("invalid action `s3:\"x`"));
  CHECK(StringRef(error("allow-new-access: [\n")).contains("invalid YAML"));
}
