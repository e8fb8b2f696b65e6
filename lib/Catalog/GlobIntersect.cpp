//===- GlobIntersect.cpp - Can two wildcard patterns match one string -----===//
//
// The patterns are regular languages; they intersect if their product
// automaton reaches its final state. A state is a pair of positions (I, J):
// the first I atoms of A and the first J atoms of B have consumed the same
// string. Runs may be left (epsilon moves) or may consume one character and
// stay; other atoms consume one character and advance.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/GlobIntersect.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringExtras.h"

#include <utility>

using namespace llvm;

namespace tollgate {

void appendLiteralAtoms(StringRef Text, SmallVectorImpl<GlobAtom> &Out) {
  for (size_t I = 0; I < Text.size();) {
    auto [CP, L] = charAt(Text, I);
    Out.push_back(GlobAtom::literal(CP));
    I += L;
  }
}

void appendGlobAtoms(StringRef Pattern, SmallVectorImpl<GlobAtom> &Out) {
  for (size_t I = 0; I < Pattern.size();) {
    char C = Pattern[I];
    if (C == '*' || C == '?') {
      Out.push_back(C == '*' ? GlobAtom::anyRun() : GlobAtom::anyOne());
      ++I;
      continue;
    }
    auto [CP, L] = charAt(Pattern, I);
    Out.push_back(GlobAtom::literal(CP));
    I += L;
  }
}

/// ASCII letters fold (Support/Glob.h); other characters stand for
/// themselves.
static uint32_t fold(uint32_t C, CaseMode Mode) {
  return Mode == CaseMode::Insensitive && C >= 'A' && C <= 'Z' ? C + 32 : C;
}

static bool wildcardAdmits(const GlobAtom &W, uint32_t C, CaseMode Mode) {
  C = fold(C, Mode);
  for (char E : W.Excluded)
    if (E != 0 && fold(static_cast<uint8_t>(E), Mode) == C)
      return false;
  return true;
}

/// Returns true if one character exists that both atoms can consume.
static bool canShareChar(const GlobAtom &X, const GlobAtom &Y, CaseMode Mode) {
  bool XLit = X.Kind == GlobAtom::Literal;
  bool YLit = Y.Kind == GlobAtom::Literal;
  if (XLit && YLit)
    return fold(X.Ch, Mode) == fold(Y.Ch, Mode);
  if (XLit)
    return wildcardAdmits(Y, X.Ch, Mode);
  if (YLit)
    return wildcardAdmits(X, Y.Ch, Mode);
  // Two wildcards exclude at most four characters between them; some other
  // character is admitted by both.
  return true;
}

bool atomsIntersect(ArrayRef<GlobAtom> A, ArrayRef<GlobAtom> B, CaseMode Mode) {
  const size_t N = A.size(), M = B.size();
  const size_t Width = M + 1;
  BitVector Seen((N + 1) * Width);
  SmallVector<std::pair<size_t, size_t>, 64> Work;

  auto Visit = [&](size_t I, size_t J) {
    size_t Index = I * Width + J;
    if (!Seen.test(Index)) {
      Seen.set(Index);
      Work.push_back({I, J});
    }
  };

  Visit(0, 0);
  while (!Work.empty()) {
    auto [I, J] = Work.pop_back_val();
    if (I == N && J == M)
      return true;
    bool ARun = I < N && A[I].Kind == GlobAtom::AnyRun;
    bool BRun = J < M && B[J].Kind == GlobAtom::AnyRun;
    if (ARun)
      Visit(I + 1, J);
    if (BRun)
      Visit(I, J + 1);
    // A step where both sides stay in their runs returns to (I, J) itself.
    if (I < N && J < M && !(ARun && BRun) && canShareChar(A[I], B[J], Mode))
      Visit(ARun ? I : I + 1, BRun ? J : J + 1);
  }
  return false;
}

bool globsIntersect(StringRef A, StringRef B, CaseMode Mode) {
  SmallVector<GlobAtom, 64> AAtoms, BAtoms;
  appendGlobAtoms(A, AAtoms);
  appendGlobAtoms(B, BAtoms);
  return atomsIntersect(AAtoms, BAtoms, Mode);
}

} // namespace tollgate
