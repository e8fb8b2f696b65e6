//===- Diff.h - Two snapshots of an account ---------------------*- C++ -*-===//
///
/// \file
/// What changed in access between two snapshots of the same account:
/// principals added and removed, and for every principal in both whose
/// policies changed, whether it gained or lost access (the verifier's
/// no-new-access check both ways, each refutation with an example request
/// replayed by the evaluator). A role's trust policy is compared the same
/// way: who may assume the role. Principals whose policy documents are the
/// same text need no check.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_DIFF_H
#define TOLLGATE_ACCOUNT_DIFF_H

#include "tollgate/Account/Analysis.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace account {

enum class Change : uint8_t { None, Yes, Unknown };

struct AccessChange {
  Change C = Change::None;
  /// Yes: a request allowed on one side only (replayed).
  std::optional<Request> Example;
  /// The condition keys the policies read (folded), to show of Example.
  std::vector<std::string> ShownKeys;
  /// Unknown: why.
  std::string Reason;
};

struct PrincipalDiff {
  std::string Label, Arn;
  /// Permissions (identity side with boundary and organization policies).
  AccessChange Gained, Lost;
  /// Roles: who may assume the role.
  AccessChange TrustGained, TrustLost;
};

struct AccountDiff {
  std::vector<std::string> Added, Removed;
  /// Principals in both snapshots whose policies differ in text.
  std::vector<PrincipalDiff> Changed;
  /// Principals in both snapshots with the same policy text.
  unsigned Unchanged = 0;

  bool changed() const;
  bool unknown() const;
};

AccountDiff diffAccounts(const Account &Old, const Account &New,
                         const Guardrails &G, const AnalysisOptions &Options);

void writeDiffText(const Account &Old, const Account &New, const AccountDiff &D,
                   llvm::raw_ostream &OS);
void writeDiffJson(const Account &Old, const Account &New, const AccountDiff &D,
                   llvm::raw_ostream &OS);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_DIFF_H
