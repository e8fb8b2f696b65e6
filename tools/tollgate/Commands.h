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

#include <memory>
#include <optional>

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

/// --timeout, --solver-work (unless left out) and --request-model,
/// declared once for the commands that verify (check, diff, gate).
struct VerifierFlags {
  VerifierFlags(llvm::cl::SubCommand &Command,
                llvm::cl::OptionCategory &Category, bool WithSolverWork = true);

  llvm::cl::opt<unsigned> Timeout;
  /// Null when the command has no --solver-work.
  std::unique_ptr<llvm::cl::opt<unsigned>> SolverWork;
  llvm::cl::opt<std::string> RequestModel;

  /// The values read: the time limit in seconds, the solver work (0: none)
  /// and the request model.
  struct Values {
    unsigned TimeoutS = 10, SolverWork = 0;
    request::ModelKind Requests = request::ModelKind::Realistic;
  };

  /// The values; nullopt (said under \p Command) for a time limit out of
  /// range or an unknown request model.
  std::optional<Values> read(llvm::StringRef Command,
                             llvm::raw_ostream &Err) const;
};

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
