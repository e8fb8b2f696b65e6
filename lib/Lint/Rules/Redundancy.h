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

#include "CaseInsensitiveKey.h"

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/DenseSet.h"
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

/// One statement as statementCovers() compares it: its context key
/// (statementContextKey()) and, built on first use, its Action and Resource
/// entries as hash sets, so that comparing every pair of statements of a
/// long policy costs a lookup per entry rather than a scan of the other
/// statement.
class StatementCover {
public:
  explicit StatementCover(const Statement &S);
  const Statement &statement() const { return *S; }
  llvm::StringRef key() const { return Key; }

private:
  friend bool statementCovers(const StatementCover &T, const StatementCover &S);
  void buildSets() const;

  const Statement *S;
  std::string Key;
  mutable bool Built = false;
  /// Action entries, ignoring case, and those with wildcards.
  mutable llvm::DenseSet<llvm::StringRef, CaseInsensitiveKey> Actions;
  mutable llvm::SmallVector<llvm::StringRef, 4> WildActions;
  /// Resource entries, and those without policy variables.
  mutable llvm::DenseSet<llvm::StringRef> Resources;
  mutable llvm::SmallVector<llvm::StringRef, 4> PlainResources;
};

/// True if statement \p T grants everything \p S grants, under the same
/// effect, principals and conditions (so that \p S adds nothing). Only
/// Action/Resource elements (not their Not- forms) are compared.
bool statementCovers(const StatementCover &T, const StatementCover &S);

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H
