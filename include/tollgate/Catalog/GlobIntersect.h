//===- GlobIntersect.h - Can two wildcard patterns match one string -*- C++
//-*-===//
///
/// \file
/// Decides whether two wildcard patterns have a common instance: some string
/// that both match. This is the question "can resource pattern P name a
/// resource of type T", where T's ARN format is itself a pattern.
///
/// Patterns are sequences of atoms: a literal character, one character, or
/// a run of characters (possibly empty). A character is a Unicode code point
/// (Support/Glob.h): `?` against `é` is one atom against one atom. The two
/// wildcard atoms may exclude up to two characters, which is how an ARN
/// placeholder such as
/// `${BucketName}` is kept from spanning a `/`.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CATALOG_GLOBINTERSECT_H
#define TOLLGATE_CATALOG_GLOBINTERSECT_H

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace tollgate {

/// One position of a wildcard pattern.
struct GlobAtom {
  enum AtomKind : char {
    Literal, ///< exactly the code point Ch
    AnyOne,  ///< one character, not in Excluded
    AnyRun,  ///< zero or more characters, none in Excluded
  };

  AtomKind Kind = Literal;
  uint32_t Ch = 0;
  /// ASCII characters a wildcard atom never matches; 0 marks an unused slot.
  char Excluded[2] = {0, 0};

  static GlobAtom literal(uint32_t C) { return {Literal, C, {0, 0}}; }
  static GlobAtom anyOne(char Ex1 = 0, char Ex2 = 0) {
    return {AnyOne, 0, {Ex1, Ex2}};
  }
  static GlobAtom anyRun(char Ex1 = 0, char Ex2 = 0) {
    return {AnyRun, 0, {Ex1, Ex2}};
  }

  bool excludes(uint32_t C) const {
    return C != 0 && C < 0x80 &&
           (Excluded[0] == static_cast<char>(C) ||
            Excluded[1] == static_cast<char>(C));
  }
};

/// Appends one literal atom per character of \p Text (no wildcards).
void appendLiteralAtoms(llvm::StringRef Text,
                        llvm::SmallVectorImpl<GlobAtom> &Out);

/// Appends the atoms of the IAM wildcard pattern \p Pattern (`*` and `?`,
/// everything else literal) to \p Out.
void appendGlobAtoms(llvm::StringRef Pattern,
                     llvm::SmallVectorImpl<GlobAtom> &Out);

/// Returns true if some string matches both \p A and \p B. Runs in
/// O(|A| * |B|) time and bits of memory.
bool atomsIntersect(llvm::ArrayRef<GlobAtom> A, llvm::ArrayRef<GlobAtom> B,
                    CaseMode Mode = CaseMode::Sensitive);

/// Returns true if some string matches both IAM wildcard patterns.
/// `a*` and `*b` intersect (`ab`); `a*` and `b*` do not.
bool globsIntersect(llvm::StringRef A, llvm::StringRef B,
                    CaseMode Mode = CaseMode::Sensitive);

} // namespace tollgate

#endif // TOLLGATE_CATALOG_GLOBINTERSECT_H
