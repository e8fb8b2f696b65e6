//===- Reader.h - Located JSON reader ---------------------------*- C++ -*-===//
///
/// \file
/// Reads RFC 8259 JSON into a located document. The reader never crashes on
/// bad input: truncated or binary text, invalid UTF-8, nesting too deep and
/// numbers out of range each come back as a ReadIssue at the exact byte.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_JSON_READER_H
#define TOLLGATE_JSON_READER_H

#include "tollgate/Json/Depth.h"
#include "tollgate/Json/Value.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {
namespace json {

struct ReadIssue {
  enum IssueKind {
    Syntax,       ///< Not JSON (fatal).
    Encoding,     ///< Not UTF-8 (fatal).
    TooDeep,      ///< Nesting beyond ReadOptions::MaxDepth (fatal).
    NumberRange,  ///< A number no 64-bit float can hold (fatal).
    DuplicateKey, ///< An object repeats a key (the document is still read).
  };
  IssueKind K;
  Span Range;
  std::string Message;
  /// For DuplicateKey: the key's first occurrence.
  Span Previous;

  bool isFatal() const { return K != DuplicateKey; }
};

struct ReadOptions {
  unsigned MaxDepth = MaxJsonDepth;
};

struct ReadResult {
  /// Null when a fatal issue stopped the reader.
  std::unique_ptr<Document> Doc;
  /// Every issue found, the fatal one (if any) last.
  std::vector<ReadIssue> Issues;
};

/// Reads \p Text, whose size must be below 4 GiB. A leading UTF-8 byte order
/// mark is skipped.
ReadResult read(llvm::StringRef Text, const ReadOptions &Options = {});

} // namespace json
} // namespace tollgate

#endif // TOLLGATE_JSON_READER_H
