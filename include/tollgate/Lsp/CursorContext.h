//===- CursorContext.h - What the cursor is in ------------------*- C++ -*-===//
///
/// \file
/// Completion runs on text that is being typed and so is seldom valid JSON
/// or YAML. This reads only the text before the cursor, tolerantly, to
/// find the string (or YAML scalar) the cursor is in, whether it is a key
/// or a value, and the keys of the objects around it: enough to tell an
/// action in `Action` from a condition key or an operator in `Condition`.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LSP_CURSORCONTEXT_H
#define TOLLGATE_LSP_CURSORCONTEXT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace lsp {

struct CursorContext {
  /// The scalar's text from its start to the cursor, as written.
  std::string Prefix;
  /// The byte offset where the scalar's text starts (after a quote).
  uint32_t PrefixBegin = 0;
  /// The scalar is an object key rather than a value.
  bool IsKey = false;
  /// The keys of the enclosing objects, outermost first; for a value, the
  /// last is its own key (array levels add nothing).
  std::vector<std::string> Path;

  /// The last key of Path, or "" when there is none.
  llvm::StringRef parentKey(size_t Up = 0) const {
    return Path.size() > Up ? llvm::StringRef(Path[Path.size() - 1 - Up])
                            : llvm::StringRef();
  }
};

/// The context of the cursor at byte \p Offset of \p Text, read as JSON
/// when the text starts with `{` or `[`, else as YAML; nullopt when the
/// cursor is not in a string or scalar.
std::optional<CursorContext> cursorContext(llvm::StringRef Text,
                                           uint32_t Offset);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_CURSORCONTEXT_H
