//===- Reporters.h - Rendering findings -------------------------*- C++ -*-===//
///
/// \file
/// Renders the findings of a run as compiler-style text, as JSON (schema in
/// README.md, "JSON output"), as SARIF 2.1.0 for code scanning, or as GitHub
/// Actions workflow commands.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REPORT_REPORTERS_H
#define TOLLGATE_REPORT_REPORTERS_H

#include "tollgate/Support/Findings.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

#include <string>

namespace tollgate {

enum class OutputFormat { Text, Json, Sarif, Github };

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct ReportOptions {
  bool Color = false;
  /// Findings only: no notes about the run and no summary line.
  bool Quiet = false;
  /// Text output: the source line and a caret under each finding.
  bool ShowSource = true;
  /// Where each check's page is: the page of check `name` is
  /// `<HelpBaseUrl>name.md`. Empty: defaultHelpBaseUrl().
  std::string ToolVersion;
  /// Every check the run could report, for SARIF's rule table.
  llvm::ArrayRef<const CheckInfo *> Checks;
  std::string HelpBaseUrl;
};

/// The pages of the checks in the project's repository (rules/docs/ on its
/// main branch), ending in '/'.
std::string defaultHelpBaseUrl();

/// The link to the page of \p C under \p BaseUrl (defaultHelpBaseUrl() when
/// empty); a missing final '/' is added.
std::string helpUrl(const CheckInfo &C, llvm::StringRef BaseUrl);

/// A file's name as reports show it: without leading "./", which names the
/// same file and would make the same finding look different in CI tools.
llvm::StringRef displayPath(llvm::StringRef Name);

/// Prints how many findings each check has in \p Files, most first, and
/// ties by code.
void writeStatistics(llvm::ArrayRef<FileFindings> Files, OutputFormat Format,
                     llvm::raw_ostream &OS);

void writeText(llvm::ArrayRef<FileFindings> Files, llvm::raw_ostream &OS,
               const ReportOptions &Options);
void writeJson(llvm::ArrayRef<FileFindings> Files, llvm::raw_ostream &OS,
               const ReportOptions &Options);
void writeSarif(llvm::ArrayRef<FileFindings> Files, llvm::raw_ostream &OS,
                const ReportOptions &Options);
void writeGithub(llvm::ArrayRef<FileFindings> Files, llvm::raw_ostream &OS,
                 const ReportOptions &Options);

void writeReport(OutputFormat Format, llvm::ArrayRef<FileFindings> Files,
                 llvm::raw_ostream &OS, const ReportOptions &Options);

} // namespace tollgate

#endif // TOLLGATE_REPORT_REPORTERS_H
