//===- Glob.cpp - IAM wildcard matching -----------------------------------===//

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

static bool sameChar(char A, char B, CaseMode Mode) {
  return A == B || (Mode == CaseMode::Insensitive && toLower(A) == toLower(B));
}

bool globMatch(StringRef Pattern, StringRef Text, CaseMode Mode) {
  // Greedy matching with a single backtrack point: the position after the
  // last `*` seen. Backtracking to the last star only is enough because a
  // later star can absorb anything an earlier one could.
  size_t P = 0, T = 0;
  size_t StarP = StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarT = T;
      continue;
    }
    if (P < Pattern.size() &&
        (Pattern[P] == '?' || sameChar(Pattern[P], Text[T], Mode))) {
      ++P;
      ++T;
      continue;
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP + 1;
    T = ++StarT;
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

} // namespace tollgate
