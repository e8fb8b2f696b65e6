//===- AccountCommand.h - The `tollgate account` subcommand -----*- C++ -*-===//

#ifndef TOLLGATE_TOOLS_ACCOUNTCOMMAND_H
#define TOLLGATE_TOOLS_ACCOUNTCOMMAND_H

namespace tollgate {

/// `tollgate account FILE VERB [options]`: questions about a whole account.
/// \p Argv is the whole command line (`tollgate account ...`) or starts at
/// the command (`account ...`).
int runAccountCommand(int Argc, const char **Argv);

} // namespace tollgate

#endif // TOLLGATE_TOOLS_ACCOUNTCOMMAND_H
