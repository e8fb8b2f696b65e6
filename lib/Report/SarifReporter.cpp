//===- SarifReporter.cpp - SARIF 2.1.0 output -----------------------------===//
//
// One run, with every check the run could report in the rule table, so that
// code scanning shows the rule's documentation next to each result: the
// rule's doc page (rules/docs/<name>.md) gives the full description and the
// help text, and helpUri links to the page (under a base URL the user may
// set). Results carry the text of their region and of the lines around it,
// so that a reader without the sources sees what was found, and a
// fingerprint of file, check and JSON pointer, so that code scanning keeps
// an alert open across edits that move or reformat it. Columns count
// Unicode code points (run.columnKind).
//
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/RuleDocs.h"
#include "tollgate/Report/Reporters.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Support/Fingerprint.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {

/// The project's home (set when tollgate is configured).
static const char RepositoryUrl[] = TOLLGATE_REPOSITORY_URL;

/// Snippets longer than this are left out: SARIF viewers show a few lines,
/// and a finding on a whole minified policy would repeat the file.
static const uint32_t MaxSnippetBytes = 4096;

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
  return {{"uri", uriEncode(displayPath(Name))}, {"uriBaseId", "%SRCROOT%"}};
}

static Json region(const SourceFile &Src, Span Range) {
  if (!Src.wasRead())
    return {{"startLine", 1}};
  Position B = Src.position(Range.Begin), E = Src.position(Range.End);
  Json R = {{"startLine", B.Line},    {"startColumn", B.Column},
            {"endLine", E.Line},      {"endColumn", E.Column},
            {"byteOffset", B.Offset}, {"byteLength", E.Offset - B.Offset}};
  if (Range.size() <= MaxSnippetBytes)
    R["snippet"] = {{"text", Src.text().slice(B.Offset, E.Offset).str()}};
  return R;
}

/// The whole lines around \p Range, one more on each side; null when they
/// are no more than the range itself (an empty file), since a context
/// region must be larger than its region.
static Json contextRegion(const SourceFile &Src, Span Range) {
  StringRef Text = Src.text();
  Position B = Src.position(Range.Begin), E = Src.position(Range.End);
  StringRef First = Src.lineAt(
      B.Line > 1 ? Src.lineAt(B.Offset).data() - Text.data() - 1 : B.Offset);
  StringRef Last = Src.lineAt(E.Offset);
  size_t LastEnd = Last.end() - Text.data();
  if (LastEnd < Text.size())
    Last = Src.lineAt(
        Text.find('\n', LastEnd) == StringRef::npos ? LastEnd : LastEnd + 1);
  uint32_t From = First.data() - Text.data();
  uint32_t To = Last.end() - Text.data();
  if (To < From || To - From > MaxSnippetBytes)
    return nullptr;
  if (From == B.Offset && To == E.Offset)
    return nullptr;
  Position CB = Src.position(From), CE = Src.position(To);
  return {{"startLine", CB.Line},
          {"startColumn", CB.Column},
          {"endLine", CE.Line},
          {"endColumn", CE.Column},
          {"snippet", {{"text", Text.slice(From, To).str()}}}};
}

static Json physicalLocation(const SourceFile &Src, Span Range) {
  Json P = {{"artifactLocation", artifactLocation(Src.name())},
            {"region", region(Src, Range)}};
  if (Src.wasRead()) {
    Json Context = contextRegion(Src, Range);
    if (!Context.is_null())
      P["contextRegion"] = std::move(Context);
  }
  return P;
}

/// The text of the section headed `## \p Title` of a doc page, or "".
static StringRef docSection(StringRef Page, StringRef Title) {
  std::string Heading = ("\n## " + Title + "\n").str();
  size_t At = Page.find(Heading);
  if (At == StringRef::npos)
    return "";
  StringRef Body = Page.substr(At + Heading.size());
  return Body.substr(0, Body.find("\n## ")).trim();
}

/// \p Markdown as one line of plain text: line breaks become spaces.
static std::string oneLine(StringRef Markdown) {
  std::string Out;
  for (char C : Markdown)
    Out += C == '\n' ? ' ' : C;
  return Out;
}

/// The check's security score as GitHub reads it: a decimal number in a
/// string ("8.0"), as CodeQL writes it.
static std::string securitySeverity(double Score) {
  char Buffer[16];
  snprintf(Buffer, sizeof(Buffer), "%.1f", Score);
  return Buffer;
}

static StringRef problemSeverity(Severity S) {
  switch (S) {
  case Severity::Error:
  case Severity::Security:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Suggestion:
    return "recommendation";
  }
  return "error";
}

/// SARIF's friendly rule names are Pascal-case identifiers:
/// `allow-with-not-action` is `AllowWithNotAction`.
static std::string pascalName(StringRef KebabName) {
  std::string Out;
  bool Upper = true;
  for (char C : KebabName) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out += Upper ? toupper(C) : C;
    Upper = false;
  }
  return Out;
}

/// The rule table entry of \p C, documentation included.
static Json ruleJson(const CheckInfo &C, StringRef HelpBaseUrl) {
  Json Rule = {{"id", C.Code},
               {"name", pascalName(C.Name)},
               {"shortDescription", {{"text", C.Summary}}}};
  const RuleDoc *Doc = findRuleDoc(C.Name);
  StringRef WhatItDoes = Doc ? docSection(Doc->Text, "What it does") : "";
  if (!WhatItDoes.empty())
    Rule["fullDescription"] = {{"text", oneLine(WhatItDoes)},
                               {"markdown", WhatItDoes.str()}};
  else
    Rule["fullDescription"] = {{"text", std::string(C.Summary) + "."}};
  Rule["defaultConfiguration"] = {
      {"level", sarifLevel(C.DefaultSeverity).str()}};
  std::string Explain =
      std::string("Run `tollgate explain ") + C.Code + "` for the full page.";
  if (Doc)
    Rule["help"] = {{"text", Doc->Text}, {"markdown", Doc->Text}};
  else
    Rule["help"] = {{"text", std::string(C.Summary) + ". " + Explain},
                    {"markdown", std::string(C.Summary) + ". " + Explain}};
  // Every check has a page (a unit test holds to it).
  Rule["helpUri"] = helpUrl(C, HelpBaseUrl);
  Json Props = {{"tags", Json::array({"iam"})},
                {"problem.severity", problemSeverity(C.DefaultSeverity).str()}};
  if (std::optional<double> Score = securityScore(C.Impact)) {
    Props["tags"].push_back("security");
    Props["security-severity"] = securitySeverity(*Score);
  }
  Rule["properties"] = std::move(Props);
  return Rule;
}

/// In a GitHub Actions job, the repository and commit the paths are
/// relative to (SARIF's versionControlProvenance), from the variables
/// GitHub sets; null elsewhere.
static Json versionControlProvenance() {
  auto Server = sys::Process::GetEnv("GITHUB_SERVER_URL");
  auto Repo = sys::Process::GetEnv("GITHUB_REPOSITORY");
  auto Sha = sys::Process::GetEnv("GITHUB_SHA");
  if (!Server || !Repo || !Sha || Server->empty() || Repo->empty() ||
      Sha->empty())
    return nullptr;
  Json Details = {{"repositoryUri", *Server + "/" + *Repo},
                  {"revisionId", *Sha}};
  if (auto Ref = sys::Process::GetEnv("GITHUB_REF"))
    if (!Ref->empty())
      Details["branch"] = *Ref;
  Details["mappedTo"] = {{"uriBaseId", "%SRCROOT%"}};
  return Json::array({std::move(Details)});
}

/// The tool: its name, home, version and rule table.
static Json driver(const ReportOptions &Options, Json Rules) {
  return {{"name", "tollgate"},
          {"informationUri", std::string(RepositoryUrl)},
          {"version", Options.ToolVersion},
          {"semanticVersion", Options.ToolVersion},
          {"rules", std::move(Rules)}};
}

/// One run: the tool, where the paths are from, and the results.
static Json run(const ReportOptions &Options, Json Rules, Json Results) {
  Json Run = {{"tool", {{"driver", driver(Options, std::move(Rules))}}}};
  Json Provenance = versionControlProvenance();
  if (!Provenance.is_null())
    Run["versionControlProvenance"] = std::move(Provenance);
  Run["columnKind"] = "unicodeCodePoints";
  Run["results"] = std::move(Results);
  return Run;
}

/// The log of one run.
static void writeLog(Json Run, raw_ostream &OS) {
  Json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(Run)})}};
  OS << Log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << '\n';
}

void writeSarif(ArrayRef<FileFindings> Files, raw_ostream &OS,
                const ReportOptions &Options) {
  Json Rules = Json::array();
  StringMap<size_t> RuleIndex;
  for (const CheckInfo *C : Options.Checks) {
    RuleIndex[C->Code] = Rules.size();
    Rules.push_back(ruleJson(*C, Options.HelpBaseUrl));
  }

  Json Results = Json::array();
  for (const FileFindings &F : Files) {
    // Equal keys in one file are told apart by their order, as GitHub's own
    // line hashes are.
    StringMap<unsigned> Seen;
    for (const Diagnostic &D : F.Diags) {
      Json Loc = {{"physicalLocation", physicalLocation(*F.Source, D.Range)}};
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
      std::string Key = locationFingerprint(displayPath(F.Source->name()),
                                            D.Check->Code, D.Pointer);
      Result["partialFingerprints"] = {
          {"tollgateLocation/v1", Key + ":" + std::to_string(++Seen[Key])}};
      if (!D.Notes.empty()) {
        Json Related = Json::array();
        for (size_t I = 0; I < D.Notes.size(); ++I)
          Related.push_back({{"id", I + 1},
                             {"message", {{"text", D.Notes[I].Message}}},
                             {"physicalLocation",
                              physicalLocation(*F.Source, D.Notes[I].Range)}});
        Result["relatedLocations"] = std::move(Related);
      }
      Results.push_back(std::move(Result));
    }
  }

  Json Run = run(Options, std::move(Rules), std::move(Results));
  // Findings left out by --max-findings are counted, not dropped silently.
  Json Notifications = Json::array();
  for (const FileFindings &F : Files)
    if (unsigned N = F.omitted())
      Notifications.push_back(
          {{"level", "note"},
           {"message",
            {{"text", std::to_string(N) + " more findings in " +
                          displayPath(F.Source->name()).str() +
                          " are not shown (--max-findings)"}}}});
  if (!Notifications.empty())
    Run["invocations"] = Json::array(
        {{{"executionSuccessful", true},
          {"toolExecutionNotifications", std::move(Notifications)}}});
  writeLog(std::move(Run), OS);
}

void writeVerdictSarif(ArrayRef<VerdictOutcome> Outcomes, raw_ostream &OS,
                       const ReportOptions &Options) {
  Json Rules = Json::array();
  StringMap<size_t> RuleIndex;
  Json Results = Json::array();
  for (const VerdictOutcome &O : Outcomes) {
    auto Rule = RuleIndex.try_emplace(O.Property, Rules.size());
    if (Rule.second)
      Rules.push_back(
          {{"id", O.Property},
           {"shortDescription", {{"text", "tollgate check " + O.Property}}},
           {"helpUri", std::string(RepositoryUrl) + "/blob/main/README.md"}});
    using verify::Verdict;
    std::string Message = (verdictName(O.R.V) + ": " + O.Title).str();
    if (O.R.V == Verdict::Unknown)
      Message += " (" + O.R.Reason + ")";
    if (O.R.Cex) {
      const Request &R = O.R.Cex->R;
      Message += ": for example " + R.Principal.Id + " calling " + R.Action +
                 " on " + R.Resource;
    }
    Json Locations = Json::array();
    if (O.R.Cex)
      for (StatementRef Ref : O.R.Cex->A.Deciding) {
        const Policy &P = O.SetA->policy(Ref);
        if (P.Source && P.Source->wasRead())
          Locations.push_back(
              {{"physicalLocation",
                physicalLocation(*P.Source,
                                 P.Statements[Ref.StatementIndex].L.Range)}});
      }
    if (Locations.empty())
      Locations.push_back(
          {{"physicalLocation",
            {{"artifactLocation", artifactLocation(O.FileA)}}}});
    Results.push_back({{"ruleId", O.Property},
                       {"ruleIndex", Rule.first->second},
                       {"kind", O.R.V == Verdict::Pass ? "pass" : "fail"},
                       {"level", O.R.V == Verdict::Fail      ? "error"
                                 : O.R.V == Verdict::Unknown ? "warning"
                                                             : "none"},
                       {"message", {{"text", Message}}},
                       {"locations", std::move(Locations)}});
  }
  Json Run = run(Options, std::move(Rules), std::move(Results));
  writeLog(std::move(Run), OS);
}

} // namespace tollgate
