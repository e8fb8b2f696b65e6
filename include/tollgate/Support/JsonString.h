//===- JsonString.h - Where a JSON string ends ------------------*- C++ -*-===//
///
/// \file
/// Scans of JSON text that look only at structure (nesting, white space)
/// must pass over strings, whose brackets, quotes and spaces are text.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_JSONSTRING_H
#define TOLLGATE_SUPPORT_JSONSTRING_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace tollgate {

/// The index just past the string that opens with the double quote at
/// \p Quote in \p Text (escaped quotes do not close it), or Text.size()
/// when it is not closed.
size_t jsonStringEnd(llvm::StringRef Text, size_t Quote);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_JSONSTRING_H
