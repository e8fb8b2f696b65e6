//===- Results.h - What a lint run found, put together ----------*- C++ -*-===//
///
/// \file
/// The results of a run besides the linted files' findings: inputs that
/// could not be read become IAM001 findings, files that are not policies
/// leave the report, and the findings decide the exit status.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LINT_RESULTS_H
#define TOLLGATE_LINT_RESULTS_H

#include "tollgate/Support/Findings.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <utility>
#include <vector>

namespace tollgate {

/// Adds an unreadable-file finding (IAM001) for each (path, why) of
/// \p Unreadable to \p Results.
void addUnreadable(
    std::vector<FileFindings> &Results,
    llvm::ArrayRef<std::pair<std::string, std::string>> Unreadable);

/// Takes the files that are not policies, templates or plans out of
/// \p Results; their names and why they were skipped, in order.
std::vector<std::pair<std::string, std::string>>
takeSkipped(std::vector<FileFindings> &Results);

/// What the findings of a run say, counting every finding (reported or
/// not).
struct FindingsStatus {
  /// An input could not be read or parsed.
  bool InputError = false;
  /// A finding is at least as severe as the failure level.
  bool Failed = false;
};

FindingsStatus findingsStatus(llvm::ArrayRef<FileFindings> Results,
                              Severity FailOn);

} // namespace tollgate

#endif // TOLLGATE_LINT_RESULTS_H
