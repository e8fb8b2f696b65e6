//===- Fingerprint.h - Stable identities of findings ------------*- C++ -*-===//
///
/// \file
/// A finding keeps its identity across edits that do not touch it: code
/// scanning (SARIF partialFingerprints) and baselines know it by its file,
/// check and JSON pointer, and baselines also by the text it is about. None
/// of these change when a file is reformatted or lines are added above the
/// finding; the message, which may quote counts from the catalog, is no
/// part of them.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_FINGERPRINT_H
#define TOLLGATE_SUPPORT_FINGERPRINT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace tollgate {

/// A hex digest (16 digits) of \p File, \p Code and \p Pointer.
std::string locationFingerprint(llvm::StringRef File, llvm::StringRef Code,
                                llvm::StringRef Pointer);

/// A hex digest (16 digits) of \p Text with the white space outside
/// double-quoted strings left out, so that reindenting or rewrapping JSON
/// (or YAML flow collections) keeps it.
std::string textFingerprint(llvm::StringRef Text);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_FINGERPRINT_H
