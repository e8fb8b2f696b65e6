//===- Tally.h - What the fidelity harness counts ---------------*- C++ -*-===//
///
/// \file
/// The counts and examples of the fidelity harness. Each pair is checked on
/// its own into a PairOutcome; the outcomes are merged in pair order, so the
/// report is the same whatever the number of worker threads.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_TALLY_H
#define TOLLGATE_TESTS_FIDELITY_TALLY_H

#include "tollgate/Eval/Request.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tollgate {
namespace fidelity {

/// One check's tallies.
struct CheckTally {
  unsigned Pass = 0, Fail = 0, Unknown = 0;
  unsigned WrongPass = 0, PassSampled = 0;
  unsigned Unrealistic = 0, ReplayFailures = 0, NoCex = 0;
  /// Unrealistic only because aws:CurrentTime and the like are absent.
  unsigned OnlyAlwaysPresent = 0;
  unsigned NotSeparated = 0;       ///< FAIL, but no universe request separates.
  unsigned NotSeparatedFuture = 0; ///< ... and the counterexample's action
                                   ///< is a future one.
  unsigned SolverErrors = 0, Internal = 0;
  unsigned FailOnRewrite = 0, PassOnMutation = 0;
  /// FAIL on a rewrite with a realistic counterexample that replays: the
  /// rewrite is not exact, or the evaluator disagrees with the harness.
  unsigned SoundFailOnRewrite = 0;
  /// A realistic replaying counterexample that the universe lacks.
  unsigned UniverseGaps = 0;
  std::map<std::string, unsigned> ByRule, ByUnknown;

  void add(const CheckTally &O);
};

struct Example {
  std::string Title, Text;
};

/// Tallies by check and up to Show examples by group, first come first kept.
struct Report {
  std::map<std::string, CheckTally> Checks;
  std::map<std::string, std::vector<Example>> Examples;
  unsigned Show = 3;

  void example(const std::string &Group, std::string Title, std::string Text);
  /// Adds \p O, whose examples come after this report's.
  void add(const Report &O);
};

/// A request to write to the replay file (--emit-replay).
struct ReplayLine {
  std::string PolicyText;
  bool ResourcePolicy = false;
  Request R;
  std::string Origin;
};

/// Everything one pair contributes to the report.
struct PairOutcome {
  Report Rep;
  bool Rewrite = false, ResourcePolicy = false, LoadError = false;
  std::string KindGroup;
  bool Exhaustive = false;
  unsigned SelfCheckViolations = 0;
  uint64_t Requests = 0, UnsupportedRequests = 0, UniverseSize = 0;
  double VerifySeconds = 0, EnumSeconds = 0;
  std::vector<ReplayLine> Replay;
};

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_TALLY_H
