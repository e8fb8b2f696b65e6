//===- LspCommand.cpp - `tollgate lsp` ------------------------------------===//

#include "Commands.h"

#include "tollgate/Lsp/Server.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/WithColor.h"

#include <iostream>

using namespace llvm;

namespace tollgate {

cl::SubCommand LspCommand("lsp", "Run the language server (LSP over standard "
                                 "input and output) for editors");

static cl::OptionCategory LspCategory("lsp options");

static CheckSelectionOptions Selection(LspCommand, LspCategory);

int runLsp() {
  lsp::ServerOptions Options;
  Options.Version = toolVersion();
  Selection.applyTo(Options.Lint);
  // The pages SARIF links to, for the editor's link on a finding's code.
  Options.HelpUrl = [](const CheckInfo &C) { return helpUrl(C, ""); };
  // Wrong flags are reported before the editor connects.
  Expected<std::unique_ptr<Linter>> Check = Linter::create(Options.Lint);
  if (!Check) {
    WithColor::error(errs(), "tollgate lsp")
        << toString(Check.takeError()) << '\n';
    return ExitInputError;
  }
  std::ios::sync_with_stdio(false);
  lsp::Server S(std::move(Options));
  // Standard output carries the protocol and nothing else.
  return lsp::serve(S, std::cin, outs());
}

} // namespace tollgate
