//===- Properties.h - The properties `tollgate check` proves ----*- C++ -*-===//
///
/// \file
/// A checked property and its verdict, and the containment comparison that
/// most properties come down to ("A allows nothing that B does not"). Policies
/// of templates are compared under every assignment of the CloudFormation
/// conditions their `!If`s test, as the gate compares them.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_PROPERTIES_H
#define TOLLGATE_VERIFY_PROPERTIES_H

#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Verify/CheckedSet.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>

namespace tollgate {

/// One checked property of `tollgate check`.
struct VerdictOutcome {
  std::string Property; ///< `equivalent`, `no-new-access`, ...
  std::string Title;    ///< What was checked, in a sentence.
  std::string FileA, FileB;
  verify::CheckResult R;
  /// The sets compared, to locate the deciding statements; SetB is null
  /// for a property of one set.
  std::shared_ptr<CompiledPolicySet> SetA, SetB;
};

/// One side of a comparison.
struct ComparedPolicy {
  const Policy *P = nullptr;
  /// The file it was read from; empty for a policy built, not read.
  std::string Path;
  /// The type it was read as; none for detected.
  std::optional<PolicyType> Type;
};

/// Whether \p A allows nothing that \p B (named \p NameB) does not, under
/// every assignment of the template conditions they test; the outcome is
/// the first assignment that fails or is undecided. Nullopt when a policy
/// cannot be read under an assignment (\p Store has said why on \p Err).
std::optional<VerdictOutcome> compareContainment(
    verify::Verifier &V, PolicyStore &Store, const CallerPolicies &Callers,
    llvm::StringRef Property, const ComparedPolicy &A, const ComparedPolicy &B,
    llvm::StringRef NameB, const std::string &Title, llvm::raw_ostream &Err);

} // namespace tollgate

#endif // TOLLGATE_VERIFY_PROPERTIES_H
