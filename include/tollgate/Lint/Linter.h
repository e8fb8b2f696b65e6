//===- Linter.h - Linting policy files --------------------------*- C++ -*-===//

#ifndef TOLLGATE_LINT_LINTER_H
#define TOLLGATE_LINT_LINTER_H

#include "tollgate/Parse/Load.h"
#include "tollgate/Support/Findings.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace tollgate {

struct LintOptions {
  LoadOptions Load;
  /// Worker threads; 0 means one per hardware thread.
  unsigned Jobs = 0;
};

/// Reads and checks one policy file ("-" for standard input).
FileFindings lintFile(llvm::StringRef Path, const LintOptions &Options);

/// Lints every file, in parallel, and returns the findings in the order of
/// \p Paths whatever order the work finishes in.
std::vector<FileFindings> lintFiles(llvm::ArrayRef<std::string> Paths,
                                    const LintOptions &Options);

/// Every check that lint can report, in code order.
llvm::ArrayRef<const CheckInfo *> allLintChecks();

} // namespace tollgate

#endif // TOLLGATE_LINT_LINTER_H
