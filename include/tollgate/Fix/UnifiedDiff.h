//===- UnifiedDiff.h - Unified diffs of a file's text -----------*- C++ -*-===//

#ifndef TOLLGATE_FIX_UNIFIEDDIFF_H
#define TOLLGATE_FIX_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace tollgate {

/// Writes the difference between \p Before and \p After, two versions of
/// the file \p Path, as `git diff` does: `--- a/PATH`, `+++ b/PATH`, hunks
/// with three lines of context. Writes nothing when the texts are equal.
void writeUnifiedDiff(llvm::StringRef Path, llvm::StringRef Before,
                      llvm::StringRef After, llvm::raw_ostream &OS);

} // namespace tollgate

#endif // TOLLGATE_FIX_UNIFIEDDIFF_H
