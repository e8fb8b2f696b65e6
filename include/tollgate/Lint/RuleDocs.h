//===- RuleDocs.h - Rule documentation pages --------------------*- C++ -*-===//

#ifndef TOLLGATE_LINT_RULEDOCS_H
#define TOLLGATE_LINT_RULEDOCS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace tollgate {

/// A page of rules/docs/, embedded in the binary.
struct RuleDoc {
  const char *Name; ///< The rule's kebab-case name (the page's file name).
  const char *Text; ///< The Markdown text.
};

llvm::ArrayRef<RuleDoc> ruleDocs();

/// The page of the check named \p Name, or null.
const RuleDoc *findRuleDoc(llvm::StringRef Name);

} // namespace tollgate

#endif // TOLLGATE_LINT_RULEDOCS_H
