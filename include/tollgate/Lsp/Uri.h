//===- Uri.h - Document URIs and file paths ---------------------*- C++ -*-===//

#ifndef TOLLGATE_LSP_URI_H
#define TOLLGATE_LSP_URI_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace tollgate {
namespace lsp {

/// The path of a `file://` URI, percent-decoded; nullopt for other
/// schemes (an unsaved `untitled:` buffer) and malformed escapes.
std::optional<std::string> uriToPath(llvm::StringRef Uri);

/// The `file://` URI of the absolute path \p Path.
std::string pathToUri(llvm::StringRef Path);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_URI_H
