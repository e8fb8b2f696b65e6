//===- ReadFile.h - Reading an input with a size limit ----------*- C++ -*-===//
///
/// \file
/// The one way tollgate reads an input: a file, `-` (standard input), a
/// device, a pipe or a FIFO. The read stops once it has more bytes than the
/// limit, whatever the input is, so no input can make tollgate allocate
/// more than the limit.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_READFILE_H
#define TOLLGATE_SUPPORT_READFILE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace tollgate {

/// The size limit of every input unless an option says otherwise (16 MiB).
constexpr uint64_t DefaultMaxInputBytes = 16u << 20;

struct ReadOutcome {
  enum Status : uint8_t {
    Ok,
    CannotRead,  ///< Missing, no permission, an I/O error.
    IsDirectory, ///< A directory, not a file.
    TooLarge,    ///< More bytes than the limit; Text is empty.
  };
  Status S = Ok;
  std::string Text;
  /// Why the input could not be read: the system's reason ("No such file
  /// or directory") or, when too large, a sentence ("file is N bytes;
  /// tollgate reads files up to M bytes").
  std::string Message;

  explicit operator bool() const { return S == Ok; }
};

/// Reads \p Path (`-` for standard input) up to \p MaxBytes bytes. A regular
/// file larger than the limit is refused unread; any other input is read
/// until it ends or passes the limit.
ReadOutcome readBounded(llvm::StringRef Path,
                        uint64_t MaxBytes = DefaultMaxInputBytes);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_READFILE_H
