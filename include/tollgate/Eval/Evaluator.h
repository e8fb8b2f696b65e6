//===- Evaluator.h - The concrete IAM evaluator -----------------*- C++ -*-===//
///
/// \file
/// decide(request, policies): the executable definition of IAM policy
/// semantics. Policies are compiled once into a CompiledPolicySet; deciding a
/// request then allocates nothing in the common case.
///
/// The decision follows the AWS evaluation logic: an explicit Deny anywhere
/// wins; otherwise SCPs (one entry per level of the organization) and RCPs
/// must each allow; then the identity path (identity policy, permissions
/// boundary, session policy) or the resource-policy path must allow, with
/// the principal-type rules for same-account resource-policy grants. Across
/// accounts both the identity side and the resource policy must allow.
///
/// A construct the evaluator cannot decide (an unknown condition operator, a
/// statement without Action or NotAction, `Null` with a qualifier) yields
/// Unsupported whenever its value could change the outcome, never a guess.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_EVAL_EVALUATOR_H
#define TOLLGATE_EVAL_EVALUATOR_H

#include "tollgate/Eval/Request.h"
#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {

enum class Decision : uint8_t {
  Allow,
  ExplicitDeny,
  ImplicitDeny,
  /// The policies use a construct whose meaning is not defined here, and its
  /// value decides the outcome.
  Unsupported,
};

llvm::StringRef decisionName(Decision D);

/// The role a policy plays in a PolicySet.
enum class PolicyRole : uint8_t {
  Identity,
  Resource,
  Boundary,
  SCP,
  RCP,
  Session
};

llvm::StringRef policyRoleName(PolicyRole R);

/// How the resource policy relates to identity policies in the same
/// account.
enum class ResourceTrust : uint8_t {
  /// Explicit for `kms:` actions on a KMS key (with or without a key policy
  /// in the set), and, when a resource policy is given, for a role trust
  /// policy (PolicyType::Trust) and for `sts:` actions on a role ARN;
  /// Implicit otherwise.
  Auto,
  /// An identity-policy Allow is enough in the same account.
  Implicit,
  /// Role trust policies and KMS key policies: identity policies count only
  /// when the resource policy allows the caller's account; otherwise the
  /// resource policy must name the caller.
  Explicit,
};

/// The policies that take part in one decision. Pointers are not owned and
/// must outlive any CompiledPolicySet built from the set.
struct PolicySet {
  /// Identity-based policies of the caller (user, group, role policies).
  std::vector<const Policy *> Identity;
  /// The resource-based policy of the resource (bucket policy, key policy,
  /// role trust policy, ...), if any.
  const Policy *Resource = nullptr;
  /// The caller's permissions boundary, if any.
  const Policy *Boundary = nullptr;
  /// Service control policies, one per level of the organization tree
  /// (root, OUs, account). Every level must allow; an empty list means no
  /// organization.
  std::vector<const Policy *> SCPs;
  /// Resource control policies, one per level; every level must allow. An
  /// empty list stands for the default RCPFullAWSAccess.
  std::vector<const Policy *> RCPs;
  /// The session policy passed when the session was created, if any.
  const Policy *Session = nullptr;
  ResourceTrust Trust = ResourceTrust::Auto;
};

/// Choices where the AWS documentation is silent.
struct EvalOptions {
  /// Match the partition, service, region and account fields of Resource
  /// patterns case-insensitively (the resource field is always
  /// case-sensitive). The documentation does not say; iam-simulate folds
  /// case in those fields.
  bool ResourcePrefixCaseInsensitive = true;
};

/// One statement of one policy of a PolicySet.
struct StatementRef {
  PolicyRole Role = PolicyRole::Identity;
  /// The index of the policy within its role (identity policy 2, SCP level
  /// 0); 0 for the single-policy roles.
  uint16_t PolicyIndex = 0;
  /// The index of the statement within the policy.
  uint32_t StatementIndex = 0;
};

/// Why a decision came out as it did, in a few words.
enum class DenyReason : uint8_t {
  None,            ///< Allowed.
  ExplicitDeny,    ///< A Deny statement matched.
  NoSCPAllow,      ///< Some SCP level has no matching Allow.
  NoRCPAllow,      ///< Some RCP level has no matching Allow.
  NoAllow,         ///< Neither the identity nor the resource path allows.
  BoundaryDenies,  ///< The identity allows, the boundary does not.
  SessionDenies,   ///< The identity allows, the session policy does not.
  NoResourceAllow, ///< Cross-account: the resource policy does not allow.
  NoIdentityAllow, ///< Cross-account: the identity side does not allow.
  Unsupported,     ///< An undecidable construct decides the outcome.
};

llvm::StringRef denyReasonText(DenyReason R);

/// The result of decide(): the decision and the statements that made it
/// (the matching Deny statements for an explicit deny, the Allow statements
/// that granted for an allow, the undecidable ones for Unsupported).
struct DecideResult {
  Decision D = Decision::ImplicitDeny;
  DenyReason Reason = DenyReason::NoAllow;
  llvm::SmallVector<StatementRef, 4> Deciding;
};

/// What happened to one statement, for explanations.
struct StatementTrace {
  StatementRef Ref;
  const Statement *S = nullptr;
  bool ActionMatched = false;
  bool ResourceMatched = false;
  /// True for policy roles without principals, and when the resource
  /// policy's Principal or NotPrincipal matched the caller.
  bool PrincipalMatched = false;
  /// Indices into Statement::Conditions of the conditions that were false.
  std::vector<unsigned> FailedConditions;
  /// Indices of the conditions that could not be decided.
  std::vector<unsigned> UnsupportedConditions;
  /// The statement applies to the request (Unsupported: it may).
  bool Applies = false;
  bool Unsupported = false;
};

struct Explanation {
  DecideResult Result;
  /// Every statement of every policy, in PolicySet order.
  std::vector<StatementTrace> Statements;
  bool SameAccount = true;
  /// True when the SCPs and RCPs were consulted (they do not apply to
  /// anonymous and service callers).
  bool SCPsApply = true;
};

class CompiledPolicySetImpl;

/// A PolicySet with every pattern and condition value read once, ready to
/// decide many requests.
class CompiledPolicySet {
public:
  explicit CompiledPolicySet(const PolicySet &Set, EvalOptions Options = {});
  ~CompiledPolicySet();
  CompiledPolicySet(CompiledPolicySet &&);
  CompiledPolicySet &operator=(CompiledPolicySet &&);

  DecideResult decide(const Request &R) const;
  /// decide() plus a trace of every statement; allocates.
  Explanation explain(const Request &R) const;

  const PolicySet &policies() const;
  /// The statement a reference names.
  const Statement &statement(StatementRef Ref) const;
  const Policy &policy(StatementRef Ref) const;

private:
  std::unique_ptr<CompiledPolicySetImpl> Impl;
};

/// Compiles \p Set and decides \p R: convenient, but compiles every time.
DecideResult decide(const Request &R, const PolicySet &Set,
                    EvalOptions Options = {});

} // namespace tollgate

#endif // TOLLGATE_EVAL_EVALUATOR_H
