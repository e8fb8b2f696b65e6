#include "tollgate/Lint/RuleOptions.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("rule options: an option the configuration does not set has its "
          "declared default") {
  constexpr CheckOption Accounts =
      CheckOption::named("known-accounts")
          .type(OptionType::StringList)
          .byDefault("[111122223333, 444455556666]");
  constexpr CheckOption EmptyList =
      CheckOption::named("none").type(OptionType::StringList).byDefault("[]");
  constexpr CheckOption Mode =
      CheckOption::named("mode").type(OptionType::String).byDefault("strict");
  constexpr CheckOption Strict =
      CheckOption::named("strict").type(OptionType::Boolean).byDefault("true");

  RuleOptions Unset;
  CHECK(Unset.list(Accounts) ==
        std::vector<std::string>{"111122223333", "444455556666"});
  CHECK(Unset.list(EmptyList).empty());
  CHECK(Unset.string(Mode) == "strict");
  CHECK(Unset.flag(Strict));

  RuleOptions Set;
  Set.set("known-accounts", {"999988887777"});
  Set.set("mode", {"loose"});
  Set.set("strict", {"false"});
  CHECK(Set.list(Accounts) == std::vector<std::string>{"999988887777"});
  CHECK(Set.string(Mode) == "loose");
  CHECK_FALSE(Set.flag(Strict));
}

TEST_CASE("rule options: a check declares its options by name") {
  static constexpr CheckOption Options[] = {
      CheckOption::named("a").type(OptionType::String),
      CheckOption::named("b").type(OptionType::Boolean)};
  static constexpr CheckInfo Info = CheckInfo::declare()
                                        .code("IAM999")
                                        .name("test-check")
                                        .severity(Severity::Warning)
                                        .summary("s")
                                        .options(Options);
  CHECK(Info.findOption("b") == &Options[1]);
  CHECK(Info.findOption("c") == nullptr);
  CHECK(Info.Status == CheckStatus::Stable);
  CHECK_FALSE(Info.IsInputError);
  CHECK(optionTypeName(Info.Options[1].Type) == "boolean");
}
