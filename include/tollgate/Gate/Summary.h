//===- Summary.h - The gate's verdicts for a reader -------------*- C++ -*-===//
///
/// \file
/// The lines after the text report (one per changed policy, then the
/// verdict) and the Markdown summary for a pull-request comment. The
/// findings themselves go through the reporters of Report/Reporters.h.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_GATE_SUMMARY_H
#define TOLLGATE_GATE_SUMMARY_H

#include "tollgate/Gate/Gate.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace tollgate {

/// `gate: compared with REF (abc123): 2 changed policy files`, a line per
/// policy, and `gate: passed|failed|undecided`. \p Base names the revision
/// as the user gave it.
void writeGateText(const GateResult &R, llvm::StringRef Base,
                   llvm::raw_ostream &OS);

/// The whole report as Markdown; \p MaxFindings is the per-file bound the
/// findings were capped to.
void writeGateMarkdown(const GateResult &R, llvm::StringRef Base,
                       unsigned MaxFindings, llvm::raw_ostream &OS);

} // namespace tollgate

#endif // TOLLGATE_GATE_SUMMARY_H
