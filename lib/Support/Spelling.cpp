//===- Spelling.cpp - "Did you mean" suggestions --------------------------===//

#include "tollgate/Support/Spelling.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

std::optional<StringRef> closestSpelling(StringRef Word,
                                         ArrayRef<StringRef> Candidates) {
  // A third of the word's length, at least one and at most three edits,
  // keeps suggestions plausible ("Efect" -> "Effect", not "Id" -> "Sid").
  unsigned Limit = std::min<unsigned>(3, std::max<size_t>(1, Word.size() / 3));
  std::string Lower = Word.lower();
  std::optional<StringRef> Best;
  unsigned BestDistance = Limit + 1;
  for (StringRef Candidate : Candidates) {
    unsigned D = StringRef(Lower).edit_distance(Candidate.lower(),
                                                /*AllowReplacements=*/true,
                                                /*MaxEditDistance=*/Limit);
    if (D < BestDistance) {
      BestDistance = D;
      Best = Candidate;
    }
  }
  return Best;
}

} // namespace tollgate
