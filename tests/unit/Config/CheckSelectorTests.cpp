#include "tollgate/Config/CheckSelector.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const CheckInfo A = CheckInfo::declare()
                        .code("IAM101")
                        .name("allow-all")
                        .severity(Severity::Security)
                        .summary("a");
const CheckInfo B = CheckInfo::declare()
                        .code("IAM102")
                        .name("allow-with-not-action")
                        .severity(Severity::Security)
                        .summary("b");
const CheckInfo C = CheckInfo::declare()
                        .code("IAM016")
                        .name("old-version")
                        .severity(Severity::Warning)
                        .summary("c");
const CheckInfo *const Checks[] = {&C, &A, &B};
} // namespace

TEST_CASE("selectors: ALL, codes, prefixes and names") {
  CHECK(selectorMatches("ALL", A));
  CHECK(selectorMatches("IAM101", A));
  CHECK(selectorMatches("iam101", A));
  CHECK(selectorMatches("IAM1", A));
  CHECK(selectorMatches("IAM10", B));
  CHECK(selectorMatches("IAM", C));
  CHECK_FALSE(selectorMatches("IAM1", C));
  CHECK(selectorMatches("allow-all", A));
  CHECK_FALSE(selectorMatches("allow-all", B));
  CHECK_FALSE(selectorMatches("allow", A));
  CHECK_FALSE(selectorMatches("", A));
  CHECK_FALSE(selectorMatches("all", A));
}

TEST_CASE("selectors: unknown names get a did-you-mean") {
  CHECK(checkSelector("IAM1", Checks).empty());
  CHECK(checkSelector("old-version", Checks).empty());
  CHECK(checkSelector("IAM9", Checks) ==
        "no check is named `IAM9`; `tollgate rules` lists the checks");
  CHECK(checkSelector("old-versoin", Checks) ==
        "no check is named `old-versoin`; did you mean `old-version`?");
  CHECK(checkSelector("", Checks).find("empty check name") == 0);
}

TEST_CASE("selectors: findCheck wants a whole code or name") {
  CHECK(findCheck("IAM101", Checks) == &A);
  CHECK(findCheck("iam102", Checks) == &B);
  CHECK(findCheck("old-version", Checks) == &C);
  CHECK(findCheck("IAM1", Checks) == nullptr);
}

TEST_CASE("selectors: command-line lists") {
  CHECK(splitSelectorList("IAM1, allow-all,,") ==
        std::vector<std::string>{"IAM1", "allow-all"});
  CHECK(splitSelectorList("").empty());
}
