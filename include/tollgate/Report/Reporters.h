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
#include "llvm/ADT/Optional.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace tollgate {

enum class OutputFormat { Text, Json, Sarif, Github };

llvm::Optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct ReportOptions {
  bool Color = false;
  std::string ToolVersion;
  /// Every check the run could report, for SARIF's rule table.
  llvm::ArrayRef<const CheckInfo *> Checks;
};

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
