//===- CheckedSet.h - The policies a checked policy is read with -*- C++
//-*-===//
///
/// \file
/// A checked policy is one part of the policy set of a request. An identity
/// policy joins the caller's other policies; a resource (or trust) policy is
/// checked for what it lets in, so the callers' own policies allow
/// everything unless they are given. `check`, `diff` and the gate build
/// their sets here.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_CHECKEDSET_H
#define TOLLGATE_VERIFY_CHECKEDSET_H

#include "tollgate/Eval/Evaluator.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace tollgate {

/// The policies of the caller around a checked policy.
struct CallerPolicies {
  /// The identity policy that allows everything (PolicyBuilder.h), for the
  /// callers of a resource policy when Identity is empty.
  const Policy *AllowAll = nullptr;
  std::vector<const Policy *> Identity;
  const Policy *Boundary = nullptr;
  std::vector<const Policy *> SCPs;
};

/// The set in which \p Checked (null: none) is evaluated.
PolicySet checkedSet(const Policy *Checked, const CallerPolicies &Callers);

/// True for the resource types `no-public-access` supports: those of IAM
/// Access Analyzer's check-no-public-access (AWS::S3::Bucket, ...).
bool isPublicAccessResourceType(llvm::StringRef Type);

} // namespace tollgate

#endif // TOLLGATE_VERIFY_CHECKEDSET_H
