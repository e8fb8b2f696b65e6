//===- Features.h - Hover and completion ------------------------*- C++ -*-===//
///
/// \file
/// What the language server says about the text under the cursor. Both
/// answer from the public Catalog API; hover finds what is under the cursor
/// in the policy IR (so templates and YAML work as lint reads them) and,
/// when the text does not parse, from the text before the cursor.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LSP_FEATURES_H
#define TOLLGATE_LIB_LSP_FEATURES_H

#include "tollgate/Parse/Load.h"
#include "tollgate/Support/Source.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {

class Catalog;

namespace lsp {

/// At most this many actions or keys are listed in a hover; the rest are
/// counted.
constexpr size_t MaxListed = 20;

struct HoverInfo {
  std::string Markdown;
  /// What the hover is about.
  Span Range;
};

/// The hover at byte \p Offset of the document \p Name with \p Text.
std::optional<HoverInfo> hoverAt(llvm::StringRef Name, llvm::StringRef Text,
                                 uint32_t Offset, const LoadOptions &Load,
                                 const Catalog &Cat);

/// LSP's CompletionItemKind values that the server uses.
enum class ItemKind : int {
  Function = 3,
  Property = 10,
  Module = 9,
  Operator = 24,
};

struct CompletionEntry {
  std::string Label;
  std::string Detail;
  /// What replaces the text from the start of the scalar to the cursor.
  std::string NewText;
  ItemKind Kind = ItemKind::Function;
};

struct Completions {
  /// The span the entries replace (the scalar up to the cursor).
  Span Replace;
  std::vector<CompletionEntry> Items;
};

/// The completions at byte \p Offset of \p Text; none when the cursor is
/// not in an action, a condition operator or a condition key.
std::optional<Completions> completeAt(llvm::StringRef Text, uint32_t Offset,
                                      const Catalog &Cat);

/// What the operator called \p Name does, in one paragraph of Markdown;
/// nullopt when it is not an operator.
std::optional<std::string> describeOperator(llvm::StringRef Name);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LIB_LSP_FEATURES_H
