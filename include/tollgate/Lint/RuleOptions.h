//===- RuleOptions.h - Options a configuration gives a rule -----*- C++ -*-===//
///
/// \file
/// The values of a rule's options, read through the options the rule
/// declares (CheckInfo::Options): an option the configuration does not set
/// has its declared default.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LINT_RULEOPTIONS_H
#define TOLLGATE_LINT_RULEOPTIONS_H

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// Named options of one rule, each kept as a list of strings (a scalar
/// option is a list of one), as the configuration validated them.
class RuleOptions {
public:
  /// The values of the list option \p O.
  std::vector<std::string> list(const CheckOption &O) const;
  /// The value of the string option \p O.
  std::string string(const CheckOption &O) const;
  /// The value of the boolean option \p O.
  bool flag(const CheckOption &O) const;

  void set(llvm::StringRef Name, std::vector<std::string> V) {
    Values[Name] = std::move(V);
  }

private:
  llvm::StringMap<std::vector<std::string>> Values;
};

/// The value a declaration's default text stands for: `[]`, `[a, b]` or a
/// scalar (a list of one).
std::vector<std::string> defaultValues(const CheckOption &O);

} // namespace tollgate

#endif // TOLLGATE_LINT_RULEOPTIONS_H
