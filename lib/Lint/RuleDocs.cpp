//===- RuleDocs.cpp - Rule documentation pages ----------------------------===//

#include "tollgate/Lint/RuleDocs.h"

namespace tollgate {

const RuleDoc *findRuleDoc(llvm::StringRef Name) {
  for (const RuleDoc &D : ruleDocs())
    if (Name == D.Name)
      return &D;
  return nullptr;
}

} // namespace tollgate
