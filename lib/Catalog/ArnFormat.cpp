//===- ArnFormat.cpp - ARN formats of resource types as patterns ----------===//

#include "tollgate/Catalog/ArnFormat.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

static constexpr unsigned NumLeadingFields = 5;

/// The offsets just past each of the first five colons; false if \p Arn has
/// fewer.
static bool findFieldEnds(StringRef Arn, size_t (&Starts)[NumLeadingFields]) {
  size_t Pos = 0;
  for (size_t &Start : Starts) {
    Pos = Arn.find(':', Pos);
    if (Pos == StringRef::npos)
      return false;
    Start = ++Pos;
  }
  return true;
}

/// Placeholders named for paths or ARNs are made of separators.
static bool holdsSeparators(StringRef Name) {
  return Name.contains("Path") || Name.endswith("Arn") || Name.endswith("ARN");
}

/// Appends the pattern of Format[From, To). Placeholders look at the whole
/// format for what follows them and for where the resource part starts.
static void appendFormatSlice(StringRef Format, size_t From, size_t To,
                              size_t ResourceStart, Pattern &Out) {
  size_t I = From;
  while (I < To) {
    if (Format.substr(I, To - I).startswith("${")) {
      size_t Close = Format.find('}', I + 2);
      if (Close != StringRef::npos && Close < To) {
        StringRef Name = Format.slice(I + 2, Close);
        size_t End = Close + 1;
        std::string Excluded;
        if (!holdsSeparators(Name)) {
          char Next = End < Format.size() ? Format[End] : 0;
          if (Next == ':' || Next == '/')
            Excluded = Next;
          if (I == ResourceStart && End == Format.size())
            Excluded = ":/";
        }
        // One or more characters: one, then any number.
        Out.addAny(Excluded);
        Out.addStar(Excluded);
        I = End;
        continue;
      }
    }
    size_t Next = Format.find('$', I + 1);
    Out.append(Pattern::parse(Format.slice(I, std::min(Next, To))));
    I = std::min(Next, To);
  }
}

Pattern arnFormatPattern(StringRef Format) {
  size_t Starts[NumLeadingFields];
  size_t ResourceStart = findFieldEnds(Format, Starts)
                             ? Starts[NumLeadingFields - 1]
                             : StringRef::npos;
  Pattern Out;
  appendFormatSlice(Format, 0, Format.size(), ResourceStart, Out);
  return Out;
}

bool arnPatternCanMatchFormat(StringRef ArnPattern, StringRef Format) {
  size_t PatternStarts[NumLeadingFields], FormatStarts[NumLeadingFields];
  if (!findFieldEnds(ArnPattern, PatternStarts) ||
      !findFieldEnds(Format, FormatStarts))
    return Pattern::parse(ArnPattern).intersects(arnFormatPattern(Format));
  // Fields 0-4 without their colons, then the resource part.
  size_t PatternFrom = 0, FormatFrom = 0;
  for (unsigned Field = 0; Field <= NumLeadingFields; ++Field) {
    bool Last = Field == NumLeadingFields;
    size_t PatternTo = Last ? ArnPattern.size() : PatternStarts[Field] - 1;
    size_t FormatTo = Last ? Format.size() : FormatStarts[Field] - 1;
    Pattern FormatField;
    appendFormatSlice(Format, FormatFrom, FormatTo,
                      FormatStarts[NumLeadingFields - 1], FormatField);
    if (!Pattern::parse(ArnPattern.slice(PatternFrom, PatternTo))
             .intersects(FormatField))
      return false;
    if (!Last) {
      PatternFrom = PatternStarts[Field];
      FormatFrom = FormatStarts[Field];
    }
  }
  return true;
}

std::string fillArnFormat(StringRef Format,
                          function_ref<std::string(StringRef)> Fill) {
  std::string Out;
  while (!Format.empty()) {
    size_t Open = Format.find("${");
    size_t Close = Format.find('}', Open);
    if (Open == StringRef::npos || Close == StringRef::npos) {
      Out += Format.str();
      break;
    }
    Out += Format.take_front(Open).str();
    Out += Fill(Format.slice(Open + 2, Close));
    Format = Format.drop_front(Close + 1);
  }
  return Out;
}

} // namespace tollgate
