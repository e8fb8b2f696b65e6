//===- Source.h - Source files and locations --------------------*- C++ -*-===//
///
/// \file
/// A source file in memory, and the byte spans that every parsed node keeps.
/// Line and column are computed on demand from a byte offset, so parsing only
/// records offsets.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_SOURCE_H
#define TOLLGATE_SUPPORT_SOURCE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tollgate {

/// A half-open byte range [Begin, End) in one source file.
struct Span {
  uint32_t Begin = 0;
  uint32_t End = 0;

  Span() = default;
  Span(uint32_t Begin, uint32_t End) : Begin(Begin), End(End) {}
  bool empty() const { return Begin == End; }
  uint32_t size() const { return End - Begin; }
};

/// A position as people and tools read it. Line and column count from 1;
/// the column counts Unicode code points; the offset counts bytes from 0.
struct Position {
  uint32_t Line = 1;
  uint32_t Column = 1;
  uint32_t Offset = 0;
};

/// The text of one input, named as the user named it.
class SourceFile {
public:
  SourceFile(std::string Name, std::string Text)
      : Name(std::move(Name)), Text(std::move(Text)) {}

  /// A file whose text could not be read; findings on it have no position.
  static std::shared_ptr<const SourceFile> unread(std::string Name) {
    auto F = std::make_shared<SourceFile>(std::move(Name), std::string());
    F->Read = false;
    return F;
  }

  llvm::StringRef name() const { return Name; }
  llvm::StringRef text() const { return Text; }
  bool wasRead() const { return Read; }

  /// The line, column and offset of byte \p Offset (clamped to the text).
  Position position(uint32_t Offset) const;

  /// The text of the line that holds byte \p Offset, without its newline.
  llvm::StringRef lineAt(uint32_t Offset) const;

private:
  void buildLineStarts() const;
  void buildBlockCounts() const;
  /// The code points in the text's first \p Offset bytes.
  uint32_t codePointsBefore(uint32_t Offset) const;

  static constexpr size_t BlockSize = 4096;

  std::string Name;
  std::string Text;
  bool Read = true;
  mutable std::once_flag LinesOnce;
  mutable std::vector<uint32_t> LineStarts;
  /// The code points before each block of BlockSize bytes.
  mutable std::once_flag BlocksOnce;
  mutable std::vector<uint32_t> BlockCodePoints;
};

using SourceFileRef = std::shared_ptr<const SourceFile>;

/// Counts the Unicode code points in \p Bytes (continuation bytes of UTF-8
/// sequences do not count).
uint32_t countCodePoints(llvm::StringRef Bytes);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_SOURCE_H
