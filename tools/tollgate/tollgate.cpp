//===- tollgate.cpp - The tollgate command-line driver --------------------===//
//
// tollgate lint     policy files -> findings (text, JSON, SARIF, GitHub)
// tollgate eval     one request -> Allow / Deny, and why
// tollgate check    properties of policies -> proved / refuted / unknown
// tollgate diff     two versions -> access gained and lost
// tollgate gate     changed policies -> lint + no new access
// tollgate rules    the checks
// tollgate explain  one check's documentation
// tollgate account  a whole account: lint, who-can, admins, escalation, ...
//
//===----------------------------------------------------------------------===//

#include "AccountCommand.h"
#include "CheckCommand.h"
#include "Commands.h"
#include "DiffCommand.h"
#include "EvalCommand.h"
#include "GateCommand.h"

#include "tollgate/Catalog/Catalog.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <new>

#include <sys/resource.h>

using namespace llvm;

namespace tollgate {

const char *toolVersion() { return "0.1.0"; }

bool useColor(StringRef Mode, raw_ostream &OS) {
  if (Mode == "always")
    return true;
  if (Mode == "never")
    return false;
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  if (Optional<std::string> NoColor = sys::Process::GetEnv("NO_COLOR"))
    if (!NoColor->empty())
      return false;
  return OS.has_colors();
}

bool parseRequestModelOption(StringRef Value, StringRef Command,
                             request::ModelKind &Out, raw_ostream &Err) {
  std::optional<request::ModelKind> K = request::parseModelKind(Value);
  if (!K) {
    Err << Command << ": unknown request model `" << Value
        << "`; use realistic or textual\n";
    return false;
  }
  Out = *K;
  return true;
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

static void printVersion(raw_ostream &OS) {
  const Catalog &C = Catalog::builtin();
  OS << "tollgate " << toolVersion() << '\n'
     << "  IAM service catalog: " << C.dataSource() << ' ' << C.dataVersion()
     << ", data of " << C.dataDate() << " (" << C.services().size()
     << " services, " << C.actions().size() << " actions)\n";
}

} // namespace tollgate

using namespace tollgate;

static int dispatch(int Argc, const char **Argv) {
  // Commands with their own argument parsers.
  if (Argc >= 2 && StringRef(Argv[1]) == "eval")
    return runEvalCommand(Argc - 1, Argv + 1);
  if (Argc >= 2 && StringRef(Argv[1]) == "check")
    return runCheckCommand(Argc - 1, Argv + 1);
  if (Argc >= 2 && StringRef(Argv[1]) == "diff")
    return runDiffCommand(Argc - 1, Argv + 1);
  if (Argc >= 2 && StringRef(Argv[1]) == "gate")
    return runGateCommand(Argc - 1, Argv + 1);
  if (Argc >= 2 && StringRef(Argv[1]) == "account")
    return runAccountCommand(Argc, Argv);
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions({}, *cl::TopLevelSubCommand);
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "tollgate: lint and verify AWS IAM policies\n\n"
          "  tollgate lint PATH...     check policy files\n"
          "  tollgate eval ...         decide one request against policies\n"
          "  tollgate check PROPERTY   prove or refute a property of policies\n"
          "  tollgate diff OLD NEW     access gained and lost between "
          "versions\n"
          "  tollgate gate --base REF  check the policies changed since REF\n"
          "  tollgate rules            list the checks\n"
          "  tollgate explain CHECK    describe one check\n"
          "  tollgate account FILE ... questions about a whole account\n\n"
          "Run `tollgate <command> --help` for a command's options.\n",
          &errs()))
    return ExitInputError;
  if (LintCommand)
    return runLint();
  if (RulesCommand)
    return runRules();
  if (ExplainCommand)
    return runExplain();
  errs() << "tollgate: no command given; try `tollgate --help`\n";
  return ExitInputError;
}

/// Lowers the address-space limit to MemoryLimitBytes (unless it is lower
/// already) and makes a failed allocation throw, so that running out of it
/// ends in an answer rather than an abort.
static void limitMemory() {
  install_bad_alloc_error_handler(
      [](void *, const char *, bool) { throw std::bad_alloc(); });
#if defined(__SANITIZE_ADDRESS__)
  return; // AddressSanitizer's shadow memory alone is larger.
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return;
#endif
#endif
  struct rlimit L;
  if (getrlimit(RLIMIT_AS, &L) == 0 &&
      (L.rlim_cur == RLIM_INFINITY || L.rlim_cur > MemoryLimitBytes)) {
    L.rlim_cur = MemoryLimitBytes;
    setrlimit(RLIMIT_AS, &L);
  }
}

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  limitMemory();
  int Status;
  try {
    Status = dispatch(Argc, Argv);
  } catch (const std::bad_alloc &) {
    // The verifier's answer is unknown; any other command could not read
    // its input.
    StringRef Command = Argc >= 2 ? Argv[1] : "";
    bool Verifying =
        Command == "check" || Command == "diff" || Command == "gate";
    outs().flush();
    struct rlimit L;
    uint64_t Limit = getrlimit(RLIMIT_AS, &L) == 0 ? L.rlim_cur : 0;
    errs() << "tollgate " << Command << ": error: out of memory (the limit is "
           << (Limit >> 20) << " MiB of address space)"
           << (Verifying ? "; the answer is UNKNOWN" : "") << '\n';
    Status = Verifying ? ExitUnknown : ExitInputError;
  }
  if (outputFailed(outs(), "tollgate"))
    return ExitInputError;
  errs().flush();
  errs().clear_error();
  return Status;
}
