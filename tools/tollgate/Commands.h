//===- Commands.h - The subcommands of the tollgate driver ------*- C++ -*-===//
///
/// \file
/// Every subcommand is an llvm::cl::SubCommand with its options beside it
/// in its own file; its run function reads the options, calls a library
/// and returns an ExitCode.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_COMMANDS_H
#define TOLLGATE_TOOLS_COMMANDS_H

#include "tollgate/Lint/Linter.h"
#include "tollgate/Request/RequestModel.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace tollgate {

/// The memory tollgate may use (address space): past it a check is
/// UNKNOWN (exit 3) and any other command fails (exit 2).
constexpr uint64_t MemoryLimitBytes = uint64_t(4) << 30;

/// Exit codes shared by every subcommand.
enum ExitCode : int {
  ExitClean = 0,         ///< Nothing at or above the failure level; proved;
                         ///< allowed.
  ExitFindings = 1,      ///< Findings at or above the failure level;
                         ///< refuted; denied.
  ExitInputError = 2,    ///< Usage errors and unreadable input.
  ExitUnknown = 3,       ///< The verifier (or evaluator) could not decide.
  ExitInternalError = 4, ///< A counterexample did not replay.
};

extern llvm::cl::SubCommand LintCommand;
int runLint();
extern llvm::cl::SubCommand EvalCommand;
int runEval();
extern llvm::cl::SubCommand CheckCommand;
int runCheck();
extern llvm::cl::SubCommand DiffCommand;
int runDiff();
extern llvm::cl::SubCommand GateCommand;
int runGate();
extern llvm::cl::SubCommand RulesCommand;
int runRules();
extern llvm::cl::SubCommand ExplainCommand;
int runExplain();
extern llvm::cl::SubCommand AccountCommand;
int runAccount();
extern llvm::cl::SubCommand LspCommand;
int runLsp();

/// True when output to \p OS should be coloured under --color=\p Mode.
bool useColor(llvm::StringRef Mode, llvm::raw_ostream &OS);

const char *toolVersion();

/// Flushes \p OS and, when a write to it failed (a full disk, a closed
/// pipe), says so under \p Command and clears the error, so that the
/// stream does not abort the program when it is destroyed. True when a
/// write failed: the command then exits with ExitInputError.
bool outputFailed(llvm::raw_fd_ostream &OS, llvm::StringRef Command);

/// Reads the value of --request-model into \p Out; on an unknown name says
/// so under \p Command and returns false.
bool parseRequestModelOption(llvm::StringRef Value, llvm::StringRef Command,
                             request::ModelKind &Out, llvm::raw_ostream &Err);

/// True when --timeout \p Seconds is in range; else says so under
/// \p Command.
bool validTimeout(unsigned Seconds, llvm::StringRef Command,
                  llvm::raw_ostream &Err);

/// --config, --select and --ignore, declared once for every command that
/// lints (lint, lsp): the configuration and the checks that run.
struct CheckSelectionOptions {
  CheckSelectionOptions(llvm::cl::SubCommand &Command,
                        llvm::cl::OptionCategory &Category);

  llvm::cl::opt<std::string> ConfigFile;
  llvm::cl::list<std::string> Select, Ignore;

  /// Sets the configuration file and the selection overrides of \p Options:
  /// a flag given replaces the configuration's list; comma-separated items
  /// and repeated flags add up.
  void applyTo(LintOptions &Options) const;
};

} // namespace tollgate

#endif // TOLLGATE_TOOLS_COMMANDS_H
