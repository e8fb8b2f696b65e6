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
