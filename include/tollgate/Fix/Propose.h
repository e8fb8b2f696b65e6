//===- Propose.h - The fixes that findings propose --------------*- C++ -*-===//
///
/// \file
/// Turns findings into fixes. Each fix edits the file's own text at the
/// spans of the located reader (JSON, or a CloudFormation template in JSON
/// or YAML), so the rest of the file stays byte for byte as it was:
///
///   IAM010 `"allow"` -> `"Allow"`                       safe, changes access
///   IAM014/IAM016 Version -> `2012-10-17`, no variables safe, keeps access
///                 ... with policy variables             unsafe, changes access
///   IAM006 a misspelt element with one candidate        safe, changes access
///   IAM005 a duplicate key with an equal value          safe, keeps access
///   IAM109/IAM110/IAM111 a redundant entry or statement safe, keeps access
///   IAM401/IAM402 the one candidate of an unknown action  unsafe, changes
///   IAM405/IAM406 the one candidate of an unknown key     unsafe, changes
///
/// The fixes of IAM010 and IAM006 change access in the verifier's reading:
/// the statement IAM rejects as written is left out of the policy, and the
/// fix makes it one that IAM accepts. They are safe because the text as
/// written cannot mean anything else.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_FIX_PROPOSE_H
#define TOLLGATE_FIX_PROPOSE_H

#include "tollgate/Fix/Fix.h"
#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace tollgate {

/// The fixes that \p Diags, findings on \p Text (the file \p Name), propose,
/// in the order of the findings. A finding proposes at most one fix.
std::vector<Fix> proposeFixes(llvm::StringRef Name, llvm::StringRef Text,
                              llvm::ArrayRef<Diagnostic> Diags);

} // namespace tollgate

#endif // TOLLGATE_FIX_PROPOSE_H
