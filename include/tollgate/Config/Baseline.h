//===- Baseline.h - Findings accepted when a check was adopted --*- C++ -*-===//
///
/// \file
/// A baseline is the list of findings a project had when it adopted a check;
/// with `--baseline FILE`, lint reports only the findings that are not in it.
/// A finding is known by its file (relative to the baseline file's
/// directory), code, JSON pointer and a fingerprint of the text it is about
/// (Fingerprint.h), never by its line or its message, so that edits
/// elsewhere in the file, reformatting and catalog updates (messages quote
/// catalog counts) do not invalidate the baseline. A baseline
/// entry absorbs one finding: if the same finding appears twice and the
/// baseline lists it once, the second is reported. An entry with a
/// `"count"` stands for that many equal findings (the writer merges equal
/// findings so).
///
/// The file is JSON:
///
/// \code
///   {
///     "version": 2,
///     "tool": "tollgate",
///     "findings": [
///       {"file": "policies/admin.json", "code": "IAM101",
///        "pointer": "/Statement/0", "fingerprint": "5f0c6f3e9a1b2c4d",
///        "message": "statement allows ..."}
///     ]
///   }
/// \endcode
///
/// The message is there for people; only the fingerprint is compared.
/// Version 1 baselines (no fingerprint; findings known by their message)
/// are still read and matched as before; `--write-baseline` writes
/// version 2.
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
  /// 1 or 2: the format the file was written in.
  unsigned version() const { return FormatVersion; }

private:
  /// The key of a finding: file, code, pointer and fingerprint (message in
  /// version 1), each followed by a NUL.
  static std::string key(llvm::StringRef File, llvm::StringRef Code,
                         llvm::StringRef Pointer, llvm::StringRef What);

  std::string Dir;
  llvm::StringMap<unsigned> Counts;
  size_t Size = 0;
  unsigned FormatVersion = 2;
};

} // namespace tollgate

#endif // TOLLGATE_CONFIG_BASELINE_H
