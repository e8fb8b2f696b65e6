//===- TemplateConditions.h - Conditions as template parameters -*- C++ -*-===//
///
/// \file
/// A statement inside `!If [Cond, A, B]` exists only when `Cond` has the
/// matching value, so the verifier treats each CloudFormation condition
/// that `!If` tests in the policies as a Boolean parameter of the template:
/// a comparison of two templates holds only if it holds under every
/// assignment of them, and a counterexample names its assignment. `check`,
/// `diff` and `gate` enumerate the assignments with these helpers.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_TEMPLATECONDITIONS_H
#define TOLLGATE_PARSE_TEMPLATECONDITIONS_H

#include "tollgate/Parse/Load.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// The most conditions whose every assignment is checked (64 assignments);
/// past it a comparison is undecided.
constexpr unsigned MaxTemplateConditions = 6;

/// The conditions that `!If` tests in \p Policies (null entries and
/// policy files are skipped), sorted, each once.
std::vector<std::string>
testedConditions(llvm::ArrayRef<const LoadedPolicy *> Policies);

/// Every assignment of \p Conditions, all false first; none when there
/// are no conditions.
std::vector<ConditionAssignment>
everyAssignment(llvm::ArrayRef<std::string> Conditions);

/// " when the condition `A` is true, `B` is false".
std::string describeAssignment(const ConditionAssignment &As);

/// Why a comparison over \p N conditions is undecided (N is more than
/// MaxTemplateConditions).
std::string tooManyConditions(size_t N);

} // namespace tollgate

#endif // TOLLGATE_PARSE_TEMPLATECONDITIONS_H
