//===- JsonWriter.cpp - Indented JSON written as it goes ------------------===//

#include "JsonWriter.h"

#include <nlohmann/json.hpp>

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

void JsonWriter::writeString(raw_ostream &OS, StringRef S) {
  // Most strings are printable ASCII without quotes or backslashes; anything
  // else but the ASCII escapes goes through nlohmann::json, whose handling
  // of invalid UTF-8 this must match.
  size_t Plain = 0;
  bool Ascii = true;
  for (unsigned char C : S) {
    if (C >= 0x80) {
      Ascii = false;
      break;
    }
    if (C >= 0x20 && C != '"' && C != '\\')
      ++Plain;
  }
  if (!Ascii) {
    OS << nlohmann::json(S.str()).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  OS << '"';
  if (Plain == S.size()) {
    OS << S;
    OS << '"';
    return;
  }
  static const char Hex[] = "0123456789abcdef";
  for (unsigned char C : S) {
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
