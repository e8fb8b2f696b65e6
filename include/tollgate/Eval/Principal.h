//===- Principal.h - Principal and NotPrincipal matching --------*- C++ -*-===//
///
/// \file
/// How a Principal or NotPrincipal element matches a caller: written once,
/// for the evaluator and for the verifier's encoding of concrete callers.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_EVAL_PRINCIPAL_H
#define TOLLGATE_EVAL_PRINCIPAL_H

#include "tollgate/Eval/Request.h"
#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace tollgate {

/// How a statement's principal matched the caller, weakest first.
enum class PrincipalMatch : uint8_t {
  None,
  Account,      ///< The caller's account (`123456789012`, `...:root`).
  SessionRole,  ///< The role of the calling role session.
  SessionUser,  ///< The IAM user behind the calling federated user session.
  Exact,        ///< The caller's own ARN (or service / provider / canonical).
  NotPrincipal, ///< A NotPrincipal that does not exclude the caller.
  Wildcard,     ///< `*`: everyone.
};

/// One entry of a Principal element, classified once.
struct PrincipalEntry {
  enum KindT : uint8_t {
    Everyone,
    Account, ///< Value is the account id (of `123456789012` or `...:root`).
    Arn,
    Service,
    Federated,
    Canonical
  };
  KindT Kind = Arn;
  llvm::StringRef Value;
};

/// The role that an ARN names: `arn:P:iam::A:role/path/R` (a role) and
/// `arn:P:sts::A:assumed-role/R/S` (a session of it) both name role R of
/// account A. Role names are unique regardless of case in IAM.
struct RoleRef {
  llvm::StringRef Partition, Service, Account;
  llvm::StringRef Name;
  bool Session = false; ///< The ARN is a role session's.
};

/// The role \p Arn names, if it is a role or role session ARN.
std::optional<RoleRef> roleOf(llvm::StringRef Arn);

/// The entry \p V names; its Value points into \p V.
PrincipalEntry classifyPrincipal(const PrincipalValue &V);

/// How entry \p P of a Principal (or, with \p InNotPrincipal, of a
/// NotPrincipal) element matches caller \p C, whose session's parent ARN is
/// \p ParentArn (Caller::parentArn(), for sessions).
PrincipalMatch matchPrincipalEntry(const PrincipalEntry &P, const Caller &C,
                                   llvm::StringRef ParentArn,
                                   bool InNotPrincipal);

/// How a statement with effect \p Eff and principal entries \p Entries
/// (NotPrincipal when \p Negated) matches caller \p C; \p HasBoundary: the
/// caller has a permissions boundary.
PrincipalMatch matchPrincipalElement(llvm::ArrayRef<PrincipalEntry> Entries,
                                     bool Negated, Effect Eff, const Caller &C,
                                     llvm::StringRef ParentArn,
                                     bool HasBoundary);

} // namespace tollgate

#endif // TOLLGATE_EVAL_PRINCIPAL_H
