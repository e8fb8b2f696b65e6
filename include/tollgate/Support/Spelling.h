//===- Spelling.h - "Did you mean" suggestions ------------------*- C++ -*-===//

#ifndef TOLLGATE_SUPPORT_SPELLING_H
#define TOLLGATE_SUPPORT_SPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace tollgate {

/// The candidate closest to \p Word by edit distance (case-insensitive),
/// or None when none is close enough to be a plausible misspelling.
std::optional<llvm::StringRef>
closestSpelling(llvm::StringRef Word,
                llvm::ArrayRef<llvm::StringRef> Candidates);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_SPELLING_H
