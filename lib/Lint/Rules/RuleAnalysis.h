//===- RuleAnalysis.h - What the rules of a run work out once ---*- C++ -*-===//
///
/// \file
/// The analysis the rules share, owned by the lint run and handed to them
/// in the RuleContext: indexes of the run's catalog, answers about patterns
/// and keys that recur across a corpus (bounded memos), and the facts of
/// the statements of the policy being checked. Rules themselves keep no
/// state. One object serves one thread at a time; a parallel run holds one
/// per worker.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_RULEANALYSIS_H
#define TOLLGATE_LIB_LINT_RULES_RULEANALYSIS_H

#include <memory>

namespace tollgate {

class Catalog;
class Policy;

// Each part is defined beside the helpers that use it.
class ActionFactsCache;
struct ActionFactsCacheDeleter {
  void operator()(ActionFactsCache *C) const;
};
std::unique_ptr<ActionFactsCache, ActionFactsCacheDeleter>
makeActionFactsCache(const Catalog &Cat);
void beginPolicy(ActionFactsCache &C, const Policy &P);

namespace reference {
class ReferenceCache;
struct ReferenceCacheDeleter {
  void operator()(ReferenceCache *C) const;
};
std::unique_ptr<ReferenceCache, ReferenceCacheDeleter>
makeReferenceCache(const Catalog &Cat);
void beginPolicy(ReferenceCache &C, const Policy &P);
} // namespace reference

class RuleAnalysis {
public:
  explicit RuleAnalysis(const Catalog &Cat);
  ~RuleAnalysis();
  RuleAnalysis(const RuleAnalysis &) = delete;
  RuleAnalysis &operator=(const RuleAnalysis &) = delete;

  const Catalog &catalog() const { return Cat; }

  /// Forgets the statement facts of the previous policy; the linter calls
  /// it before the rules check \p P.
  void beginPolicy(const Policy &P);

  reference::ReferenceCache &referenceCache() { return *Reference; }
  ActionFactsCache &actionCache() { return *Actions; }

private:
  const Catalog &Cat;
  std::unique_ptr<reference::ReferenceCache, reference::ReferenceCacheDeleter>
      Reference;
  std::unique_ptr<ActionFactsCache, ActionFactsCacheDeleter> Actions;
};

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_RULEANALYSIS_H
