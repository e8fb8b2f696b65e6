//===- CheckCommand.h - The `tollgate check` subcommand ---------*- C++ -*-===//
///
/// \file
/// `tollgate check equivalent|no-new-access|access-not-granted|
/// no-public-access|least-privilege`: proofs about what policies allow, with
/// a counterexample request when a property fails.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_CHECKCOMMAND_H
#define TOLLGATE_TOOLS_CHECKCOMMAND_H

namespace tollgate {

/// Runs `tollgate check`. \p Argv[0] names the command.
int runCheckCommand(int Argc, const char **Argv);

} // namespace tollgate

#endif // TOLLGATE_TOOLS_CHECKCOMMAND_H
