//===- ArnFormat.cpp - ARN formats of resource types as patterns ----------===//

#include "tollgate/Catalog/ArnFormat.h"

using namespace llvm;

namespace tollgate {

/// Offset of the resource part: just past the fifth colon of
/// `arn:partition:service:region:account:resource`, or npos.
static size_t resourcePartStart(StringRef Format) {
  size_t Pos = 0;
  for (int Colon = 0; Colon < 5; ++Colon) {
    Pos = Format.find(':', Pos);
    if (Pos == StringRef::npos)
      return StringRef::npos;
    ++Pos;
  }
  return Pos;
}

/// Placeholders named for paths or ARNs are made of separators.
static bool holdsSeparators(StringRef Name) {
  return Name.contains("Path") || Name.endswith("Arn") || Name.endswith("ARN");
}

void appendArnFormatAtoms(StringRef Format, SmallVectorImpl<GlobAtom> &Out) {
  const size_t ResourceStart = resourcePartStart(Format);
  size_t I = 0;
  while (I < Format.size()) {
    if (Format.substr(I).startswith("${")) {
      size_t Close = Format.find('}', I + 2);
      if (Close != StringRef::npos) {
        StringRef Name = Format.slice(I + 2, Close);
        size_t End = Close + 1;
        char Ex1 = 0, Ex2 = 0;
        if (!holdsSeparators(Name)) {
          char Next = End < Format.size() ? Format[End] : 0;
          if (Next == ':' || Next == '/')
            Ex1 = Next;
          if (I == ResourceStart && End == Format.size()) {
            Ex1 = ':';
            Ex2 = '/';
          }
        }
        // One or more characters: one, then any number.
        Out.push_back(GlobAtom::anyOne(Ex1, Ex2));
        Out.push_back(GlobAtom::anyRun(Ex1, Ex2));
        I = End;
        continue;
      }
    }
    char C = Format[I++];
    if (C == '*')
      Out.push_back(GlobAtom::anyRun());
    else if (C == '?')
      Out.push_back(GlobAtom::anyOne());
    else
      Out.push_back(GlobAtom::literal(C));
  }
}

bool arnPatternCanMatchFormat(StringRef ArnPattern, StringRef Format) {
  SmallVector<GlobAtom, 64> PatternAtoms, FormatAtoms;
  appendGlobAtoms(ArnPattern, PatternAtoms);
  appendArnFormatAtoms(Format, FormatAtoms);
  return atomsIntersect(PatternAtoms, FormatAtoms, CaseMode::Sensitive);
}

} // namespace tollgate
