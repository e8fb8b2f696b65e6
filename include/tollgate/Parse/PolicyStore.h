//===- PolicyStore.h - Policies loaded for one run --------------*- C++ -*-===//
///
/// \file
/// The policies a verifying command reads (check, diff), kept together so
/// that the sets built from them can point into them.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_POLICYSTORE_H
#define TOLLGATE_PARSE_POLICYSTORE_H

#include "tollgate/Parse/Load.h"

#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <string>

namespace tollgate {

/// Loaded policies that must outlive the sets built from them.
class PolicyStore {
public:
  /// Reads \p Path; prints grammar errors under \p Command and returns null
  /// when the file cannot be used. With \p Conditions, a template's `!If`s
  /// take the branches of that assignment (the file's notes are printed
  /// only without one, the first time the file is read).
  const Policy *load(llvm::StringRef Path, std::optional<PolicyType> Type,
                     llvm::raw_ostream &Err,
                     const ConditionAssignment *Conditions = nullptr,
                     llvm::StringRef Command = "tollgate check");
  /// What load() read for \p P; null for a policy not loaded here.
  const LoadedPolicy *find(const Policy *P) const;
  /// Keeps \p P, a policy built rather than read (PolicyBuilder.h).
  const Policy *keep(std::unique_ptr<Policy> P);

private:
  std::deque<LoadedPolicy> Loaded;
  std::vector<std::unique_ptr<Policy>> Built;
};

} // namespace tollgate

#endif // TOLLGATE_PARSE_POLICYSTORE_H
