//===- DiffCommand.cpp - The `tollgate diff` subcommand -------------------===//
///
/// \file
/// Both directions of containment, enumerated rather than decided: every
/// action group in which one policy allows a request the other does not
/// yields one region (found by the witness search or the solver, replayed
/// through the evaluator), and the search moves on to the next group. The
/// regions are then merged by the statements that grant them, so that a
/// reviewer reads "these actions, on these resources, under these
/// conditions, granted by this statement".
///
//===----------------------------------------------------------------------===//

#include "DiffCommand.h"
#include "CheckCommand.h"

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Process.h"

#include <map>
#include <set>

using namespace llvm;

namespace tollgate {

using namespace checkcmd;
using namespace verify;

namespace {

const char *DiffUsage =
    "usage: tollgate diff [options] OLD NEW\n"
    "  prints the access NEW gains over OLD and the access it loses,\n"
    "  grouped by action, with the resources and conditions of the\n"
    "  statements responsible and an example request for each group\n"
    "options:\n"
    "  --type TYPE          read both policies as this type\n"
    "  --identity FILE      an identity policy of the caller (repeatable;\n"
    "                       with resource policies)\n"
    "  --timeout SECONDS    time limit of each check (default 10)\n"
    "  --max N              at most N groups per direction (default 1000)\n"
    "  --request-model realistic|textual\n"
    "                       the requests AWS can send (default), or any\n"
    "                       strings for the resource and every key\n"
    "  --format text|json\n"
    "exit status: 0 no change in access, 1 access gained or lost, 2 input\n"
    "error, 3 some action groups undecided, 4 internal error\n";

const char *AllowAll =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*",)"
    R"("Resource":"*"}]})";

struct DiffArgs {
  std::vector<std::string> Files, Identity;
  Optional<PolicyType> Type;
  unsigned TimeoutS = 10, Max = 1000;
  std::string Format = "text";
  request::ModelKind Requests = request::ModelKind::Realistic;
};

bool parseDiffArgs(int Argc, const char **Argv, DiffArgs &A, raw_ostream &Err) {
  for (int I = 1; I < Argc; ++I) {
    StringRef S = Argv[I];
    auto value = [&](StringRef &Out) {
      if (I + 1 >= Argc) {
        Err << "tollgate diff: " << S << " needs a value\n" << DiffUsage;
        return false;
      }
      Out = Argv[++I];
      return true;
    };
    StringRef V;
    if (S == "-h" || S == "--help") {
      outs() << DiffUsage;
      return false;
    }
    if (S == "--type") {
      if (!value(V))
        return false;
      Optional<PolicyType> T = parsePolicyType(V);
      if (!T) {
        Err << "tollgate diff: unknown policy type `" << V << "`\n";
        return false;
      }
      A.Type = T;
    } else if (S == "--identity") {
      if (!value(V))
        return false;
      A.Identity.push_back(V.str());
    } else if (S == "--timeout" || S == "--max") {
      if (!value(V))
        return false;
      unsigned N;
      if (V.getAsInteger(10, N) || N == 0 ||
          (S == "--timeout" && N > verify::MaxTimeoutSeconds)) {
        Err << "tollgate diff: " << S << " needs a positive number"
            << (S == "--timeout" ? " of seconds, at most " +
                                       std::to_string(verify::MaxTimeoutSeconds)
                                 : std::string())
            << "\n";
        return false;
      }
      (S == "--timeout" ? A.TimeoutS : A.Max) = N;
    } else if (S == "--request-model") {
      if (!value(V))
        return false;
      std::optional<request::ModelKind> K = request::parseModelKind(V);
      if (!K) {
        Err << "tollgate diff: unknown request model `" << V << "`\n";
        return false;
      }
      A.Requests = *K;
    } else if (S == "--format") {
      if (!value(V))
        return false;
      if (V != "text" && V != "json") {
        Err << "tollgate diff: unknown format `" << V << "`\n";
        return false;
      }
      A.Format = V.str();
    } else if (S.startswith("-") && S != "-") {
      Err << "tollgate diff: unknown option `" << S << "`\n" << DiffUsage;
      return false;
    } else {
      A.Files.push_back(S.str());
    }
  }
  if (A.Files.size() != 2) {
    Err << "tollgate diff: expected two policy files, got " << A.Files.size()
        << '\n'
        << DiffUsage;
    return false;
  }
  return true;
}

std::string conditionText(const Condition &C) {
  std::string Out = (C.OperatorText + " " + C.Key + " = ").str();
  if (C.Values.size() == 1)
    return Out + "\"" + C.Values[0].Value.Text.str() + "\"";
  Out += "[";
  for (size_t I = 0; I < C.Values.size(); ++I)
    Out += (I ? ", \"" : "\"") + C.Values[I].Value.Text.str() + "\"";
  return Out + "]";
}

/// One group of changed access: the statements of the allowing side that
/// grant it, the actions, and an example.
struct Region {
  std::vector<StatementRef> Granting;
  std::set<std::string> Actions;
  unsigned MoreActions = 0;
  bool Future = false;
  Counterexample Example;
};

struct Direction {
  std::string Title, FileA, FileB;
  std::shared_ptr<CompiledPolicySet> SetA;
  CheckResult Summary;
  std::vector<Region> Regions;
};

Direction diffOne(Verifier &V, const PolicySet &A, const PolicySet &B,
                  unsigned Max, std::string Title, StringRef FileA,
                  StringRef FileB) {
  Direction D;
  D.Title = std::move(Title);
  D.FileA = FileA.str();
  D.FileB = FileB.str();
  D.SetA = std::make_shared<CompiledPolicySet>(A);
  std::vector<Counterexample> Cexs = V.regions(A, &B, Max, D.Summary);
  // Merge the regions granted by the same statements.
  std::map<std::vector<std::pair<unsigned, unsigned>>, size_t> ByStatements;
  for (Counterexample &C : Cexs) {
    std::vector<std::pair<unsigned, unsigned>> Key;
    for (StatementRef R : C.A.Deciding)
      Key.push_back({static_cast<unsigned>(R.Role) * 65536u + R.PolicyIndex,
                     R.StatementIndex});
    std::sort(Key.begin(), Key.end());
    Key.push_back({C.FutureAction ? 1u : 0u, ~0u});
    auto It = ByStatements.emplace(Key, D.Regions.size());
    if (It.second) {
      Region R;
      R.Granting.assign(C.A.Deciding.begin(), C.A.Deciding.end());
      R.Future = C.FutureAction;
      R.Example = C;
      D.Regions.push_back(std::move(R));
    }
    Region &R = D.Regions[It.first->second];
    if (C.GroupActions.empty())
      R.Actions.insert(C.R.Action);
    R.Actions.insert(C.GroupActions.begin(), C.GroupActions.end());
    R.MoreActions += C.MoreGroupActions;
  }
  return D;
}

void printDirectionText(const Direction &D, StringRef CatalogDate,
                        raw_ostream &OS) {
  OS << D.Title << ":";
  if (D.Regions.empty()) {
    if (D.Summary.V == Verdict::Unknown)
      OS << " unknown (" << D.Summary.Reason << ")\n";
    else
      OS << " none\n";
    return;
  }
  OS << '\n';
  for (const Region &R : D.Regions) {
    OS << "  actions:";
    if (R.Future)
      OS << " actions not in the catalog of " << CatalogDate << ", such as";
    unsigned Shown = 0;
    for (const std::string &A : R.Actions) {
      if (++Shown > 12)
        break;
      OS << ' ' << A;
    }
    unsigned Rest = static_cast<unsigned>(R.Actions.size()) + R.MoreActions;
    if (Rest > 12)
      OS << " (and " << Rest - 12 << " more)";
    OS << '\n';
    for (StatementRef Ref : R.Granting) {
      const Policy &P = D.SetA->policy(Ref);
      const Statement &S = P.Statements[Ref.StatementIndex];
      OS << "    granted by " << statementLocation(*D.SetA, Ref) << '\n';
      if (S.Resource.Present) {
        OS << "      "
           << (S.Resource.Negated ? "not resources:" : "resources:");
        for (const PolicyString &RP : S.Resource.Patterns)
          OS << ' ' << RP.Text;
        OS << '\n';
      }
      for (const Condition &C : S.Conditions)
        OS << "      condition: " << conditionText(C) << '\n';
    }
    OS << "    for example (" << D.FileB << ": " << decisionName(R.Example.B.D)
       << "):\n";
    printRequest(R.Example.R, R.Example.FutureAction, CatalogDate, OS, "      ",
                 &R.Example.ReadKeys);
  }
  if (D.Summary.V == Verdict::Unknown && !D.Summary.Reason.empty())
    OS << "  (some action groups undecided: " << D.Summary.Reason << ")\n";
}

llvm::json::Object directionJson(const Direction &D) {
  llvm::json::Array Regions;
  for (const Region &R : D.Regions) {
    llvm::json::Array Acts, Granting;
    for (const std::string &A : R.Actions)
      Acts.push_back(A);
    for (StatementRef Ref : R.Granting) {
      const Policy &P = D.SetA->policy(Ref);
      const Statement &S = P.Statements[Ref.StatementIndex];
      llvm::json::Array Res, Conds;
      for (const PolicyString &RP : S.Resource.Patterns)
        Res.push_back(RP.Text.str());
      for (const Condition &C : S.Conditions)
        Conds.push_back(conditionText(C));
      Granting.push_back(llvm::json::Object{
          {"statement", statementLocation(*D.SetA, Ref)},
          {S.Resource.Negated ? "notResources" : "resources", std::move(Res)},
          {"conditions", std::move(Conds)}});
    }
    const Request &Q = R.Example.R;
    llvm::json::Object Ctx;
    for (const ContextValue *V : Q.Context.sorted()) {
      llvm::json::Array Vs;
      for (const std::string &X : V->Values)
        Vs.push_back(X);
      Ctx[V->Name] = std::move(Vs);
    }
    Regions.push_back(llvm::json::Object{
        {"actions", std::move(Acts)},
        {"moreActions", R.MoreActions},
        {"futureAction", R.Future},
        {"grantedBy", std::move(Granting)},
        {"example", llvm::json::Object{{"principal", Q.Principal.Id},
                                       {"action", Q.Action},
                                       {"resource", Q.Resource},
                                       {"context", std::move(Ctx)}}}});
  }
  llvm::json::Object O{{"title", D.Title}, {"regions", std::move(Regions)}};
  if (D.Summary.V == Verdict::Unknown)
    O["undecided"] = D.Summary.Reason;
  return O;
}

} // namespace

int runDiffCommand(int Argc, const char **Argv) {
  raw_ostream &Err = errs();
  DiffArgs A;
  if (!parseDiffArgs(Argc, Argv, A, Err))
    return Argc > 1 && (StringRef(Argv[1]) == "--help" ||
                        StringRef(Argv[1]) == "-h")
               ? CheckPass
               : CheckInputError;
  const Catalog &Cat = Catalog::builtin();
  VerifyOptions VO;
  VO.TimeoutMs = A.TimeoutS * 1000;
  VO.Requests = A.Requests;
  bool Terminal = sys::Process::StandardErrIsDisplayed();
  std::string Phase;
  if (Terminal)
    VO.Progress = [&](unsigned Done, unsigned All) {
      if (All > 50 && Done % 25 == 0)
        Err << formatv("\r{0}: {1}/{2} action groups", Phase, Done, All);
    };
  Verifier V(Cat, VO);

  PolicyStore Store;
  const Policy *Old = Store.load(A.Files[0], A.Type, Err);
  const Policy *New = Store.load(A.Files[1], A.Type, Err);
  std::vector<const Policy *> Identity;
  bool Bad = !Old || !New;
  for (const std::string &F : A.Identity)
    if (const Policy *P = Store.load(F, PolicyType::Identity, Err))
      Identity.push_back(P);
    else
      Bad = true;
  if (Bad)
    return CheckInputError;
  const Policy *All =
      Store.fromText("<allow-all>", AllowAll, PolicyType::Identity);
  auto setFor = [&](const Policy *Main) {
    PolicySet S;
    if (hasPrincipals(Main->Type)) {
      S.Resource = Main;
      S.Identity = Identity;
      if (S.Identity.empty())
        S.Identity.push_back(All);
    } else {
      S.Identity.push_back(Main);
      S.Identity.insert(S.Identity.end(), Identity.begin(), Identity.end());
    }
    return S;
  };
  PolicySet SO = setFor(Old), SN = setFor(New);

  Phase = "access gained";
  Direction Gained = diffOne(V, SN, SO, A.Max,
                             "access gained (" + A.Files[1] + " allows, " +
                                 A.Files[0] + " does not)",
                             A.Files[1], A.Files[0]);
  Phase = "access lost";
  Direction Lost = diffOne(V, SO, SN, A.Max,
                           "access lost (" + A.Files[0] + " allows, " +
                               A.Files[1] + " does not)",
                           A.Files[0], A.Files[1]);
  if (Terminal)
    Err << "\r\x1b[K";

  for (const Direction *D : {&Gained, &Lost})
    if (D->Summary.InternalError) {
      Err << "tollgate diff: " << D->Summary.Reason << '\n';
      return CheckInternalError;
    }
  raw_ostream &OS = outs();
  if (A.Format == "json") {
    OS << formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                               {"gained", directionJson(Gained)},
                               {"lost", directionJson(Lost)}}))
       << '\n';
  } else {
    printDirectionText(Gained, Cat.dataDate(), OS);
    printDirectionText(Lost, Cat.dataDate(), OS);
  }
  if (!Gained.Regions.empty() || !Lost.Regions.empty())
    return CheckFail;
  if (Gained.Summary.V == Verdict::Unknown ||
      Lost.Summary.V == Verdict::Unknown)
    return CheckUnknown;
  return CheckPass;
}

} // namespace tollgate
