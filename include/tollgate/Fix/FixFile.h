//===- FixFile.h - Fixing one file to a fixpoint ----------------*- C++ -*-===//
///
/// \file
/// `lint --fix` and `lint --diff` on one file: the fixes its findings
/// propose are applied pass by pass, each pass taking the fixes that do not
/// overlap and checking each fix's claim (ClaimCheck.h) before it is kept;
/// the file is linted again after each pass, which may propose more, until
/// nothing changes or MaxPasses is reached.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_FIX_FIXFILE_H
#define TOLLGATE_FIX_FIXFILE_H

#include "tollgate/Fix/ClaimCheck.h"
#include "tollgate/Fix/Fix.h"
#include "tollgate/Support/Findings.h"

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>
#include <string>
#include <vector>

namespace tollgate {

struct FixRunOptions {
  /// Apply the unsafe fixes too (`--unsafe-fixes`).
  bool Unsafe = false;
  unsigned MaxPasses = 10;
  ClaimCheckOptions Check;
  /// Makes the fixes of a text's findings; null for proposeFixes().
  std::function<std::vector<Fix>(llvm::StringRef Name, llvm::StringRef Text,
                                 llvm::ArrayRef<Diagnostic> Diags)>
      Propose;
};

/// A fix, where it applied, and what its check found.
struct CheckedFix {
  Fix F;
  /// The pass that applied or refused it, from 0.
  unsigned Pass = 0;
  /// The position of its finding in the text of that pass.
  Position At;
  ClaimOutcome Outcome;
};

struct FileFixes {
  std::string Original, Fixed;
  std::vector<CheckedFix> Applied;
  /// Fixes whose claim did not hold; Outcome says why.
  std::vector<CheckedFix> Refused;
  /// Unsafe fixes of the fixed text, left alone without Unsafe.
  unsigned UnsafeLeft = 0;
  /// The findings on the fixed text.
  FileFindings Findings;

  bool changed() const { return Original != Fixed; }
};

/// Lints the text of the file being fixed, as lint reads the file.
using RelintFn = std::function<FileFindings(const std::string &Text)>;

/// Fixes the file whose findings are \p Findings. A file with an input error
/// (or one not read) is returned unchanged.
FileFixes fixFile(const FileFindings &Findings, const RelintFn &Relint,
                  const FixRunOptions &Options);

} // namespace tollgate

#endif // TOLLGATE_FIX_FIXFILE_H
