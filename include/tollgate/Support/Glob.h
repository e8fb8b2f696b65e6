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

namespace tollgate {

enum class CaseMode { Sensitive, Insensitive };

/// Returns true if \p Text matches the wildcard pattern \p Pattern.
/// Runs in O(|Pattern| * |Text|) at worst and linear time in practice.
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text,
               CaseMode Mode = CaseMode::Sensitive);

/// Returns true if \p Pattern contains `*` or `?`.
inline bool hasWildcard(llvm::StringRef Pattern) {
  return Pattern.find_first_of("*?") != llvm::StringRef::npos;
}

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_GLOB_H
