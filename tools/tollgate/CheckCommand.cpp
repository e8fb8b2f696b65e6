//===- CheckCommand.cpp - The `tollgate check` subcommand -----------------===//
///
/// \file
/// Parses its own arguments (the driver's llvm::cl options are global), loads
/// the policies, builds the policy sets, runs the verifier and prints the
/// verdict as text, JSON or SARIF.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Findings.h"
#include "tollgate/Support/Walk.h"
#include "tollgate/Verify/CheckedSet.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <chrono>
#include <map>

using namespace llvm;

namespace tollgate {
using namespace verify;

cl::SubCommand
    CheckCommand("check",
                 "Prove or refute a property of policies\n\n"
                 "  equivalent A B                       A and B allow the "
                 "same requests\n"
                 "  no-new-access --baseline OLD NEW     NEW allows nothing "
                 "OLD does not\n"
                 "                                       (OLD and NEW may be "
                 "folders)\n"
                 "  access-not-granted --action A[,A] [--resource R[,R]] "
                 "POLICY\n"
                 "  no-public-access --resource-type T POLICY\n"
                 "  least-privilege --allowed SPEC POLICY\n\n"
                 "exit status: 0 pass, 1 fail, 2 input error, 3 unknown, 4 "
                 "internal error");

namespace {

const char *Properties =
    "properties:\n"
    "  equivalent A B                       A and B allow the same requests\n"
    "  no-new-access --baseline OLD NEW     NEW allows nothing OLD does not\n"
    "                                       (OLD and NEW may be folders)\n"
    "  access-not-granted --action A[,A] [--resource R[,R]] POLICY\n"
    "  no-public-access --resource-type T POLICY\n"
    "  least-privilege --allowed SPEC POLICY\n";

cl::OptionCategory CheckCategory("check options");

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
cl::opt<unsigned> Timeout("timeout", cl::sub(CheckCommand),
                          cl::cat(CheckCategory), cl::init(10),
                          cl::value_desc("seconds"),
                          cl::desc("Time limit of each check (default 10)"));
cl::opt<unsigned> SolverWork(
    "solver-work", cl::sub(CheckCommand), cl::cat(CheckCategory), cl::init(0),
    cl::value_desc("units"),
    cl::desc("Bound each check by solver work (Z3 resource units) as well as "
             "time: the verdict is then the same on any machine (0: none)"));
cl::opt<std::string> DumpDir("dump-smt2", cl::sub(CheckCommand),
                             cl::cat(CheckCategory), cl::value_desc("dir"),
                             cl::desc("Write every solver query as SMT-LIB "
                                      "2"));
cl::opt<std::string> RequestModel(
    "request-model", cl::sub(CheckCommand), cl::cat(CheckCategory),
    cl::init("realistic"), cl::value_desc("realistic|textual"),
    cl::desc("The requests AWS can send (default), or any strings for the "
             "resource and every key"));
cl::opt<std::string> Format("format", cl::sub(CheckCommand),
                            cl::cat(CheckCategory), cl::init("text"),
                            cl::value_desc("text|json|sarif"),
                            cl::desc("Output format (default: text)"));

struct Args {
  std::string Property;
  std::vector<std::string> Files;
  std::string Baseline, Allowed, ResourceType;
  std::vector<std::string> Actions, Resources;
  std::vector<std::string> Identity, SCPs;
  std::string Boundary;
  std::optional<PolicyType> Type;
  unsigned TimeoutS = 10, SolverWork = 0;
  std::string DumpDir, Format = "text";
  request::ModelKind Requests = request::ModelKind::Realistic;
};

/// The items of a comma-separated list option, trimmed, empty ones left out.
std::vector<std::string> listItems(const cl::list<std::string> &L) {
  std::vector<std::string> Out;
  for (StringRef Item : L)
    if (!Item.trim().empty())
      Out.push_back(Item.trim().str());
  return Out;
}

/// The options as Args; false (with a message) for a wrong value.
bool readArgs(Args &A, raw_ostream &Err) {
  if (Positionals.empty()) {
    Err << "tollgate check: give a property and the policies\n" << Properties;
    return false;
  }
  A.Property = Positionals.front();
  A.Files.assign(Positionals.begin() + 1, Positionals.end());
  A.Baseline = Baseline;
  A.Allowed = Allowed;
  A.ResourceType = ResourceType;
  A.Actions = listItems(Actions);
  A.Resources = listItems(Resources);
  A.Identity.assign(Identity.begin(), Identity.end());
  A.SCPs.assign(SCPs.begin(), SCPs.end());
  A.Boundary = Boundary;
  if (TypeOption.getNumOccurrences()) {
    A.Type = parsePolicyType(TypeOption);
    if (!A.Type) {
      Err << "tollgate check: unknown policy type '" << TypeOption << "'\n";
      return false;
    }
  }
  A.TimeoutS = Timeout;
  A.SolverWork = SolverWork;
  A.DumpDir = DumpDir;
  A.Format = Format;
  if (A.Format != "text" && A.Format != "json" && A.Format != "sarif") {
    Err << "tollgate check: unknown format '" << A.Format << "'\n";
    return false;
  }
  return validTimeout(A.TimeoutS, "tollgate check", Err) &&
         parseRequestModelOption(RequestModel, "tollgate check", A.Requests,
                                 Err);
}

struct Context {
  PolicyStore Store;
  CallerPolicies Callers;

  PolicySet setFor(const Policy *Main) { return checkedSet(Main, Callers); }
};

/// Files of a folder, by name, for folder-to-folder comparisons. False
/// (with a message) when a folder below \p Dir cannot be read.
bool listJson(StringRef Dir, std::map<std::string, std::string> &Out,
              raw_ostream &Err) {
  WalkResult R = walkDirectory(
      Dir, [](StringRef) { return false; },
      [](StringRef Path) { return Path.endswith(".json"); });
  for (const std::string &Note : R.Notes)
    WithColor::note(Err, "tollgate check") << Note << '\n';
  for (const auto &[Path, Why] : R.Unreadable)
    WithColor::error(Err, "tollgate check")
        << "cannot read '" << Path << "': " << Why << " [IAM001]\n";
  for (const std::string &P : R.Files)
    Out[StringRef(P).substr(Dir.size()).ltrim('/').str()] = P;
  return R.Unreadable.empty();
}

} // namespace

int runCheck() {
  raw_ostream &Err = errs();
  Args A;
  if (!readArgs(A, Err))
    return ExitInputError;
  const Catalog &Cat = Catalog::builtin();
  VerifyOptions VO;
  VO.TimeoutMs = A.TimeoutS * 1000;
  VO.SolverWork = A.SolverWork;
  VO.DumpDir = A.DumpDir;
  VO.Requests = A.Requests;
  if (!VO.DumpDir.empty())
    sys::fs::create_directories(VO.DumpDir);
  Verifier V(Cat, VO);

  Context C;
  C.Callers.AllowAll =
      C.Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
  bool Bad = false;
  for (const std::string &F : A.Identity)
    if (const Policy *P = C.Store.load(F, PolicyType::Identity, Err))
      C.Callers.Identity.push_back(P);
    else
      Bad = true;
  for (const std::string &F : A.SCPs)
    if (const Policy *P = C.Store.load(F, PolicyType::SCP, Err))
      C.Callers.SCPs.push_back(P);
    else
      Bad = true;
  if (!A.Boundary.empty() && !(C.Callers.Boundary = C.Store.load(
                                   A.Boundary, PolicyType::Boundary, Err)))
    Bad = true;
  if (Bad)
    return ExitInputError;

  auto need = [&](size_t N) {
    if (A.Files.size() == N)
      return true;
    Err << "tollgate check " << A.Property << ": expected " << N
        << " policy file" << (N == 1 ? "" : "s") << ", got " << A.Files.size()
        << "; see `tollgate help check`\n";
    return false;
  };

  std::vector<VerdictOutcome> Outcomes;
  auto compareFiles =
      [&](const std::string &Prop, const Policy *PA, const std::string &PathA,
          std::optional<PolicyType> TA, const Policy *PB,
          const std::string &PathB, std::optional<PolicyType> TB,
          StringRef NameB, const std::string &Title) {
        std::optional<VerdictOutcome> O =
            compareContainment(V, C.Store, C.Callers, Prop, {PA, PathA, TA},
                               {PB, PathB, TB}, NameB, Title, Err);
        if (O)
          Outcomes.push_back(std::move(*O));
        return O.has_value();
      };

  if (A.Property == "equivalent") {
    if (!need(2))
      return ExitInputError;
    const Policy *P1 = C.Store.load(A.Files[0], A.Type, Err);
    const Policy *P2 = C.Store.load(A.Files[1], A.Type, Err);
    if (!P1 || !P2)
      return ExitInputError;
    // One property: --timeout bounds both directions together.
    V.shareDeadline(Deadline::in(VO.TimeoutMs));
    if (!compareFiles("equivalent", P1, A.Files[0], A.Type, P2, A.Files[1],
                      A.Type, A.Files[1],
                      A.Files[0] + " allows nothing that " + A.Files[1] +
                          " does not") ||
        !compareFiles("equivalent", P2, A.Files[1], A.Type, P1, A.Files[0],
                      A.Type, A.Files[0],
                      A.Files[1] + " allows nothing that " + A.Files[0] +
                          " does not"))
      return ExitInputError;
  } else if (A.Property == "no-new-access" || A.Property == "least-privilege") {
    bool NNA = A.Property == "no-new-access";
    std::string Base = NNA ? A.Baseline : A.Allowed;
    if (Base.empty()) {
      Err << "tollgate check " << A.Property << ": "
          << (NNA ? "--baseline" : "--allowed") << " is required\n";
      return ExitInputError;
    }
    if (!need(1))
      return ExitInputError;
    std::vector<std::pair<std::string, std::string>> Pairs;
    if (NNA && sys::fs::is_directory(Base) &&
        sys::fs::is_directory(A.Files[0])) {
      std::map<std::string, std::string> Old, New;
      if (!listJson(Base, Old, Err) || !listJson(A.Files[0], New, Err))
        return ExitInputError;
      for (const auto &KV : New)
        Pairs.push_back({Old.count(KV.first) ? Old[KV.first] : "", KV.second});
    } else {
      Pairs.push_back({Base, A.Files[0]});
    }
    for (const auto &P : Pairs) {
      const Policy *PNew = C.Store.load(P.second, A.Type, Err);
      const Policy *POld =
          P.first.empty()
              ? C.Store.keep(everythingPolicy("<none>", Effect::Deny))
              : C.Store.load(P.first,
                             NNA ? A.Type : std::optional<PolicyType>(), Err);
      if (!PNew || !POld)
        return ExitInputError;
      std::string OldName = P.first.empty() ? "(no baseline)" : P.first;
      if (!compareFiles(A.Property, PNew, P.second, A.Type, POld, P.first,
                        NNA ? A.Type : std::optional<PolicyType>(), OldName,
                        NNA ? P.second + " grants no access that " + OldName +
                                  " does not"
                            : P.second + " grants nothing outside " + OldName))
        return ExitInputError;
    }
  } else if (A.Property == "access-not-granted") {
    if (!need(1))
      return ExitInputError;
    if (A.Actions.empty() && A.Resources.empty()) {
      Err << "tollgate check access-not-granted: give --action, --resource "
             "or both\n";
      return ExitInputError;
    }
    const Policy *P = C.Store.load(A.Files[0], A.Type, Err);
    if (!P)
      return ExitInputError;
    StatementSpec Access;
    Access.Actions = A.Actions;
    Access.Resources = A.Resources;
    Expected<std::unique_ptr<Policy>> Built =
        buildPolicy("<access>", PolicyType::Identity, {Access});
    if (!Built) {
      Err << "tollgate check: " << toString(Built.takeError()) << '\n';
      return ExitInputError;
    }
    const Policy *Scope = C.Store.keep(std::move(*Built));
    PolicySet SA = C.setFor(P);
    VerdictOutcome O;
    O.Property = A.Property;
    std::string What = A.Actions.empty() ? "any action" : join(A.Actions, ", ");
    std::string On =
        A.Resources.empty() ? "any resource" : join(A.Resources, ", ");
    O.Title = A.Files[0] + " does not grant " + What + " on " + On;
    O.FileA = A.Files[0];
    O.R = V.exceeds(SA, nullptr, Scope);
    O.SetA = std::make_shared<CompiledPolicySet>(SA);
    Outcomes.push_back(std::move(O));
  } else if (A.Property == "no-public-access") {
    if (!need(1))
      return ExitInputError;

    if (!isPublicAccessResourceType(A.ResourceType)) {
      Err << "tollgate check no-public-access: --resource-type must be one "
             "of the types IAM Access Analyzer supports (e.g. "
             "AWS::S3::Bucket)\n";
      return ExitInputError;
    }
    PolicyType T = A.ResourceType == "AWS::IAM::AssumeRolePolicyDocument"
                       ? PolicyType::Trust
                       : PolicyType::Resource;
    const Policy *P = C.Store.load(A.Files[0], T, Err);
    if (!P)
      return ExitInputError;
    PolicySet SA = C.setFor(P);
    VerdictOutcome O;
    O.Property = A.Property;
    O.Title = A.Files[0] + " grants no public access to the " + A.ResourceType;
    O.FileA = A.Files[0];
    O.R = V.publicAccess(SA);
    O.SetA = std::make_shared<CompiledPolicySet>(SA);
    Outcomes.push_back(std::move(O));
  } else {
    Err << "tollgate check: unknown property '" << A.Property << "'\n"
        << Properties;
    return ExitInputError;
  }

  raw_ostream &OS = outs();
  if (A.Format == "json") {
    writeVerdictJson(Outcomes, OS);
  } else if (A.Format == "sarif") {
    ReportOptions RO;
    RO.ToolVersion = toolVersion();
    writeVerdictSarif(Outcomes, OS, RO);
  } else {
    writeVerdictText(Outcomes, Cat.dataDate(), OS);
  }

  bool Fail = false, Unknown = false;
  for (const VerdictOutcome &O : Outcomes) {
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
