//===- GateCommand.cpp - The `tollgate gate` subcommand -------------------===//
///
/// \file
/// Reads the options, enters the repository's root, reads the allow-list,
/// runs the gate (Gate/Gate.h) over git's changes and reports.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Config/Config.h"
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

cl::SubCommand GateCommand("gate",
                           "Lint the policies changed since a revision and "
                           "prove that they grant no new access");

namespace {

cl::OptionCategory GateCategory("gate options");
VerifierFlags Verifying(GateCommand, GateCategory);

cl::list<std::string>
    Paths(cl::Positional, cl::sub(GateCommand), cl::cat(GateCategory),
          cl::desc("[PATH...]: only these files (a pre-commit hook passes "
                   "them)"));
cl::opt<std::string> Base("base", cl::sub(GateCommand), cl::cat(GateCategory),
                          cl::value_desc("REF"),
                          cl::desc("The revision to compare with (required)"));
cl::opt<std::string> Format("format", cl::sub(GateCommand),
                            cl::cat(GateCategory), cl::init("text"),
                            cl::value_desc("text|markdown|json|sarif|github"),
                            cl::desc("Output format (default: text)"));
cl::opt<std::string>
    AllowFile("allow", cl::sub(GateCommand), cl::cat(GateCategory),
              cl::value_desc("file"),
              cl::desc("Allowed new access (default: .tollgate-gate.yaml at "
                       "the repository root, if present)"));
cl::opt<std::string> ConfigFile("config", cl::sub(GateCommand),
                                cl::cat(GateCategory), cl::value_desc("file"),
                                cl::desc("The lint configuration for every "
                                         "file"));
cl::opt<std::string>
    FailOn("fail-on", cl::sub(GateCommand), cl::cat(GateCategory),
           cl::value_desc("error|security|warning|suggestion"),
           cl::desc("Lint severity that fails the gate (default: the "
                    "configuration's, else security)"));
cl::opt<bool> NoLint("no-lint", cl::sub(GateCommand), cl::cat(GateCategory),
                     cl::desc("Only check for new access"));
cl::opt<std::string>
    HelpBaseUrl("help-base-url", cl::sub(GateCommand), cl::cat(GateCategory),
                cl::value_desc("url"),
                cl::desc("Where the check pages are, for SARIF's links "
                         "(default: the project's repository)"));
cl::opt<unsigned> MaxFindings(
    "max-findings", cl::sub(GateCommand), cl::cat(GateCategory),
    cl::init(DefaultMaxFindingsPerFile),
    cl::desc("Findings reported per file, the most severe first (0: all)"));
cl::opt<bool> Verbose("verbose", cl::sub(GateCommand), cl::cat(GateCategory),
                      cl::desc("Say which changed files were skipped as not "
                               "policies, templates or Terraform plans"));
cl::alias VerboseShort("v", cl::aliasopt(Verbose),
                       cl::desc("Alias for --verbose"));
cl::opt<std::string> Output("output", cl::sub(GateCommand),
                            cl::cat(GateCategory), cl::value_desc("file"),
                            cl::desc("Write the report to a file"));
cl::alias OutputShort("o", cl::aliasopt(Output),
                      cl::desc("Alias for --output"));

struct Args {
  std::string Base, Format, AllowFile, ConfigFile, Output, HelpBaseUrl;
  std::optional<Severity> FailOn;
  bool Lint = true, Verbose = false;
  unsigned TimeoutS = 10, SolverWork = 0;
  request::ModelKind Requests = request::ModelKind::Realistic;
  unsigned MaxFindings = DefaultMaxFindingsPerFile;
  std::vector<std::string> Paths;
};

/// The options as Args; false (with a message) for a value out of range.
bool readArgs(Args &A, raw_ostream &Err) {
  A.Base = Base;
  A.Format = Format;
  A.AllowFile = AllowFile;
  A.ConfigFile = ConfigFile;
  A.Output = Output;
  A.HelpBaseUrl = HelpBaseUrl;
  if (!A.HelpBaseUrl.empty())
    if (std::optional<std::string> Why = helpBaseUrlProblem(A.HelpBaseUrl)) {
      Err << "tollgate gate: --help-base-url: " << *Why << '\n';
      return false;
    }
  A.Lint = !NoLint;
  A.Verbose = Verbose;
  A.MaxFindings = MaxFindings;
  A.Paths.assign(Paths.begin(), Paths.end());
  if (A.Format != "text" && A.Format != "markdown" && A.Format != "json" &&
      A.Format != "sarif" && A.Format != "github") {
    Err << "tollgate gate: unknown format '" << A.Format
        << "'; use text, markdown, json, sarif or github\n";
    return false;
  }
  if (FailOn.getNumOccurrences()) {
    std::optional<Severity> S = parseSeverity(FailOn);
    if (!S) {
      Err << "tollgate gate: unknown --fail-on '" << FailOn
          << "'; use error, security, warning or suggestion\n";
      return false;
    }
    A.FailOn = *S;
  }
  std::optional<VerifierFlags::Values> Flags =
      Verifying.read("tollgate gate", Err);
  if (!Flags)
    return false;
  A.TimeoutS = Flags->TimeoutS;
  A.SolverWork = Flags->SolverWork;
  A.Requests = Flags->Requests;
  if (A.Base.empty()) {
    Err << "tollgate gate: --base is required; see `tollgate help gate`\n";
    return false;
  }
  return true;
}

int runGateWith(const Args &A, raw_ostream &Err) {
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
  GO.SolverWork = A.SolverWork;
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
    ReportOptions RO;
    RO.ToolVersion = toolVersion();
    RO.Checks = allChecks();
    RO.HelpBaseUrl = A.HelpBaseUrl;
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

int runGate() {
  Args A;
  if (!readArgs(A, errs()))
    return ExitInputError;
  return runGateWith(A, errs());
}

} // namespace tollgate
