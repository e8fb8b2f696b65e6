//===- Depth.h - The nesting depth of JSON text -----------------*- C++ -*-===//
///
/// \file
/// A scan of JSON text for nesting deeper than a limit, for documents that
/// are read by a recursive parser (llvm::json::parse, nlohmann::json) whose
/// stack must not depend on the input.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_JSON_DEPTH_H
#define TOLLGATE_JSON_DEPTH_H

#include "llvm/ADT/StringRef.h"

namespace tollgate {

/// The nesting limit of every reader, the same as for policies.
constexpr unsigned MaxJsonDepth = 256;

/// True when arrays and objects in \p Text nest deeper than \p Limit
/// (brackets inside strings do not count).
bool jsonNestsDeeperThan(llvm::StringRef Text, unsigned Limit = MaxJsonDepth);

} // namespace tollgate

#endif // TOLLGATE_JSON_DEPTH_H
