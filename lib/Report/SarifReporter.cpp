//===- SarifReporter.cpp - SARIF 2.1.0 output -----------------------------===//
//
// One run, with every check the run could report in the rule table, so that
// code scanning shows the rule's summary next to each result. Columns count
// Unicode code points (run.columnKind).
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {

static StringRef sarifLevel(Severity S) {
  switch (S) {
  case Severity::Error:
  case Severity::Security:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Suggestion:
    return "note";
  }
  return "error";
}

/// Percent-encodes what a URI reference cannot hold verbatim.
static std::string uriEncode(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isalnum(C) || StringRef("-._~/!$&'()*+,;=:@").contains(C)) {
      Out += C;
      continue;
    }
    static const char Hex[] = "0123456789ABCDEF";
    Out += '%';
    Out += Hex[C >> 4];
    Out += Hex[C & 15];
  }
  return Out;
}

static Json artifactLocation(StringRef Name) {
  if (sys::path::is_absolute(Name))
    return {{"uri", "file://" + uriEncode(Name)}};
  StringRef Rel = Name;
  while (Rel.consume_front("./"))
    ;
  return {{"uri", uriEncode(Rel)}, {"uriBaseId", "%SRCROOT%"}};
}

static Json region(const SourceFile &Src, Span Range) {
  if (!Src.wasRead())
    return {{"startLine", 1}};
  Position B = Src.position(Range.Begin), E = Src.position(Range.End);
  return {{"startLine", B.Line},    {"startColumn", B.Column},
          {"endLine", E.Line},      {"endColumn", E.Column},
          {"byteOffset", B.Offset}, {"byteLength", E.Offset - B.Offset}};
}

void writeSarif(ArrayRef<FileFindings> Files, raw_ostream &OS,
                const ReportOptions &Options) {
  Json Rules = Json::array();
  StringMap<size_t> RuleIndex;
  for (const CheckInfo *C : Options.Checks) {
    RuleIndex[C->Code] = Rules.size();
    Json Rule = {{"id", C->Code},
                 {"name", C->Name},
                 {"shortDescription", {{"text", C->Summary}}},
                 {"defaultConfiguration",
                  {{"level", sarifLevel(C->DefaultSeverity).str()}}},
                 {"help",
                  {{"text", std::string("Run `tollgate explain ") + C->Code +
                                "` for the full description."}}}};
    Json Props = {{"tags", Json::array({"iam"})}};
    if (C->DefaultSeverity == Severity::Security) {
      Props["tags"].push_back("security");
      // GitHub code scanning ranks security alerts by this score.
      Props["security-severity"] = "7.5";
    }
    Rule["properties"] = std::move(Props);
    Rules.push_back(std::move(Rule));
  }

  Json Results = Json::array();
  for (const FileFindings &F : Files) {
    for (const Diagnostic &D : F.Diags) {
      Json Loc = {{"physicalLocation",
                   {{"artifactLocation", artifactLocation(F.Source->name())},
                    {"region", region(*F.Source, D.Range)}}}};
      if (!D.Pointer.empty())
        Loc["logicalLocations"] =
            Json::array({{{"fullyQualifiedName", D.Pointer}}});
      Json Result = {{"ruleId", D.Check->Code}};
      auto It = RuleIndex.find(D.Check->Code);
      if (It != RuleIndex.end())
        Result["ruleIndex"] = It->second;
      Result["level"] = sarifLevel(D.Level).str();
      Result["message"] = {{"text", D.Message}};
      Result["locations"] = Json::array({std::move(Loc)});
      if (!D.Notes.empty()) {
        Json Related = Json::array();
        for (size_t I = 0; I < D.Notes.size(); ++I)
          Related.push_back(
              {{"id", I + 1},
               {"message", {{"text", D.Notes[I].Message}}},
               {"physicalLocation",
                {{"artifactLocation", artifactLocation(F.Source->name())},
                 {"region", region(*F.Source, D.Notes[I].Range)}}}});
        Result["relatedLocations"] = std::move(Related);
      }
      Results.push_back(std::move(Result));
    }
  }

  Json Driver = {{"name", "tollgate"},
                 {"version", Options.ToolVersion},
                 {"semanticVersion", Options.ToolVersion},
                 {"rules", std::move(Rules)}};
  Json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({{{"tool", {{"driver", std::move(Driver)}}},
                                     {"columnKind", "unicodeCodePoints"},
                                     {"results", std::move(Results)}}})}};
  OS << Log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << '\n';
}

} // namespace tollgate
