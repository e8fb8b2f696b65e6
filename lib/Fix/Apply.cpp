//===- Apply.cpp - Applying the edits of fixes ----------------------------===//

#include "tollgate/Fix/Fix.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cassert>
#include <numeric>

using namespace llvm;

namespace tollgate {

StringRef fixSafetyName(FixSafety S) {
  return S == FixSafety::Safe ? "safe" : "unsafe";
}

StringRef accessClaimName(AccessClaim C) {
  return C == AccessClaim::KeepsAccess ? "keeps access" : "changes access";
}

Span Fix::hull() const {
  if (Edits.empty())
    return Span();
  uint32_t End = 0;
  for (const Edit &E : Edits)
    End = std::max(End, E.end());
  return Span(Edits.front().Offset, End);
}

std::string Fix::key() const { return Code + '\0' + Pointer + '\0' + Message; }

std::string applyEdits(StringRef Text, ArrayRef<Edit> Edits) {
  std::string Out;
  Out.reserve(Text.size());
  uint32_t At = 0;
  for (const Edit &E : Edits) {
    assert(E.Offset >= At && E.end() <= Text.size() && "edits out of order");
    Out.append(Text.data() + At, E.Offset - At);
    Out += E.Replacement;
    At = E.end();
  }
  Out.append(Text.data() + At, Text.size() - At);
  return Out;
}

bool fixesConflict(const Fix &A, const Fix &B) {
  Span HA = A.hull(), HB = B.hull();
  if (HA.Begin == HB.Begin)
    return true;
  return HA.Begin < HB.End && HB.Begin < HA.End;
}

std::vector<size_t> selectCompatible(ArrayRef<Fix> Fixes) {
  std::vector<size_t> Order(Fixes.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return Fixes[A].hull().Begin < Fixes[B].hull().Begin;
  });
  std::vector<size_t> Taken;
  for (size_t I : Order) {
    if (Fixes[I].Edits.empty())
      continue;
    // Taken hulls are sorted and disjoint, so only the last can reach this
    // one.
    if (!Taken.empty() && fixesConflict(Fixes[Taken.back()], Fixes[I]))
      continue;
    Taken.push_back(I);
  }
  return Taken;
}

AppliedEdits applyCompatible(StringRef Text, ArrayRef<Fix> Fixes) {
  AppliedEdits Out;
  Out.Applied = selectCompatible(Fixes);
  std::vector<Edit> All;
  for (size_t I : Out.Applied)
    All.insert(All.end(), Fixes[I].Edits.begin(), Fixes[I].Edits.end());
  Out.Text = applyEdits(Text, All);
  std::vector<bool> Used(Fixes.size(), false);
  for (size_t I : Out.Applied)
    Used[I] = true;
  for (size_t I = 0; I < Fixes.size(); ++I)
    if (!Used[I])
      Out.Deferred.push_back(I);
  return Out;
}

} // namespace tollgate
