//===- FixRun.h - `lint --fix` and `lint --diff` over many files -*- C++
//-*-===//

#ifndef TOLLGATE_FIX_FIXRUN_H
#define TOLLGATE_FIX_FIXRUN_H

#include "tollgate/Fix/FixFile.h"

#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace tollgate {

struct FixRunSummary {
  unsigned Applied = 0, Refused = 0, UnsafeLeft = 0, FilesChanged = 0;
  /// The findings left in the files fixed (or that would be left).
  unsigned Remaining = 0;
  /// A fixed file could not be written.
  bool WriteFailed = false;
};

/// Lints \p Text as the content of the file \p Path.
using RelintPathFn =
    std::function<FileFindings(llvm::StringRef Path, const std::string &Text)>;

/// Fixes every entry of \p Results whose file is one of \p Inputs ("-" for
/// standard input). With \p DiffOnly, writes a unified diff of each file to
/// \p Out and changes nothing; otherwise writes each fixed file in place and
/// replaces its findings with those of the fixed text (standard input is
/// not fixed in place). Says on \p Err what was fixed, what was refused and
/// why, and the access each fix that changes access changes.
FixRunSummary fixResults(std::vector<FileFindings> &Results,
                         const std::set<std::string> &Inputs,
                         const RelintPathFn &Relint,
                         const FixRunOptions &Options, bool DiffOnly,
                         llvm::raw_ostream &Out, llvm::raw_ostream &Err);

} // namespace tollgate

#endif // TOLLGATE_FIX_FIXRUN_H
