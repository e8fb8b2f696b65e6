//===- PrincipalFacts.h - What a principal value stands for -----*- C++ -*-===//

#ifndef TOLLGATE_LIB_LINT_RULES_PRINCIPALFACTS_H
#define TOLLGATE_LIB_LINT_RULES_PRINCIPALFACTS_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/StringRef.h"

namespace tollgate {

/// What an `AWS` principal value names.
enum class AwsPrincipalKind : uint8_t {
  Everyone,    ///< `*`
  AccountRoot, ///< `111122223333` or `arn:aws:iam::111122223333:root`
  Identity,    ///< a user, role, assumed-role session or federated user
  Other,       ///< anything else (malformed, or a unique id)
};

struct AwsPrincipal {
  AwsPrincipalKind Kind = AwsPrincipalKind::Other;
  /// The 12-digit account, when the value names one.
  llvm::StringRef Account;
};

AwsPrincipal classifyAwsPrincipal(llvm::StringRef Value);

/// What a `Federated` principal value names.
enum class FederatedKind : uint8_t {
  Saml, ///< arn:...:saml-provider/...
  Oidc, ///< arn:...:oidc-provider/HOST, or a web identity provider
  Unknown,
};

struct FederatedPrincipal {
  FederatedKind Kind = FederatedKind::Unknown;
  /// For OIDC: the prefix of the provider's condition keys
  /// (`token.actions.githubusercontent.com`, `accounts.google.com`,
  /// `oidc.eks.us-east-1.amazonaws.com/id/ABC`).
  llvm::StringRef Host;
};

FederatedPrincipal classifyFederatedPrincipal(llvm::StringRef Value);

/// The entry of \p E that makes it everyone (`"*"` or an `AWS` value `*`),
/// as a Loc, or null. \p E must not be negated.
const Loc *everyonePrincipal(const PrincipalElement &E);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_PRINCIPALFACTS_H
