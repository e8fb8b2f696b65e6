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
#include <vector>

namespace tollgate {

struct RequestFile {
  Request R;
  /// The principal kind as written; empty when not given.
  std::string Kind;
};

/// Reads the request file \p Path; the error names the file and the fault.
llvm::Expected<RequestFile> readRequestFile(llvm::StringRef Path);

/// What the command line says about a request; a given field overrides the
/// request file's.
struct RequestOverrides {
  std::optional<std::string> Principal, PrincipalKind, Action, Resource,
      ResourceAccount;
  /// `KEY=VALUE`; a repeated key is multivalued, `KEY=[]` an empty list.
  std::vector<std::string> Context;
};

/// Applies \p Over to \p R (read with principal kind \p Kind, empty for
/// none) and completes it: the resource defaults to `*`, the resource
/// account to the ARN's account field. The error says what is wrong.
llvm::Error completeRequest(Request &R, std::string Kind,
                            const RequestOverrides &Over);

} // namespace tollgate

#endif // TOLLGATE_REQUEST_REQUESTFILE_H
