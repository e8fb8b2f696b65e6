//===- Fixes.h - Edits that resolve a finding -------------------*- C++ -*-===//
///
/// \file
/// The code actions the language server offers on a finding. Each is a
/// title and byte edits of the file the finding is in; the server turns
/// them into LSP workspace edits. Two sources feed them: the did-you-mean
/// replacement that a finding's message names, and fixesForFinding(), the
/// one place where a library of fixes plugs in.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LSP_FIXES_H
#define TOLLGATE_LSP_FIXES_H

#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Source.h"

#include <string>
#include <vector>

namespace tollgate {
namespace lsp {

struct TextEdit {
  Span Range;
  std::string NewText;
};

struct Fix {
  std::string Title;
  std::vector<TextEdit> Edits;
  /// The one obvious fix, which an editor may apply on a key press.
  bool Preferred = false;
};

/// The replacement a finding suggests with "did you mean `X`?": the first
/// name the message quotes is the mistake, found in the finding's span
/// and replaced by X. None when the message has no suggestion or the
/// mistake is not written as is in the span (JSON escapes).
std::vector<Fix> didYouMeanFixes(const SourceFile &File, const Diagnostic &D);

/// The fixes `tollgate lint --fix` makes for \p D in \p File (Fix/Propose.h),
/// titled with their kind: unsafe, or changing access.
std::vector<Fix> fixesForFinding(const SourceFile &File, const Diagnostic &D);

/// Every fix for \p D: the did-you-mean replacement, then those of
/// fixesForFinding() that make other edits.
std::vector<Fix> allFixes(const SourceFile &File, const Diagnostic &D);

} // namespace lsp
} // namespace tollgate

#endif // TOLLGATE_LSP_FIXES_H
