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
#include "llvm/Support/NativeFormatting.h"

#include <cstring>

using namespace llvm;

namespace tollgate {

/// Writes \p S, which is valid UTF-8, as a JSON string, exactly as
/// json::OStream does (escaping `"`, `\` and control characters), but a run
/// of plain characters at a time rather than a character at a time.
static void quote(raw_ostream &OS, StringRef S) {
  OS << '"';
  size_t Run = 0;
  for (size_t I = 0, E = S.size(); I != E; ++I) {
    unsigned char C = S[I];
    if (C >= 0x20 && C != '"' && C != '\\')
      continue;
    OS << S.slice(Run, I) << '\\';
    Run = I + 1;
    switch (C) {
    case '"':
    case '\\':
      OS << C;
      break;
    case '\t':
      OS << 't';
      break;
    case '\n':
      OS << 'n';
      break;
    case '\r':
      OS << 'r';
      break;
    default:
      OS << 'u';
      write_hex(OS, C, HexPrintStyle::Lower, 4);
      break;
    }
  }
  OS << S.substr(Run) << '"';
}

/// True if \p S is valid UTF-8: ASCII text, eight bytes at a time, or what
/// json::isUTF8 accepts.
static bool isUTF8(StringRef S) {
  const char *P = S.data();
  size_t N = S.size();
  for (; N >= 8; P += 8, N -= 8) {
    uint64_t W;
    std::memcpy(&W, P, 8);
    if (W & 0x8080808080808080ULL)
      return json::isUTF8(S);
  }
  for (; N; ++P, --N)
    if (static_cast<unsigned char>(*P) & 0x80)
      return json::isUTF8(S);
  return true;
}

/// A string attribute. JSON strings must be UTF-8; messages quote policy
/// text, which the reader has checked, but a file that failed to read may
/// contribute other bytes, which are replaced as json::Value would.
static void writeString(json::OStream &J, StringRef Key, StringRef S) {
  J.attributeBegin(Key);
  if (isUTF8(S))
    J.rawValue([&](raw_ostream &OS) { quote(OS, S); });
  else
    J.value(json::fixUTF8(S));
  J.attributeEnd();
}

/// An integer attribute, written as json::OStream writes integers.
static void writeInt(json::OStream &J, StringRef Key, int64_t N) {
  J.attributeBegin(Key);
  J.rawValue([&](raw_ostream &OS) { OS << N; });
  J.attributeEnd();
}

static void writePosition(json::OStream &J, const SourceFile &Src,
                          uint32_t Offset) {
  Position P = Src.position(Offset);
  J.object([&] {
    writeInt(J, "line", P.Line);
    writeInt(J, "column", P.Column);
    writeInt(J, "offset", P.Offset);
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

static void writeDiagnostic(json::OStream &J, const FileFindings &F,
                            const Diagnostic &D) {
  J.object([&] {
    writeString(J, "code", D.Check->Code);
    writeString(J, "name", D.Check->Name);
    writeString(J, "severity", severityName(D.Level));
    writeString(J, "message", D.Message);
    writeString(J, "file", F.Source->name());
    J.attributeBegin("span");
    writeSpan(J, *F.Source, D.Range);
    J.attributeEnd();
    writeString(J, "pointer", D.Pointer);
    J.attributeArray("notes", [&] {
      for (const DiagNote &N : D.Notes)
        J.object([&] {
          writeString(J, "message", N.Message);
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
          writeString(J, "path", F.Source->name());
          if (!F.PolicyType.empty()) {
            J.attribute("policyType", F.PolicyType);
            J.attribute("policyTypeAssumed", F.PolicyTypeAssumed);
          }
          J.attribute("diagnostics", static_cast<int64_t>(F.Diags.size()));
          if (F.omitted())
            J.attribute("omittedDiagnostics",
                        static_cast<int64_t>(F.omitted()));
          if (!F.FileNotes.empty())
            J.attributeArray("notes", [&] {
              for (const std::string &N : F.FileNotes)
                J.value(N);
            });
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
