//===- Merge.h - Putting the JSON outputs of many accounts together -*- C++
//-*-===//
///
/// \file
/// An organization is many accounts, each analysed on its own (one process
/// per account, on any batch engine). `tollgate account merge` reads their
/// JSON outputs, which must all answer the same question, and writes one
/// document: {"command": ..., "accounts": [each output, by account id]}.
/// Merged documents may be merged again.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_MERGE_H
#define TOLLGATE_ACCOUNT_MERGE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace tollgate {
namespace account {

/// Returns the exit status: 0, or 2 when an input is not such an output.
int mergeOutputs(llvm::ArrayRef<std::string> Paths, llvm::raw_ostream &OS,
                 llvm::raw_ostream &Err);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_MERGE_H
