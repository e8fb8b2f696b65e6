//===- DiffCommand.h - The `tollgate diff` subcommand -----------*- C++ -*-===//
///
/// \file
/// `tollgate diff OLD NEW`: the access NEW gains over OLD and the access it
/// loses, grouped by action, each group with the resources and conditions
/// of the statements responsible and one replayed example request.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_DIFFCOMMAND_H
#define TOLLGATE_TOOLS_DIFFCOMMAND_H

namespace tollgate {

/// Runs `tollgate diff`. \p Argv[0] names the command. Exit status: 0 no
/// access gained or lost, 1 some, 2 input error, 3 undecided parts (and
/// nothing found), 4 internal error.
int runDiffCommand(int Argc, const char **Argv);

} // namespace tollgate

#endif // TOLLGATE_TOOLS_DIFFCOMMAND_H
