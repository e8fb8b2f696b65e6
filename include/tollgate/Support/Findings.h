//===- Findings.h - The findings of one input file --------------*- C++ -*-===//

#ifndef TOLLGATE_SUPPORT_FINDINGS_H
#define TOLLGATE_SUPPORT_FINDINGS_H

#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Source.h"

#include <optional>
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
  /// Findings left out of the report by capFindings(), per severity.
  unsigned Omitted[4] = {0, 0, 0, 0};
  /// Notes about the file as a whole (a byte order mark).
  std::vector<std::string> FileNotes;
  /// Why the file was left out: it is not a policy, template or plan. A
  /// skipped file has no findings and no place in a report.
  std::optional<std::string> Skipped;

  bool hasInputError() const;
  unsigned omitted() const {
    return Omitted[0] + Omitted[1] + Omitted[2] + Omitted[3];
  }
};

/// The findings reported per file unless --max-findings says otherwise.
constexpr unsigned DefaultMaxFindingsPerFile = 1000;

/// Keeps at most \p Max findings of each file (0: all), the most severe
/// first, and counts the rest in FileFindings::Omitted, so that a small
/// input cannot make a huge report.
void capFindings(std::vector<FileFindings> &Files, unsigned Max);

/// Counts of findings per severity over many files.
struct FindingCounts {
  unsigned Files = 0;
  unsigned BySeverity[4] = {0, 0, 0, 0};

  void add(const FileFindings &F);
  unsigned of(Severity S) const { return BySeverity[unsigned(S)]; }
};

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_FINDINGS_H
