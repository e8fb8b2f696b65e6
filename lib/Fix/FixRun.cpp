//===- FixRun.cpp - `lint --fix` and `lint --diff` over many files --------===//

#include "tollgate/Fix/FixRun.h"
#include "tollgate/Fix/UnifiedDiff.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace tollgate {

static void plural(raw_ostream &OS, unsigned N, StringRef One) {
  OS << N << ' ' << One << (N == 1 ? "" : "es");
}

static void describe(raw_ostream &Err, StringRef Name, const CheckedFix &C,
                     StringRef Verb) {
  Err << Name << ':' << C.At.Line << ':' << C.At.Column << ": " << Verb << " ["
      << C.F.Code << "] " << C.F.Title << " (" << fixSafetyName(C.F.Safety)
      << ", " << accessClaimName(C.F.Claim);
  if (C.Outcome.S == ClaimOutcome::Proved)
    Err << ": proved equivalent";
  Err << ")";
  if (!C.Outcome.holds())
    Err << ": " << C.Outcome.Why;
  Err << '\n';
  // The access a fix changes, indented under it.
  StringRef Diff = C.Outcome.AccessDiff;
  while (!Diff.empty()) {
    auto [Line, Rest] = Diff.split('\n');
    Err << "    " << Line << '\n';
    Diff = Rest;
  }
}

static bool writeFile(StringRef Path, StringRef Text, raw_ostream &Err) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (!EC) {
    OS << Text;
    OS.close();
    if (OS.has_error())
      EC = OS.error();
    OS.clear_error();
  }
  if (EC) {
    WithColor::error(Err, "tollgate lint")
        << "cannot write '" << Path << "': " << EC.message() << '\n';
    return false;
  }
  return true;
}

FixRunSummary fixResults(std::vector<FileFindings> &Results,
                         const std::set<std::string> &Inputs,
                         const RelintPathFn &Relint,
                         const FixRunOptions &Options, bool DiffOnly,
                         raw_ostream &Out, raw_ostream &Err) {
  FixRunSummary Sum;
  for (FileFindings &F : Results) {
    if (!F.Source)
      continue;
    StringRef Name = F.Source->name();
    std::string Path = Name == "<stdin>" ? "-" : Name.str();
    if (!Inputs.count(Path))
      continue;
    if (Path == "-" && !DiffOnly) {
      if (!F.Diags.empty())
        WithColor::note(Err, "tollgate lint")
            << "standard input is not fixed in place; use --diff\n";
      continue;
    }
    FileFixes Fixed = fixFile(
        F, [&](const std::string &Text) { return Relint(Path, Text); },
        Options);
    for (const CheckedFix &C : Fixed.Applied)
      describe(Err, Name, C, DiffOnly ? "would fix" : "fixed");
    for (const CheckedFix &C : Fixed.Refused)
      describe(Err, Name, C, "not fixed");
    Sum.Applied += Fixed.Applied.size();
    Sum.Refused += Fixed.Refused.size();
    Sum.UnsafeLeft += Fixed.UnsafeLeft;
    Sum.Remaining += Fixed.Findings.Diags.size();
    if (!Fixed.changed())
      continue;
    ++Sum.FilesChanged;
    if (DiffOnly) {
      writeUnifiedDiff(Name, Fixed.Original, Fixed.Fixed, Out);
      continue;
    }
    if (!writeFile(Path, Fixed.Fixed, Err)) {
      Sum.WriteFailed = true;
      continue;
    }
    F = std::move(Fixed.Findings);
  }

  Err << "tollgate lint: ";
  if (DiffOnly)
    Err << "would apply ";
  else
    Err << "applied ";
  plural(Err, Sum.Applied, "fix");
  Err << " in " << Sum.FilesChanged
      << (Sum.FilesChanged == 1 ? " file" : " files");
  Err << "; " << Sum.Remaining
      << (Sum.Remaining == 1 ? " finding remains" : " findings remain");
  if (Sum.Refused) {
    Err << "; ";
    plural(Err, Sum.Refused, "fix");
    Err << " not applied";
  }
  if (Sum.UnsafeLeft) {
    Err << "; ";
    plural(Err, Sum.UnsafeLeft, "more fix");
    Err << " with --unsafe-fixes";
  }
  Err << '\n';
  return Sum;
}

} // namespace tollgate
