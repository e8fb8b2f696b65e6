//===- PolicyVariables.h - Splitting strings at policy variables -*- C++
//-*-===//

#ifndef TOLLGATE_PARSE_POLICYVARIABLES_H
#define TOLLGATE_PARSE_POLICYVARIABLES_H

#include "tollgate/Policy/PolicyString.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// A syntax error in a policy variable, as byte offsets into the string.
struct VariableError {
  size_t Begin = 0;
  size_t End = 0;
  std::string Message;
};

/// Splits \p Text into text, escapes (`${*}`, `${?}`, `${$}`) and variables
/// (`${key}`, `${key, 'default'}`). Returns false and fills \p Error at the
/// first malformed variable; \p Parts is then unspecified.
bool splitPolicyVariables(llvm::StringRef Text, std::vector<StringPart> &Parts,
                          VariableError &Error);

} // namespace tollgate

#endif // TOLLGATE_PARSE_POLICYVARIABLES_H
