//===- Commands.h - The subcommands of the tollgate driver ------*- C++ -*-===//

#ifndef TOLLGATE_TOOLS_COMMANDS_H
#define TOLLGATE_TOOLS_COMMANDS_H

#include "llvm/Support/CommandLine.h"

namespace tollgate {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
  ExitClean = 0,      ///< Nothing at or above the failure level; proved.
  ExitFindings = 1,   ///< Findings at or above the failure level; refuted.
  ExitInputError = 2, ///< Usage errors and unreadable input.
  ExitUnknown = 3,    ///< The verifier could not decide.
};

extern llvm::cl::SubCommand LintCommand;
int runLint();

extern llvm::cl::SubCommand RulesCommand;
int runRules();
extern llvm::cl::SubCommand ExplainCommand;
int runExplain();

/// True when output to \p OS should be coloured under --color=\p Mode.
bool useColor(llvm::StringRef Mode, llvm::raw_ostream &OS);

const char *toolVersion();

} // namespace tollgate

#endif // TOLLGATE_TOOLS_COMMANDS_H
