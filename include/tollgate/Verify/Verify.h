//===- Verify.h - Properties of policy sets ---------------------*- C++ -*-===//
///
/// \file
/// The verifier's checks. Each reduces to one containment question: is
/// there a request that set A allows (within a scope) and set B does not?
/// The answer is a proof (Pass), a counterexample request replayed through
/// the concrete evaluator (Fail), or Unknown with the reason.
///
/// How a question is decided:
///  1. The finite parts of a request are enumerated: actions are grouped by
///     which action patterns of the policies match them (catalog actions,
///     literal actions the catalog does not know, and one symbolic action
///     for every other, future action), callers by which principals match
///     them, and same- versus cross-account. Each combination is one query
///     over the resource and the context only, folded by the term layer;
///     queries that fold to false need no solver, and equal queries are
///     decided once.
///  2. Candidate requests built from the policies' own patterns are tried
///     with the concrete evaluator: a hit is a counterexample without any
///     solver call.
///  3. The rest go to the solver. A model is decoded into a request and
///     replayed; a replay that disagrees is an internal error.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_VERIFY_H
#define TOLLGATE_VERIFY_VERIFY_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Eval/Request.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Support/Deadline.h"

#include <optional>

#include <functional>
#include <string>
#include <vector>

namespace tollgate {

class Catalog;

namespace verify {

enum class Verdict : uint8_t { Pass, Fail, Unknown };

llvm::StringRef verdictName(Verdict V);

/// The longest time limit a check takes, in seconds (the milliseconds fit
/// 32 bits).
constexpr unsigned MaxTimeoutSeconds = 4294967;

/// The longest string the solver is given: longer than any string of a
/// policy AWS accepts (a key policy holds up to 32 KB). A check over longer
/// strings is decided by the witness search or is Unknown.
constexpr size_t MaxSolverStringBytes = 32768;

struct VerifyOptions {
  /// The time limit of a whole check: witness search, glob reasoning and
  /// solving. Past it the verdict is Unknown.
  unsigned TimeoutMs = 10000;
  /// Solver work per query (SolveBudget::Work; 0: none), for verdicts that do
  /// not depend on the machine's speed or load.
  unsigned SolverWork = 0;
  /// Write every solver query as SMT-LIB 2 into this folder.
  std::string DumpDir;
  /// Levers, for measurements: group actions by the catalog (off: one
  /// symbolic action for all), try concrete witnesses before solving.
  bool GroupActions = true;
  bool Witnesses = true;
  /// Prove an action group from the policy text when every statement that
  /// applies is covered (Subsumption.h), before building any formula.
  bool Syntactic = true;
  /// Fold `new and not old` by implication in the term layer (Term.h).
  bool FoldImplied = true;
  /// The requests a verdict speaks of: those AWS can send (RequestModel.h),
  /// or any strings (IAM Access Analyzer's textual reading).
  request::ModelKind Requests = request::ModelKind::Realistic;
  /// Called after each action group with (groups done, groups in all), for
  /// progress reports on long runs.
  std::function<void(unsigned, unsigned)> Progress;
};

struct Counterexample {
  Request R;
  /// The decisions of set A and set B on R (replayed).
  DecideResult A, B;
  /// The action is not in the catalog (an action AWS may add later).
  bool FutureAction = false;
  /// Found by the solver rather than by the witness search.
  bool FromSolver = false;
  /// The catalog actions that the policies cannot tell apart from the
  /// counterexample's action (its action group; at most 200, display
  /// spelling). Empty for actions outside the catalog.
  std::vector<std::string> GroupActions;
  /// Members of the group beyond GroupActions.
  unsigned MoreGroupActions = 0;
  /// The condition keys the policies read, folded: the keys that decide.
  /// The request carries others too (keys every request has).
  std::vector<std::string> ReadKeys;
};

struct CheckStats {
  unsigned ActionGroups = 0;
  unsigned Queries = 0;  ///< Coordinates whose query did not fold to false.
  unsigned Distinct = 0; ///< Distinct queries after hash-consing.
  unsigned WitnessHits = 0;
  unsigned SyntacticProofs = 0; ///< Action groups proved from the text.
  unsigned SolverCalls = 0;
  unsigned SolverSat = 0, SolverUnsat = 0, SolverUnknown = 0;
  /// Of SolverUnsat: refuted by an independent part of the query.
  unsigned PartProofs = 0;
};

struct CheckResult {
  Verdict V = Verdict::Unknown;
  /// For Unknown: why. For an internal error: what disagreed. For a Fail
  /// with every counterexample (Verifier::regions()): why the list may be
  /// incomplete, or empty when it is complete.
  std::string Reason;
  bool InternalError = false;
  std::optional<Counterexample> Cex;
  CheckStats Stats;
  /// What the verdict assumes of requests (RequestModel::assumptions()).
  std::vector<std::string> Assumptions;
};

/// Decides containment questions over a catalog's action universe.
class Verifier {
public:
  Verifier(const Catalog &Cat, VerifyOptions Options = {});
  ~Verifier();

  /// Is there a request that \p A allows, that some Allow statement of
  /// \p Scope (when given) matches, and that \p B (when given; otherwise
  /// nothing) does not allow? Pass means no.
  CheckResult exceeds(const PolicySet &A, const PolicySet *B,
                      const Policy *Scope = nullptr);

  /// Does \p A (a resource policy with its callers' identity side) allow
  /// a request from outside: an anonymous caller or a principal of an
  /// account no policy names, with every trust key (`aws:SourceAccount`,
  /// `aws:SourceVpce`, `aws:PrincipalOrgID`, ...) holding a value that no
  /// policy names? Pass means no.
  CheckResult publicAccess(const PolicySet &A);

  /// Every request \p A allows, \p B allows (no new access of A over B).
  CheckResult subsumedBy(const PolicySet &A, const PolicySet &B) {
    return exceeds(A, &B);
  }

  /// Checks from now on also stop at \p Shared (a time limit that several
  /// checks share, as both directions of an equivalence do); each check
  /// still stops after its own TimeoutMs.
  void shareDeadline(Deadline Shared);

  /// Up to \p Max counterexamples of exceeds(), each from a different
  /// action group (for summaries of what changed).
  std::vector<Counterexample> regions(const PolicySet &A, const PolicySet *B,
                                      unsigned Max, CheckResult &Summary,
                                      const Policy *Scope = nullptr);

private:
  struct Impl;
  std::unique_ptr<Impl> I;
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_VERIFY_H
