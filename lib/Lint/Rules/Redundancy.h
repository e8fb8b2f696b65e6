//===- Redundancy.h - Entries and statements that add nothing ---*- C++ -*-===//
///
/// \file
/// Shared by IAM109-IAM111: which Action and Resource entries are covered
/// by another entry, and which statements by another statement. Coverage is
/// pattern inclusion (Pattern::covers): actions ignore case, resources are
/// compared field by field (ArnPattern). Entries with policy variables are
/// compared as text only.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H
#define TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H

#include "CaseInsensitiveKey.h"

#include "tollgate/Lint/Rule.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Pattern.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

#include <utility>

namespace tollgate {

/// The most covering tests one redundancy check makes on one element or
/// policy; past it the rest of the entries are only checked for duplicates.
constexpr size_t RedundancyBudget = 4u << 20;

/// The lower-cased literal prefix of a pattern (up to its first wildcard):
/// a pattern can only cover another if its key is a prefix of the other's.
/// For ARNs (\p Arn), trailing colons do not count. Appended to \p Out.
void appendCoverKey(llvm::StringRef Text, bool Arn, std::string &Out);
/// The same, as a string of its own.
std::string coverKey(llvm::StringRef Text, bool Arn);

/// Keys with ids, for finding every key that is a prefix of a given key in
/// one pass over it: a hash probe at each length some key has (a scan when
/// there are few keys). The keys share one buffer: an index is built for
/// every element and policy linted.
class PrefixIndex {
public:
  struct Entry {
    llvm::StringRef Key;
    uint32_t Id;
  };
  using Range = std::pair<const Entry *, const Entry *>;

  /// Adds the cover key of \p Text (appendCoverKey()) under \p Id.
  void add(llvm::StringRef Text, bool Arn, uint32_t Id);
  /// Groups the keys; call once after the last add().
  void finish();
  bool empty() const { return Entries.empty(); }
  /// The entries whose key is a prefix of the cover key of \p Text (any
  /// case, wildcards allowed), as ranges of entries sorted by id; each
  /// probe takes one of \p Steps.
  llvm::SmallVector<Range, 4> prefixesOf(llvm::StringRef Text,
                                         size_t &Steps) const;

private:
  /// Up to this many keys are compared one by one, with no hash table.
  static constexpr size_t MaxScanned = 8;
  /// Grouped by key, each group sorted by id, after finish() (sorted by id
  /// when no more than MaxScanned).
  std::vector<Entry> Entries;
  /// The keys, one after another; Starts[I] is where the I-th added key
  /// begins.
  std::string Keys;
  std::vector<uint32_t> Starts;
  std::vector<uint32_t> Ids;
  /// Each distinct key's group G: its key and hash, and its entries,
  /// Entries[GroupStarts[G]] up to Entries[GroupStarts[G + 1]].
  std::vector<llvm::StringRef> GroupKeys;
  std::vector<uint64_t> GroupHashes;
  std::vector<uint32_t> GroupStarts;
  /// Open addressing on the key hashes: group + 1, or 0 for a free slot.
  std::vector<uint32_t> Table;
  /// HasLength[L]: some key is L bytes long.
  std::vector<uint8_t> HasLength;
};

/// For each action entry of \p E covered by another entry: (covered,
/// covering) indices. Of two equal entries the later one is covered.
llvm::SmallVector<std::pair<size_t, size_t>, 4>
redundantActions(const ActionElement &E);

/// As redundantActions(), for Resource entries.
llvm::SmallVector<std::pair<size_t, size_t>, 4>
redundantResources(const ResourceElement &E);

/// Reports, as \p Check, the entry \p Covered (at \p CoveredAt) of the
/// element \p Element (`Action`, `NotResource`, ...) that \p By (at
/// \p ByAt) covers, or repeats when \p Same, with a note at \p By.
void reportRedundantEntry(RuleContext &Ctx, const CheckInfo &Check,
                          llvm::StringRef Element, llvm::StringRef Covered,
                          const Loc &CoveredAt, llvm::StringRef By,
                          const Loc &ByAt, bool Same);

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

  /// The statements that may cover a statement, without comparing all pairs:
  /// a statement that covers S holds, for each action and resource entry of
  /// S, an entry that covers it, so it is found through the entry of S with
  /// the fewest such holders (a prefix index per kind of entry).
  class StatementCoverIndex {
  public:
    explicit StatementCoverIndex(llvm::ArrayRef<StatementCover> Covers);
    /// The statements that may cover statement \p I, in order.
    void candidates(size_t I, std::vector<size_t> &Out, size_t &Steps) const;

  private:
    llvm::ArrayRef<StatementCover> Covers;
    PrefixIndex Actions, Resources;
    /// Resource entries with policy variables, by text: covered only by an
    /// equal entry.
    llvm::StringMap<std::vector<uint32_t>> VariableResources;
  };
  void buildSets() const;

  const Statement *S;
  std::string Key;
  mutable bool Built = false;
  /// Action entries, ignoring case, and those with wildcards.
  mutable llvm::DenseSet<llvm::StringRef, CaseInsensitiveKey> Actions;
  mutable std::vector<Pattern> WildActions;
  /// Resource entries, and those without policy variables.
  mutable llvm::DenseSet<llvm::StringRef> Resources;
  mutable std::vector<ArnPattern> PlainResources;
};

/// True if statement \p T grants everything \p S grants, under the same
/// effect, principals and conditions (so that \p S adds nothing). Only
/// Action/Resource elements (not their Not- forms) are compared.
bool statementCovers(const StatementCover &T, const StatementCover &S);

/// The statements that may cover a statement, without comparing all pairs:
/// a statement that covers S holds, for each action and resource entry of
/// S, an entry that covers it, so it is found through the entry of S with
/// the fewest such holders (a prefix index per kind of entry).
class StatementCoverIndex {
public:
  explicit StatementCoverIndex(llvm::ArrayRef<StatementCover> Covers);
  /// Calls \p Visit on the statements that may cover statement \p I, in
  /// order, until it returns true; each statement visited takes one of
  /// \p Steps.
  void forEachCandidate(size_t I, size_t &Steps,
                        llvm::function_ref<bool(size_t)> Visit) const;

private:
  llvm::ArrayRef<StatementCover> Covers;
  PrefixIndex Actions, Resources;
  /// Resource entries with policy variables, by text: covered only by an
  /// equal entry.
  llvm::StringMap<std::vector<uint32_t>> VariableResources;
};

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_REDUNDANCY_H
