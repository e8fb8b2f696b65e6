//===- TextReporter.cpp - Compiler-style text output ----------------------===//
//
//   policy.json:4:17: error: invalid Effect "allow" [IAM010 invalid-effect]
//       "Effect": "allow",
//                 ^~~~~~~
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace tollgate {

static raw_ostream::Colors colorOf(Severity S) {
  switch (S) {
  case Severity::Error:
    return raw_ostream::RED;
  case Severity::Security:
    return raw_ostream::MAGENTA;
  case Severity::Warning:
    return raw_ostream::YELLOW;
  case Severity::Suggestion:
    return raw_ostream::CYAN;
  }
  return raw_ostream::RED;
}

/// \p Line with control characters, and every non-ASCII byte of a line that
/// is not valid UTF-8, shown as '?', so that binary input cannot drive the
/// terminal. Keeps one output column per code point.
static std::string printable(StringRef Line) {
  const UTF8 *Begin = reinterpret_cast<const UTF8 *>(Line.begin());
  bool Utf8 =
      isLegalUTF8String(&Begin, reinterpret_cast<const UTF8 *>(Line.end()));
  std::string Out;
  for (unsigned char C : Line)
    Out += (C < 0x20 && C != '\t') || C == 0x7F || (!Utf8 && C >= 0x80)
               ? '?'
               : static_cast<char>(C);
  return Out;
}

namespace {
class TextWriter {
public:
  TextWriter(raw_ostream &OS, bool Color) : OS(OS), Color(Color) {}

  void file(const FileFindings &F);
  void summary(const FindingCounts &Counts);

private:
  void color(raw_ostream::Colors C, bool Bold) {
    if (Color)
      OS.changeColor(C, Bold);
  }
  void reset() {
    if (Color)
      OS.resetColor();
  }
  void header(const SourceFile &Src, Span Range, StringRef Label,
              raw_ostream::Colors LabelColor, StringRef Message);
  void snippet(const SourceFile &Src, Span Range);

  raw_ostream &OS;
  bool Color;
};
} // namespace

void TextWriter::header(const SourceFile &Src, Span Range, StringRef Label,
                        raw_ostream::Colors LabelColor, StringRef Message) {
  color(raw_ostream::SAVEDCOLOR, true);
  OS << Src.name();
  if (Src.wasRead()) {
    Position P = Src.position(Range.Begin);
    OS << ':' << P.Line << ':' << P.Column;
  }
  OS << ": ";
  color(LabelColor, true);
  OS << Label << ": ";
  color(raw_ostream::SAVEDCOLOR, true);
  OS << Message;
  reset();
}

void TextWriter::snippet(const SourceFile &Src, Span Range) {
  if (!Src.wasRead())
    return;
  StringRef Line = Src.lineAt(Range.Begin);
  size_t Col = std::min<size_t>(Range.Begin - (Line.data() - Src.text().data()),
                                Line.size());
  // The underline stops at the end of the line the range starts on.
  size_t End =
      std::min<size_t>(Col + std::max<size_t>(Range.size(), 1), Line.size());
  // Minified JSON has very long lines: show a window around the range.
  const size_t Window = 160, Context = 60;
  size_t From = Col > Context && Line.size() > Window ? Col - Context : 0;
  StringRef Shown = Line.substr(From, Window);
  StringRef Ellipsis = From ? "..." : "";
  OS << "  " << Ellipsis << printable(Shown)
     << (From + Window < Line.size() ? "..." : "") << '\n';

  std::string Marker(Ellipsis.size(), ' ');
  for (size_t I = From; I < Col; ++I)
    if ((Line[I] & 0xC0) != 0x80) // one column per code point
      Marker += Line[I] == '\t' ? '\t' : ' ';
  Marker += '^';
  for (size_t I = Col + 1; I < End && I < From + Window; ++I)
    if ((Line[I] & 0xC0) != 0x80)
      Marker += '~';
  OS << "  ";
  color(raw_ostream::GREEN, true);
  OS << Marker;
  reset();
  OS << '\n';
}

void TextWriter::file(const FileFindings &F) {
  const SourceFile &Src = *F.Source;
  for (const Diagnostic &D : F.Diags) {
    std::string Message =
        D.Message + " [" + D.Check->Code + " " + D.Check->Name + "]";
    header(Src, D.Range, severityName(D.Level), colorOf(D.Level), Message);
    OS << '\n';
    snippet(Src, D.Range);
    for (const DiagNote &N : D.Notes) {
      header(Src, N.Range, "note", raw_ostream::BLACK, N.Message);
      OS << '\n';
      snippet(Src, N.Range);
    }
  }
  auto fileNote = [&](const Twine &Text) {
    color(raw_ostream::SAVEDCOLOR, true);
    OS << Src.name() << ": ";
    color(raw_ostream::BLACK, true);
    OS << "note: ";
    reset();
    OS << Text << '\n';
  };
  for (const std::string &Note : F.FileNotes)
    fileNote(Note);
  if (unsigned N = F.omitted())
    fileNote(Twine(N) + (N == 1 ? " more finding is" : " more findings are") +
             " not shown; the report holds at most " +
             Twine(unsigned(F.Diags.size())) + " per file (--max-findings)");
  if (!F.Diags.empty() && F.PolicyTypeAssumed) {
    color(raw_ostream::SAVEDCOLOR, true);
    OS << Src.name() << ": ";
    color(raw_ostream::BLACK, true);
    OS << "note: ";
    reset();
    OS << "read as " << (F.PolicyType == "identity" ? "an " : "a ")
       << F.PolicyType << " policy because " << F.PolicyTypeReason
       << "; use --type to say otherwise\n";
  }
}

void TextWriter::summary(const FindingCounts &Counts) {
  unsigned Total = 0;
  for (unsigned N : Counts.BySeverity)
    Total += N;
  if (Total == 0)
    return;
  auto Plural = [](unsigned N, StringRef One, StringRef Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many).str();
  };
  OS << Plural(Counts.of(Severity::Error), "error", "errors") << ", "
     << Plural(Counts.of(Severity::Security), "security warning",
               "security warnings")
     << ", " << Plural(Counts.of(Severity::Warning), "warning", "warnings")
     << ", "
     << Plural(Counts.of(Severity::Suggestion), "suggestion", "suggestions")
     << " in " << Plural(Counts.Files, "file", "files") << '\n';
}

void writeText(ArrayRef<FileFindings> Files, raw_ostream &OS,
               const ReportOptions &Options) {
  TextWriter W(OS, Options.Color);
  FindingCounts Counts;
  for (const FileFindings &F : Files) {
    W.file(F);
    Counts.add(F);
  }
  W.summary(Counts);
}

} // namespace tollgate
