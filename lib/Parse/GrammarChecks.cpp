//===- GrammarChecks.cpp - Checks of the policy grammar -------------------===//

#include "tollgate/Parse/GrammarChecks.h"

namespace tollgate {
namespace grammar {

#define GRAMMAR_CHECK(Ident, Code, Name, Sev, Input, Summary)                  \
  const CheckInfo Ident = CheckInfo::declare()                                 \
                              .code(Code)                                      \
                              .name(Name)                                      \
                              .severity(Severity::Sev)                         \
                              .inputError(Input)                               \
                              .summary(Summary);
#include "tollgate/Parse/GrammarChecks.def"

llvm::ArrayRef<const CheckInfo *> allChecks() {
  static const CheckInfo *const All[] = {
#define GRAMMAR_CHECK(Ident, Code, Name, Sev, Input, Summary) &Ident,
#include "tollgate/Parse/GrammarChecks.def"
  };
  return All;
}

} // namespace grammar
} // namespace tollgate
