//===- ActionIndex.h - Statements by the actions they can match -*- C++ -*-===//
///
/// \file
/// Large policies name many services, and most of their statements cannot
/// match a given action: an action pattern whose service prefix (the text
/// before the first `:`) has no wildcard matches only actions of that
/// service. The index files each statement under the services its Action
/// patterns name, and keeps the statements that may match an action of any
/// service (NotAction, no Action element, a wildcard in a service prefix)
/// apart. candidates() then gives a superset of the statements whose
/// action element matches an action: callers still match each candidate
/// (statementAppliesTo(), the encoder), so the index only saves the work on
/// statements that provably do not apply.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_ACTIONINDEX_H
#define TOLLGATE_VERIFY_ACTIONINDEX_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tollgate {
namespace verify {

class ActionIndex {
public:
  ActionIndex() = default;
  explicit ActionIndex(llvm::ArrayRef<const Statement *> Statements);
  /// The statements of \p P.
  explicit ActionIndex(const Policy &P);

  /// Positions (ascending) of the statements that may match \p Action (any
  /// case); every statement that matches it is among them.
  llvm::ArrayRef<uint32_t> candidates(llvm::StringRef Action);

  /// Positions (ascending) of the statements whose action element matches
  /// \p Action (statementAppliesTo()), and of those without an action
  /// element, which the caller reports.
  llvm::ArrayRef<uint32_t> applying(llvm::StringRef Action);
  /// One flag per statement: it is among applying(\p Action). Valid until
  /// the next question about another action.
  const std::vector<bool> &applyingFlags(llvm::StringRef Action);

  size_t size() const { return Statements.size(); }

private:
  void add(const Statement &S);
  void match(llvm::StringRef Action);

  std::vector<const Statement *> Statements;
  /// By service prefix, folded.
  llvm::StringMap<std::vector<uint32_t>> ByService;
  /// Statements that may match an action of any service.
  std::vector<uint32_t> AnyService;
  /// The last answer: callers ask for one action many times in a row.
  std::string LastService;
  bool HasLast = false;
  std::vector<uint32_t> Last;
  /// The last action applying() was asked for, its answer, and the same as
  /// one flag per statement.
  std::string MatchedAction;
  bool HasMatched = false;
  std::vector<uint32_t> Matched;
  std::vector<bool> MatchedFlags;
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_ACTIONINDEX_H
