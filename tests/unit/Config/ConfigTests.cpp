#include "tollgate/Config/Config.h"
#include "tollgate/Config/ConfigSet.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const CheckInfo Unreadable = CheckInfo::declare()
                                 .code("IAM001")
                                 .name("unreadable-file")
                                 .severity(Severity::Error)
                                 .inputError()
                                 .summary("u");
const CheckInfo OldVersion = CheckInfo::declare()
                                 .code("IAM016")
                                 .name("old-version")
                                 .severity(Severity::Warning)
                                 .summary("o");
const CheckInfo EmptyValue = CheckInfo::declare()
                                 .code("IAM020")
                                 .name("empty-value")
                                 .severity(Severity::Suggestion)
                                 .summary("e");
const CheckOption AllowAllOptions[] = {
    CheckOption::named("known-accounts").type(OptionType::StringList),
    CheckOption::named("mode").type(OptionType::String),
    CheckOption::named("strict").type(OptionType::Boolean),
};
const CheckInfo AllowAll = CheckInfo::declare()
                               .code("IAM101")
                               .name("allow-all")
                               .severity(Severity::Security)
                               .summary("a")
                               .options(AllowAllOptions);
const CheckInfo NotAction = CheckInfo::declare()
                                .code("IAM102")
                                .name("allow-with-not-action")
                                .severity(Severity::Security)
                                .summary("n");
const CheckInfo *const Checks[] = {&Unreadable,
                                   &OldVersion,
                                   &EmptyValue,
                                   &AllowAll,
                                   &NotAction,
                                   &config::UnusedSuppression,
                                   &config::InvalidConfig};

Config parse(std::string Text) {
  return parseConfig(std::make_shared<SourceFile>(".tollgate.yaml", Text),
                     "/repo", Checks);
}

/// "line:col: message" for every finding.
std::vector<std::string> findings(const Config &C) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : C.Diags) {
    Position P = C.Source->position(D.Range.Begin);
    Out.push_back(std::to_string(P.Line) + ":" + std::to_string(P.Column) +
                  ": " + D.Message);
  }
  return Out;
}

std::vector<std::string> texts(const std::vector<ConfigItem> &Items) {
  std::vector<std::string> Out;
  for (const ConfigItem &I : Items)
    Out.push_back(I.Text);
  return Out;
}
} // namespace

TEST_CASE("config: every key of a valid file") {
  Config C = parse(R"(# a comment
select: [ALL]
ignore:
  - IAM016
  - empty-value
severity: {IAM101: warning, allow-with-not-action: error}
per-path-ignores:
  "legacy/**/*.json": [IAM1]
suppress:
  - path: break-glass/admin.json
    sid: BreakGlass
    rules: [IAM101]
    reason: audited emergency access
  - path: "*.json"
    pointer: /Statement/2
    rules: [allow-with-not-action]
    reason: >
      folded text
      over two lines
  - path: a.json
    rules: [ALL]
    reason: whole file
rule-options:
  IAM101: {known-accounts: ["111122223333", 444455556666], mode: strict}
fail-on: warning
format: sarif
)");
  CHECK(findings(C).empty());
  REQUIRE(C.Select);
  CHECK(texts(*C.Select) == std::vector<std::string>{"ALL"});
  REQUIRE(C.Ignore);
  CHECK(texts(*C.Ignore) == std::vector<std::string>{"IAM016", "empty-value"});
  REQUIRE(C.Severities.size() == 2);
  CHECK(C.Severities[0].first == &AllowAll);
  CHECK(C.Severities[0].second == Severity::Warning);
  CHECK(C.Severities[1].first == &NotAction);
  CHECK(C.Severities[1].second == Severity::Error);
  REQUIRE(C.PerPathIgnores.size() == 1);
  CHECK(C.PerPathIgnores[0].Glob.match("legacy/a/b.json"));
  CHECK(texts(C.PerPathIgnores[0].Checks) == std::vector<std::string>{"IAM1"});
  REQUIRE(C.Suppressions.size() == 3);
  CHECK(C.Suppressions[0].Target == Suppression::Sid);
  CHECK(C.Suppressions[0].TargetText == "BreakGlass");
  CHECK(C.Suppressions[0].Reason == "audited emergency access");
  CHECK(C.Source->position(C.Suppressions[0].Range.Begin).Line == 10);
  CHECK(C.Suppressions[1].Target == Suppression::Pointer);
  CHECK(C.Suppressions[1].TargetText == "/Statement/2");
  CHECK(C.Suppressions[1].Reason == "folded text over two lines");
  CHECK(C.Suppressions[2].Target == Suppression::WholeFile);
  REQUIRE(C.RuleOptions.size() == 1);
  CHECK(C.RuleOptions[0].Check == &AllowAll);
  REQUIRE(C.RuleOptions[0].Options.size() == 2);
  CHECK(C.RuleOptions[0].Options[0].first == "known-accounts");
  CHECK(C.RuleOptions[0].Options[0].second ==
        std::vector<std::string>{"111122223333", "444455556666"});
  CHECK(C.RuleOptions[0].Options[1].second ==
        std::vector<std::string>{"strict"});
  CHECK(C.FailOn == Severity::Warning);
  CHECK(C.Format == std::string("sarif"));
}

TEST_CASE("config: an empty file or a comment is the default") {
  for (const char *Text : {"", "# nothing\n", "---\n"}) {
    Config C = parse(Text);
    CHECK(findings(C).empty());
    CHECK_FALSE(C.Select);
    CHECK(C.Suppressions.empty());
  }
}

TEST_CASE("config: mistakes are findings at their line and column") {
  Config C = parse(R"(selct: [IAM1]
select: IAM101
ignore: [IAM999, IAM001]
severity: {IAM1: error, IAM016: loud, IAM001: warning}
per-path-ignores: {"/abs/*.json": [IAM016]}
fail-on: high
format: xml
)");
  CHECK(findings(C) ==
        std::vector<std::string>{
            "1:1: unknown configuration key `selct`; did you mean `select`?",
            "2:9: `select` must be a list, not a string; write `[IAM101]` "
            "for a list of one",
            "3:10: no check is named `IAM999`; did you mean `IAM900`?",
            "3:18: `IAM001` (unreadable-file) means the input could not be "
            "read; it cannot be turned off",
            "4:12: `severity` names one check by its code or name; `IAM1` "
            "names a group of checks",
            "4:33: unknown severity `loud`; use error, security, warning or "
            "suggestion",
            "4:39: the severity of `IAM001` (unreadable-file) cannot be "
            "changed: it means the input could not be read",
            "5:20: glob `/abs/*.json` is absolute; globs are relative to the "
            "configuration file's directory",
            "6:10: unknown severity `high`; use error, security, warning or "
            "suggestion",
            "7:9: unknown format `xml`; use text, json, sarif or github",
        });
  // The valid parts still apply.
  REQUIRE(C.Ignore);
  CHECK(C.Ignore->empty());
  for (const Diagnostic &D : C.Diags) {
    CHECK(D.Check == &config::InvalidConfig);
    CHECK(D.Level == Severity::Error);
  }
}

TEST_CASE("config: suppression mistakes") {
  Config C = parse(R"(suppress:
  - path: a.json
    rules: [IAM101]
  - path: a.json
    sid: S
    pointer: /Statement/0
    rules: [IAM101]
    reason: r
  - {path: a.json, pointer: Statement, rules: [IAM101], reason: r}
  - {path: a.json, rules: [], reason: r}
  - {path: a.json, rules: IAM101, reason: " "}
  - {rules: [IAM101], reason: r, why: x}
  - just a string
)");
  CHECK(findings(C) ==
        std::vector<std::string>{
            "2:5: suppression has no `reason`; say why the findings are "
            "acceptable",
            "6:14: a suppression takes `sid` or `pointer`, not both",
            "9:29: `Statement` is not a JSON pointer; write one such as "
            "`/Statement/2` (`~1` for `/` and `~0` for `~` in keys)",
            "10:27: `rules` is empty; list the checks the suppression is for",
            "11:27: `rules` must be a list, not a string; write `[IAM101]` "
            "for a list of one",
            "11:43: empty `reason`; say why the findings are acceptable",
            "12:5: suppression has no `path`; name the policy file it "
            "applies to, relative to this file's directory",
            "12:34: unknown key `why` in a suppression; it takes `path`, "
            "`sid` or `pointer`, `rules` and `reason`",
            "13:5: a suppression must be a mapping of keys to values, not a "
            "string",
        });
  CHECK(C.Suppressions.empty());
}

TEST_CASE("config: duplicate keys name the first one") {
  Config C = parse("select: [IAM1]\nselect: [IAM0]\n");
  REQUIRE(C.Diags.size() == 1);
  CHECK(findings(C)[0] == "2:1: duplicate key `select` in the configuration; "
                          "only one of its values would apply");
  REQUIRE(C.Diags[0].Notes.size() == 1);
  CHECK(C.Source->position(C.Diags[0].Notes[0].Range.Begin).Line == 1);
}

TEST_CASE("config: YAML syntax errors and unsupported YAML") {
  CHECK(
      findings(parse("select: [IAM1\n")) ==
      std::vector<std::string>{
          "1:14: invalid YAML: did not find expected ',' or ']' while parsing "
          "a flow sequence that starts at line 1, column 9"});
  CHECK(findings(parse("select: []\n---\nignore: []\n")) ==
        std::vector<std::string>{
            "2:1: a configuration file holds one YAML document; remove the "
            "`---` that starts another"});
  CHECK(findings(parse("select: &x [IAM1]\nignore: *x\n")) ==
        std::vector<std::string>{
            "1:9: YAML anchors and tags are not supported in a "
            "configuration file",
            "2:9: YAML aliases are not supported in a configuration file"});
  CHECK(findings(parse("[1, 2]\n")) ==
        std::vector<std::string>{
            "1:1: the configuration must be a mapping of keys to values, "
            "not a list"});
}

TEST_CASE("config: an unreadable file is one finding without a position") {
  Config C =
      loadConfig("/nonexistent/.tollgate.yaml", ".tollgate.yaml", Checks);
  REQUIRE(C.Diags.size() == 1);
  CHECK(C.Diags[0].Check == &config::InvalidConfig);
  CHECK_FALSE(C.Source->wasRead());
  CHECK(C.Diags[0].Message.find("cannot read configuration file") == 0);
}

TEST_CASE("config: JSON pointers cover their subtree") {
  CHECK(pointerWithin("/Statement/2/Action/0", "/Statement/2"));
  CHECK(pointerWithin("/Statement/2", "/Statement/2"));
  CHECK_FALSE(pointerWithin("/Statement/20", "/Statement/2"));
  CHECK(pointerWithin("/Version", ""));
  CHECK(pointerWithin("", ""));
}

TEST_CASE("config: selection, ignores and severities per check") {
  Config C = parse(R"(select: [IAM0, allow-all]
ignore: [IAM020]
severity: {IAM101: suggestion}
per-path-ignores: {"legacy/**": [IAM1, IAM016]}
)");
  REQUIRE(findings(C).empty());
  ResolvedConfig RC(std::move(C), SelectionOverrides(), Checks);
  // Indices follow Checks: IAM001 IAM016 IAM020 IAM101 IAM102 IAM900 IAM901.
  CHECK(RC.enabledFor("a.json") ==
        std::vector<bool>{true, true, false, true, false, false, true});
  CHECK(RC.enabledFor("legacy/x/a.json") ==
        std::vector<bool>{true, false, false, false, false, false, true});
  CHECK(RC.severity(3) == Severity::Suggestion);
  CHECK(RC.severity(4) == Severity::Security);

  SelectionOverrides O;
  O.Select = std::vector<std::string>{"IAM1"};
  O.Ignore = std::vector<std::string>{};
  ResolvedConfig Overridden(parse("select: [IAM0]\nignore: [IAM101]\n"), O,
                            Checks);
  CHECK(Overridden.enabledFor("") ==
        std::vector<bool>{true, false, false, true, true, false, true});
}

TEST_CASE("config: rule options are checked against the options a check "
          "declares") {
  Config C = parse(R"(
rule-options:
  IAM101: {known-acounts: [a], mode: strict, zzz: 1, known-accounts: b}
  IAM016: {x: 1}
  IAM102: {anything: [1, 2]}
  IAM101x: {nested: {a: b}}
)");
  CHECK(findings(C) ==
        std::vector<std::string>{
            "3:12: `IAM101` (allow-all) has no option `known-acounts`; did "
            "you mean `known-accounts`?",
            "3:46: `IAM101` (allow-all) has no option `zzz`; its options are "
            "`known-accounts`, `mode`, `strict`",
            "4:12: `IAM016` (old-version) takes no options",
            "5:12: `IAM102` (allow-with-not-action) takes no options",
            "6:3: no check is named `IAM101x`; did you mean `IAM101`?",
            "6:21: the value of option `nested` must be a list, not a "
            "mapping",
        });
  REQUIRE(C.RuleOptions.size() == 3);
  REQUIRE(C.RuleOptions[0].Options.size() == 2);
  CHECK(C.RuleOptions[0].Options[0].first == "mode");
  CHECK(C.RuleOptions[0].Options[0].second ==
        std::vector<std::string>{"strict"});
  // A single value of a list option is a list of one.
  CHECK(C.RuleOptions[0].Options[1].second == std::vector<std::string>{"b"});
  CHECK(C.RuleOptions[1].Options.empty());
  CHECK(C.RuleOptions[2].Options.empty());
}

TEST_CASE("config: a rule option's value must have its declared type") {
  Config C = parse(R"(
rule-options:
  IAM101: {mode: [a, b], strict: yes, known-accounts: {a: b}}
)");
  CHECK(findings(C) ==
        std::vector<std::string>{
            "3:18: the value of option `mode` must be a string, not a list",
            "3:34: the value of option `strict` must be `true` or `false`, "
            "not `yes`",
            "3:55: the value of option `known-accounts` must be a list, not "
            "a mapping",
        });
  REQUIRE(C.RuleOptions.size() == 1);
  CHECK(C.RuleOptions[0].Options.empty());

  Config Ok = parse("rule-options: {IAM101: {strict: true}}\n");
  CHECK(findings(Ok).empty());
  REQUIRE(Ok.RuleOptions.size() == 1);
  CHECK(Ok.RuleOptions[0].Options[0].second ==
        std::vector<std::string>{"true"});
}
