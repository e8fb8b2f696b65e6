//===- PolicyStore.cpp - Policies loaded for one run ----------------------===//

#include "tollgate/Parse/PolicyStore.h"

#include "tollgate/Support/Findings.h"

using namespace llvm;

namespace tollgate {

const Policy *PolicyStore::load(StringRef Path, std::optional<PolicyType> Type,
                                raw_ostream &Err,
                                const ConditionAssignment *Conditions,
                                StringRef Command) {
  LoadOptions LO;
  LO.Type = Type;
  LO.Conditions = Conditions;
  Loaded.push_back(loadPolicyFile(Path, LO));
  LoadedPolicy &L = Loaded.back();
  if (!Conditions)
    for (const std::string &Note : L.FileNotes)
      Err << (L.Source ? L.Source->name() : Path) << ": note: " << Note << '\n';
  bool Bad = !L.P || L.hasInputError();
  for (const Diagnostic &D : L.Diags)
    if (D.Level == Severity::Error)
      Bad = true;
  if (!Bad)
    return L.P.get();
  // A bounded number of errors, as lint reports (--max-findings): a small
  // file may hold a great many.
  unsigned Shown = 0, NotShown = 0;
  for (const Diagnostic &D : L.Diags) {
    if (D.Level != Severity::Error)
      continue;
    if (Shown == DefaultMaxFindingsPerFile) {
      ++NotShown;
      continue;
    }
    ++Shown;
    printLoadError(L, Path, D, Err);
  }
  if (NotShown)
    Err << (L.Source ? L.Source->name() : Path) << ": note: " << NotShown
        << " more error" << (NotShown == 1 ? " is" : "s are")
        << " not shown; at most " << DefaultMaxFindingsPerFile
        << " per file (`tollgate lint --max-findings 0` lists them all)\n";
  Err << Command << ": " << Path
      << ": the policy has errors; fix them before verifying it\n";
  return nullptr;
}

const LoadedPolicy *PolicyStore::find(const Policy *P) const {
  for (const LoadedPolicy &L : Loaded)
    if (P && L.P.get() == P)
      return &L;
  return nullptr;
}

const Policy *PolicyStore::keep(std::unique_ptr<Policy> P) {
  Built.push_back(std::move(P));
  return Built.back().get();
}

} // namespace tollgate
