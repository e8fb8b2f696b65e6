//===- TextReporter.cpp - Compiler-style text output ----------------------===//
//
//   policy.json:4:17: error: invalid Effect "allow" [IAM010 invalid-effect]
//       "Effect": "allow",
//                 ^~~~~~~
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/ADT/STLExtras.h"
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
  TextWriter(raw_ostream &OS, const ReportOptions &Options)
      : OS(OS), Color(Options.Color), Quiet(Options.Quiet),
        ShowSource(Options.ShowSource) {}

  void file(const FileFindings &F);
  /// The notes that hold for many files, once each.
  void runNotes();
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
  void note(StringRef Where, const Twine &Text);

  raw_ostream &OS;
  bool Color, Quiet, ShowSource;
  /// Files whose policy type was assumed, by type and reason, in the order
  /// first seen; there are a handful of reasons.
  struct AssumedType {
    std::string Type, Reason;
    std::vector<StringRef> Names;
  };
  std::vector<AssumedType> Assumed;
};
} // namespace

void TextWriter::header(const SourceFile &Src, Span Range, StringRef Label,
                        raw_ostream::Colors LabelColor, StringRef Message) {
  color(raw_ostream::SAVEDCOLOR, true);
  OS << displayPath(Src.name());
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
  if (!Src.wasRead() || !ShowSource)
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
  if (Quiet)
    return;
  StringRef Name = displayPath(Src.name());
  for (const std::string &Note : F.FileNotes)
    note(Name, Note);
  if (unsigned N = F.omitted())
    note(Name, Twine(N) + (N == 1 ? " more finding is" : " more findings are") +
                   " not shown; the report holds at most " +
                   Twine(unsigned(F.Diags.size())) +
                   " per file (--max-findings)");
  if (F.Diags.empty() || !F.PolicyTypeAssumed)
    return;
  auto Same = llvm::find_if(Assumed, [&](const AssumedType &A) {
    return A.Type == F.PolicyType && A.Reason == F.PolicyTypeReason;
  });
  if (Same == Assumed.end())
    Same =
        Assumed.insert(Assumed.end(), {F.PolicyType, F.PolicyTypeReason, {}});
  Same->Names.push_back(Name);
}

void TextWriter::note(StringRef Where, const Twine &Text) {
  if (!Where.empty()) {
    color(raw_ostream::SAVEDCOLOR, true);
    OS << Where << ": ";
  }
  color(raw_ostream::BLACK, true);
  OS << "note: ";
  reset();
  OS << Text << '\n';
}

void TextWriter::runNotes() {
  // Directories of policies are read the same way for the same reason: one
  // note says so for all of them rather than one per file.
  for (const AssumedType &A : Assumed) {
    std::string Article = A.Type == "identity" ? "an " : "a ";
    std::string Why = " because " + A.Reason + "; use --type to say otherwise";
    if (A.Names.size() == 1)
      note(A.Names.front(), "read as " + Article + A.Type + " policy" + Why);
    else
      note("", Twine(A.Names.size()) + " files were read as " + A.Type +
                   " policies" + Why);
  }
  Assumed.clear();
}

void TextWriter::summary(const FindingCounts &Counts) {
  if (Quiet)
    return;
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
  TextWriter W(OS, Options);
  FindingCounts Counts;
  for (const FileFindings &F : Files) {
    W.file(F);
    Counts.add(F);
  }
  W.runNotes();
  W.summary(Counts);
}

} // namespace tollgate
