//===- GlobCover.h - Does one wildcard pattern cover another ----*- C++ -*-===//
///
/// \file
/// Pattern inclusion for the redundancy and scope rules: does every string
/// that pattern B matches also match pattern A? `s3:Get*` covers
/// `s3:GetObject` and `s3:GetObject*`; `s3:Get?` does not cover `s3:Get*`.
///
/// The test reads B's wildcards as symbols that only an equal or wider
/// wildcard of A can absorb (`*` only by `*`, `?` by `?` or `*`). It never
/// answers "covers" wrongly; in rare contrived cases (`a*` against `a**`) it
/// may miss an inclusion, which only costs a finding.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_GLOBCOVER_H
#define TOLLGATE_LIB_LINT_RULES_GLOBCOVER_H

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace tollgate {

/// The index of the first `*` or `?` in \p S, or npos. As
/// `S.find_first_of("*?")`, which builds a character set on every call:
/// this runs for every entry on the rules' hottest paths.
inline size_t findWildcard(llvm::StringRef S) {
  for (size_t I = 0, E = S.size(); I != E; ++I)
    if (S[I] == '*' || S[I] == '?')
      return I;
  return llvm::StringRef::npos;
}

/// As hasWildcard() (tollgate/Support/Glob.h), eight bytes at a time: this
/// runs over every Action entry of every policy.
inline bool hasGlobWildcard(llvm::StringRef S) {
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

/// True if every string matching \p B matches \p A.
bool globCovers(llvm::StringRef A, llvm::StringRef B,
                CaseMode Mode = CaseMode::Sensitive);

/// The six fields of a Resource pattern as IAM matches them: the first five
/// colon-separated fields and the rest; fields a short pattern lacks are
/// `*`.
std::array<llvm::StringRef, 6> arnPatternFields(llvm::StringRef Pattern);

/// True if every resource that Resource pattern \p B matches is matched by
/// Resource pattern \p A, field by field (the first five fields ignoring
/// case, the resource part exactly). `*` covers everything; `*` is covered
/// only by `*`.
bool resourcePatternCovers(llvm::StringRef A, llvm::StringRef B);

/// As resourcePatternCovers(A, B), given the fields of both patterns
/// (arnPatternFields()), for callers that compare an entry many times.
bool resourceFieldsCover(llvm::StringRef A,
                         const std::array<llvm::StringRef, 6> &FA,
                         llvm::StringRef B,
                         const std::array<llvm::StringRef, 6> &FB);

/// True if \p S is made of `*` and `?` only (and is not empty).
bool isAllWildcards(llvm::StringRef S);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_GLOBCOVER_H
