//===- ClaimCheck.h - Checking what a fix claims about access ---*- C++ -*-===//
///
/// \file
/// Every fix is checked before it is applied. The text before and after the
/// fix is read as lint read it (each policy of a template in its own role,
/// computed template values held fixed), and each policy is compared with
/// its fixed self by the verifier: a fix that keeps access must be proved
/// equivalent in both directions; for a fix that changes access the change
/// is worked out and shown. A file that does not read as policies before or
/// after is never fixed.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_FIX_CLAIMCHECK_H
#define TOLLGATE_FIX_CLAIMCHECK_H

#include "tollgate/Fix/Fix.h"
#include "tollgate/Parse/Load.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace tollgate {

class Catalog;

struct ClaimCheckOptions {
  /// How lint read the file (its --type).
  LoadOptions Load;
  /// The verifier's time limit per check; past it the claim is unproved.
  unsigned TimeoutMs = 10000;
  /// Null for the built-in catalog.
  const Catalog *Cat = nullptr;
};

struct ClaimOutcome {
  enum Status : uint8_t {
    /// KeepsAccess, proved: every policy is equivalent to its fixed self.
    Proved,
    /// ChangesAccess: the change is in AccessDiff.
    Shown,
    /// KeepsAccess, and the verifier found a request that the fix changes.
    Refuted,
    /// KeepsAccess, and the verifier could not decide.
    Unknown,
    /// The text does not read as policies before or after the fix.
    Unreadable,
    /// The fixed text has a grammar error that the original does not (a
    /// `Resource` in a trust policy): the fix would trade one mistake for
    /// another.
    AddsError,
  };
  Status S = Unknown;
  /// For the statuses that refuse the fix: why, in a sentence.
  std::string Why;
  /// For Shown: the access the fix gains and loses, as `tollgate diff`
  /// prints it.
  std::string AccessDiff;

  /// The fix may be applied.
  bool holds() const { return S == Proved || S == Shown; }
};

/// Checks \p Claim for the fix that turns \p Before into \p After, both the
/// text of the file \p Name.
ClaimOutcome checkClaim(llvm::StringRef Name, llvm::StringRef Before,
                        llvm::StringRef After, AccessClaim Claim,
                        const ClaimCheckOptions &Options);

} // namespace tollgate

#endif // TOLLGATE_FIX_CLAIMCHECK_H
