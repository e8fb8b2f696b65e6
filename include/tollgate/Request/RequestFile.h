//===- RequestFile.h - A request written as JSON ----------------*- C++ -*-===//
///
/// \file
/// `tollgate eval --request FILE`: {"principal", "principalKind",
/// "canonicalId", "action", "resource", "resourceAccount", "context": {key:
/// string or [strings]}}, every field optional.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REQUEST_REQUESTFILE_H
#define TOLLGATE_REQUEST_REQUESTFILE_H

#include "tollgate/Eval/Request.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace tollgate {

struct RequestFile {
  Request R;
  /// The principal kind as written; empty when not given.
  std::string Kind;
};

/// Reads the request file \p Path; the error names the file and the fault.
llvm::Expected<RequestFile> readRequestFile(llvm::StringRef Path);

} // namespace tollgate

#endif // TOLLGATE_REQUEST_REQUESTFILE_H
