//===- JsonReporter.cpp - Machine-readable output -------------------------===//
//
// The schema is documented in README.md ("JSON output") and versioned by the
// top-level "version" field; fields are only ever added. The report is
// streamed: a run over thousands of files can have tens of thousands of
// findings, so only one file or one finding is a JSON tree at a time.
//
//===----------------------------------------------------------------------===//

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

/// Writes `"Key": [ ... ]` at the top level, an element at a time.
template <typename Each>
static void writeArray(raw_ostream &OS, StringRef Key, Each ForEach) {
  OS << "  \"" << Key << "\": [";
  bool First = true;
  ForEach([&](const Json &Element) {
    OS << (First ? "\n    " : ",\n    ") << text(Element, 4);
    First = false;
  });
  OS << (First ? "]" : "\n  ]");
}

static Json position(const SourceFile &Src, uint32_t Offset) {
  Position P = Src.position(Offset);
  return {{"line", P.Line}, {"column", P.Column}, {"offset", P.Offset}};
}

static Json span(const SourceFile &Src, Span Range) {
  return {{"start", position(Src, Range.Begin)},
          {"end", position(Src, Range.End)}};
}

static Json diagnostic(const FileFindings &F, const Diagnostic &D) {
  Json Notes = Json::array();
  for (const DiagNote &N : D.Notes)
    Notes.push_back(
        {{"message", N.Message}, {"span", span(*F.Source, N.Range)}});
  return {{"code", D.Check->Code},
          {"name", D.Check->Name},
          {"severity", severityName(D.Level).str()},
          {"message", D.Message},
          {"file", displayPath(F.Source->name()).str()},
          {"span", span(*F.Source, D.Range)},
          {"pointer", D.Pointer},
          {"notes", std::move(Notes)}};
}

static Json file(const FileFindings &F) {
  Json J = {{"path", displayPath(F.Source->name()).str()}};
  if (!F.PolicyType.empty()) {
    J["policyType"] = F.PolicyType;
    J["policyTypeAssumed"] = F.PolicyTypeAssumed;
  }
  J["diagnostics"] = F.Diags.size();
  if (F.omitted())
    J["omittedDiagnostics"] = F.omitted();
  if (!F.FileNotes.empty())
    J["notes"] = F.FileNotes;
  return J;
}

void writeJson(ArrayRef<FileFindings> Files, raw_ostream &OS,
               const ReportOptions &Options) {
  FindingCounts Counts;
  for (const FileFindings &F : Files)
    Counts.add(F);
  Json Tool = {{"name", "tollgate"}, {"version", Options.ToolVersion}};
  OS << "{\n  \"version\": 1,\n  \"tool\": " << text(Tool, 2) << ",\n";
  writeArray(OS, "files", [&](auto Emit) {
    for (const FileFindings &F : Files)
      Emit(file(F));
  });
  OS << ",\n";
  writeArray(OS, "diagnostics", [&](auto Emit) {
    for (const FileFindings &F : Files)
      for (const Diagnostic &D : F.Diags)
        Emit(diagnostic(F, D));
  });
  Json Summary = {{"files", Counts.Files},
                  {"error", Counts.of(Severity::Error)},
                  {"security", Counts.of(Severity::Security)},
                  {"warning", Counts.of(Severity::Warning)},
                  {"suggestion", Counts.of(Severity::Suggestion)}};
  OS << ",\n  \"summary\": " << text(Summary, 2) << "\n}\n";
}

} // namespace tollgate
