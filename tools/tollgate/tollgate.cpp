//===- tollgate.cpp - The tollgate command-line driver --------------------===//
//
// tollgate lint     policy files -> findings (text, JSON, SARIF, GitHub)
// tollgate eval     one request -> Allow / Deny, and why
// tollgate check    properties of policies -> proved / refuted / unknown
// tollgate diff     two versions -> access gained and lost
// tollgate gate     changed policies -> lint + no new access
// tollgate rules    the checks
// tollgate explain  one check's documentation
// tollgate lsp      the language server
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Support/Spelling.h"

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

static void printVersion(raw_ostream &OS) {
  Catalog::Summary C = Catalog::builtinSummary();
  OS << "tollgate " << toolVersion() << '\n'
     << "  IAM service catalog: " << C.Source << ' ' << C.Version
     << ", data of " << C.Date << " (" << C.Services << " services, "
     << C.Actions << " actions)\n";
}

} // namespace tollgate

using namespace tollgate;

namespace {
struct Command {
  cl::SubCommand *Sub;
  int (*Run)();
};
} // namespace

static const Command Commands[] = {
    {&LintCommand, runLint},       {&EvalCommand, runEval},
    {&CheckCommand, runCheck},     {&DiffCommand, runDiff},
    {&GateCommand, runGate},       {&RulesCommand, runRules},
    {&ExplainCommand, runExplain}, {&AccountCommand, runAccount},
    {&LspCommand, runLsp}};

static const char Overview[] =
    "tollgate: lint and verify AWS IAM policies\n\n"
    "  tollgate lint PATH...     check policy files\n"
    "  tollgate eval ...         decide one request against policies\n"
    "  tollgate check PROPERTY   prove or refute a property of policies\n"
    "  tollgate diff OLD NEW     access gained and lost between versions\n"
    "  tollgate gate --base REF  check the policies changed since REF\n"
    "  tollgate rules            list the checks\n"
    "  tollgate explain CHECK    describe one check\n"
    "  tollgate account FILE ... who can do what in an AWS account\n"
    "  tollgate lsp              language server for editors\n"
    "  tollgate help [COMMAND]   this overview, or a command's options\n\n"
    "Run `tollgate <command> --help` for a command's options.\n";

/// False, with a did-you-mean, when \p Word names no command.
static bool knownCommand(StringRef Word) {
  std::vector<StringRef> Names = {"help"};
  for (const Command &C : Commands)
    Names.push_back(C.Sub->getName());
  if (is_contained(Names, Word))
    return true;
  errs() << "tollgate: unknown command '" << Word << "'";
  if (std::optional<StringRef> Near = closestSpelling(Word, Names))
    errs() << "; did you mean '" << *Near << "'?";
  errs() << " (`tollgate help` lists the commands)\n";
  return false;
}

static int dispatch(int Argc, const char **Argv) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  // `tollgate help [COMMAND]` is `tollgate [COMMAND] --help`.
  if (Args.size() >= 2 && StringRef(Args[1]) == "help") {
    if (Args.size() > 3) {
      errs() << "tollgate help: give at most one command\n";
      return ExitInputError;
    }
    Args.erase(Args.begin() + 1);
    Args.push_back("--help");
  }
  if (Args.size() >= 2 && !StringRef(Args[1]).startswith("-") &&
      !knownCommand(Args[1]))
    return ExitInputError;
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions({}, *cl::TopLevelSubCommand);
  if (!cl::ParseCommandLineOptions(Args.size(), Args.data(), Overview, &errs()))
    return ExitInputError;
  for (const Command &C : Commands)
    if (*C.Sub)
      return C.Run();
  errs() << "tollgate: no command given; try `tollgate help`\n";
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
    bool Verifying = Command == "check" || Command == "diff" ||
                     Command == "gate" || Command == "account";
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
