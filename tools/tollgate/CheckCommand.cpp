//===- CheckCommand.cpp - The `tollgate check` subcommand -----------------===//
///
/// \file
/// Parses its own arguments (the driver's llvm::cl options are global), loads
/// the policies, builds the policy sets, runs the verifier and prints the
/// verdict as text, JSON or SARIF.
///
//===----------------------------------------------------------------------===//

#include "CheckCommand.h"
#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Findings.h"
#include "tollgate/Support/Walk.h"

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

namespace {

struct Args {
  std::string Property;
  std::vector<std::string> Files;
  std::string Baseline, Allowed, ResourceType;
  std::vector<std::string> Actions, Resources;
  std::vector<std::string> Identity, SCPs;
  std::string Boundary;
  Optional<PolicyType> Type;
  unsigned TimeoutS = 10;
  std::string DumpDir, Format = "text";
  request::ModelKind Requests = request::ModelKind::Realistic;
};

const char *Usage =
    "usage: tollgate check PROPERTY [options] POLICY...\n"
    "properties:\n"
    "  equivalent A B                       A and B allow the same requests\n"
    "  no-new-access --baseline OLD NEW     NEW allows nothing OLD does not\n"
    "                                       (OLD and NEW may be folders)\n"
    "  access-not-granted --action A[,A] [--resource R[,R]] POLICY\n"
    "  no-public-access --resource-type T POLICY\n"
    "  least-privilege --allowed SPEC POLICY\n"
    "options:\n"
    "  --type TYPE          read the checked policies as this type\n"
    "  --identity FILE      an identity policy of the caller (repeatable)\n"
    "  --boundary FILE      the caller's permissions boundary\n"
    "  --scp FILE           a service control policy level (repeatable)\n"
    "  --timeout SECONDS    time limit of each check (default 10)\n"
    "  --dump-smt2 DIR      write every solver query as SMT-LIB 2\n"
    "  --request-model realistic|textual\n"
    "                       the requests AWS can send (default), or any\n"
    "                       strings for the resource and every key\n"
    "  --format text|json|sarif\n"
    "exit status: 0 pass, 1 fail, 2 input error, 3 unknown, 4 internal "
    "error\n";

bool parseArgs(int Argc, const char **Argv, Args &A, raw_ostream &Err) {
  if (Argc < 2) {
    Err << Usage;
    return false;
  }
  A.Property = Argv[1];
  for (int I = 2; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    auto value = [&](std::string &Out) {
      size_t Eq = Arg.find('=');
      if (Arg.startswith("--") && Eq != StringRef::npos) {
        Out = Arg.substr(Eq + 1).str();
        return true;
      }
      if (I + 1 >= Argc) {
        Err << "tollgate check: " << Arg << " needs a value\n";
        return false;
      }
      Out = Argv[++I];
      return true;
    };
    StringRef Name = Arg.split('=').first;
    std::string V;
    auto list = [&](std::vector<std::string> &Out) {
      if (!value(V))
        return false;
      SmallVector<StringRef, 8> Parts;
      StringRef(V).split(Parts, ',', -1, false);
      for (StringRef P : Parts)
        Out.push_back(P.trim().str());
      return true;
    };
    if (Name == "--baseline") {
      if (!value(A.Baseline))
        return false;
    } else if (Name == "--allowed") {
      if (!value(A.Allowed))
        return false;
    } else if (Name == "--resource-type") {
      if (!value(A.ResourceType))
        return false;
    } else if (Name == "--action") {
      if (!list(A.Actions))
        return false;
    } else if (Name == "--resource") {
      if (!list(A.Resources))
        return false;
    } else if (Name == "--identity") {
      if (!value(V))
        return false;
      A.Identity.push_back(V);
    } else if (Name == "--scp") {
      if (!value(V))
        return false;
      A.SCPs.push_back(V);
    } else if (Name == "--boundary") {
      if (!value(A.Boundary))
        return false;
    } else if (Name == "--type") {
      if (!value(V))
        return false;
      A.Type = parsePolicyType(V);
      if (!A.Type) {
        Err << "tollgate check: unknown policy type '" << V << "'\n";
        return false;
      }
    } else if (Name == "--timeout") {
      if (!value(V))
        return false;
      if (StringRef(V).getAsInteger(10, A.TimeoutS) || A.TimeoutS == 0 ||
          A.TimeoutS > verify::MaxTimeoutSeconds) {
        Err << "tollgate check: --timeout needs a positive number of "
               "seconds, at most "
            << verify::MaxTimeoutSeconds << "\n";
        return false;
      }
    } else if (Name == "--request-model") {
      if (!value(V))
        return false;
      if (!parseRequestModelOption(V, "tollgate check", A.Requests, Err))
        return false;
    } else if (Name == "--dump-smt2") {
      if (!value(A.DumpDir))
        return false;
    } else if (Name == "--format") {
      if (!value(A.Format))
        return false;
      if (A.Format != "text" && A.Format != "json" && A.Format != "sarif") {
        Err << "tollgate check: unknown format '" << A.Format << "'\n";
        return false;
      }
    } else if (Name == "-h" || Name == "--help") {
      Err << Usage;
      return false;
    } else if (Arg.startswith("-") && Arg != "-") {
      Err << "tollgate check: unknown option '" << Arg << "'\n" << Usage;
      return false;
    } else {
      A.Files.push_back(Arg.str());
    }
  }
  return true;
}

struct Context {
  PolicyStore Store;
  std::vector<const Policy *> Identity, SCPs;
  const Policy *Boundary = nullptr;
  const Policy *AllowAll = nullptr;

  PolicySet setFor(const Policy *Main) {
    PolicySet S;
    if (Main && hasPrincipals(Main->Type)) {
      // A resource policy is checked for what it lets in: the callers'
      // own policies allow everything unless given.
      S.Resource = Main;
      S.Identity = Identity;
      if (S.Identity.empty())
        S.Identity.push_back(AllowAll);
    } else {
      if (Main)
        S.Identity.push_back(Main);
      S.Identity.insert(S.Identity.end(), Identity.begin(), Identity.end());
    }
    S.Boundary = Boundary;
    S.SCPs = SCPs;
    return S;
  }
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

int runCheckCommand(int Argc, const char **Argv) {
  raw_ostream &Err = errs();
  Args A;
  if (!parseArgs(Argc, Argv, A, Err))
    return ExitInputError;
  const Catalog &Cat = Catalog::builtin();
  VerifyOptions VO;
  VO.TimeoutMs = A.TimeoutS * 1000;
  VO.DumpDir = A.DumpDir;
  VO.Requests = A.Requests;
  if (!VO.DumpDir.empty())
    sys::fs::create_directories(VO.DumpDir);
  Verifier V(Cat, VO);

  Context C;
  C.AllowAll = C.Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
  bool Bad = false;
  for (const std::string &F : A.Identity)
    if (const Policy *P = C.Store.load(F, PolicyType::Identity, Err))
      C.Identity.push_back(P);
    else
      Bad = true;
  for (const std::string &F : A.SCPs)
    if (const Policy *P = C.Store.load(F, PolicyType::SCP, Err))
      C.SCPs.push_back(P);
    else
      Bad = true;
  if (!A.Boundary.empty() &&
      !(C.Boundary = C.Store.load(A.Boundary, PolicyType::Boundary, Err)))
    Bad = true;
  if (Bad)
    return ExitInputError;

  auto need = [&](size_t N) {
    if (A.Files.size() == N)
      return true;
    Err << "tollgate check " << A.Property << ": expected " << N
        << " policy file" << (N == 1 ? "" : "s") << ", got " << A.Files.size()
        << '\n'
        << Usage;
    return false;
  };

  std::vector<VerdictOutcome> Outcomes;
  auto compare = [&](const std::string &Prop, const Policy *PA, StringRef NameA,
                     const Policy *PB, StringRef NameB, std::string Title) {
    PolicySet SA = C.setFor(PA), SB = C.setFor(PB);
    VerdictOutcome O;
    O.Property = Prop;
    O.Title = std::move(Title);
    O.FileA = NameA.str();
    O.FileB = NameB.str();
    O.R = V.exceeds(SA, &SB);
    O.SetA = std::make_shared<CompiledPolicySet>(SA);
    O.SetB = std::make_shared<CompiledPolicySet>(SB);
    Outcomes.push_back(std::move(O));
  };

  // Policies of templates are compared under every assignment of the
  // CloudFormation conditions their `!If`s test, as the gate compares
  // them; the outcome is the first assignment that fails (or is
  // undecided). False when a policy cannot be read under an assignment.
  // \p PathB is empty for a policy not read from a file.
  auto compareFiles = [&](const std::string &Prop, const Policy *PA,
                          const std::string &PathA, Optional<PolicyType> TA,
                          const Policy *PB, const std::string &PathB,
                          Optional<PolicyType> TB, StringRef NameB,
                          const std::string &Title) {
    std::vector<std::string> Conds =
        testedConditions({C.Store.find(PA), C.Store.find(PB)});
    if (Conds.empty()) {
      compare(Prop, PA, PathA, PB, NameB, Title);
      return true;
    }
    if (Conds.size() > MaxTemplateConditions) {
      VerdictOutcome O;
      O.Property = Prop;
      O.Title = Title;
      O.FileA = PathA;
      O.FileB = NameB.str();
      O.R.V = Verdict::Unknown;
      O.R.Reason = tooManyConditions(Conds.size());
      Outcomes.push_back(std::move(O));
      return true;
    }
    auto rank = [](const VerdictOutcome &O) {
      return O.R.V == Verdict::Fail ? 2 : O.R.V == Verdict::Unknown ? 1 : 0;
    };
    Optional<VerdictOutcome> Worst;
    for (const ConditionAssignment &As : everyAssignment(Conds)) {
      const Policy *QA = C.Store.load(PathA, TA, Err, &As);
      const Policy *QB = PathB.empty() ? PB : C.Store.load(PathB, TB, Err, &As);
      if (!QA || !QB)
        return false;
      compare(Prop, QA, PathA, QB, NameB, Title + describeAssignment(As));
      VerdictOutcome O = std::move(Outcomes.back());
      Outcomes.pop_back();
      if (!Worst || rank(O) > rank(*Worst))
        Worst = std::move(O);
      if (rank(*Worst) == 2)
        break;
    }
    if (rank(*Worst) == 0) {
      std::string Names;
      for (size_t I = 0; I < Conds.size(); ++I)
        Names += (I ? ", `" : "`") + Conds[I] + "`";
      Worst->Title = Title + " under every assignment of the condition" +
                     (Conds.size() > 1 ? "s " : " ") + Names;
    }
    Outcomes.push_back(std::move(*Worst));
    return true;
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
              : C.Store.load(P.first, NNA ? A.Type : Optional<PolicyType>(),
                             Err);
      if (!PNew || !POld)
        return ExitInputError;
      std::string OldName = P.first.empty() ? "(no baseline)" : P.first;
      if (!compareFiles(A.Property, PNew, P.second, A.Type, POld, P.first,
                        NNA ? A.Type : Optional<PolicyType>(), OldName,
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
    static const char *Types[] = {"AWS::DynamoDB::Table",
                                  "AWS::DynamoDB::Stream",
                                  "AWS::EFS::FileSystem",
                                  "AWS::OpenSearchService::Domain",
                                  "AWS::Kinesis::Stream",
                                  "AWS::Kinesis::StreamConsumer",
                                  "AWS::KMS::Key",
                                  "AWS::Lambda::Function",
                                  "AWS::S3::Bucket",
                                  "AWS::S3::AccessPoint",
                                  "AWS::S3Express::DirectoryBucket",
                                  "AWS::S3::Glacier",
                                  "AWS::S3Outposts::Bucket",
                                  "AWS::S3Outposts::AccessPoint",
                                  "AWS::SecretsManager::Secret",
                                  "AWS::SNS::Topic",
                                  "AWS::SQS::Queue",
                                  "AWS::IAM::AssumeRolePolicyDocument",
                                  "AWS::S3Tables::TableBucket",
                                  "AWS::ApiGateway::RestApi",
                                  "AWS::CodeArtifact::Domain",
                                  "AWS::Backup::BackupVault",
                                  "AWS::CloudTrail::Dashboard",
                                  "AWS::CloudTrail::EventDataStore",
                                  "AWS::S3Tables::Table",
                                  "AWS::S3Express::AccessPoint"};
    if (A.ResourceType.empty() ||
        none_of(Types, [&](const char *T) { return A.ResourceType == T; })) {
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
    Err << "tollgate check: unknown property '" << A.Property << "'\n" << Usage;
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
