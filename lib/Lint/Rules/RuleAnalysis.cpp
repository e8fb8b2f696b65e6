//===- RuleAnalysis.cpp - What the rules of a run work out once -----------===//

#include "RuleAnalysis.h"

namespace tollgate {

RuleAnalysis::RuleAnalysis(const Catalog &Cat)
    : Cat(Cat), Reference(reference::makeReferenceCache(Cat)),
      Actions(makeActionFactsCache(Cat)) {}

RuleAnalysis::~RuleAnalysis() = default;

void RuleAnalysis::beginPolicy(const Policy &P) {
  reference::beginPolicy(*Reference, P);
  tollgate::beginPolicy(*Actions, P);
}

} // namespace tollgate
