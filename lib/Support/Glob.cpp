//===- Glob.cpp - IAM wildcard matching -----------------------------------===//

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

static bool sameChar(char A, char B, CaseMode Mode) {
  return A == B || (Mode == CaseMode::Insensitive && toLower(A) == toLower(B));
}

bool isWellFormedUtf8(StringRef S) {
  for (size_t I = 0; I < S.size();) {
    unsigned L = utf8CharLength(S, I);
    if (!L)
      return false;
    I += L;
  }
  return true;
}

bool globMatch(StringRef Pattern, StringRef Text, CaseMode Mode,
               ArrayRef<bool> Wild) {
  auto isWild = [&](size_t P, char C) {
    return Pattern[P] == C && (Wild.empty() || Wild[P]);
  };
  // Greedy matching with a single backtrack point: the position after the
  // last `*` seen. Backtracking to the last star only is enough because a
  // later star can absorb anything an earlier one could, and the text
  // between two stars matches at a given position in one way only (`?`
  // takes the one character there). A star takes bytes one at a time: a
  // start inside a character fails at once, since neither a literal of
  // the (UTF-8) pattern nor `?` begins with a continuation byte.
  size_t P = 0, T = 0;
  size_t StarP = StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && isWild(P, '*')) {
      StarP = P++;
      StarT = T;
      continue;
    }
    if (P < Pattern.size()) {
      if (isWild(P, '?')) {
        if (unsigned L = utf8CharLength(Text, T)) {
          ++P;
          T += L;
          continue;
        }
      } else if (sameChar(Pattern[P], Text[T], Mode)) {
        ++P;
        ++T;
        continue;
      }
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP + 1;
    T = ++StarT;
  }
  while (P < Pattern.size() && isWild(P, '*'))
    ++P;
  return P == Pattern.size();
}

} // namespace tollgate
