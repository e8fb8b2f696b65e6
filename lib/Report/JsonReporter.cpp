//===- JsonReporter.cpp - Machine-readable output -------------------------===//
//
// The schema is documented in README.md ("JSON output") and versioned by the
// top-level "version" field; fields are only ever added. The report is
// streamed: a run over thousands of files can have tens of thousands of
// findings, and building a tree of them first costs more than linting.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/Support/JSON.h"

using namespace llvm;

namespace tollgate {

static void writePosition(json::OStream &J, const SourceFile &Src,
                          uint32_t Offset) {
  Position P = Src.position(Offset);
  J.object([&] {
    J.attribute("line", P.Line);
    J.attribute("column", P.Column);
    J.attribute("offset", P.Offset);
  });
}

static void writeSpan(json::OStream &J, const SourceFile &Src, Span Range) {
  J.object([&] {
    J.attributeBegin("start");
    writePosition(J, Src, Range.Begin);
    J.attributeEnd();
    J.attributeBegin("end");
    writePosition(J, Src, Range.End);
    J.attributeEnd();
  });
}

/// JSON strings must be UTF-8; messages quote policy text, which the reader
/// has checked, but a file that failed to read may contribute other bytes.
static std::string utf8(StringRef S) {
  return json::isUTF8(S) ? S.str() : json::fixUTF8(S);
}

static void writeDiagnostic(json::OStream &J, const FileFindings &F,
                            const Diagnostic &D) {
  J.object([&] {
    J.attribute("code", D.Check->Code);
    J.attribute("name", D.Check->Name);
    J.attribute("severity", severityName(D.Level));
    J.attribute("message", utf8(D.Message));
    J.attribute("file", utf8(F.Source->name()));
    J.attributeBegin("span");
    writeSpan(J, *F.Source, D.Range);
    J.attributeEnd();
    J.attribute("pointer", utf8(D.Pointer));
    J.attributeArray("notes", [&] {
      for (const DiagNote &N : D.Notes)
        J.object([&] {
          J.attribute("message", utf8(N.Message));
          J.attributeBegin("span");
          writeSpan(J, *F.Source, N.Range);
          J.attributeEnd();
        });
    });
  });
}

void writeJson(ArrayRef<FileFindings> Files, raw_ostream &OS,
               const ReportOptions &Options) {
  FindingCounts Counts;
  for (const FileFindings &F : Files)
    Counts.add(F);
  json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeObject("tool", [&] {
      J.attribute("name", "tollgate");
      J.attribute("version", Options.ToolVersion);
    });
    J.attributeArray("files", [&] {
      for (const FileFindings &F : Files)
        J.object([&] {
          J.attribute("path", utf8(F.Source->name()));
          if (!F.PolicyType.empty()) {
            J.attribute("policyType", F.PolicyType);
            J.attribute("policyTypeAssumed", F.PolicyTypeAssumed);
          }
          J.attribute("diagnostics", static_cast<int64_t>(F.Diags.size()));
        });
    });
    J.attributeArray("diagnostics", [&] {
      for (const FileFindings &F : Files)
        for (const Diagnostic &D : F.Diags)
          writeDiagnostic(J, F, D);
    });
    J.attributeObject("summary", [&] {
      J.attribute("files", Counts.Files);
      J.attribute("error", Counts.of(Severity::Error));
      J.attribute("security", Counts.of(Severity::Security));
      J.attribute("warning", Counts.of(Severity::Warning));
      J.attribute("suggestion", Counts.of(Severity::Suggestion));
    });
  });
  OS << '\n';
}

} // namespace tollgate
