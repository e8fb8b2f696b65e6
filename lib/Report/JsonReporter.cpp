//===- JsonReporter.cpp - Machine-readable output -------------------------===//
//
// The schema is documented in README.md ("JSON output") and versioned by the
// top-level "version" field; fields are only ever added.
//
//===----------------------------------------------------------------------===//

#include "ReportJson.h"
#include "tollgate/Report/Reporters.h"

using namespace llvm;

namespace tollgate {

nlohmann::ordered_json spanJson(const SourceFile &Src, Span Range) {
  auto PositionJson = [&](uint32_t Offset) {
    Position P = Src.position(Offset);
    return nlohmann::ordered_json{
        {"line", P.Line}, {"column", P.Column}, {"offset", P.Offset}};
  };
  return {{"start", PositionJson(Range.Begin)},
          {"end", PositionJson(Range.End)}};
}

void writeJson(ArrayRef<FileFindings> Files, raw_ostream &OS,
               const ReportOptions &Options) {
  nlohmann::ordered_json Out;
  Out["version"] = 1;
  Out["tool"] = {{"name", "tollgate"}, {"version", Options.ToolVersion}};
  nlohmann::ordered_json FileList = nlohmann::ordered_json::array();
  nlohmann::ordered_json DiagList = nlohmann::ordered_json::array();
  FindingCounts Counts;
  for (const FileFindings &F : Files) {
    Counts.add(F);
    nlohmann::ordered_json FileJson = {{"path", F.Source->name().str()}};
    if (!F.PolicyType.empty()) {
      FileJson["policyType"] = F.PolicyType;
      FileJson["policyTypeAssumed"] = F.PolicyTypeAssumed;
    }
    FileJson["diagnostics"] = F.Diags.size();
    FileList.push_back(std::move(FileJson));
    for (const Diagnostic &D : F.Diags) {
      nlohmann::ordered_json J = {{"code", D.Check->Code},
                                  {"name", D.Check->Name},
                                  {"severity", severityName(D.Level).str()},
                                  {"message", D.Message},
                                  {"file", F.Source->name().str()},
                                  {"span", spanJson(*F.Source, D.Range)},
                                  {"pointer", D.Pointer}};
      nlohmann::ordered_json Notes = nlohmann::ordered_json::array();
      for (const DiagNote &N : D.Notes)
        Notes.push_back(
            {{"message", N.Message}, {"span", spanJson(*F.Source, N.Range)}});
      J["notes"] = std::move(Notes);
      DiagList.push_back(std::move(J));
    }
  }
  Out["files"] = std::move(FileList);
  Out["diagnostics"] = std::move(DiagList);
  Out["summary"] = {{"files", Counts.Files},
                    {"error", Counts.of(Severity::Error)},
                    {"security", Counts.of(Severity::Security)},
                    {"warning", Counts.of(Severity::Warning)},
                    {"suggestion", Counts.of(Severity::Suggestion)}};
  OS << Out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << '\n';
}

} // namespace tollgate
