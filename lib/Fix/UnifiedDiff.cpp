//===- UnifiedDiff.cpp - Unified diffs of a file's text -------------------===//
//
// Fixes change a few lines of a file, so the lines the two versions share
// at the start and at the end are set aside first and the longest common
// subsequence is computed for the lines between. Past a size limit those
// lines are shown as removed and added as a whole, which is still a correct
// diff.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Fix/UnifiedDiff.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <vector>

using namespace llvm;

namespace tollgate {
namespace {

constexpr size_t Context = 3;
/// The most cells of the common-subsequence table.
constexpr size_t MaxTable = 16u << 20;

/// The lines of \p Text, each with its newline (the last may have none).
std::vector<StringRef> linesOf(StringRef Text) {
  std::vector<StringRef> Out;
  while (!Text.empty()) {
    size_t NL = Text.find('\n');
    size_t Len = NL == StringRef::npos ? Text.size() : NL + 1;
    Out.push_back(Text.take_front(Len));
    Text = Text.drop_front(Len);
  }
  return Out;
}

enum class Op : uint8_t { Same, Removed, Added };
struct Step {
  Op K;
  size_t Old, New; ///< Line indices (the one that applies).
};

std::vector<Step> script(ArrayRef<StringRef> A, ArrayRef<StringRef> B) {
  size_t Pre = 0;
  while (Pre < A.size() && Pre < B.size() && A[Pre] == B[Pre])
    ++Pre;
  size_t Suf = 0;
  while (Suf < A.size() - Pre && Suf < B.size() - Pre &&
         A[A.size() - 1 - Suf] == B[B.size() - 1 - Suf])
    ++Suf;
  size_t N = A.size() - Pre - Suf, M = B.size() - Pre - Suf;
  std::vector<Step> Out;
  for (size_t I = 0; I < Pre; ++I)
    Out.push_back({Op::Same, I, I});
  if ((N + 1) * (M + 1) <= MaxTable) {
    // L[i][j]: the longest common subsequence of A[Pre+i..] and B[Pre+j..].
    std::vector<uint32_t> L((N + 1) * (M + 1), 0);
    auto At = [&](size_t I, size_t J) -> uint32_t & {
      return L[I * (M + 1) + J];
    };
    for (size_t I = N; I-- > 0;)
      for (size_t J = M; J-- > 0;)
        At(I, J) = A[Pre + I] == B[Pre + J]
                       ? At(I + 1, J + 1) + 1
                       : std::max(At(I + 1, J), At(I, J + 1));
    size_t I = 0, J = 0;
    while (I < N || J < M) {
      if (I < N && J < M && A[Pre + I] == B[Pre + J]) {
        Out.push_back({Op::Same, Pre + I++, Pre + J++});
      } else if (I < N && (J == M || At(I + 1, J) >= At(I, J + 1))) {
        // Removed lines first, as git shows them.
        Out.push_back({Op::Removed, Pre + I++, Pre + J});
      } else {
        Out.push_back({Op::Added, Pre + I, Pre + J++});
      }
    }
  } else {
    for (size_t I = 0; I < N; ++I)
      Out.push_back({Op::Removed, Pre + I, Pre});
    for (size_t J = 0; J < M; ++J)
      Out.push_back({Op::Added, Pre + N, Pre + J});
  }
  for (size_t I = 0; I < Suf; ++I)
    Out.push_back({Op::Same, A.size() - Suf + I, B.size() - Suf + I});
  return Out;
}

void writeLine(raw_ostream &OS, char Mark, StringRef Line) {
  OS << Mark << Line;
  if (!Line.endswith("\n"))
    OS << "\n\\ No newline at end of file\n";
}

/// `-3,4`: the first line (from 1) and the count; an empty range names the
/// line before it.
void writeRange(raw_ostream &OS, size_t First, size_t Count) {
  OS << (Count ? First + 1 : First);
  if (Count != 1)
    OS << ',' << Count;
}

} // namespace

void writeUnifiedDiff(StringRef Path, StringRef Before, StringRef After,
                      raw_ostream &OS) {
  if (Before == After)
    return;
  std::vector<StringRef> A = linesOf(Before), B = linesOf(After);
  std::vector<Step> S = script(A, B);
  OS << "--- a/" << Path << "\n+++ b/" << Path << "\n";
  size_t I = 0;
  while (I < S.size()) {
    // The next change, and the hunk around it: changes closer than twice
    // the context share a hunk.
    while (I < S.size() && S[I].K == Op::Same)
      ++I;
    if (I == S.size())
      break;
    size_t Begin = I >= Context ? I - Context : 0;
    size_t End = I;
    for (size_t Gap = 0; End < S.size(); ++End) {
      if (S[End].K != Op::Same) {
        Gap = 0;
        continue;
      }
      if (++Gap > 2 * Context)
        break;
    }
    // Trim the trailing context to three lines.
    size_t Trail = 0;
    while (Trail < End && S[End - 1 - Trail].K == Op::Same)
      ++Trail;
    if (Trail > Context)
      End -= Trail - Context;
    size_t OldCount = 0, NewCount = 0;
    for (size_t K = Begin; K < End; ++K) {
      OldCount += S[K].K != Op::Added;
      NewCount += S[K].K != Op::Removed;
    }
    OS << "@@ -";
    writeRange(OS, S[Begin].Old, OldCount);
    OS << " +";
    writeRange(OS, S[Begin].New, NewCount);
    OS << " @@\n";
    for (size_t K = Begin; K < End; ++K) {
      const Step &St = S[K];
      if (St.K == Op::Same)
        writeLine(OS, ' ', A[St.Old]);
      else if (St.K == Op::Removed)
        writeLine(OS, '-', A[St.Old]);
      else
        writeLine(OS, '+', B[St.New]);
    }
    I = End;
  }
}

} // namespace tollgate
