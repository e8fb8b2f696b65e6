//===- CheckCommand.cpp - The `tollgate check` subcommand -----------------===//
///
/// \file
/// Reads the options as a PropertyQuery, has the verifier check it
/// (Verify/PropertyCheck.h) and prints the verdicts as text, JSON or SARIF.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Verify/PropertyCheck.h"

#include "llvm/Support/FileSystem.h"

using namespace llvm;

namespace tollgate {
using namespace verify;

namespace {

/// The properties, for --help and usage errors.
const char PropertyList[] =
    "  equivalent A B                       A and B allow the same requests\n"
    "  no-new-access --baseline OLD NEW     NEW allows nothing OLD does not\n"
    "                                       (OLD and NEW may be folders)\n"
    "  access-not-granted --action A[,A] [--resource R[,R]] POLICY\n"
    "  no-public-access --resource-type T POLICY\n"
    "  least-privilege --allowed SPEC POLICY\n";

const std::string Description =
    std::string("Prove or refute a property of policies\n\n") + PropertyList +
    "\nexit status: 0 pass, 1 fail, 2 input error, 3 unknown, 4 internal "
    "error";

} // namespace

cl::SubCommand CheckCommand("check", Description);

namespace {

cl::OptionCategory CheckCategory("check options");
VerifierFlags Verifying(CheckCommand, CheckCategory);

cl::list<std::string> Positionals(cl::Positional, cl::sub(CheckCommand),
                                  cl::cat(CheckCategory),
                                  cl::desc("PROPERTY POLICY..."));
cl::opt<std::string> Baseline("baseline", cl::sub(CheckCommand),
                              cl::cat(CheckCategory), cl::value_desc("old"),
                              cl::desc("no-new-access: the previous version "
                                       "(a file or a folder)"));
cl::opt<std::string> Allowed("allowed", cl::sub(CheckCommand),
                             cl::cat(CheckCategory), cl::value_desc("spec"),
                             cl::desc("least-privilege: the policy of what "
                                      "may be granted"));
cl::opt<std::string>
    ResourceType("resource-type", cl::sub(CheckCommand), cl::cat(CheckCategory),
                 cl::value_desc("type"),
                 cl::desc("no-public-access: the resource's CloudFormation "
                          "type (AWS::S3::Bucket, ...)"));
cl::list<std::string> Actions("action", cl::sub(CheckCommand),
                              cl::cat(CheckCategory), cl::CommaSeparated,
                              cl::value_desc("action,..."),
                              cl::desc("access-not-granted: the actions"));
cl::list<std::string> Resources("resource", cl::sub(CheckCommand),
                                cl::cat(CheckCategory), cl::CommaSeparated,
                                cl::value_desc("arn,..."),
                                cl::desc("access-not-granted: the resources"));
cl::opt<std::string> TypeOption("type", cl::sub(CheckCommand),
                                cl::cat(CheckCategory), cl::value_desc("type"),
                                cl::desc("Read the checked policies as this "
                                         "type"));
cl::list<std::string> Identity("identity", cl::sub(CheckCommand),
                               cl::cat(CheckCategory), cl::value_desc("file"),
                               cl::desc("An identity policy of the caller "
                                        "(repeatable)"));
cl::opt<std::string> Boundary("boundary", cl::sub(CheckCommand),
                              cl::cat(CheckCategory), cl::value_desc("file"),
                              cl::desc("The caller's permissions boundary"));
cl::list<std::string> SCPs("scp", cl::sub(CheckCommand), cl::cat(CheckCategory),
                           cl::value_desc("file"),
                           cl::desc("A service control policy level "
                                    "(repeatable)"));
cl::opt<std::string> DumpDir("dump-smt2", cl::sub(CheckCommand),
                             cl::cat(CheckCategory), cl::value_desc("dir"),
                             cl::desc("Write every solver query as SMT-LIB "
                                      "2"));
cl::opt<std::string> Format("format", cl::sub(CheckCommand),
                            cl::cat(CheckCategory), cl::init("text"),
                            cl::value_desc("text|json|sarif"),
                            cl::desc("Output format (default: text)"));

/// The items of a comma-separated list option, trimmed, empty ones left out.
std::vector<std::string> listItems(const cl::list<std::string> &L) {
  std::vector<std::string> Out;
  for (StringRef Item : L)
    if (!Item.trim().empty())
      Out.push_back(Item.trim().str());
  return Out;
}

/// The options as a query and the verifier's options; false (with a
/// message) for a wrong value.
bool readQuery(PropertyQuery &Q, VerifyOptions &VO, raw_ostream &Err) {
  if (Positionals.empty()) {
    Err << "tollgate check: give a property and the policies\n"
        << "properties:\n"
        << PropertyList;
    return false;
  }
  Q.Property = Positionals.front();
  Q.Files.assign(Positionals.begin() + 1, Positionals.end());
  Q.Baseline = Baseline;
  Q.Allowed = Allowed;
  Q.ResourceType = ResourceType;
  Q.Actions = listItems(Actions);
  Q.Resources = listItems(Resources);
  if (TypeOption.getNumOccurrences()) {
    if (std::optional<PolicyType> T = parsePolicyType(TypeOption)) {
      Q.Type = *T;
    } else {
      Err << "tollgate check: unknown policy type '" << TypeOption << "'\n";
      return false;
    }
  }
  if (Format != "text" && Format != "json" && Format != "sarif") {
    Err << "tollgate check: unknown format '" << Format << "'\n";
    return false;
  }
  std::optional<VerifierFlags::Values> Flags =
      Verifying.read("tollgate check", Err);
  if (!Flags)
    return false;
  Q.TimeoutMs = VO.TimeoutMs = Flags->TimeoutS * 1000;
  VO.SolverWork = Flags->SolverWork;
  VO.Requests = Flags->Requests;
  return true;
}

} // namespace

int runCheck() {
  raw_ostream &Err = errs();
  PropertyQuery Q;
  VerifyOptions VO;
  if (!readQuery(Q, VO, Err))
    return ExitInputError;
  const Catalog &Cat = Catalog::builtin();
  VO.DumpDir = DumpDir;
  if (!VO.DumpDir.empty())
    sys::fs::create_directories(VO.DumpDir);
  Verifier V(Cat, VO);

  PolicyStore Store;
  std::optional<CallerPolicies> Callers =
      loadCallerPolicies(Store, Identity, Boundary, SCPs, Err);
  if (!Callers)
    return ExitInputError;
  if (!knownProperty(Q.Property)) {
    Err << "tollgate check: unknown property '" << Q.Property << "'\n"
        << "properties:\n"
        << PropertyList;
    return ExitInputError;
  }
  std::optional<std::vector<VerdictOutcome>> Outcomes =
      checkProperty(V, Store, *Callers, Q, Err);
  if (!Outcomes)
    return ExitInputError;

  raw_ostream &OS = outs();
  if (Format == "json") {
    writeVerdictJson(*Outcomes, OS);
  } else if (Format == "sarif") {
    ReportOptions RO;
    RO.ToolVersion = toolVersion();
    writeVerdictSarif(*Outcomes, OS, RO);
  } else {
    writeVerdictText(*Outcomes, Cat.dataDate(), OS);
  }

  bool Fail = false, Unknown = false;
  for (const VerdictOutcome &O : *Outcomes) {
    if (O.R.InternalError) {
      Err << "tollgate check: " << O.R.Reason << '\n';
      return ExitInternalError;
    }
    Fail |= O.R.V == Verdict::Fail;
    Unknown |= O.R.V == Verdict::Unknown;
  }
  return Fail ? ExitFindings : Unknown ? ExitUnknown : ExitClean;
}

} // namespace tollgate
