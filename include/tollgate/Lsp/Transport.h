//===- Transport.h - Framed JSON-RPC messages -------------------*- C++ -*-===//
///
/// \file
/// The base protocol of the Language Server Protocol: each message is a
/// header (`Content-Length: N`, optionally `Content-Type`, each line ended
/// by CRLF, then an empty line) followed by N bytes of JSON. Reading is
/// bounded: a header line, the number of header lines and the body size
/// all have limits, and a body over the limit is skipped in small pieces,
/// so that no input makes the reader hold more than the limit or stop
/// reading in the middle of a message.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LSP_TRANSPORT_H
#define TOLLGATE_LSP_TRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <istream>
#include <string>

namespace tollgate {
namespace lsp {

/// The largest message body read; larger ones are skipped.
constexpr uint64_t MaxMessageBytes = uint64_t(64) << 20;

struct ReadResult {
  enum Status {
    Message,     ///< Body holds one message.
    EndOfStream, ///< The input ended (between or inside messages).
    BadHeader,   ///< The header was malformed; Problem says how.
    TooLarge,    ///< The body was over the limit and was skipped.
  };
  Status S = EndOfStream;
  std::string Body;
  std::string Problem;
};

/// Reads one framed message from \p In; bodies over \p MaxBytes are
/// skipped.
ReadResult readMessage(std::istream &In, uint64_t MaxBytes = MaxMessageBytes);

/// Writes \p Body framed with its Content-Length, and flushes.
void writeMessage(llvm::raw_ostream &OS, llvm::StringRef Body);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_TRANSPORT_H
