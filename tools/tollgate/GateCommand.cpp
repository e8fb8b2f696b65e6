//===- GateCommand.cpp - The `tollgate gate` subcommand -------------------===//
///
/// \file
/// Reads the options, enters the repository's root, reads the allow-list,
/// runs the gate (Gate/Gate.h) over git's changes and reports.
///
//===----------------------------------------------------------------------===//

#include "GateCommand.h"
#include "Commands.h"

#include "tollgate/Gate/ChangeSource.h"
#include "tollgate/Gate/Gate.h"
#include "tollgate/Gate/Summary.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace tollgate {

namespace {

const char *Usage =
    "usage: tollgate gate --base REF [options] [PATH...]\n"
    "Lints the policy files and templates changed since REF (commits since\n"
    "the merge base, staged, unstaged and untracked changes) and fails when\n"
    "a changed policy grants access that its version at REF did not.\n"
    "PATHs restrict the gate to those files (a pre-commit hook passes them).\n"
    "options:\n"
    "  --base REF           the revision to compare with (required)\n"
    "  --format text|markdown|json|sarif|github\n"
    "  --allow FILE         allowed new access (default: .tollgate-gate.yaml\n"
    "                       at the repository root, if present)\n"
    "  --config FILE        the lint configuration for every file\n"
    "  --fail-on LEVEL      lint severity that fails the gate (default:\n"
    "                       the configuration's, else security)\n"
    "  --no-lint            only check for new access\n"
    "  --max-findings N     findings reported per file, the most severe\n"
    "                       first (default 1000, 0 for all)\n"
    "  --timeout SECONDS    time limit of each check (default 10)\n"
    "  --request-model realistic|textual\n"
    "                       the requests AWS can send (default), or any\n"
    "                       strings for the resource and every key\n"
    "  -v, --verbose        say which changed files were skipped as not\n"
    "                       policies, templates or Terraform plans\n"
    "  -o FILE              write the report to FILE\n"
    "exit status: 0 pass, 1 new access or lint findings, 2 input error,\n"
    "3 undecided, 4 internal error\n";

struct Args {
  std::string Base, Format = "text", AllowFile, ConfigFile, Output;
  std::optional<Severity> FailOn;
  bool Lint = true, Verbose = false;
  unsigned TimeoutS = 10;
  request::ModelKind Requests = request::ModelKind::Realistic;
  unsigned MaxFindings = DefaultMaxFindingsPerFile;
  std::vector<std::string> Paths;
};

bool parseArgs(int Argc, const char **Argv, Args &A, raw_ostream &Err) {
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    StringRef Name = Arg.split('=').first;
    std::string V;
    auto value = [&](std::string &Out) {
      if (Arg.startswith("--") && Arg.contains('=')) {
        Out = Arg.split('=').second.str();
        return true;
      }
      if (I + 1 >= Argc) {
        Err << "tollgate gate: " << Arg << " needs a value\n";
        return false;
      }
      Out = Argv[++I];
      return true;
    };
    if (Name == "--base") {
      if (!value(A.Base))
        return false;
    } else if (Name == "--format") {
      if (!value(A.Format))
        return false;
      if (A.Format != "text" && A.Format != "markdown" && A.Format != "json" &&
          A.Format != "sarif" && A.Format != "github") {
        Err << "tollgate gate: unknown format '" << A.Format
            << "'; use text, markdown, json, sarif or github\n";
        return false;
      }
    } else if (Name == "--allow") {
      if (!value(A.AllowFile))
        return false;
    } else if (Name == "--config") {
      if (!value(A.ConfigFile))
        return false;
    } else if (Name == "-o" || Name == "--output") {
      if (!value(A.Output))
        return false;
    } else if (Name == "--fail-on") {
      if (!value(V))
        return false;
      if (Optional<Severity> S = parseSeverity(V))
        A.FailOn = *S;
      else {
        Err << "tollgate gate: unknown --fail-on '" << V
            << "'; use error, security, warning or suggestion\n";
        return false;
      }
    } else if (Name == "--no-lint") {
      A.Lint = false;
    } else if (Name == "-v" || Name == "--verbose") {
      A.Verbose = true;
    } else if (Name == "--max-findings") {
      if (!value(V))
        return false;
      if (StringRef(V).getAsInteger(10, A.MaxFindings)) {
        Err << "tollgate gate: --max-findings needs a number, not '" << V
            << "'\n";
        return false;
      }
    } else if (Name == "--timeout") {
      if (!value(V))
        return false;
      if (StringRef(V).getAsInteger(10, A.TimeoutS) || A.TimeoutS == 0 ||
          A.TimeoutS > verify::MaxTimeoutSeconds) {
        Err << "tollgate gate: --timeout needs a positive number of "
               "seconds, at most "
            << verify::MaxTimeoutSeconds << "\n";
        return false;
      }
    } else if (Name == "--request-model") {
      if (!value(V))
        return false;
      if (!parseRequestModelOption(V, "tollgate gate", A.Requests, Err))
        return false;
    } else if (Name == "-h" || Name == "--help") {
      Err << Usage;
      return false;
    } else if (Arg.startswith("-") && Arg != "-") {
      Err << "tollgate gate: unknown option '" << Arg << "'\n" << Usage;
      return false;
    } else {
      A.Paths.push_back(Arg.str());
    }
  }
  if (A.Base.empty()) {
    Err << "tollgate gate: --base is required\n" << Usage;
    return false;
  }
  return true;
}

int runGate(const Args &A, raw_ostream &Err) {
  Expected<std::unique_ptr<GitChangeSource>> Git = GitChangeSource::create();
  if (!Git) {
    Err << "tollgate gate: " << toString(Git.takeError()) << '\n';
    return ExitInputError;
  }
  // Paths from the command line are relative to the current directory;
  // the gate works from the repository root.
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  auto absolute = [&](StringRef P) {
    SmallString<256> Abs(P);
    sys::fs::make_absolute(Cwd, Abs);
    sys::path::remove_dots(Abs, true);
    return Abs.str().str();
  };
  StringRef Root = (*Git)->root();
  GateOptions GO;
  GO.Base = A.Base;
  GO.ConfigFile = A.ConfigFile.empty() ? "" : absolute(A.ConfigFile);
  GO.FailOn = A.FailOn;
  GO.Lint = A.Lint;
  GO.Verbose = A.Verbose;
  GO.TimeoutS = A.TimeoutS;
  GO.Requests = A.Requests;
  std::string AllowFile = A.AllowFile.empty() ? "" : absolute(A.AllowFile);
  for (const std::string &P : A.Paths) {
    std::string Abs = absolute(P);
    StringRef Rel(Abs);
    if (!Rel.consume_front(Root) || !(Rel.empty() || Rel.startswith("/"))) {
      Err << "tollgate gate: '" << P << "' is outside the repository\n";
      return ExitInputError;
    }
    GO.Restrict.push_back(Rel.ltrim('/').str());
  }
  if (std::error_code EC = sys::fs::set_current_path(Root)) {
    Err << "tollgate gate: cannot enter " << Root << ": " << EC.message()
        << '\n';
    return ExitInputError;
  }
  if (AllowFile.empty() && sys::fs::exists(".tollgate-gate.yaml"))
    AllowFile = ".tollgate-gate.yaml";
  if (!AllowFile.empty()) {
    Expected<std::vector<Allowance>> Allow = readAllowList(AllowFile);
    if (!Allow) {
      Err << "tollgate gate: " << toString(Allow.takeError()) << '\n';
      return ExitInputError;
    }
    GO.Allow = std::move(*Allow);
  }

  Expected<GateResult> Run = runGate(**Git, GO, Err);
  if (!Run) {
    Err << "tollgate gate: " << toString(Run.takeError()) << '\n';
    return ExitInputError;
  }
  GateResult &R = *Run;

  std::unique_ptr<raw_fd_ostream> FileOut;
  if (!A.Output.empty()) {
    std::error_code EC;
    FileOut = std::make_unique<raw_fd_ostream>(absolute(A.Output), EC);
    if (EC) {
      Err << "tollgate gate: cannot write '" << A.Output
          << "': " << EC.message() << '\n';
      return ExitInputError;
    }
  }
  raw_ostream &OS = FileOut ? *FileOut : outs();
  // The status counts every finding; the report shows a bounded number.
  capFindings(R.Findings, A.MaxFindings);
  if (A.Format == "markdown") {
    writeGateMarkdown(R, A.Base, A.MaxFindings, OS);
  } else {
    static std::vector<const CheckInfo *> Checks = [] {
      std::vector<const CheckInfo *> V(allLintChecks().begin(),
                                       allLintChecks().end());
      V.push_back(&NewAccessCheck);
      V.push_back(&NewAccessUnknownCheck);
      return V;
    }();
    ReportOptions RO;
    RO.ToolVersion = toolVersion();
    RO.Checks = Checks;
    RO.Color = A.Format == "text" && useColor("auto", OS);
    writeReport(*parseOutputFormat(A.Format), R.Findings, OS, RO);
    if (A.Format == "text")
      writeGateText(R, A.Base, OS);
  }
  if (outputFailed(FileOut ? *FileOut : outs(), "tollgate gate"))
    return ExitInputError;
  if (R.Internal)
    return ExitInternalError;
  if (R.InputError)
    return ExitInputError;
  return R.failed() ? ExitFindings : R.undecided() ? ExitUnknown : ExitClean;
}

} // namespace

int runGateCommand(int Argc, const char **Argv) {
  Args A;
  if (!parseArgs(Argc, Argv, A, errs()))
    return ExitInputError;
  return runGate(A, errs());
}

} // namespace tollgate
