//===- GrammarChecks.cpp - Checks of the policy grammar -------------------===//

#include "tollgate/Parse/GrammarChecks.h"

namespace tollgate {
namespace grammar {

#define GRAMMAR_CHECK(Ident, Code, Name, Sev, Input, Summary)                  \
  const CheckInfo Ident = {Code,  Name,   Severity::Sev, CheckStatus::Stable,  \
                           Input, Summary};
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
