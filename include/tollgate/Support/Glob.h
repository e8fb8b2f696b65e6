//===- Glob.h - IAM wildcard matching ---------------------------*- C++ -*-===//
///
/// \file
/// Matching of IAM wildcard patterns, where `*` stands for any run of
/// characters (including none, and including `/` and `:`) and `?` for exactly
/// one character. This is the matching used by Action, Resource and the
/// `*Like` condition operators.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_GLOB_H
#define TOLLGATE_SUPPORT_GLOB_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>

namespace tollgate {

enum class CaseMode { Sensitive, Insensitive };

/// Returns true if \p Text matches the wildcard pattern \p Pattern.
/// Runs in O(|Pattern| * |Text|) at worst and linear time in practice.
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text,
               CaseMode Mode = CaseMode::Sensitive);

/// The index of the first `*` or `?` in \p S, or npos. As
/// `S.find_first_of("*?")`, which builds a character set on every call:
/// this runs for every entry on the rules' hottest paths.
inline size_t findWildcard(llvm::StringRef S) {
  for (size_t I = 0, E = S.size(); I != E; ++I)
    if (S[I] == '*' || S[I] == '?')
      return I;
  return llvm::StringRef::npos;
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
