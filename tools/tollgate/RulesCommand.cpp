//===- RulesCommand.cpp - `tollgate rules` and `tollgate explain` ---------===//

#include "Commands.h"

#include "tollgate/Lint/Checks.h"
#include "tollgate/Lint/RuleDocs.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace llvm;

namespace tollgate {

cl::SubCommand RulesCommand("rules", "List every check with its code, name, "
                                     "default severity and summary");
cl::SubCommand ExplainCommand("explain", "Print the documentation of a check");

static cl::opt<std::string> RulesFormat("format", cl::sub(RulesCommand),
                                        cl::init("text"),
                                        cl::value_desc("text|json"),
                                        cl::desc("Output format"));

static cl::opt<std::string> ExplainWhat(cl::Positional, cl::Required,
                                        cl::sub(ExplainCommand),
                                        cl::desc("<code|name>"));

/// One check as `rules --format json` lists it: everything its declaration
/// says, and whether it has a page.
static nlohmann::ordered_json checkJson(const CheckInfo &C) {
  nlohmann::ordered_json Options = nlohmann::ordered_json::array();
  for (const CheckOption &O : C.Options)
    Options.push_back({{"name", O.Name},
                       {"type", optionTypeName(O.Type).str()},
                       {"default", O.Default},
                       {"description", O.Description}});
  return {{"code", C.Code},
          {"name", C.Name},
          {"severity", severityName(C.DefaultSeverity).str()},
          {"status", C.Status == CheckStatus::Preview ? "preview" : "stable"},
          {"inputError", C.IsInputError},
          {"summary", C.Summary},
          {"options", std::move(Options)},
          {"page", findRuleDoc(C.Name) != nullptr}};
}

int runRules() {
  if (RulesFormat == "json") {
    nlohmann::ordered_json All = nlohmann::ordered_json::array();
    for (const CheckInfo *C : allChecks())
      All.push_back(checkJson(*C));
    outs() << All.dump(2) << '\n';
    return ExitClean;
  }
  if (RulesFormat != "text") {
    WithColor::error(errs(), "tollgate rules")
        << "unknown --format '" << RulesFormat << "'; use text or json\n";
    return ExitInputError;
  }
  // The name column fits the longest name, so that no name runs into its
  // severity.
  size_t NameWidth = 0;
  for (const CheckInfo *C : allChecks())
    NameWidth = std::max(NameWidth, StringRef(C->Name).size() + 2);
  for (const CheckInfo *C : allChecks())
    outs() << left_justify(C->Code, 8) << left_justify(C->Name, NameWidth)
           << left_justify(severityName(C->DefaultSeverity), 12)
           << (C->Status == CheckStatus::Preview ? "(preview) " : "")
           << C->Summary << '\n';
  return ExitClean;
}

int runExplain() {
  for (const CheckInfo *C : allChecks()) {
    if (!StringRef(C->Code).equals_insensitive(ExplainWhat) &&
        ExplainWhat != C->Name)
      continue;
    if (const RuleDoc *Doc = findRuleDoc(C->Name)) {
      outs() << Doc->Text;
      return ExitClean;
    }
    outs() << "# " << C->Name << " (" << C->Code
           << ")\n\nSeverity: " << severityName(C->DefaultSeverity) << ".\n\n"
           << C->Summary << ".\n";
    return ExitClean;
  }
  WithColor::error(errs(), "tollgate explain")
      << "no check is named '" << ExplainWhat
      << "'; `tollgate rules` lists them\n";
  return ExitInputError;
}

} // namespace tollgate
