//===- AccountCommand.cpp - The `tollgate account` subcommand -------------===//
///
/// \file
/// tollgate account FILE lint|who-can|admins|external|escalation
/// tollgate account diff OLD NEW
/// tollgate account merge JSON...
///
/// FILE is the output of `aws iam get-account-authorization-details`. The
/// options belong to the `account` subcommand of llvm::cl, so they do not
/// clash with other commands' options of the same name.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Account/Analysis.h"
#include "tollgate/Account/Diff.h"
#include "tollgate/Account/Escalation.h"
#include "tollgate/Account/Inputs.h"
#include "tollgate/Account/Merge.h"
#include "tollgate/Account/Model.h"
#include "tollgate/Account/Output.h"
#include "tollgate/Parse/Load.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

using namespace llvm;

namespace tollgate {

cl::SubCommand AccountCommand(
    "account",
    "Questions about a whole AWS account (the output of `aws iam "
    "get-account-authorization-details`):\n"
    "  tollgate account FILE lint | admins | external\n"
    "  tollgate account FILE who-can --action A --resource R [--context K=V]\n"
    "  tollgate account FILE escalation [--format text|json|dot|svg]\n"
    "  tollgate account diff OLD NEW\n"
    "  tollgate account merge JSON...");

namespace {

cl::OptionCategory AccountCategory("account options");

cl::list<std::string> Operands(cl::Positional, cl::sub(AccountCommand),
                               cl::desc("FILE VERB | diff OLD NEW | merge "
                                        "JSON..."),
                               cl::ZeroOrMore);
cl::opt<std::string> Action("action", cl::sub(AccountCommand),
                            cl::cat(AccountCategory),
                            cl::desc("who-can: the action (service:Name)"));
cl::opt<std::string> Resource("resource", cl::sub(AccountCommand),
                              cl::cat(AccountCategory), cl::init("*"),
                              cl::desc("who-can: the resource ARN"));
cl::list<std::string>
    Contexts("context", cl::sub(AccountCommand), cl::cat(AccountCategory),
             cl::desc("who-can: a condition key, KEY=VALUE (repeat a key for "
                      "several values)"));
cl::opt<std::string> ResourcePolicy(
    "resource-policy", cl::sub(AccountCommand), cl::cat(AccountCategory),
    cl::desc("who-can: the resource's own policy (bucket policy, key "
             "policy, ...)"));
cl::list<std::string> SCPs("scp", cl::sub(AccountCommand),
                           cl::cat(AccountCategory),
                           cl::desc("a service control policy, one per level "
                                    "of the organization"));
cl::list<std::string> RCPs("rcp", cl::sub(AccountCommand),
                           cl::cat(AccountCategory),
                           cl::desc("a resource control policy, one per "
                                    "level"));
cl::opt<std::string> AccountId("account-id", cl::sub(AccountCommand),
                               cl::cat(AccountCategory),
                               cl::desc("the account id (default: the one the "
                                        "ARNs of the file name most)"));
cl::opt<std::string>
    Format("format", cl::sub(AccountCommand), cl::cat(AccountCategory),
           cl::init("text"),
           cl::desc("text or json; escalation also dot and svg"));
cl::opt<std::string> FailOn("fail-on", cl::sub(AccountCommand),
                            cl::cat(AccountCategory), cl::init("security"),
                            cl::desc("lint: the lowest severity that makes the "
                                     "exit status 1"));
cl::opt<unsigned> Jobs("j", cl::sub(AccountCommand), cl::cat(AccountCategory),
                       cl::init(1),
                       cl::desc("worker threads (0: one per core)"));
cl::opt<unsigned> Timeout("timeout", cl::sub(AccountCommand),
                          cl::cat(AccountCategory), cl::init(10),
                          cl::desc("the verifier's time limit per check, in "
                                   "seconds"));

const char *const Verbs[] = {"lint",       "who-can", "admins", "external",
                             "escalation", "diff",    "merge"};

bool isVerb(StringRef S) { return is_contained(Verbs, S); }

std::unique_ptr<account::Account> readAccount(StringRef Path) {
  account::ReadOptions O;
  O.AccountId = AccountId;
  std::unique_ptr<account::Account> A = account::readAccountFile(Path, O);
  account::writeProblems(*A, errs());
  return A;
}

/// Says \p E under the command's name; the status of an input error.
int inputError(Error E) {
  errs() << "tollgate account: error: " << toString(std::move(E)) << "\n";
  return ExitInputError;
}

} // namespace

int runAccount() {
  std::vector<std::string> Files;
  std::string Verb;
  for (const std::string &O : Operands) {
    if (Verb.empty() && isVerb(O))
      Verb = O;
    else
      Files.push_back(O);
  }
  if (Verb.empty()) {
    errs() << "tollgate account: error: no question asked; one of lint, "
              "who-can, admins, external, escalation, diff, merge\n";
    return ExitInputError;
  }
  bool TwoFiles = Verb == "diff";
  bool ManyFiles = Verb == "merge";
  if ((TwoFiles && Files.size() != 2) || (ManyFiles && Files.empty()) ||
      (!TwoFiles && !ManyFiles && Files.size() != 1)) {
    errs() << "tollgate account: error: " << Verb << " takes "
           << (TwoFiles    ? "two account files (OLD NEW)"
               : ManyFiles ? "JSON outputs of tollgate account"
                           : "one account file")
           << "\n";
    return ExitInputError;
  }
  bool Json = Format == "json";
  if (Format != "text" && Format != "json" &&
      !(Verb == "escalation" && (Format == "dot" || Format == "svg"))) {
    errs() << "tollgate account: error: --format " << Format
           << " is not available for " << Verb << "\n";
    return ExitInputError;
  }
  account::AnalysisOptions Options;
  Options.Jobs = Jobs;
  Options.TimeoutMs = std::min<unsigned>(Timeout, 4000000) * 1000;
  raw_fd_ostream &OS = outs();

  if (Verb == "merge") {
    int Status = account::mergeOutputs(Files, OS, errs());
    return outputFailed(OS, "tollgate account") ? ExitInputError : Status;
  }

  Expected<account::Guardrails> Read = account::readGuardrails(SCPs, RCPs);
  if (!Read)
    return inputError(Read.takeError());
  const account::Guardrails &G = *Read;

  if (Verb == "diff") {
    std::unique_ptr<account::Account> Old = readAccount(Files[0]);
    std::unique_ptr<account::Account> New = readAccount(Files[1]);
    if (!Old->usable() || !New->usable())
      return ExitInputError;
    account::AccountDiff D = account::diffAccounts(*Old, *New, G, Options);
    if (Json)
      account::writeDiffJson(*Old, *New, D, OS);
    else
      account::writeDiffText(*Old, *New, D, OS);
    if (outputFailed(OS, "tollgate account"))
      return ExitInputError;
    return D.unknown() ? ExitUnknown : D.changed() ? ExitFindings : ExitClean;
  }

  std::unique_ptr<account::Account> A = readAccount(Files[0]);
  if (!A->usable())
    return ExitInputError;

  int Status = ExitClean;
  if (Verb == "lint") {
    std::optional<Severity> Level = parseSeverity(FailOn);
    if (!Level) {
      errs() << "tollgate account: error: --fail-on takes error, security, "
                "warning or suggestion\n";
      return ExitInputError;
    }
    account::LintResult R = account::lintAccount(*A, Options);
    if (Json)
      account::writeLintJson(*A, R, OS);
    else
      account::writeLintText(*A, R, OS);
    for (const account::AccountFinding &F : R.Findings)
      if (F.D.Level >= *Level)
        Status = ExitFindings;
  } else if (Verb == "who-can") {
    account::WhoCanQuery Q;
    Q.Action = Action;
    Q.Resource = Resource;
    if (Q.Action.empty()) {
      errs() << "tollgate account: error: who-can needs --action\n";
      return ExitInputError;
    }
    Expected<account::ContextList> Context = account::parseContext(Contexts);
    if (!Context)
      return inputError(
          createStringError(inconvertibleErrorCode(),
                            "--context " + toString(Context.takeError())));
    Q.Context = std::move(*Context);
    LoadedPolicy RP;
    if (!ResourcePolicy.empty()) {
      Expected<LoadedPolicy> Read =
          account::readPolicyAs(ResourcePolicy, PolicyType::Resource);
      if (!Read)
        return inputError(Read.takeError());
      RP = std::move(*Read);
      Q.ResourcePolicy = RP.P.get();
    }
    std::vector<account::WhoCanAnswer> R = account::whoCan(*A, G, Q, Options);
    if (Json)
      account::writeWhoCanJson(*A, Q, R, OS);
    else
      account::writeWhoCanText(*A, Q, R, OS);
    if (any_of(R, [](const account::WhoCanAnswer &W) {
          return W.A == account::Access::Unknown;
        }))
      Status = ExitUnknown;
  } else if (Verb == "admins") {
    std::vector<account::AdminAnswer> R = account::findAdmins(*A, G, Options);
    if (Json)
      account::writeAdminsJson(*A, R, OS);
    else
      account::writeAdminsText(*A, R, OS);
    if (any_of(R, [](const account::AdminAnswer &W) {
          return W.V == account::AdminVerdict::Unknown;
        }))
      Status = ExitUnknown;
  } else if (Verb == "external") {
    std::vector<account::ExternalAccess> R = account::findExternal(*A, Options);
    if (Json)
      account::writeExternalJson(*A, R, OS);
    else
      account::writeExternalText(*A, R, OS);
  } else if (Verb == "escalation") {
    account::EscalationGraph Gr = account::buildEscalation(*A, G, Options);
    if (Format == "svg") {
      if (Error E = account::writeEscalationSvg(*A, Gr, OS))
        Status = inputError(std::move(E));
    } else if (Format == "dot")
      account::writeEscalationDot(*A, Gr, OS);
    else if (Json)
      account::writeEscalationJson(*A, Gr, OS);
    else
      account::writeEscalationText(*A, Gr, OS);
    if (Status == ExitClean && !Gr.Unknown.empty())
      Status = ExitUnknown;
  }
  if (outputFailed(OS, "tollgate account"))
    return ExitInputError;
  return Status;
}

} // namespace tollgate
