//===- JsonWriter.cpp - Indented JSON written as it goes ------------------===//

#include "JsonWriter.h"

#include <nlohmann/json.hpp>

#include <cstring>

using namespace llvm;

namespace tollgate {

void JsonWriter::newline(size_t Depth) {
  OS << '\n';
  OS.indent(Base + 2 * Depth);
}

void JsonWriter::open(char C) {
  OS << C;
  Empty.push_back(true);
}

void JsonWriter::close(char C) {
  bool WasEmpty = Empty.pop_back_val();
  if (!WasEmpty)
    newline(Empty.size());
  OS << C;
}

void JsonWriter::element() {
  if (!Empty.back())
    OS << ',';
  Empty.back() = false;
  newline(Empty.size());
}

void JsonWriter::key(StringRef Key) {
  element();
  writeString(OS, Key);
  OS << ": ";
}

/// The length of the run of printable ASCII at the start of \p S that needs
/// no escape: no quote, backslash, control character or byte above 0x7F.
/// Reads eight bytes at a time.
static size_t plainPrefix(StringRef S) {
  constexpr uint64_t Ones = 0x0101010101010101ULL;
  constexpr uint64_t Highs = 0x8080808080808080ULL;
  size_t Pos = 0;
  for (; Pos + 8 <= S.size(); Pos += 8) {
    uint64_t W;
    std::memcpy(&W, S.data() + Pos, 8);
    uint64_t Quote = W ^ (Ones * '"'), Back = W ^ (Ones * '\\');
    uint64_t Stop = ((Quote - Ones) & ~Quote) | ((Back - Ones) & ~Back) |
                    ((W - Ones * 0x20) & ~W) | W;
    if (Stop & Highs)
      break;
  }
  for (; Pos < S.size(); ++Pos) {
    unsigned char C = S[Pos];
    if (C < 0x20 || C >= 0x80 || C == '"' || C == '\\')
      break;
  }
  return Pos;
}

void JsonWriter::writeString(raw_ostream &OS, StringRef S) {
  // Most strings are printable ASCII without quotes or backslashes; anything
  // else but the ASCII escapes goes through nlohmann::json, whose handling
  // of invalid UTF-8 this must match.
  size_t Plain = plainPrefix(S);
  if (Plain == S.size()) {
    OS << '"' << S << '"';
    return;
  }
  bool Ascii = true;
  for (unsigned char C : S.drop_front(Plain))
    if (C >= 0x80) {
      Ascii = false;
      break;
    }
  if (!Ascii) {
    OS << nlohmann::json(S.str()).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  OS << '"' << S.take_front(Plain);
  static const char Hex[] = "0123456789abcdef";
  for (unsigned char C : S.drop_front(Plain)) {
    switch (C) {
    case '"':
      OS << "\\\"";
      break;
    case '\\':
      OS << "\\\\";
      break;
    case '\b':
      OS << "\\b";
      break;
    case '\f':
      OS << "\\f";
      break;
    case '\n':
      OS << "\\n";
      break;
    case '\r':
      OS << "\\r";
      break;
    case '\t':
      OS << "\\t";
      break;
    default:
      if (C < 0x20)
        OS << "\\u00" << Hex[C >> 4] << Hex[C & 15];
      else
        OS << static_cast<char>(C);
    }
  }
  OS << '"';
}

} // namespace tollgate
