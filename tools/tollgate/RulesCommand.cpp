//===- RulesCommand.cpp - `tollgate rules` and `tollgate explain` ---------===//

#include "Commands.h"

#include "tollgate/Lint/Linter.h"
#include "tollgate/Lint/RuleDocs.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace tollgate {

cl::SubCommand RulesCommand("rules", "List every check with its code, name, "
                                     "default severity and summary");
cl::SubCommand ExplainCommand("explain", "Print the documentation of a check");

static cl::opt<std::string> ExplainWhat(cl::Positional, cl::Required,
                                        cl::sub(ExplainCommand),
                                        cl::desc("<code|name>"));

int runRules() {
  for (const CheckInfo *C : allLintChecks())
    outs() << left_justify(C->Code, 8) << left_justify(C->Name, 34)
           << left_justify(severityName(C->DefaultSeverity), 12)
           << (C->Status == CheckStatus::Preview ? "(preview) " : "")
           << C->Summary << '\n';
  return ExitClean;
}

int runExplain() {
  for (const CheckInfo *C : allLintChecks()) {
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
