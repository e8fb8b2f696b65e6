//===- GlobCover.cpp - Does one wildcard pattern cover another ------------===//

#include "GlobCover.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

static bool sameChar(char A, char B, CaseMode Mode) {
  return A == B || (Mode == CaseMode::Insensitive && toLower(A) == toLower(B));
}

bool globCovers(StringRef A, StringRef B, CaseMode Mode) {
  // The greedy matcher of globMatch, run on B as text, with B's wildcards
  // as symbols: A's `?` absorbs one symbol other than `*`; A's literals
  // absorb only the same literal.
  size_t P = 0, T = 0;
  size_t StarP = StringRef::npos, StarT = 0;
  while (T < B.size()) {
    if (P < A.size() && A[P] == '*') {
      StarP = P++;
      StarT = T;
      continue;
    }
    if (P < A.size()) {
      char BC = B[T];
      // A's `?` absorbs B's `?` or one whole character of B's literal text.
      size_t Step = 0;
      if (A[P] == '?')
        Step = BC == '*' ? 0 : BC == '?' ? 1 : utf8CharLength(B, T);
      else if (BC != '*' && BC != '?' && sameChar(A[P], BC, Mode))
        Step = 1;
      if (Step) {
        ++P;
        T += Step;
        continue;
      }
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP + 1;
    T = ++StarT;
  }
  while (P < A.size() && A[P] == '*')
    ++P;
  return P == A.size();
}

std::array<StringRef, 6> arnPatternFields(StringRef Pattern) {
  std::array<StringRef, 6> F;
  StringRef Rest = Pattern;
  unsigned I = 0;
  for (; I < 5; ++I) {
    size_t Colon = Rest.find(':');
    if (Colon == StringRef::npos)
      break;
    F[I] = Rest.substr(0, Colon);
    Rest = Rest.substr(Colon + 1);
  }
  F[I++] = Rest;
  for (; I < 6; ++I)
    F[I] = "*";
  return F;
}

bool resourcePatternCovers(StringRef A, StringRef B) {
  if (A == "*")
    return true;
  if (B == "*")
    return false;
  return resourceFieldsCover(A, arnPatternFields(A), B, arnPatternFields(B));
}

bool resourceFieldsCover(StringRef A, const std::array<StringRef, 6> &FA,
                         StringRef B, const std::array<StringRef, 6> &FB) {
  if (A == "*")
    return true;
  if (B == "*")
    return false;
  for (unsigned I = 0; I < 6; ++I)
    if (!globCovers(FA[I], FB[I],
                    I == 5 ? CaseMode::Sensitive : CaseMode::Insensitive))
      return false;
  return true;
}

bool isAllWildcards(StringRef S) {
  return !S.empty() && S.find_first_not_of("*?") == StringRef::npos;
}

} // namespace tollgate
