//===- Positions.h - LSP positions and byte offsets -------------*- C++ -*-===//
///
/// \file
/// tollgate's spans are byte offsets into UTF-8 text; the Language Server
/// Protocol counts lines from 0 and characters in UTF-16 code units from
/// the start of the line (its default position encoding). A code point
/// above U+FFFF (an emoji) is two UTF-16 units; a byte that is not valid
/// UTF-8 counts as one unit, as an editor shows it as one replacement
/// character. Lines end at LF, CRLF or a lone CR, as the protocol says.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LSP_POSITIONS_H
#define TOLLGATE_LSP_POSITIONS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace tollgate {
namespace lsp {

struct LspPosition {
  uint32_t Line = 0;
  uint32_t Character = 0;
};

/// The lines of one text, for converting positions both ways.
class LineIndex {
public:
  /// \p Text must outlive the index.
  explicit LineIndex(llvm::StringRef Text);

  /// The position of byte \p Offset (clamped to the text; an offset inside
  /// a UTF-8 sequence counts the sequence as not yet reached).
  LspPosition position(uint32_t Offset) const;

  /// The position of the end of a span that ends at byte \p Offset: an
  /// offset inside a UTF-8 sequence counts the whole sequence, so that a
  /// span over part of a character still covers it.
  LspPosition endPosition(uint32_t Offset) const;

  /// The byte offset of \p P; a character past the end of its line means
  /// the end of the line, a line past the end the end of the text.
  uint32_t offset(LspPosition P) const;

  size_t lineCount() const { return Starts.size(); }

private:
  LspPosition locate(uint32_t Offset, bool RoundUp) const;
  /// The bytes of line \p Line without its line break.
  llvm::StringRef line(uint32_t Line) const;

  llvm::StringRef Text;
  std::vector<uint32_t> Starts;
};

/// The UTF-16 code units of \p Bytes (UTF-8).
uint32_t utf16Length(llvm::StringRef Bytes);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_POSITIONS_H
