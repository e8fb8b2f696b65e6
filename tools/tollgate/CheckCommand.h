//===- CheckCommand.h - The `tollgate check` subcommand ---------*- C++ -*-===//
///
/// \file
/// `tollgate check equivalent|no-new-access|access-not-granted|
/// no-public-access|least-privilege`: proofs about what policies allow, with
/// a counterexample request when a property fails. `tollgate diff` reuses
/// the loading and printing helpers declared here.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_CHECKCOMMAND_H
#define TOLLGATE_TOOLS_CHECKCOMMAND_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {

/// Exit statuses of `tollgate check` and `tollgate diff`.
enum CheckExit {
  CheckPass = 0,
  CheckFail = 1,
  CheckInputError = 2, ///< Usage errors, unreadable or invalid policies.
  CheckUnknown = 3,
  CheckInternalError = 4, ///< A counterexample did not replay.
};

/// Runs `tollgate check`. \p Argv[0] names the command.
int runCheckCommand(int Argc, const char **Argv);

namespace checkcmd {

/// Loaded policies that must outlive the sets built from them.
struct PolicyStore {
  std::vector<LoadedPolicy> Loaded;
  /// Reads \p Path; prints grammar errors and returns null when the file
  /// cannot be used. With \p Conditions, a template's `!If`s take the
  /// branches of that assignment (the file's notes are printed only
  /// without one, the first time the file is read).
  const Policy *load(llvm::StringRef Path, llvm::Optional<PolicyType> Type,
                     llvm::raw_ostream &Err,
                     const ConditionAssignment *Conditions = nullptr);
  /// What load() read for \p P; null for a policy not loaded here.
  const LoadedPolicy *find(const Policy *P) const;
  /// A policy from text (the allow-everything identity policy, scopes).
  const Policy *fromText(llvm::StringRef Name, std::string Text,
                         PolicyType Type);
};

/// `file:line:col` of statement \p Ref of a set.
std::string statementLocation(const CompiledPolicySet &Set, StatementRef Ref);

/// Prints a counterexample request (text form). Context keys outside
/// \p ReadKeys (folded), when given, are named on one line.
void printRequest(const Request &R, bool FutureAction,
                  llvm::StringRef CatalogDate, llvm::raw_ostream &OS,
                  llvm::StringRef Indent = "  ",
                  const std::vector<std::string> *ReadKeys = nullptr);

} // namespace checkcmd
} // namespace tollgate

#endif // TOLLGATE_TOOLS_CHECKCOMMAND_H
