//===- Baseline.h - Findings accepted when a check was adopted --*- C++ -*-===//
///
/// \file
/// A baseline is the list of findings a project had when it adopted a check;
/// with `--baseline FILE`, lint reports only the findings that are not in it.
/// A finding is known by its file (relative to the baseline file's
/// directory), code, JSON pointer and message, never by its line, so that
/// edits elsewhere in the file do not invalidate the baseline. A baseline
/// entry absorbs one finding: if the same finding appears twice and the
/// baseline lists it once, the second is reported. An entry with a
/// `"count"` stands for that many equal findings (the writer merges equal
/// findings so).
///
/// The file is JSON:
///
/// \code
///   {
///     "version": 1,
///     "tool": "tollgate",
///     "findings": [
///       {"file": "policies/admin.json", "code": "IAM101",
///        "pointer": "/Statement/0", "message": "statement allows ..."}
///     ]
///   }
/// \endcode
///
/// Findings that mean a file could not be read, and findings on
/// configuration files, are never part of a baseline.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_BASELINE_H
#define TOLLGATE_CONFIG_BASELINE_H

#include "tollgate/Support/Findings.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tollgate {

class Baseline {
public:
  /// Reads the baseline file at \p Path.
  static llvm::Expected<Baseline> load(llvm::StringRef Path);

  /// Writes the findings of \p Files that a baseline can hold to \p Path,
  /// sorted, so that the file changes only when the findings do. Returns how
  /// many it wrote.
  static llvm::Expected<size_t> write(llvm::StringRef Path,
                                      llvm::ArrayRef<FileFindings> Files);

  /// True when a baseline can hold \p D.
  static bool canHold(const Diagnostic &D);

  /// Removes from \p Files every finding the baseline holds, each entry
  /// absorbing one finding, in the order of \p Files. Returns how many it
  /// removed.
  size_t filter(std::vector<FileFindings> &Files) const;

  size_t size() const { return Size; }

private:
  /// The key of a finding: file, code, pointer and message, each followed
  /// by a NUL.
  static std::string key(llvm::StringRef File, llvm::StringRef Code,
                         llvm::StringRef Pointer, llvm::StringRef Message);

  std::string Dir;
  llvm::StringMap<unsigned> Counts;
  size_t Size = 0;
};

} // namespace tollgate

#endif // TOLLGATE_CONFIG_BASELINE_H
