//===- Solver.h - Solver backends for terms ---------------------*- C++ -*-===//
///
/// \file
/// A backend decides the satisfiability of one Boolean term and, when it is
/// satisfiable, returns values for the term's variables. The Z3 backend is
/// the only code that includes a solver header.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_SOLVER_H
#define TOLLGATE_VERIFY_SOLVER_H

#include "tollgate/Verify/Term.h"

#include <memory>
#include <string>

namespace tollgate {
namespace verify {

enum class SolveStatus : uint8_t { Sat, Unsat, Unknown };

struct SolveResult {
  SolveStatus Status = SolveStatus::Unknown;
  /// Why the solver gave up (timeout, incomplete theory), for Unknown.
  std::string Reason;
  /// Values of the term's variables, for Sat.
  Assignment Model;
  /// The solver work the query took (SolveBudget::Work's units).
  uint64_t Work = 0;
};

/// How much one query may take.
struct SolveBudget {
  unsigned TimeoutMs = 10000;
  /// Solver work (Z3 resource units; 0: no limit). Unlike time, work does
  /// not depend on the machine or its load, so a verdict under a work
  /// budget is the same on every run.
  unsigned Work = 0;
};

class SolverBackend {
public:
  virtual ~SolverBackend();
  virtual llvm::StringRef name() const = 0;
  /// Forgets everything cached about terms: call before solving terms of a
  /// new TermContext (which may reuse a freed one's address).
  virtual void reset() = 0;
  /// Decides \p Query within \p Budget; with a non-empty \p Smt2Path the
  /// query is also written there as SMT-LIB 2.
  virtual SolveResult solve(const TermContext &Ctx, Term Query,
                            SolveBudget Budget,
                            const std::string &Smt2Path) = 0;
  /// Decides only whether \p Query is unsatisfiable: Unsat, or another
  /// status without a model. A backend may use a lighter solver for it than
  /// for solve(), whose models must not change.
  virtual SolveResult refute(const TermContext &Ctx, Term Query,
                             SolveBudget Budget, const std::string &Smt2Path) {
    SolveResult R = solve(Ctx, Query, Budget, Smt2Path);
    R.Model.clear();
    return R;
  }
};

/// Z3 (the primary solver).
std::unique_ptr<SolverBackend> createZ3Backend();

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_SOLVER_H
