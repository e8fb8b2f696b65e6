//===- Analysis.h - Questions about a whole account -------------*- C++ -*-===//
///
/// \file
/// lint: every policy of the account checked by the lint rules, each
/// finding placed by principal, policy and JSON pointer.
/// who-can: which principals may make a request, each answer replayed by
/// the evaluator or proved by the verifier.
/// admins: principals proved to be allowed every action on every resource.
/// external: roles that principals outside the account may assume.
///
/// Principals are independent of each other: each analysis runs them over
/// `Jobs` threads and returns them in the account's order.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_ANALYSIS_H
#define TOLLGATE_ACCOUNT_ANALYSIS_H

#include "tollgate/Account/Access.h"
#include "tollgate/Account/Model.h"
#include "tollgate/Eval/Request.h"
#include "tollgate/Support/Diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace account {

struct AnalysisOptions {
  /// Worker threads; 0 means one per hardware thread.
  unsigned Jobs = 1;
  /// The verifier's time limit per check, in milliseconds.
  unsigned TimeoutMs = 10000;
};

//===----------------------------------------------------------------------===//
// lint
//===----------------------------------------------------------------------===//

struct AccountFinding {
  /// Range is in the account file; Pointer is the full pointer in it.
  Diagnostic D;
  /// `role/x` or `group/g`; empty for a managed policy.
  std::string Owner;
  /// The policy's name: `inline policy X`, `trust policy`, the ARN.
  std::string PolicyName;
  /// For a managed policy: the principals and groups it is attached to.
  std::vector<std::string> AttachedTo;
};

struct AccountSummary {
  unsigned Users = 0, Groups = 0, Roles = 0, ManagedPolicies = 0;
  /// Policy documents linted.
  unsigned Documents = 0;
  unsigned BySeverity[4] = {0, 0, 0, 0};
};

struct LintResult {
  std::vector<AccountFinding> Findings;
  AccountSummary Summary;
};

/// Lints the inline policies, the trust policies and the default version
/// of every managed policy of \p A (other versions are not in force).
LintResult lintAccount(const Account &A, const AnalysisOptions &Options);

//===----------------------------------------------------------------------===//
// who-can
//===----------------------------------------------------------------------===//

enum class Access : uint8_t {
  Can,        ///< The request as given is allowed (replayed).
  Conditions, ///< Denied as given; allowed with other condition values.
  Cannot,     ///< No request of the action on the resource is allowed.
  Unknown,    ///< Not decided (solver unknown, unsupported construct).
};

llvm::StringRef accessName(Access A);

struct WhoCanAnswer {
  const Principal *P = nullptr;
  Access A = Access::Unknown;
  /// Can, Conditions: the request that is allowed (replayed).
  std::optional<Request> Witness;
  /// Can, Conditions: the Allow statements that grant it.
  std::vector<StatementCite> Granting;
  /// The condition keys that matter to a reader of Witness: those given
  /// and those the granting statements test.
  std::vector<std::string> ShownKeys;
  /// Cannot: how it is known ("no Allow statement matches the action and
  /// the resource", "proved by the verifier"); Unknown: why not decided.
  std::string How;
  /// References that are not in the file (the answer may be incomplete).
  std::vector<std::string> Missing;
};

struct WhoCanQuery {
  std::string Action, Resource;
  ContextList Context;
  /// The resource's own policy (bucket policy, key policy, ...), in the
  /// account, when given.
  const Policy *ResourcePolicy = nullptr;
};

std::vector<WhoCanAnswer> whoCan(const Account &A, const Guardrails &G,
                                 const WhoCanQuery &Q,
                                 const AnalysisOptions &Options);

//===----------------------------------------------------------------------===//
// admins
//===----------------------------------------------------------------------===//

enum class AdminVerdict : uint8_t {
  Admin, ///< Proved: every action on every resource.
  /// Proved: every action on every resource when the conditions hold.
  AdminConditional,
  NotAdmin, ///< A request it may not make (replayed).
  Unknown,
};

llvm::StringRef adminVerdictName(AdminVerdict V);

struct AdminAnswer {
  const Principal *P = nullptr;
  AdminVerdict V = AdminVerdict::Unknown;
  /// NotAdmin: a request that is denied. AdminConditional: one that is
  /// denied for its conditions only.
  std::optional<Request> Denied;
  /// Admin, AdminConditional: the statements that allow everything.
  std::vector<StatementCite> Granting;
  /// AdminConditional: the conditions, as written.
  std::vector<std::string> Conditions;
  /// The keys those conditions test (folded), to show of Denied.
  std::vector<std::string> ShownKeys;
  std::string Reason;
  std::vector<std::string> Missing;
};

/// The verdict of one principal (or of a stand-in for a group).
AdminAnswer checkAdmin(const PrincipalAccess &PA,
                       const AnalysisOptions &Options);

/// Every principal's verdict, in account order.
std::vector<AdminAnswer> findAdmins(const Account &A, const Guardrails &G,
                                    const AnalysisOptions &Options);

//===----------------------------------------------------------------------===//
// external
//===----------------------------------------------------------------------===//

enum class ExternalKind : uint8_t {
  Everyone,        ///< `*`: any AWS principal.
  OtherAccount,    ///< A principal of another account.
  Federated,       ///< An identity provider (SAML, OIDC, Cognito).
  ServiceNoSource, ///< A service without aws:SourceAccount/SourceArn.
};

llvm::StringRef externalKindName(ExternalKind K);

struct ExternalAccess {
  const Principal *Role = nullptr;
  ExternalKind Kind = ExternalKind::OtherAccount;
  /// The principal as the trust policy names it.
  std::string Who;
  /// The caller used to replay it and the action.
  std::string Caller, Action;
  /// The replay allowed the request with no condition key set.
  bool Unconditional = false;
  /// The conditions of the trust statement, as written.
  std::vector<std::string> Conditions;
  StatementCite Statement;
};

std::vector<ExternalAccess> findExternal(const Account &A,
                                         const AnalysisOptions &Options);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_ANALYSIS_H
