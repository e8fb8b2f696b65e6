//===- Glob.cpp - UTF-8 helpers and one-off wildcard matching -------------===//

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

bool isWellFormedUtf8(StringRef S) {
  for (size_t I = 0; I < S.size();) {
    unsigned L = utf8CharLength(S, I);
    if (!L)
      return false;
    I += L;
  }
  return true;
}

std::string quotedCharAt(StringRef S, size_t I, size_t &Length) {
  Length = utf8CharLength(S, I);
  if (Length)
    return S.substr(I, Length).str();
  Length = I < S.size() ? 1 : 0;
  return Length ? "\\x" + utohexstr(uint8_t(S[I]), false, 2) : "";
}

bool globMatch(StringRef PatternText, StringRef Text, CaseMode Mode,
               ArrayRef<bool> Wild) {
  return Pattern::matchesText(PatternText, Text, Mode, Wild);
}

} // namespace tollgate
