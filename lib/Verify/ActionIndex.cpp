//===- ActionIndex.cpp - Statements by the actions they can match ---------===//

#include "tollgate/Verify/ActionIndex.h"

#include "tollgate/Support/Glob.h"
#include "tollgate/Verify/Subsumption.h"

#include <algorithm>
#include <iterator>

using namespace llvm;

namespace tollgate {
namespace verify {

namespace {

/// The service prefix of an action name or pattern: the text before the
/// first `:`, or all of it.
StringRef servicePrefix(StringRef Text) { return Text.split(':').first; }

} // namespace

ActionIndex::ActionIndex(ArrayRef<const Statement *> Statements) {
  for (const Statement *S : Statements)
    add(*S);
}

ActionIndex::ActionIndex(const Policy &P) {
  for (const Statement &S : P.Statements)
    add(S);
}

void ActionIndex::add(const Statement &S) {
  uint32_t I = static_cast<uint32_t>(Statements.size());
  Statements.push_back(&S);
  // NotAction matches actions of every service but a few; a statement
  // without an action element is reported by whoever reads it.
  if (!S.Action.Present || S.Action.Negated) {
    AnyService.push_back(I);
    return;
  }
  std::vector<std::string> Services;
  for (const ActionPattern &A : S.Action.Patterns) {
    // Matching folds ASCII letters only (Support/Glob.h), as lower() does.
    // A prefix with no wildcard is matched character by character before
    // the `:` that ends it, so only actions of that service match.
    StringRef Service = servicePrefix(A.Text);
    if (hasWildcard(Service)) {
      AnyService.push_back(I);
      return;
    }
    Services.push_back(Service.lower());
  }
  std::sort(Services.begin(), Services.end());
  Services.erase(std::unique(Services.begin(), Services.end()), Services.end());
  for (const std::string &Svc : Services)
    ByService[Svc].push_back(I);
}

ArrayRef<uint32_t> ActionIndex::candidates(StringRef Action) {
  std::string Service = servicePrefix(Action).lower();
  if (HasLast && Service == LastService)
    return Last;
  Last.clear();
  auto It = ByService.find(Service);
  if (It == ByService.end()) {
    Last = AnyService;
  } else {
    std::merge(It->second.begin(), It->second.end(), AnyService.begin(),
               AnyService.end(), std::back_inserter(Last));
  }
  LastService = std::move(Service);
  HasLast = true;
  return Last;
}

void ActionIndex::match(StringRef Action) {
  if (HasMatched && (MatchedAction == Action ||
                     StringRef(MatchedAction).equals_insensitive(Action)))
    return;
  Matched.clear();
  MatchedFlags.assign(Statements.size(), false);
  for (uint32_t I : candidates(Action)) {
    const Statement &S = *Statements[I];
    if (!S.Action.Present || statementAppliesTo(S, Action)) {
      Matched.push_back(I);
      MatchedFlags[I] = true;
    }
  }
  MatchedAction = Action.str();
  HasMatched = true;
}

ArrayRef<uint32_t> ActionIndex::applying(StringRef Action) {
  match(Action);
  return Matched;
}

const std::vector<bool> &ActionIndex::applyingFlags(StringRef Action) {
  match(Action);
  return MatchedFlags;
}

} // namespace verify
} // namespace tollgate
