//===- GithubReporter.cpp - GitHub Actions workflow commands --------------===//
//
// One `::error file=...,line=...::message` line per finding, which GitHub
// shows as an annotation on the pull request's diff. Annotations have three
// levels (error, warning, notice), so security warnings are errors; the
// second line of the message names the severity, the check's summary and
// the command that prints its documentation.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace tollgate {

/// Workflow-command escaping: data escapes %, CR and LF; properties also
/// escape ':' and ','.
static std::string escape(StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

static StringRef severityLabel(Severity S) {
  return S == Severity::Security ? "security warning" : severityName(S);
}

void writeGithub(ArrayRef<FileFindings> Files, raw_ostream &OS,
                 const ReportOptions &Options) {
  for (const FileFindings &F : Files) {
    for (const Diagnostic &D : F.Diags) {
      StringRef Command = D.Level >= Severity::Security  ? "error"
                          : D.Level == Severity::Warning ? "warning"
                                                         : "notice";
      OS << "::" << Command
         << " file=" << escape(displayPath(F.Source->name()), true);
      if (F.Source->wasRead()) {
        Position B = F.Source->position(D.Range.Begin);
        Position E = F.Source->position(D.Range.End);
        OS << ",line=" << B.Line << ",col=" << B.Column;
        if (E.Line == B.Line)
          OS << ",endColumn=" << E.Column;
        else
          OS << ",endLine=" << E.Line;
      }
      std::string Help =
          (Twine(severityLabel(D.Level)) + ": " + D.Check->Summary +
           " (`tollgate explain " + D.Check->Code + "`)")
              .str();
      OS << ",title="
         << escape(std::string(D.Check->Code) + " " + D.Check->Name, true)
         << "::" << escape(D.Message + "\n" + Help, false) << '\n';
    }
    if (unsigned N = F.omitted())
      OS << "::notice file=" << escape(displayPath(F.Source->name()), true)
         << ",title=more findings::"
         << escape(std::to_string(N) + " more findings are not shown "
                                       "(--max-findings)",
                   false)
         << '\n';
  }
}

std::optional<OutputFormat> parseOutputFormat(StringRef Name) {
  return StringSwitch<std::optional<OutputFormat>>(Name)
      .Case("text", OutputFormat::Text)
      .Case("json", OutputFormat::Json)
      .Case("sarif", OutputFormat::Sarif)
      .Case("github", OutputFormat::Github)
      .Default(std::nullopt);
}

void writeReport(OutputFormat Format, ArrayRef<FileFindings> Files,
                 raw_ostream &OS, const ReportOptions &Options) {
  switch (Format) {
  case OutputFormat::Text:
    return writeText(Files, OS, Options);
  case OutputFormat::Json:
    return writeJson(Files, OS, Options);
  case OutputFormat::Sarif:
    return writeSarif(Files, OS, Options);
  case OutputFormat::Github:
    return writeGithub(Files, OS, Options);
  }
}

} // namespace tollgate
