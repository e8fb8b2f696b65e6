//===- Checks.h - Every check tollgate reports ------------------*- C++ -*-===//
///
/// \file
/// The registry that `tollgate rules`, `tollgate explain` and the reporters'
/// rule lists read: the lint checks (grammar, rules, configuration) and the
/// checks of `tollgate gate`, which are findings of the verifier on a change
/// rather than of the linter.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LINT_CHECKS_H
#define TOLLGATE_LINT_CHECKS_H

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"

namespace tollgate {

namespace gate {
/// IAM950: a changed policy grants access its previous version did not.
extern const CheckInfo NewAccess;
/// IAM951: the verifier could not decide whether a change grants new access.
extern const CheckInfo NewAccessUnknown;

/// The checks of `tollgate gate`, in code order.
llvm::ArrayRef<const CheckInfo *> allChecks();
} // namespace gate

/// Every check tollgate reports, lint and gate, in code order.
llvm::ArrayRef<const CheckInfo *> allChecks();

} // namespace tollgate

#endif // TOLLGATE_LINT_CHECKS_H
