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

#include "llvm/ADT/StringRef.h"

#include <map>
#include <vector>

namespace tollgate {
namespace verify {

class SyntacticCover {
public:
  SyntacticCover(const PolicySet &New, const PolicySet &Old);

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
  std::vector<Stmt> NewAllow, NewDeny, OldAllow, OldDeny;
  bool Usable = false;
  /// Memo: T's resources and conditions cover S's (keyed by the pair).
  std::map<std::pair<const Statement *, const Statement *>, bool> Memo;

  bool covers(const Stmt &T, const Stmt &S);
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_SUBSUMPTION_H
