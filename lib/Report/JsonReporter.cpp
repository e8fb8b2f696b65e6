//===- JsonReporter.cpp - Machine-readable output -------------------------===//
//
// The schema is documented in README.md ("JSON output") and versioned by the
// top-level "version" field; fields are only ever added. The report is
// streamed: a run over thousands of files can have tens of thousands of
// findings, so files and findings are written as they go (JsonWriter), with
// no tree in between.
//
//===----------------------------------------------------------------------===//

#include "JsonWriter.h"
#include "tollgate/Report/Reporters.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {

/// \p J indented by two spaces a level, its lines after the first shifted
/// right by \p Indent spaces to stand at that depth. Invalid UTF-8 (a file
/// that could not be read may contribute other bytes) is replaced.
static std::string text(const Json &J, unsigned Indent) {
  std::string Out = J.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string Shift = "\n" + std::string(Indent, ' ');
  for (size_t At = Out.find('\n'); At != std::string::npos;
       At = Out.find('\n', At + Shift.size()))
    Out.replace(At, 1, Shift);
  return Out;
}

/// Writes `"Key": [ ... ]` at the top level, an element at a time; \p Each
/// is called with a writer placed for the next element.
template <typename Each>
static void writeArray(raw_ostream &OS, StringRef Key, Each ForEach) {
  OS << "  \"" << Key << "\": ";
  JsonWriter W(OS, 2);
  W.arrayBegin();
  ForEach(W);
  W.arrayEnd();
}

static void writePosition(JsonWriter &W, const SourceFile &Src,
                          uint32_t Offset) {
  Position P = Src.position(Offset);
  W.objectBegin();
  W.key("line");
  W.value(P.Line);
  W.key("column");
  W.value(P.Column);
  W.key("offset");
  W.value(P.Offset);
  W.objectEnd();
}

static void writeSpan(JsonWriter &W, const SourceFile &Src, Span Range) {
  W.objectBegin();
  W.key("start");
  writePosition(W, Src, Range.Begin);
  W.key("end");
  writePosition(W, Src, Range.End);
  W.objectEnd();
}

static void writeDiagnostic(JsonWriter &W, const FileFindings &F,
                            const Diagnostic &D) {
  W.objectBegin();
  W.key("code");
  W.value(D.Check->Code);
  W.key("name");
  W.value(D.Check->Name);
  W.key("severity");
  W.value(severityName(D.Level));
  W.key("message");
  W.value(D.Message);
  W.key("file");
  W.value(displayPath(F.Source->name()));
  W.key("span");
  writeSpan(W, *F.Source, D.Range);
  W.key("pointer");
  W.value(D.Pointer);
  W.key("notes");
  W.arrayBegin();
  for (const DiagNote &N : D.Notes) {
    W.element();
    W.objectBegin();
    W.key("message");
    W.value(N.Message);
    W.key("span");
    writeSpan(W, *F.Source, N.Range);
    W.objectEnd();
  }
  W.arrayEnd();
  W.objectEnd();
}

static void writeFile(JsonWriter &W, const FileFindings &F) {
  W.objectBegin();
  W.key("path");
  W.value(displayPath(F.Source->name()));
  if (!F.PolicyType.empty()) {
    W.key("policyType");
    W.value(F.PolicyType);
    W.key("policyTypeAssumed");
    W.value(F.PolicyTypeAssumed);
  }
  W.key("diagnostics");
  W.value(uint64_t(F.Diags.size()));
  if (F.omitted()) {
    W.key("omittedDiagnostics");
    W.value(F.omitted());
  }
  if (!F.FileNotes.empty()) {
    W.key("notes");
    W.arrayBegin();
    for (const std::string &Note : F.FileNotes) {
      W.element();
      W.value(Note);
    }
    W.arrayEnd();
  }
  W.objectEnd();
}

void writeJson(ArrayRef<FileFindings> Files, raw_ostream &OS,
               const ReportOptions &Options) {
  FindingCounts Counts;
  for (const FileFindings &F : Files)
    Counts.add(F);
  Json Tool = {{"name", "tollgate"}, {"version", Options.ToolVersion}};
  OS << "{\n  \"version\": 1,\n  \"tool\": " << text(Tool, 2) << ",\n";
  writeArray(OS, "files", [&](JsonWriter &W) {
    for (const FileFindings &F : Files) {
      W.element();
      writeFile(W, F);
    }
  });
  OS << ",\n";
  writeArray(OS, "diagnostics", [&](JsonWriter &W) {
    for (const FileFindings &F : Files)
      for (const Diagnostic &D : F.Diags) {
        W.element();
        writeDiagnostic(W, F, D);
      }
  });
  Json Summary = {{"files", Counts.Files},
                  {"error", Counts.of(Severity::Error)},
                  {"security", Counts.of(Severity::Security)},
                  {"warning", Counts.of(Severity::Warning)},
                  {"suggestion", Counts.of(Severity::Suggestion)}};
  OS << ",\n  \"summary\": " << text(Summary, 2) << "\n}\n";
}

} // namespace tollgate
