//===- FixFile.cpp - Fixing one file to a fixpoint ------------------------===//

#include "tollgate/Fix/FixFile.h"
#include "tollgate/Fix/Propose.h"

#include <algorithm>
#include <set>

using namespace llvm;

namespace tollgate {

FileFixes fixFile(const FileFindings &Findings, const RelintFn &Relint,
                  const FixRunOptions &Options) {
  FileFixes Out;
  Out.Findings = Findings;
  if (!Findings.Source || !Findings.Source->wasRead())
    return Out;
  Out.Original = Findings.Source->text().str();
  Out.Fixed = Out.Original;
  if (Findings.hasInputError() || Findings.Skipped)
    return Out;

  StringRef Name = Findings.Source->name();
  // Fixes refused once are not tried again on a later pass.
  std::set<std::string> Refused;
  auto Wanted = [&](const Fix &F) {
    return !Refused.count(F.key()) &&
           (Options.Unsafe || F.Safety == FixSafety::Safe);
  };
  auto Propose = [&](const FileFindings &F) {
    return Options.Propose ? Options.Propose(Name, Out.Fixed, F.Diags)
                           : proposeFixes(Name, Out.Fixed, F.Diags);
  };
  for (unsigned Pass = 0; Pass < Options.MaxPasses; ++Pass) {
    std::vector<Fix> Todo;
    for (Fix &F : Propose(Out.Findings))
      if (Wanted(F))
        Todo.push_back(std::move(F));
    if (Todo.empty())
      break;
    // From the end of the text back, so that the offsets of the fixes not
    // yet applied stay valid.
    std::vector<size_t> Taken = selectCompatible(Todo);
    bool Changed = false;
    for (auto It = Taken.rbegin(); It != Taken.rend(); ++It) {
      Fix &F = Todo[*It];
      CheckedFix C;
      C.Pass = Pass;
      C.At = Out.Findings.Source->position(F.Finding.Begin);
      std::string Candidate = applyEdits(Out.Fixed, F.Edits);
      C.Outcome =
          checkClaim(Name, Out.Fixed, Candidate, F.Claim, Options.Check);
      C.F = std::move(F);
      if (C.Outcome.holds()) {
        Out.Fixed = std::move(Candidate);
        Out.Applied.push_back(std::move(C));
        Changed = true;
      } else {
        Refused.insert(C.F.key());
        Out.Refused.push_back(std::move(C));
      }
    }
    if (Changed)
      Out.Findings = Relint(Out.Fixed);
  }
  // In the order of the passes, each pass in the order of the text.
  for (std::vector<CheckedFix> *List : {&Out.Applied, &Out.Refused})
    std::stable_sort(List->begin(), List->end(),
                     [](const CheckedFix &A, const CheckedFix &B) {
                       return std::make_pair(A.Pass, A.At.Offset) <
                              std::make_pair(B.Pass, B.At.Offset);
                     });
  for (const Fix &F : Propose(Out.Findings))
    if (F.Safety == FixSafety::Unsafe && !Options.Unsafe)
      ++Out.UnsafeLeft;
  return Out;
}

} // namespace tollgate
