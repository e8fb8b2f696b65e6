//===- RuleOptions.h - Options a configuration gives a rule -----*- C++ -*-===//

#ifndef TOLLGATE_LINT_RULEOPTIONS_H
#define TOLLGATE_LINT_RULEOPTIONS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// Named options of one rule, each a list of strings (a scalar option is a
/// list of one).
class RuleOptions {
public:
  /// The values of \p Name, or \p Default when the option is not set.
  std::vector<std::string>
  list(llvm::StringRef Name,
       const std::vector<std::string> &Default = {}) const;
  bool has(llvm::StringRef Name) const { return Values.count(Name); }
  void set(llvm::StringRef Name, std::vector<std::string> V) {
    Values[Name] = std::move(V);
  }

private:
  llvm::StringMap<std::vector<std::string>> Values;
};

} // namespace tollgate

#endif // TOLLGATE_LINT_RULEOPTIONS_H
