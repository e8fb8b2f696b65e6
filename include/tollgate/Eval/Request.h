//===- Request.h - A concrete request to authorize --------------*- C++ -*-===//
///
/// \file
/// The request context the evaluator decides: who asks (the caller), for
/// which action, on which resource, and the condition keys with their values.
///
/// Condition key names are case-insensitive in IAM, so the context stores
/// them folded to lower case. A key is either single-valued (exactly one
/// string) or multivalued (a list, possibly empty); the distinction matters
/// because operators without `ForAllValues:`/`ForAnyValue:` never match a
/// multivalued key. A key that is not in the context is absent.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_EVAL_REQUEST_H
#define TOLLGATE_EVAL_REQUEST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include <string>
#include <vector>

namespace tollgate {

/// What kind of caller makes the request. It decides which policy types
/// apply and how a resource-based policy grant combines with the others.
enum class CallerKind : uint8_t {
  Anonymous,     ///< An unsigned request.
  Root,          ///< The account root user (`arn:aws:iam::ACCOUNT:root`).
  User,          ///< An IAM user (`arn:aws:iam::ACCOUNT:user/NAME`).
  Role,          ///< An IAM role ARN used as the caller itself.
  RoleSession,   ///< `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
  FederatedUser, ///< `arn:aws:sts::ACCOUNT:federated-user/NAME`.
  /// An identity provider (SAML, OIDC, Cognito) calling
  /// `AssumeRoleWith*`; matched by `Principal: {"Federated": ...}`.
  FederatedProvider,
  Service, ///< An AWS service principal (`s3.amazonaws.com`).
};

llvm::StringRef callerKindName(CallerKind K);
std::optional<CallerKind> parseCallerKind(llvm::StringRef Name);

/// The caller of a request.
struct Caller {
  CallerKind Kind = CallerKind::Anonymous;
  /// The caller's ARN, the service principal name or the provider name.
  std::string Id;
  /// The caller's account (12 digits); empty for anonymous and service
  /// callers.
  std::string Account;
  /// The S3 canonical user id of the caller's account, if known; matched by
  /// `Principal: {"CanonicalUser": ...}`.
  std::string CanonicalId;

  /// Builds a caller from an ARN or service name, deriving its kind and
  /// account: `arn:aws:iam::A:user/N` is a user, `...:role/N` a role,
  /// `arn:aws:sts::A:assumed-role/R/S` a role session,
  /// `arn:aws:sts::A:federated-user/N` a federated user, `...:root` (or a
  /// bare 12-digit id) the root user, a name ending in `.amazonaws.com` a
  /// service, `*` or "" anonymous, and anything else a federated provider.
  static Caller fromId(llvm::StringRef Id);

  /// For a role session, the ARN of its role without a path
  /// (`arn:aws:iam::A:role/R`); for a federated user, the ARN of the IAM user
  /// who federated (`arn:aws:iam::A:user/N`); otherwise "".
  std::string parentArn() const;
};

/// The values of one condition key in a request.
struct ContextValue {
  /// The key as it was given (for messages); lookups use the folded key.
  std::string Name;
  bool MultiValued = false;
  /// Exactly one value when single-valued; any number when multivalued.
  std::vector<std::string> Values;
};

/// Condition keys and their values, with case-insensitive key lookup.
class RequestContext {
public:
  /// Sets \p Key to the single value \p Value, replacing any earlier value.
  void set(llvm::StringRef Key, llvm::StringRef Value);
  /// Sets \p Key to the multivalued list \p Values (possibly empty).
  void setMulti(llvm::StringRef Key, llvm::ArrayRef<std::string> Values);
  /// Adds \p Value to \p Key, turning a single-valued key multivalued.
  void append(llvm::StringRef Key, llvm::StringRef Value);
  void erase(llvm::StringRef Key);

  /// The values of \p Key, or null when the key is absent. \p Key may be in
  /// any case.
  const ContextValue *lookup(llvm::StringRef Key) const;
  /// Like lookup(), for a key already folded to lower case (no copy).
  const ContextValue *lookupFolded(llvm::StringRef FoldedKey) const;

  size_t size() const { return Map.size(); }
  bool empty() const { return Map.empty(); }
  /// The keys in a stable (sorted) order, for printing.
  std::vector<const ContextValue *> sorted() const;

private:
  llvm::StringMap<ContextValue> Map;
};

/// One request: caller, action, resource and context.
struct Request {
  Caller Principal;
  /// `service:ActionName`; matched case-insensitively.
  std::string Action;
  /// The resource ARN, or `*` for actions that take no resource.
  std::string Resource;
  /// The account that owns the resource. Empty means the caller's account.
  std::string ResourceAccount;
  RequestContext Context;

  /// True when the caller and the resource are in the same account.
  bool sameAccount() const;
};

} // namespace tollgate

#endif // TOLLGATE_EVAL_REQUEST_H
