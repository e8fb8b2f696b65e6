//===- GateCommand.h - The `tollgate gate` subcommand -----------*- C++ -*-===//
///
/// \file
/// `tollgate gate --base REF [PATH...]`: the check a pull request or a
/// commit needs. In a git repository it finds the policy files and
/// templates changed since REF, lints them, and proves for every changed
/// policy that it grants no access its version at REF did not. New access
/// fails the gate unless an allow-list entry covers it.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TOOLS_GATECOMMAND_H
#define TOLLGATE_TOOLS_GATECOMMAND_H

namespace tollgate {

/// Runs `tollgate gate`. \p Argv[0] names the command. Exits like
/// `tollgate check`: 0 pass, 1 new access or lint findings at the failure
/// level, 2 usage or input error, 3 a policy the verifier could not decide,
/// 4 internal error.
int runGateCommand(int Argc, const char **Argv);

} // namespace tollgate

#endif // TOLLGATE_TOOLS_GATECOMMAND_H
