//===- StringIndex.cpp - Strings found by a precomputed hash --------------===//

#include "Compiled.h"

#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace tollgate {
namespace eval {

/// Up to this many keys a scan of the hashes beats probing a table.
static constexpr size_t ScanLimit = 8;

void StringIndex::build(std::vector<StringRef> NewKeys) {
  Keys = std::move(NewKeys);
  Hashes.clear();
  Slots.clear();
  Hashes.reserve(Keys.size());
  for (StringRef K : Keys)
    Hashes.push_back(hashString(K));
  if (Keys.size() <= ScanLimit)
    return;
  Slots.assign(NextPowerOf2(2 * Keys.size()), 0);
  size_t Mask = Slots.size() - 1;
  for (size_t I = 0; I < Keys.size(); ++I) {
    size_t At = Hashes[I] & Mask;
    while (Slots[At])
      At = (At + 1) & Mask;
    Slots[At] = static_cast<uint32_t>(I + 1);
  }
}

int StringIndex::probe(StringRef S, uint64_t Hash) const {
  size_t Mask = Slots.size() - 1;
  for (size_t At = Hash & Mask; Slots[At]; At = (At + 1) & Mask) {
    uint32_t I = Slots[At] - 1;
    if (Hashes[I] == Hash && Keys[I] == S)
      return static_cast<int>(I);
  }
  return -1;
}

} // namespace eval
} // namespace tollgate
