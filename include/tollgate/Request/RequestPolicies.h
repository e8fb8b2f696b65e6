//===- RequestPolicies.h - The policies one request is decided by -*- C++
//-*-===//
///
/// \file
/// The policy files given for one request, each in the role it plays
/// (identity, resource, boundary, SCP, RCP, session), read as the type of
/// that role and put together as the evaluator's PolicySet.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REQUEST_REQUESTPOLICIES_H
#define TOLLGATE_REQUEST_REQUESTPOLICIES_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {

/// A policy file and the role it plays in the request.
struct PolicyInput {
  PolicyRole Role = PolicyRole::Identity;
  std::string Path;
  /// A role trust policy in the resource role (the resource policy of
  /// sts:AssumeRole*).
  bool Trust = false;
};

/// An error (`at most one resource policy`) when a role that holds one
/// policy (resource, boundary, session) is given more than once.
llvm::Error checkPolicyRoles(llvm::ArrayRef<PolicyInput> Inputs);

/// The type \p In is read as; none (detected) for the resource role
/// without Trust, which takes resource and trust policies alike.
std::optional<PolicyType> readingType(const PolicyInput &In);

/// The policies of one request, read, in the order given.
struct RequestPolicies {
  std::vector<PolicyInput> Inputs;
  /// One for each input.
  std::vector<LoadedPolicy> Loaded;

  /// The evaluator's set: each policy in the place of its role.
  PolicySet set() const;
};

/// Reads a policy file (loadPolicyFile, or a stand-in in tests).
using PolicyLoader =
    llvm::function_ref<LoadedPolicy(llvm::StringRef, const LoadOptions &)>;

/// Reads every input as readingType() says; a policy in the resource role
/// that is not a trust policy is a resource policy, whatever its content
/// suggests. Nullopt when an input cannot be read, each error printed to
/// \p Err (printLoadError).
std::optional<RequestPolicies>
readRequestPolicies(llvm::ArrayRef<PolicyInput> Inputs, llvm::raw_ostream &Err,
                    PolicyLoader Load = loadPolicyFile);

} // namespace tollgate

#endif // TOLLGATE_REQUEST_REQUESTPOLICIES_H
