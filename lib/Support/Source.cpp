//===- Source.cpp - Source files and locations ----------------------------===//

#include "tollgate/Support/Source.h"

#include <algorithm>
#include <cstring>

using namespace llvm;

namespace tollgate {

uint32_t countCodePoints(StringRef Bytes) {
  uint32_t N = 0;
  for (unsigned char C : Bytes)
    N += (C & 0xC0) != 0x80;
  return N;
}

void SourceFile::buildLineStarts() const {
  std::call_once(LinesOnce, [this] {
    LineStarts.push_back(0);
    // memchr skips whole lines at a time.
    const char *Begin = Text.data(), *End = Begin + Text.size();
    for (const char *P = Begin;
         (P = static_cast<const char *>(std::memchr(P, '\n', End - P)));)
      LineStarts.push_back(static_cast<uint32_t>(++P - Begin));
  });
}

void SourceFile::buildBlockCounts() const {
  std::call_once(BlocksOnce, [this] {
    BlockCodePoints.reserve(Text.size() / BlockSize + 1);
    uint32_t N = 0;
    for (size_t B = 0; B < Text.size(); B += BlockSize) {
      BlockCodePoints.push_back(N);
      N += countCodePoints(StringRef(Text).substr(B, BlockSize));
    }
  });
}

uint32_t SourceFile::codePointsBefore(uint32_t Offset) const {
  buildBlockCounts();
  size_t Block = Offset / BlockSize;
  if (Block >= BlockCodePoints.size())
    return countCodePoints(StringRef(Text).take_front(Offset));
  return BlockCodePoints[Block] +
         countCodePoints(StringRef(Text).slice(Block * BlockSize, Offset));
}

Position SourceFile::position(uint32_t Offset) const {
  buildLineStarts();
  Offset = std::min<uint32_t>(Offset, Text.size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  size_t LineIndex = (It - LineStarts.begin()) - 1;
  uint32_t LineStart = LineStarts[LineIndex];
  Position P;
  P.Line = static_cast<uint32_t>(LineIndex + 1);
  // On a long line (a minified document), count through the per-block
  // totals, so that each position costs at most two blocks.
  P.Column =
      1 + (Offset - LineStart <= 2 * BlockSize
               ? countCodePoints(StringRef(Text).slice(LineStart, Offset))
               : codePointsBefore(Offset) - codePointsBefore(LineStart));
  P.Offset = Offset;
  return P;
}

StringRef SourceFile::lineAt(uint32_t Offset) const {
  buildLineStarts();
  Offset = std::min<uint32_t>(Offset, Text.size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  uint32_t Begin = *(It - 1);
  uint32_t End = It == LineStarts.end() ? Text.size() : *It - 1;
  StringRef Line = StringRef(Text).slice(Begin, End);
  return Line.rtrim('\r');
}

} // namespace tollgate
