//===- Findings.h - The findings of one input file --------------*- C++ -*-===//

#ifndef TOLLGATE_SUPPORT_FINDINGS_H
#define TOLLGATE_SUPPORT_FINDINGS_H

#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Source.h"

#include <string>
#include <vector>

namespace tollgate {

struct FileFindings {
  SourceFileRef Source;
  /// Sorted with diagnosticLess.
  std::vector<Diagnostic> Diags;
  /// The policy type the file was read as ("identity", ...); empty when
  /// the file could not be read as a policy.
  std::string PolicyType;
  bool PolicyTypeAssumed = false;
  std::string PolicyTypeReason;

  bool hasInputError() const;
};

/// Counts of findings per severity over many files.
struct FindingCounts {
  unsigned Files = 0;
  unsigned BySeverity[4] = {0, 0, 0, 0};

  void add(const FileFindings &F);
  unsigned of(Severity S) const { return BySeverity[unsigned(S)]; }
};

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_FINDINGS_H
