//===- Server.h - The tollgate language server ------------------*- C++ -*-===//
///
/// \file
/// A Language Server Protocol 3.17 server over JSON-RPC 2.0: lint findings
/// as diagnostics on open and on every change (full document sync), hover
/// on actions, action patterns, condition keys and operators, completion of
/// actions, condition keys and operators, and code actions for the fixes
/// findings carry. Each document is linted as `tollgate lint` lints the
/// file at its path, with the configuration found for that path.
///
/// The server is driven one message at a time, so that tests can run it
/// in-process; serve() runs it over a stream until the client says exit.
/// No input makes it stop answering: a malformed message gets a JSON-RPC
/// error and the server reads on.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LSP_SERVER_H
#define TOLLGATE_LSP_SERVER_H

#include "tollgate/Lint/Linter.h"
#include "tollgate/Lsp/Transport.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace lsp {

struct ServerOptions {
  /// How documents are linted: `--config`, `--select`, `--ignore`. Files
  /// that are not policies, templates or plans get no diagnostics.
  LintOptions Lint;
  /// The version the server reports in its `serverInfo`.
  std::string Version;
  /// The page that documents a check, for a diagnostic's codeDescription;
  /// none when unset or empty.
  std::function<std::string(const CheckInfo &)> HelpUrl;
};

class Server {
public:
  explicit Server(ServerOptions Options);
  ~Server();

  /// Handles one message body and returns what to send, in order:
  /// the response to a request and any notifications (diagnostics).
  std::vector<std::string> handle(llvm::StringRef Body);

  /// The error response to a message that could not be framed.
  std::string framingError(const ReadResult &R) const;

  /// True once the client has sent `exit`.
  bool exited() const;
  /// The process's exit code: 0 when `shutdown` came before `exit`.
  int exitCode() const;

private:
  struct Impl;
  std::unique_ptr<Impl> I;
};

/// Reads messages from \p In and writes the replies to \p Out until `exit`
/// or the end of the input; returns the exit code (1 when the input ended
/// without shutdown and exit).
int serve(Server &S, std::istream &In, llvm::raw_ostream &Out);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_SERVER_H
