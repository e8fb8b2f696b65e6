//===- Findings.cpp - The findings of one input file ----------------------===//

#include "tollgate/Support/Findings.h"

#include <algorithm>

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
  for (unsigned S = 0; S < 4; ++S)
    BySeverity[S] += F.Omitted[S];
}

void capFindings(std::vector<FileFindings> &Files, unsigned Max) {
  if (Max == 0)
    return;
  for (FileFindings &F : Files) {
    if (F.Diags.size() <= Max)
      continue;
    std::stable_sort(F.Diags.begin(), F.Diags.end(),
                     [](const Diagnostic &A, const Diagnostic &B) {
                       return A.Level > B.Level;
                     });
    for (size_t I = Max; I < F.Diags.size(); ++I)
      ++F.Omitted[unsigned(F.Diags[I].Level)];
    F.Diags.resize(Max);
    std::stable_sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
  }
}

} // namespace tollgate
