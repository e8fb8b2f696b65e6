//===- Subsumption.h - Containment proved from the policy text --*- C++ -*-===//
///
/// \file
/// A proof that needs no formula: set NEW allows nothing set OLD does not,
/// for one action, when every Allow statement of NEW that applies to the
/// action is covered by an Allow statement of OLD (one that applies too,
/// with a superset of the resources and a subset of the conditions), and
/// every Deny statement of OLD that applies is covered in the same way by
/// a Deny statement of NEW.
///
/// Why this is sound whatever the conditions mean: a statement matches a
/// request when its action, resource and every one of its conditions
/// match. A NEW statement that carries every condition of an OLD statement
/// (compared as text) and whose resources are among the OLD statement's
/// resources matches only requests the OLD statement matches. So a request
/// NEW allows is matched by an OLD Allow statement, and by no OLD Deny
/// statement (each would bring a NEW Deny statement that matches it).
///
/// Only plain identity sets qualify (no resource policy, boundary, session
/// policy, SCPs or RCPs): every other part of the decision is then the same
/// for both sets.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_SUBSUMPTION_H
#define TOLLGATE_VERIFY_SUBSUMPTION_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Support/Deadline.h"
#include "tollgate/Verify/ActionIndex.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace tollgate {
namespace verify {

/// True when the action element of \p S (Action or NotAction) matches
/// \p Action, in any case.
bool statementAppliesTo(const Statement &S, llvm::StringRef Action);

class SyntacticCover {
public:
  /// Past \p Limit nothing more is proved: provesAction() and
  /// provesFuture() answer false.
  SyntacticCover(const PolicySet &New, const PolicySet &Old,
                 Deadline Limit = Deadline());

  /// The sets qualify at all.
  bool usable() const { return Usable; }
  /// NEW allows nothing OLD does not for the action \p Folded (lower case).
  bool provesAction(llvm::StringRef Folded);
  /// The same for every action the catalog does not know.
  bool provesFuture();

private:
  struct Stmt {
    const Policy *P;
    const Statement *S;
  };
  /// The statements that may cover others, indexed by what their resource
  /// elements hold, so that each statement to cover is compared with the
  /// few that can cover it rather than with all of them.
  struct CoverIndex {
    std::vector<Stmt> All;
    /// Statements whose resources are every resource.
    std::vector<uint32_t> Universal;
    /// Resource patterns, by text (with a mark for policy variables).
    llvm::StringMap<std::vector<uint32_t>> ByText;
    /// `prefix*` resource patterns, by prefix, and the prefix lengths.
    llvm::StringMap<std::vector<uint32_t>> ByPrefix;
    std::vector<size_t> PrefixLengths;
    /// NotResource statements, by their first pattern; those with none.
    llvm::StringMap<std::vector<uint32_t>> NegatedByFirst;
    std::vector<uint32_t> NegatedEmpty;

    /// All by the actions they can match (made once All is complete).
    ActionIndex Actions;

    void add(Stmt S);
    /// Calls \p Try on the position in All of every statement that may
    /// cover \p S (others do not) until it returns true; returns whether
    /// one did.
    bool anyCandidate(const Statement &S,
                      llvm::function_ref<bool(uint32_t)> Try) const;
  };
  std::vector<Stmt> NewAllow, OldDeny;
  /// NewAllow and OldDeny by the actions they can match.
  ActionIndex NewAllowIndex, OldDenyIndex;
  CoverIndex OldAllow, NewDeny;
  bool Usable = false;
  Deadline Limit;
  /// Memo: T's resources and conditions cover S's (keyed by the pair), up
  /// to a bounded number of pairs.
  llvm::DenseMap<std::pair<const Statement *, const Statement *>, bool> Memo;

  bool covers(const Stmt &T, const Stmt &S);
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_SUBSUMPTION_H
