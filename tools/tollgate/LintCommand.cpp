//===- LintCommand.cpp - `tollgate lint` ----------------------------------===//

#include "Commands.h"

#include "tollgate/Config/Baseline.h"
#include "tollgate/Config/Config.h"
#include "tollgate/Fix/FixRun.h"
#include "tollgate/Lint/Inputs.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Lint/Results.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace tollgate {

cl::SubCommand LintCommand("lint", "Check policy files for errors and risky "
                                   "patterns");

static cl::OptionCategory LintCategory("lint options");

static cl::list<std::string> Paths(cl::Positional, cl::sub(LintCommand),
                                   cl::desc("<file|directory|->..."),
                                   cl::OneOrMore, cl::cat(LintCategory));

static cl::opt<std::string>
    TypeOption("type", cl::sub(LintCommand), cl::cat(LintCategory),
               cl::value_desc("identity|resource|trust|scp|rcp|boundary|"
                              "session"),
               cl::desc("Read every file as this policy type (default: "
                        "detect from the content)"));

static cl::opt<std::string>
    FailOn("fail-on", cl::sub(LintCommand), cl::cat(LintCategory),
           cl::init("security"),
           cl::value_desc("error|security|warning|suggestion"),
           cl::desc("Exit with 1 when a finding is at least this severe "
                    "(default: the configuration's `fail-on`, else "
                    "security)"));

static cl::opt<std::string> Format("format", cl::sub(LintCommand),
                                   cl::cat(LintCategory), cl::init("text"),
                                   cl::value_desc("text|json|sarif|github"),
                                   cl::desc("Output format (default: the "
                                            "configuration's `format`, else "
                                            "text)"));

static cl::opt<std::string>
    ColorMode("color", cl::sub(LintCommand), cl::cat(LintCategory),
              cl::init("auto"), cl::value_desc("auto|always|never"),
              cl::desc("Colour the text output (auto: on a terminal, unless "
                       "NO_COLOR is set)"));

static cl::opt<unsigned> Jobs("jobs", cl::sub(LintCommand),
                              cl::cat(LintCategory), cl::init(0),
                              cl::desc("Files linted in parallel (default: "
                                       "one per hardware thread)"));
// Prefix: `-j1` as well as `-j 1`.
static cl::alias JobsShort("j", cl::aliasopt(Jobs), cl::Prefix,
                           cl::desc("Alias for --jobs"));

static cl::opt<uint64_t>
    MaxFileSize("max-file-size", cl::sub(LintCommand), cl::cat(LintCategory),
                cl::init(16u << 20),
                cl::desc("Refuse files larger than this many bytes"));

static cl::opt<unsigned> MaxFindings(
    "max-findings", cl::sub(LintCommand), cl::cat(LintCategory),
    cl::init(DefaultMaxFindingsPerFile),
    cl::desc("Report at most this many findings per file, the most severe "
             "first, and count the rest (0: no limit)"));

static cl::opt<std::string>
    OutputFile("o", cl::sub(LintCommand), cl::cat(LintCategory),
               cl::value_desc("file"),
               cl::desc("Write the report to a file instead of stdout"));

static CheckSelectionOptions Selection(LintCommand, LintCategory);

static cl::opt<std::string>
    BaselineFile("baseline", cl::sub(LintCommand), cl::cat(LintCategory),
                 cl::value_desc("file"),
                 cl::desc("Report only the findings that are not in this "
                          "baseline"));

static cl::opt<std::string> WriteBaselineFile(
    "write-baseline", cl::sub(LintCommand), cl::cat(LintCategory),
    cl::value_desc("file"),
    cl::desc("Write the findings to this baseline file and exit with 0 "
             "unless an input could not be read"));

static cl::opt<bool>
    Verbose("verbose", cl::sub(LintCommand), cl::cat(LintCategory),
            cl::desc("Say which files were skipped as not policies, "
                     "templates or Terraform plans, and why"));
static cl::alias VerboseShort("v", cl::aliasopt(Verbose),
                              cl::desc("Alias for --verbose"));

static cl::opt<bool>
    FixFlag("fix", cl::sub(LintCommand), cl::cat(LintCategory),
            cl::desc("Apply the safe fixes to the files in place, each "
                     "checked by the verifier; report what is left"));
static cl::opt<bool>
    DiffFlag("diff", cl::sub(LintCommand), cl::cat(LintCategory),
             cl::desc("Print the fixes as a unified diff and change nothing "
                      "(exit 1 when there is something to fix)"));
static cl::opt<bool> UnsafeFixes(
    "unsafe-fixes", cl::sub(LintCommand), cl::cat(LintCategory),
    cl::desc("With --fix or --diff, apply the unsafe fixes too (guesses "
             "such as did-you-mean names), showing the access they change"));

static cl::opt<bool>
    Quiet("quiet", cl::sub(LintCommand), cl::cat(LintCategory),
          cl::desc("Print the findings only: no notes and no summary"));
static cl::alias QuietShort("q", cl::aliasopt(Quiet),
                            cl::desc("Alias for --quiet"));

static cl::opt<bool> Statistics(
    "statistics", cl::sub(LintCommand), cl::cat(LintCategory),
    cl::desc("Print how many findings each check has, most first, instead "
             "of the findings (text or json)"));

static cl::opt<bool>
    ExitZero("exit-zero", cl::sub(LintCommand), cl::cat(LintCategory),
             cl::desc("Exit with 0 even when findings reach --fail-on (an "
                      "input that cannot be read still exits with 2)"));

static cl::opt<bool>
    ShowSource("show-source", cl::sub(LintCommand), cl::cat(LintCategory),
               cl::desc("Show the source line under each finding (default)"));
static cl::opt<bool>
    NoShowSource("no-show-source", cl::sub(LintCommand), cl::cat(LintCategory),
                 cl::desc("Show only the location and message of each "
                          "finding"));

static cl::opt<std::string> HelpBaseUrl(
    "help-base-url", cl::sub(LintCommand), cl::cat(LintCategory),
    cl::value_desc("url"),
    cl::desc("Where the check pages are, for SARIF's links (default: the "
             "configuration's `help-base-url`, else the project's "
             "repository)"));

static int usageError(const Twine &Message) {
  WithColor::error(errs(), "tollgate lint") << Message << '\n';
  return ExitInputError;
}

int runLint() {
  LintOptions Options;
  if (!TypeOption.empty()) {
    Options.Load.Type = parsePolicyType(TypeOption);
    if (!Options.Load.Type)
      return usageError("unknown --type '" + TypeOption +
                        "'; use identity, resource, trust, scp, rcp, "
                        "boundary or session");
  }
  // Flags win over the configuration's defaults, so they are checked here
  // and applied once the configuration is known.
  std::optional<Severity> FailLevel = parseSeverity(FailOn);
  if (!FailLevel)
    return usageError("unknown --fail-on '" + FailOn +
                      "'; use error, security, warning or suggestion");
  std::optional<OutputFormat> OutFormat = parseOutputFormat(Format);
  if (!OutFormat)
    return usageError("unknown --format '" + Format +
                      "'; use text, json, sarif or github");
  if (ColorMode != "auto" && ColorMode != "always" && ColorMode != "never")
    return usageError("unknown --color '" + ColorMode +
                      "'; use auto, always or never");
  Options.Jobs = Jobs;
  Options.Load.MaxFileSize = MaxFileSize;
  // Directory walks, and files named without --type, hold other files
  // besides policies (Detect.h).
  Options.Load.SkipNonPolicies = true;
  if (Options.Load.Type)
    for (const std::string &P : Paths)
      Options.ReadAsIs.insert(P);
  Selection.applyTo(Options);

  Expected<std::unique_ptr<Linter>> Run = Linter::create(Options);
  if (!Run)
    return usageError(toString(Run.takeError()));
  if (const Config *C = (*Run)->runConfig()) {
    if (!FailOn.getNumOccurrences() && C->FailOn)
      FailLevel = C->FailOn;
    if (!Format.getNumOccurrences() && C->Format)
      OutFormat = parseOutputFormat(*C->Format);
  }
  std::string HelpBase = HelpBaseUrl;
  if (HelpBaseUrl.getNumOccurrences()) {
    if (std::optional<std::string> Why = helpBaseUrlProblem(HelpBase))
      return usageError("--help-base-url: " + *Why);
  } else if (const Config *C = (*Run)->runConfig()) {
    if (C->HelpBaseUrl)
      HelpBase = *C->HelpBaseUrl;
  }

  std::optional<Baseline> Base;
  if (!BaselineFile.empty()) {
    Expected<Baseline> Loaded = Baseline::load(BaselineFile);
    if (!Loaded)
      return usageError(toString(Loaded.takeError()));
    Base = std::move(*Loaded);
    if (Base->version() == 1 && !Quiet)
      WithColor::note(errs(), "tollgate lint")
          << "baseline '" << BaselineFile
          << "' is version 1, which knows findings by their messages; "
             "`--write-baseline` writes version 2, which knows them by "
             "the text they are about and survives catalog updates\n";
  }

  if (Statistics && *OutFormat != OutputFormat::Text &&
      *OutFormat != OutputFormat::Json)
    return usageError("--statistics prints text or json; use --format text "
                      "or --format json");

  WalkResult Inputs = expandInputs(Paths);
  if (!Quiet)
    for (const std::string &Note : Inputs.Notes)
      WithColor::note(errs(), "tollgate lint") << Note << '\n';
  std::vector<FileFindings> Results = (*Run)->lint(Inputs.Files);
  // Files that are not policies, templates or plans have no place in the
  // report; -v says which were left out.
  for (const auto &[Name, Why] : takeSkipped(Results))
    if (Verbose)
      WithColor::note(errs(), "tollgate lint")
          << "skipped '" << Name << "': " << Why
          << "; name it on the command line with --type to read it as a "
             "policy\n";
  addUnreadable(Results, Inputs.Unreadable);

  if (FixFlag || DiffFlag) {
    FixRunOptions Fixing;
    Fixing.Unsafe = UnsafeFixes;
    Fixing.Check.Load = Options.Load;
    std::set<std::string> Named(Inputs.Files.begin(), Inputs.Files.end());
    FixRunSummary Fixed = fixResults(
        Results, Named,
        [&](StringRef Path, const std::string &Text) {
          return (*Run)->lintText(Path, Text);
        },
        Fixing, DiffFlag, outs(), errs());
    if (Fixed.WriteFailed)
      return ExitInputError;
    if (DiffFlag) {
      for (const FileFindings &F : Results)
        if (F.hasInputError())
          return ExitInputError;
      return Fixed.FilesChanged ? ExitFindings : ExitClean;
    }
  }

  bool Writing = !WriteBaselineFile.empty();
  if (Writing) {
    Expected<size_t> Written = Baseline::write(WriteBaselineFile, Results);
    if (!Written)
      return usageError(toString(Written.takeError()));
    errs() << "tollgate lint: wrote " << *Written
           << (*Written == 1 ? " finding" : " findings") << " to '"
           << WriteBaselineFile << "'\n";
  } else if (Base) {
    Base->filter(Results);
  }

  // The exit status counts every finding, reported or not.
  FindingsStatus Status = findingsStatus(Results, *FailLevel);
  // Statistics count every finding.
  capFindings(Results, Statistics ? 0 : MaxFindings);

  std::unique_ptr<raw_fd_ostream> FileOut;
  if (!OutputFile.empty()) {
    std::error_code EC;
    FileOut = std::make_unique<raw_fd_ostream>(OutputFile, EC);
    if (EC)
      return usageError("cannot write '" + OutputFile + "': " + EC.message());
    // A report over many files runs to megabytes: fewer, larger writes.
    FileOut->SetBufferSize(1 << 20);
  }
  raw_ostream &OS = FileOut ? *FileOut : outs();

  ReportOptions Report;
  Report.Color = *OutFormat == OutputFormat::Text && useColor(ColorMode, OS);
  Report.Quiet = Quiet;
  // The later of --show-source and --no-show-source wins.
  Report.ShowSource =
      !NoShowSource ||
      (ShowSource && ShowSource.getPosition() > NoShowSource.getPosition());
  Report.ToolVersion = toolVersion();
  Report.Checks = allLintChecks();
  Report.HelpBaseUrl = HelpBase;
  if (Statistics)
    writeStatistics(Results, *OutFormat, OS);
  else
    writeReport(*OutFormat, Results, OS, Report);
  if (outputFailed(FileOut ? *FileOut : outs(), "tollgate lint"))
    return ExitInputError;
  if (Status.InputError)
    return ExitInputError;
  // Writing a baseline accepts the findings it writes.
  return Status.Failed && !Writing && !ExitZero ? ExitFindings : ExitClean;
}

} // namespace tollgate
