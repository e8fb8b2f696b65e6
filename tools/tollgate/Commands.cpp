//===- Commands.cpp - What the subcommands share --------------------------===//

#include "Commands.h"

#include "tollgate/Config/CheckSelector.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/Process.h"

using namespace llvm;

namespace tollgate {

const char *toolVersion() { return "0.1.0"; }

bool useColor(StringRef Mode, raw_ostream &OS) {
  if (Mode == "always")
    return true;
  if (Mode == "never")
    return false;
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  if (auto NoColor = sys::Process::GetEnv("NO_COLOR"))
    if (!NoColor->empty())
      return false;
  return OS.has_colors();
}

bool outputFailed(raw_fd_ostream &OS, StringRef Command) {
  OS.flush();
  if (!OS.has_error())
    return false;
  std::error_code EC = OS.error();
  OS.clear_error();
  errs() << Command << ": error: cannot write the output: " << EC.message()
         << '\n';
  return true;
}

VerifierFlags::VerifierFlags(cl::SubCommand &Command,
                             cl::OptionCategory &Category, bool WithSolverWork)
    : Timeout("timeout", cl::sub(Command), cl::cat(Category), cl::init(10),
              cl::value_desc("seconds"),
              cl::desc("Time limit of each check (default 10)")),
      RequestModel("request-model", cl::sub(Command), cl::cat(Category),
                   cl::init("realistic"), cl::value_desc("realistic|textual"),
                   cl::desc("The requests AWS can send (default), or any "
                            "strings for the resource and every key")) {
  if (WithSolverWork)
    SolverWork = std::make_unique<cl::opt<unsigned>>(
        "solver-work", cl::sub(Command), cl::cat(Category), cl::init(0),
        cl::value_desc("units"),
        cl::desc("Bound each check by solver work (Z3 resource units) as "
                 "well as time: the verdict is then the same on any machine "
                 "(0: none)"));
}

std::optional<VerifierFlags::Values>
VerifierFlags::read(StringRef Command, raw_ostream &Err) const {
  Values V;
  V.TimeoutS = Timeout;
  if (V.TimeoutS == 0 || V.TimeoutS > verify::MaxTimeoutSeconds) {
    Err << Command << ": --timeout needs a positive number of seconds, at most "
        << verify::MaxTimeoutSeconds << "\n";
    return std::nullopt;
  }
  if (SolverWork)
    V.SolverWork = *SolverWork;
  std::optional<request::ModelKind> K = request::parseModelKind(RequestModel);
  if (!K) {
    Err << Command << ": unknown request model `" << RequestModel
        << "`; use realistic or textual\n";
    return std::nullopt;
  }
  V.Requests = *K;
  return V;
}

/// The checks a --select or --ignore flag lists (comma-separated, as often
/// as given).
static std::vector<std::string>
selectorItems(const cl::list<std::string> &Flag) {
  std::vector<std::string> Out;
  for (const std::string &Item : Flag)
    for (std::string &S : splitSelectorList(Item))
      Out.push_back(std::move(S));
  return Out;
}

CheckSelectionOptions::CheckSelectionOptions(cl::SubCommand &Command,
                                             cl::OptionCategory &Category)
    : ConfigFile("config", cl::sub(Command), cl::cat(Category),
                 cl::value_desc("file"),
                 cl::desc("Use this configuration for every file (default: "
                          "the nearest .tollgate.yaml above each file)")),
      Select("select", cl::sub(Command), cl::cat(Category), cl::CommaSeparated,
             cl::value_desc("check,..."),
             cl::desc("Run only these checks: codes, code prefixes (IAM1), "
                      "names or ALL (replaces the configuration's "
                      "`select`)")),
      Ignore("ignore", cl::sub(Command), cl::cat(Category), cl::CommaSeparated,
             cl::value_desc("check,..."),
             cl::desc("Do not run these checks (replaces the "
                      "configuration's `ignore`)")) {}

void CheckSelectionOptions::applyTo(LintOptions &Options) const {
  Options.ConfigFile = ConfigFile;
  // An absent flag leaves the configuration's list in force.
  if (Select.getNumOccurrences())
    Options.Overrides.Select = selectorItems(Select);
  if (Ignore.getNumOccurrences())
    Options.Overrides.Ignore = selectorItems(Ignore);
}

} // namespace tollgate
