//===- Redundancy.h - Entries and statements that add nothing ---*- C++ -*-===//
///
/// \file
/// Shared by IAM109-IAM111: which Action and Resource entries are covered
/// by another entry, and which statements by another statement. Coverage is
/// pattern inclusion (GlobCover.h): actions ignore case, resources are
/// compared field by field. Entries with policy variables are compared as
/// text only.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H
#define TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

#include <utility>

namespace tollgate {

/// For each action entry of \p E covered by another entry: (covered,
/// covering) indices. Of two equal entries the later one is covered.
llvm::SmallVector<std::pair<size_t, size_t>, 4>
redundantActions(const ActionElement &E);

/// As redundantActions(), for Resource entries.
llvm::SmallVector<std::pair<size_t, size_t>, 4>
redundantResources(const ResourceElement &E);

/// A canonical text of the principals and conditions of \p S: two
/// statements with equal keys apply to the same requests.
std::string statementContextKey(const Statement &S);

/// True if statement \p T grants everything \p S grants, under the same
/// effect, principals and conditions (so that \p S adds nothing); \p TKey
/// and \p SKey are their statementContextKey(). Only Action/Resource
/// elements (not their Not- forms) are compared.
bool statementCovers(const Statement &T, const Statement &S,
                     llvm::StringRef TKey, llvm::StringRef SKey);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H
