//===- Glob.cpp - UTF-8 helpers and one-off wildcard matching -------------===//

#include "tollgate/Support/Glob.h"

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

bool globMatch(StringRef PatternText, StringRef Text, CaseMode Mode,
               ArrayRef<bool> Wild) {
  return Pattern::matchesText(PatternText, Text, Mode, Wild);
}

} // namespace tollgate
