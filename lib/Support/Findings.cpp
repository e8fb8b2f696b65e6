//===- Findings.cpp - The findings of one input file ----------------------===//

#include "tollgate/Support/Findings.h"

namespace tollgate {

bool FileFindings::hasInputError() const {
  for (const Diagnostic &D : Diags)
    if (D.Check->IsInputError)
      return true;
  return false;
}

void FindingCounts::add(const FileFindings &F) {
  ++Files;
  for (const Diagnostic &D : F.Diags)
    ++BySeverity[unsigned(D.Level)];
}

} // namespace tollgate
