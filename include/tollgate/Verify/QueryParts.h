//===- QueryParts.h - Independent parts of a query --------------*- C++ -*-===//
///
/// \file
/// A conjunction whose conjuncts fall into groups that share no variable is
/// satisfiable exactly when every group is: a model of the whole is the
/// union of models of the groups, and a group without a model leaves the
/// whole without one. So one small unsatisfiable group refutes a query,
/// whatever its other groups hold, and refutes every other query it is a
/// group of: the conditions of a narrowed statement, say, are the same
/// small group in the query of each action group, caller and account,
/// beside resource constraints that are most of the query's size.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_QUERYPARTS_H
#define TOLLGATE_VERIFY_QUERYPARTS_H

#include "tollgate/Verify/Term.h"

#include <vector>

namespace tollgate {
namespace verify {

/// The conjuncts of `Assumed and Query` grouped by shared variables, each
/// group as one conjunction, smallest first (by distinct subterms), without
/// the largest group. Only groups where \p Query negates a conjunction or
/// a disjunction are given: that is the shape of the other side's
/// statements, which is what leaves a query without a model; the other
/// groups (one side's own constraints, the request model's, \p Assumed)
/// are satisfiable but for rare cases, and not worth a solver call. Empty
/// when the conjunction does not split.
std::vector<Term> smallerParts(TermContext &Ctx, Term Assumed, Term Query);

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_QUERYPARTS_H
