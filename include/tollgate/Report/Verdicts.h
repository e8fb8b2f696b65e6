//===- Verdicts.h - Verdicts, requests and regions for a reader -*- C++ -*-===//
///
/// \file
/// How the verifying commands (check, diff, gate) show what the verifier
/// found: statement locations, counterexample requests, conditions and
/// groups of changed access.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REPORT_VERDICTS_H
#define TOLLGATE_REPORT_VERDICTS_H

#include "tollgate/Report/Reporters.h"
#include "tollgate/Verify/Properties.h"
#include "tollgate/Verify/Regions.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace tollgate {

/// `file:line:col (Sid)` of statement \p Ref of a set.
std::string statementLocation(const CompiledPolicySet &Set, StatementRef Ref);

/// One line of a request for a reader: `principal`, `action`, `resource`,
/// `resource account`, `context` (one per key) and `also`.
struct RequestField {
  std::string Label;
  std::string Value;
};

/// The fields of \p R; context keys outside \p ReadKeys (folded), when
/// given, are named together under `also`. Control characters are escaped.
std::vector<RequestField>
requestFields(const Request &R, bool FutureAction, llvm::StringRef CatalogDate,
              const std::vector<std::string> *ReadKeys = nullptr);

/// The request on one line: `principal P; action A; resource R`.
std::string requestLine(const Request &R, bool FutureAction,
                        llvm::StringRef CatalogDate,
                        const std::vector<std::string> *ReadKeys = nullptr);

/// Prints a counterexample request (text form), a field a line. Context keys
/// outside \p ReadKeys (folded), when given, are named on one line.
void printRequest(const Request &R, bool FutureAction,
                  llvm::StringRef CatalogDate, llvm::raw_ostream &OS,
                  llvm::StringRef Indent = "  ",
                  const std::vector<std::string> *ReadKeys = nullptr);

/// The actions of \p R for a reader: at most \p Shown of them, then how
/// many more; actions AWS may add later are said to be so. \p Quoted
/// writes `` `a`, `b` `` rather than `a b`.
std::string regionActions(const Region &R, llvm::StringRef CatalogDate,
                          unsigned Shown = 12, bool Quoted = false);

/// `StringEquals aws:SourceVpc = "vpc-1"`.
std::string conditionText(const Condition &C);

/// `PASS: title`, with the reason or the counterexample, then the
/// assumptions of the request model.
void writeVerdictText(llvm::ArrayRef<VerdictOutcome> Outcomes,
                      llvm::StringRef CatalogDate, llvm::raw_ostream &OS);
void writeVerdictJson(llvm::ArrayRef<VerdictOutcome> Outcomes,
                      llvm::raw_ostream &OS);
/// SARIF 2.1.0: one result per property, at the statements that allow the
/// counterexample.
void writeVerdictSarif(llvm::ArrayRef<VerdictOutcome> Outcomes,
                       llvm::raw_ostream &OS, const ReportOptions &Options);

void printDirectionText(const Direction &D, llvm::StringRef CatalogDate,
                        llvm::raw_ostream &OS);

/// `tollgate diff`: the access changes under each assignment of the
/// template conditions \p Conditions (one change without conditions, or
/// when there are too many to enumerate).
void writeDiffText(llvm::ArrayRef<AccessChange> Changes,
                   llvm::ArrayRef<std::string> Conditions,
                   llvm::StringRef CatalogDate, llvm::raw_ostream &OS);
void writeDiffJson(llvm::ArrayRef<AccessChange> Changes,
                   llvm::ArrayRef<std::string> Conditions,
                   llvm::raw_ostream &OS);

} // namespace tollgate

#endif // TOLLGATE_REPORT_VERDICTS_H
