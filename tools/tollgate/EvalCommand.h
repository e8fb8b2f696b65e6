//===- EvalCommand.h - The `tollgate eval` subcommand -----------*- C++ -*-===//
///
/// \file
/// `tollgate eval` decides one concrete request against a set of policies
/// and says why: the deciding statements with their file:line:col, and the
/// conditions that failed.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_EVALCOMMAND_H
#define TOLLGATE_TOOLS_EVALCOMMAND_H

namespace tollgate {

/// Runs `tollgate eval`. \p Argv[0] names the command; the options follow.
/// Returns 0 for Allow, 1 for a deny, 2 for usage or input errors and 3 when
/// the policies use a construct the evaluator cannot decide.
int runEvalCommand(int Argc, const char **Argv);

} // namespace tollgate

#endif // TOLLGATE_TOOLS_EVALCOMMAND_H
