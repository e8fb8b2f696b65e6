//===- Regions.h - Groups of changed access ---------------------*- C++ -*-===//
///
/// \file
/// What one set of policies allows that another does not, enumerated
/// rather than decided: every action group with such a request yields one
/// counterexample for each kind of caller (user, role session, root, ...)
/// that has one (found by the witness search or the solver, replayed
/// through the evaluator), and the counterexamples are merged by the
/// statements that grant them, so that a reviewer reads "these actions, on
/// these resources, under these conditions, granted by this statement".
/// `tollgate diff` prints them; the gate reports each as a finding.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_REGIONS_H
#define TOLLGATE_VERIFY_REGIONS_H

#include "tollgate/Parse/Template.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tollgate {

/// Groups of changed access looked for per direction unless told otherwise.
constexpr unsigned DefaultMaxRegions = 1000;

/// One group of changed access: the statements of the allowing side that
/// grant it, the actions, and an example.
struct Region {
  std::vector<StatementRef> Granting;
  std::set<std::string> Actions;
  unsigned MoreActions = 0;
  bool Future = false;
  verify::Counterexample Example;
};

/// What A allows that B does not.
struct Direction {
  std::string Title, FileA, FileB;
  std::shared_ptr<CompiledPolicySet> SetA;
  verify::CheckResult Summary;
  std::vector<Region> Regions;
};

/// Both directions between two versions under one assignment of the
/// template conditions (empty for policy files).
struct AccessChange {
  std::string When; ///< " when the condition `A` is true".
  ConditionAssignment Values;
  Direction Gained, Lost;
};

/// The groups of requests \p A allows and \p B does not, at most \p Max
/// action groups, limited to the requests some Allow statement of \p Scope
/// matches when it is given.
Direction findRegions(verify::Verifier &V, const PolicySet &A,
                      const PolicySet &B, unsigned Max, std::string Title,
                      llvm::StringRef FileA, llvm::StringRef FileB,
                      const Policy *Scope = nullptr);

} // namespace tollgate

#endif // TOLLGATE_VERIFY_REGIONS_H
