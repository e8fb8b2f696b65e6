//===- CheckSelector.h - Naming checks in configuration ---------*- C++ -*-===//
///
/// \file
/// How a configuration file or the command line names checks, as ruff does:
/// `ALL`, a check's code (`IAM101`, any case), a code prefix (`IAM1` names
/// IAM100 to IAM199) or a check's kebab-case name (`allow-all`).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_CHECKSELECTOR_H
#define TOLLGATE_CONFIG_CHECKSELECTOR_H

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// True when \p Selector names \p Check.
bool selectorMatches(llvm::StringRef Selector, const CheckInfo &Check);

/// An empty string when \p Selector names at least one of \p Checks;
/// otherwise a message that says so, with a did-you-mean when one is close.
std::string checkSelector(llvm::StringRef Selector,
                          llvm::ArrayRef<const CheckInfo *> Checks);

/// The check whose code (any case) or name is \p CodeOrName, or null.
const CheckInfo *findCheck(llvm::StringRef CodeOrName,
                           llvm::ArrayRef<const CheckInfo *> Checks);

/// A message naming the closest code or name to \p Word among \p Checks
/// ("; did you mean `IAM101`?"), or "".
std::string didYouMeanCheck(llvm::StringRef Word,
                            llvm::ArrayRef<const CheckInfo *> Checks);

/// Splits a comma-separated command-line list, dropping empty items and
/// spaces around items.
std::vector<std::string> splitSelectorList(llvm::StringRef List);

} // namespace tollgate

#endif // TOLLGATE_CONFIG_CHECKSELECTOR_H
