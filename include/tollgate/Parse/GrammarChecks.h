//===- GrammarChecks.h - Checks of the policy grammar -----------*- C++ -*-===//

#ifndef TOLLGATE_PARSE_GRAMMARCHECKS_H
#define TOLLGATE_PARSE_GRAMMARCHECKS_H

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"

namespace tollgate {
namespace grammar {

#define GRAMMAR_CHECK(Ident, Code, Name, Sev, Input, Summary)                  \
  extern const CheckInfo Ident;
#include "tollgate/Parse/GrammarChecks.def"

/// Every grammar check, in code order.
llvm::ArrayRef<const CheckInfo *> allChecks();

} // namespace grammar
} // namespace tollgate

#endif // TOLLGATE_PARSE_GRAMMARCHECKS_H
