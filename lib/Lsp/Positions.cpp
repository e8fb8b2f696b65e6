//===- Positions.cpp - LSP positions and byte offsets ---------------------===//

#include "tollgate/Lsp/Positions.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace lsp {

/// The length of the UTF-8 sequence that \p Lead starts, or 1 for a byte
/// that starts none (a stray continuation byte or an invalid byte).
static unsigned sequenceLength(unsigned char Lead) {
  if (Lead < 0xC2)
    return 1;
  if (Lead < 0xE0)
    return 2;
  if (Lead < 0xF0)
    return 3;
  if (Lead < 0xF5)
    return 4;
  return 1;
}

/// Walks \p Bytes code point by code point; \p Fn gets each one's byte
/// offset, byte length and UTF-16 length, and returns false to stop.
template <typename Fn> static void forEachCodePoint(StringRef Bytes, Fn F) {
  size_t I = 0;
  while (I < Bytes.size()) {
    unsigned Len = sequenceLength(Bytes[I]);
    // A truncated or malformed sequence: its lead byte is one character.
    for (unsigned K = 1; K < Len; ++K)
      if (I + K >= Bytes.size() || (Bytes[I + K] & 0xC0) != 0x80) {
        Len = 1;
        break;
      }
    if (!F(I, Len, Len == 4 ? 2u : 1u))
      return;
    I += Len;
  }
}

uint32_t utf16Length(StringRef Bytes) {
  uint32_t Units = 0;
  forEachCodePoint(Bytes, [&](size_t, unsigned, unsigned U) {
    Units += U;
    return true;
  });
  return Units;
}

LineIndex::LineIndex(StringRef Text) : Text(Text) {
  Starts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\r' && I + 1 < Text.size() && Text[I + 1] == '\n')
      ++I;
    if (Text[I] == '\n' || Text[I] == '\r')
      Starts.push_back(uint32_t(I + 1));
  }
}

StringRef LineIndex::line(uint32_t Line) const {
  size_t Begin = Starts[Line];
  size_t End = Line + 1 < Starts.size() ? Starts[Line + 1] : Text.size();
  StringRef L = Text.slice(Begin, End);
  if (L.endswith("\n"))
    L = L.drop_back();
  if (L.endswith("\r"))
    L = L.drop_back();
  return L;
}

LspPosition LineIndex::position(uint32_t Offset) const {
  return locate(Offset, false);
}

LspPosition LineIndex::endPosition(uint32_t Offset) const {
  return locate(Offset, true);
}

LspPosition LineIndex::locate(uint32_t Offset, bool RoundUp) const {
  Offset = std::min<uint32_t>(Offset, uint32_t(Text.size()));
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  uint32_t Line = uint32_t(It - Starts.begin()) - 1;
  StringRef L = line(Line);
  uint32_t Column = Offset - Starts[Line];
  // An offset inside the line break is the end of the line.
  if (Column > L.size())
    Column = uint32_t(L.size());
  LspPosition P;
  P.Line = Line;
  forEachCodePoint(L, [&](size_t At, unsigned Len, unsigned Units) {
    if (At + Len > Column && !(RoundUp && At < Column))
      return false;
    P.Character += Units;
    return true;
  });
  return P;
}

uint32_t LineIndex::offset(LspPosition P) const {
  if (P.Line >= Starts.size())
    return uint32_t(Text.size());
  StringRef L = line(P.Line);
  uint32_t Result = Starts[P.Line] + uint32_t(L.size());
  uint32_t Units = 0;
  forEachCodePoint(L, [&](size_t At, unsigned, unsigned U) {
    // A character in the middle of a surrogate pair means the pair's start.
    if (Units + U > P.Character) {
      Result = Starts[P.Line] + uint32_t(At);
      return false;
    }
    Units += U;
    return true;
  });
  return Result;
}

} // namespace lsp
} // namespace tollgate
