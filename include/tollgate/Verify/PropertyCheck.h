//===- PropertyCheck.h - Checking one property of `tollgate check` -*- C++
//-*-===//
///
/// \file
/// From a property and its files to verdicts: the caller's policies are
/// read, the checked policies loaded, built scopes made (access-not-granted)
/// and folders paired by file name (no-new-access), then each comparison is
/// handed to the verifier. What the command line gives is a PropertyQuery.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_PROPERTYCHECK_H
#define TOLLGATE_VERIFY_PROPERTYCHECK_H

#include "tollgate/Verify/Properties.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {

/// A property to check and what it is checked on.
struct PropertyQuery {
  /// `equivalent`, `no-new-access`, `access-not-granted`,
  /// `no-public-access` or `least-privilege`.
  std::string Property;
  /// The checked policies: two for `equivalent`, else one.
  std::vector<std::string> Files;
  /// no-new-access: the previous version (a file, or a folder when Files
  /// holds a folder); least-privilege: the policy of what may be granted.
  std::string Baseline, Allowed;
  /// no-public-access: the CloudFormation type of the resource.
  std::string ResourceType;
  /// access-not-granted: the actions and resources (none: any).
  std::vector<std::string> Actions, Resources;
  /// The type the checked policies are read as; none: detected.
  std::optional<PolicyType> Type;
  /// equivalent: the time limit both directions share, in milliseconds
  /// (the verifier's own limit).
  unsigned TimeoutMs = 0;
};

/// True for the properties checkProperty() knows.
bool knownProperty(llvm::StringRef Property);

/// The caller's policies around every checked policy: the identity
/// policies, the permissions boundary (empty: none) and the SCPs, read into
/// \p Store, with the allow-all policy for callers not given. Nullopt when
/// a file cannot be used (said on \p Err).
std::optional<CallerPolicies>
loadCallerPolicies(PolicyStore &Store, llvm::ArrayRef<std::string> Identity,
                   llvm::StringRef Boundary, llvm::ArrayRef<std::string> SCPs,
                   llvm::raw_ostream &Err);

/// The `.json` files below \p Dir by their path under it. False (with a
/// message on \p Err) when a folder below it cannot be read.
bool policyFilesByName(llvm::StringRef Dir,
                       std::map<std::string, std::string> &Out,
                       llvm::raw_ostream &Err);

/// Checks \p Q with \p V: one outcome per comparison (two for
/// `equivalent`, one per file of a folder for `no-new-access`). Nullopt
/// for a wrong number of files, a missing option, or a file that cannot be
/// used, each said on \p Err.
std::optional<std::vector<VerdictOutcome>>
checkProperty(verify::Verifier &V, PolicyStore &Store,
              const CallerPolicies &Callers, const PropertyQuery &Q,
              llvm::raw_ostream &Err);

} // namespace tollgate

#endif // TOLLGATE_VERIFY_PROPERTYCHECK_H
