//===- ConditionStrength.h - Do a statement's conditions restrict -*- C++
//-*-===//
///
/// \file
/// Many rules report a grant "without constraint": `iam:PassRole` on every
/// role, a public principal, a cross-account trust. A condition can be such
/// a constraint (`aws:PrincipalOrgID` equal to the organization,
/// `aws:SourceArn` naming one bucket), and then the rule must stay silent; but
/// many conditions look like constraints and restrict nothing. This helper is
/// the one place that tells them apart, so that every rule counts conditions
/// alike.
///
/// A condition entry (one operator and key) restricts when all of these
/// hold:
///
///  - its key is of a kind the rule accepts (see ConditionKinds): who the
///    caller is (organization, account, principal ARN), which service acts
///    for whom (`aws:SourceArn`, `aws:SourceAccount`, ...), where the request
///    comes from (`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`), or what
///    it acts on (resource and request tags, `aws:ResourceAccount`,
///    service-specific keys such as `iam:PassedToService`);
///  - the operator is a positive one: a negated operator (`StringNotEquals`,
///    `ArnNotLike`, `NotIpAddress`, ...) is true for every value it does not
///    list and for requests without the key;
///  - it has no `IfExists` suffix, which lets a request without the key
///    through (except for keys present in every request, such as
///    `aws:PrincipalArn`);
///  - it has no `ForAllValues` qualifier, which is true when the key is
///    absent;
///  - it is not `Null`, which tests presence only (except `false` on a
///    resource or request tag key: the resource must carry the tag);
///  - every value is fixed enough: not `*` alone under a `Like`/`Arn`
///    operator (on a tag key such as `aws:ResourceTag/team`, `*` still
///    requires the tag, and counts), not a `/0` address range, not an ARN whose
///    account field is a wildcard (anyone can create a resource of that name in
///    their own account), not a bare generic prefix such as `o-*` or `vpce-*`.
///
/// Conditions AND together, so one restricting entry is enough.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_CONDITIONSTRENGTH_H
#define TOLLGATE_LIB_LINT_RULES_CONDITIONSTRENGTH_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

#include <string>

namespace tollgate {

class RuleContext;
struct Diagnostic;

/// Kinds of restriction, as bits; a rule passes the kinds that answer its
/// concern.
namespace ConditionKinds {
enum : unsigned {
  /// Who the principal is: aws:PrincipalOrgID, aws:PrincipalOrgPaths,
  /// aws:PrincipalAccount, aws:PrincipalArn, aws:userid, kms:CallerAccount.
  Principal = 1u << 0,
  /// Attributes a principal can set for itself in its own account:
  /// aws:PrincipalTag/..., aws:username, aws:SourceIdentity. They restrict
  /// the identities of trusted accounts, not strangers.
  PrincipalAttribute = 1u << 1,
  /// The resource or service a service acts for: aws:SourceArn,
  /// aws:SourceAccount, aws:SourceOrgID, aws:SourceOrgPaths,
  /// aws:SourceOwner, s3:DataAccessPointAccount, s3:DataAccessPointArn.
  Source = 1u << 2,
  /// Where the request comes from: aws:SourceIp, aws:SourceVpc,
  /// aws:SourceVpce, aws:VpcSourceIp.
  Network = 1u << 3,
  /// What the request acts on or creates: aws:ResourceTag/...,
  /// aws:RequestTag/..., aws:ResourceAccount, aws:ResourceOrgID,
  /// aws:ResourceOrgPaths, aws:CalledVia..., aws:ViaAWSService, and
  /// service-specific keys (iam:PassedToService, ec2:Vpc, ...).
  Resource = 1u << 4,
  /// sts:ExternalId.
  ExternalId = 1u << 5,
  /// aws:MultiFactorAuthPresent (true) and aws:MultiFactorAuthAge.
  Mfa = 1u << 6,
  /// Claims of a web identity provider: `<provider>:sub`, `:aud`, ...
  FederatedClaim = 1u << 7,

  /// What "constrained" means for a grant in an identity policy: anything
  /// that narrows who, where or what.
  AnyScope = Principal | PrincipalAttribute | Source | Network | Resource,
  /// What keeps strangers out of a resource or trust policy.
  Stranger = Principal | Source | Network,
};
} // namespace ConditionKinds

/// The kinds \p Key (a condition key as written) belongs to; 0 when it
/// restricts nothing on its own (aws:SecureTransport, aws:RequestedRegion,
/// aws:CurrentTime, aws:UserAgent, ...).
unsigned conditionKeyKinds(llvm::StringRef Key);

/// True if condition entry \p C restricts requests in one of \p Kinds, by
/// the rules of the file comment.
bool conditionRestricts(const Condition &C, unsigned Kinds);

/// True if some condition entry of \p S restricts in one of \p Kinds.
bool statementRestricted(const Statement &S, unsigned Kinds);

/// Why \p C, whose key is of one of \p Kinds, restricts nothing; None if it
/// does restrict or its key is of none of the kinds.
std::optional<std::string> whyConditionIsWeak(const Condition &C,
                                              unsigned Kinds);

/// Adds a note to \p D for each condition entry of \p S whose key is of one
/// of \p Kinds but which restricts nothing, saying why: the entries an
/// author may have meant as a restriction.
void noteWeakConditions(Diagnostic &D, const Statement &S, unsigned Kinds,
                        RuleContext &Ctx);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_CONDITIONSTRENGTH_H
