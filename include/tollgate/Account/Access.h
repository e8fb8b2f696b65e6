//===- Access.h - A principal's policies as the evaluator sees them -*- C++
//-*-===//
///
/// \file
/// The bridge from the account model to the evaluator and the verifier:
/// the full policy set of a principal (identity policies of the principal
/// and its groups, boundary, the organization's SCPs and RCPs), the caller
/// that stands for it in a request, and readable names of the statements a
/// decision rests on.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_ACCESS_H
#define TOLLGATE_ACCOUNT_ACCESS_H

#include "tollgate/Account/Model.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Eval/Request.h"
#include "tollgate/Parse/Load.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {
namespace account {

/// Organization policies that apply to every principal of the account.
struct Guardrails {
  /// One per level of the organization (each must allow).
  std::vector<LoadedPolicy> SCPs, RCPs;
};

/// Condition keys given by a user: key and values (more than one value
/// makes the key multivalued).
using ContextList =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

/// A statement a decision rests on, for people.
struct StatementCite {
  /// `inline policy X of group G`, `SCP scp.json`, ...
  std::string Policy;
  /// "statement `X`" or `statement 2`.
  std::string Statement;
  std::string File;
  unsigned Line = 0;
  /// The statement's pointer in its file.
  std::string Pointer;
};

/// One principal with its policies, ready to decide requests.
class PrincipalAccess {
public:
  PrincipalAccess(const Account &A, const Principal &P, const Guardrails &G);

  const Principal &principal() const { return *P; }
  const EffectivePolicies &effective() const { return E; }
  const PolicySet &policySet() const { return Set; }
  const CompiledPolicySet &compiled() const { return *Compiled; }
  /// The caller that stands for the principal: the user, or a session of
  /// the role.
  const Caller &caller() const { return C; }

  /// A request of the principal with the condition keys \p Context (key,
  /// values; more than one value makes a key multivalued), completed as
  /// AWS sends it: the keys that follow from the caller set from it.
  Request request(llvm::StringRef Action, llvm::StringRef Resource,
                  const ContextList &Context = {}) const;

  /// A policy that allows \p Action on \p Resource to this principal only
  /// (its `aws:PrincipalArn`): a verifier scope that keeps the requests to
  /// those the principal makes.
  LoadedPolicy scope(llvm::StringRef Action, llvm::StringRef Resource) const;

  StatementCite cite(StatementRef Ref) const;
  std::vector<StatementCite> cite(llvm::ArrayRef<StatementRef> Refs) const;

private:
  const Account *A;
  const Principal *P;
  const Guardrails *G;
  EffectivePolicies E;
  PolicySet Set;
  std::unique_ptr<CompiledPolicySet> Compiled;
  Caller C;
};

/// The caller for \p P in account \p A (a role's session is named
/// `tollgate`).
Caller callerFor(const Principal &P);

/// A policy document built from text, kept with its source.
LoadedPolicy makePolicy(llvm::StringRef Name, llvm::StringRef Json,
                        PolicyType Type);

/// A policy that allows exactly \p Action on \p Resource (a scope for the
/// verifier), to callers whose `aws:PrincipalArn` is \p PrincipalArn when
/// it is not empty.
LoadedPolicy allowOnly(llvm::StringRef Action, llvm::StringRef Resource,
                       llvm::StringRef PrincipalArn = "");

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_ACCESS_H
