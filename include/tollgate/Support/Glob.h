//===- Glob.h - Characters of wildcard text ---------------------*- C++ -*-===//
///
/// \file
/// What a character is in IAM wildcard text, quick tests for wildcards, and
/// globMatch() for a pattern matched once. The pattern type itself (match,
/// covers, intersects) is Pattern (Support/Pattern.h): `*` stands for any
/// run of characters (including none, and including `/` and `:`) and `?`
/// for exactly one character, for Action, Resource and the `*Like`
/// condition operators, in the evaluator, the rules and the verifier alike.
///
/// Characters are Unicode code points in UTF-8. The IAM User Guide ("IAM
/// JSON policy elements: Resource") lists the wildcards as "Any combination
/// of characters (*) Any single character (?)"; `?` therefore spans the 1 to
/// 4 bytes of one well-formed UTF-8 sequence and never part of one. A
/// byte that does not begin a well-formed sequence (text that is not UTF-8,
/// which a policy or request read from JSON never is) is no character: `?`
/// does not match it and `*` does. The verifier's encoding of `?` is the
/// same set of byte sequences, so evaluator and solver agree on every string.
///
/// Case-insensitive matching folds the ASCII letters only. The User Guide
/// defines IgnoreCase and action matching as "case-insensitive" without
/// naming a Unicode folding, and every name AWS compares that way (actions,
/// ARN prefixes, Bool values) is ASCII; the encoder folds the same letters.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_GLOB_H
#define TOLLGATE_SUPPORT_GLOB_H

#include "tollgate/Support/Pattern.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace tollgate {

/// The length in bytes (1 to 4) of the well-formed UTF-8 sequence that
/// starts at \p S[\p I], or 0 when none does (a stray continuation byte, an
/// overlong form, a surrogate, a value above U+10FFFF or a cut sequence).
inline unsigned utf8CharLength(llvm::StringRef S, size_t I) {
  auto At = [&](size_t K) { return static_cast<uint8_t>(S[K]); };
  size_t N = S.size();
  if (I >= N)
    return 0;
  uint8_t B0 = At(I);
  if (B0 < 0x80)
    return 1;
  auto Cont = [&](size_t K, uint8_t Lo = 0x80, uint8_t Hi = 0xBF) {
    return K < N && At(K) >= Lo && At(K) <= Hi;
  };
  if (B0 >= 0xC2 && B0 <= 0xDF)
    return Cont(I + 1) ? 2 : 0;
  if (B0 >= 0xE0 && B0 <= 0xEF) {
    uint8_t Lo = B0 == 0xE0 ? 0xA0 : 0x80, Hi = B0 == 0xED ? 0x9F : 0xBF;
    return Cont(I + 1, Lo, Hi) && Cont(I + 2) ? 3 : 0;
  }
  if (B0 >= 0xF0 && B0 <= 0xF4) {
    uint8_t Lo = B0 == 0xF0 ? 0x90 : 0x80, Hi = B0 == 0xF4 ? 0x8F : 0xBF;
    return Cont(I + 1, Lo, Hi) && Cont(I + 2) && Cont(I + 3) ? 4 : 0;
  }
  return 0;
}

/// The character at \p S[\p I] and its length in bytes: a code point, or,
/// for a byte that starts no well-formed sequence, a value above U+10FFFF
/// that stands for that byte alone.
inline std::pair<uint32_t, unsigned> charAt(llvm::StringRef S, size_t I) {
  unsigned L = utf8CharLength(S, I);
  uint8_t B0 = static_cast<uint8_t>(S[I]);
  if (L == 0)
    return {0x110000u + B0, 1};
  if (L == 1)
    return {B0, 1};
  uint32_t CP = B0 & (0x7F >> L);
  for (unsigned K = 1; K < L; ++K)
    CP = (CP << 6) | (static_cast<uint8_t>(S[I + K]) & 0x3F);
  return {CP, L};
}

/// True if \p S is well-formed UTF-8.
bool isWellFormedUtf8(llvm::StringRef S);

/// The character at \p S[\p I] as text to quote in a message: its whole
/// UTF-8 sequence, or `\xNN` for a byte that starts none, so a message
/// never holds part of a character. \p Length receives the bytes it spans.
std::string quotedCharAt(llvm::StringRef S, size_t I, size_t &Length);

/// Returns true if \p Text matches the wildcard pattern \p Pattern:
/// Pattern::matchesText(), for a pattern matched once. Code that matches one
/// pattern many times parses it once (Support/Pattern.h).
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text,
               CaseMode Mode = CaseMode::Sensitive,
               llvm::ArrayRef<bool> Wild = {});

/// The index of the first `*` or `?` in \p S, or npos. As
/// `S.find_first_of("*?")`, which builds a character set on every call:
/// this runs for every entry on the rules' hottest paths.
inline size_t findWildcard(llvm::StringRef S) {
  for (size_t I = 0, E = S.size(); I != E; ++I)
    if (S[I] == '*' || S[I] == '?')
      return I;
  return llvm::StringRef::npos;
}

/// True if \p S is made of `*` and `?` only (and is not empty).
inline bool isAllWildcards(llvm::StringRef S) {
  return !S.empty() && S.find_first_not_of("*?") == llvm::StringRef::npos;
}

/// Returns true if \p S contains `*` or `?`. Reads eight bytes at a time:
/// it runs over every Action entry of every policy.
inline bool hasWildcard(llvm::StringRef S) {
  constexpr uint64_t Ones = 0x0101010101010101ULL;
  constexpr uint64_t Highs = 0x8080808080808080ULL;
  const char *P = S.data();
  size_t N = S.size();
  for (; N >= 8; P += 8, N -= 8) {
    uint64_t W;
    std::memcpy(&W, P, 8);
    // A byte of Star or Query is zero where W holds `*` or `?`; the test
    // is nonzero exactly when some byte is zero.
    uint64_t Star = W ^ (Ones * '*'), Query = W ^ (Ones * '?');
    if (((Star - Ones) & ~Star & Highs) | ((Query - Ones) & ~Query & Highs))
      return true;
  }
  for (; N; ++P, --N)
    if (*P == '*' || *P == '?')
      return true;
  return false;
}

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_GLOB_H
