//===- OidcClaims.h - Which claims pin a web identity provider --*- C++ -*-===//
///
/// \file
/// Shared by IAM257 and IAM258. A role that trusts a web identity (OIDC)
/// provider admits every token that provider issues, for every customer of
/// it, unless conditions on the token's claims pin the caller: the `sub`
/// (subject) of GitHub Actions, GitLab, Terraform Cloud and EKS tokens, the
/// `aud` (identity pool) of Amazon Cognito, the `app_id` of Login with
/// Amazon and Facebook, and for other providers `sub` or `aud`.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_OIDCCLAIMS_H
#define TOLLGATE_LIB_LINT_RULES_OIDCCLAIMS_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include <string>

namespace tollgate {

/// True for the GitHub Actions token issuer (and GitHub Enterprise's
/// `token.actions.githubusercontent.com/<enterprise>`).
bool isGitHubActionsHost(llvm::StringRef Host);

/// The claims of which one must be pinned for provider \p Host.
llvm::ArrayRef<const char *> requiredClaims(llvm::StringRef Host);

/// Why condition \p C on a claim of \p Host pins nothing, or None if it
/// pins the caller (or is not about such a claim).
std::optional<std::string> weakClaimCondition(const Condition &C,
                                              llvm::StringRef Host);

/// The condition of \p S that pins a required claim of \p Host, or null.
const Condition *pinningCondition(const Statement &S, llvm::StringRef Host);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_OIDCCLAIMS_H
