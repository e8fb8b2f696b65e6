//===- Realism.h - Is a request one AWS can send? ---------------*- C++ -*-===//
///
/// \file
/// The harness's own judge of a counterexample request, written apart from
/// the product's request model so that it can catch it out. Each rule has a
/// short name used to group the report:
///
///   utf8              every string is valid UTF-8
///   action-spelling   a catalog action in the catalog's spelling (or, when
///                     flagged as a future action, one the catalog lacks of
///                     a known service)
///   caller            the caller is one AWS authenticates: not a bare role
///                     ARN, not an identity provider outside
///                     sts:AssumeRoleWith*, 12-digit accounts; under
///                     identity policies alone, an IAM user or a role or
///                     federated-user session (the root user, anonymous and
///                     service callers have no identity policies)
///   key-unknown       a condition key neither the universe nor the catalog
///                     knows
///   key-spelling      the key in its documented case
///   key-cardinality   a single-valued key holds exactly one value
///   key-type          each value has the key's type (IP address, true/false,
///                     ISO time for aws:CurrentTime, epoch seconds for
///                     aws:EpochTime, decimal number, ARN)
///   caller-key        aws:PrincipalArn, aws:PrincipalAccount,
///                     aws:PrincipalType and aws:username follow from the
///                     caller; none for anonymous and service callers;
///                     aws:PrincipalTag/* only for users and role sessions
///   always-present    aws:CurrentTime, aws:EpochTime, aws:SecureTransport
///                     in every request; the principal keys in every request
///                     of an IAM principal
///   time-agreement    aws:CurrentTime and aws:EpochTime name one second
///   service-key       a service's key only on the actions that support it
///   resource-format   the resource has one of the action's ARN formats
///                     (`*` for actions without resource types)
///   resource-account  the resource account (empty: the caller's) is 12
///                     digits and is the ARN's account when the ARN has one
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_REALISM_H
#define TOLLGATE_TESTS_FIDELITY_REALISM_H

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Request.h"

#include <string>
#include <vector>

namespace tollgate {
namespace fidelity {

struct Violation {
  std::string Rule;
  std::string Detail;
};

/// \p IdentityOnly: the policies are identity policies, with no resource
/// policy.
std::vector<Violation> checkRealism(const Request &R, bool FutureAction,
                                    bool IdentityOnly, const Catalog &Cat);

/// True if \p Arn has one of the ARN formats of \p Action's resource types.
bool resourceFitsAction(llvm::StringRef Arn, const ActionInfo &Action);

/// True if the documented key \p Documented (placeholders `${...}` and
/// `<...>` stand for one or more characters) names \p Key, ignoring case.
bool keyNameMatches(llvm::StringRef Documented, llvm::StringRef Key);

/// True if the catalog lists the service key \p Key for \p Action.
bool actionSupportsKey(const ActionInfo &Action, llvm::StringRef Key);

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_REALISM_H
