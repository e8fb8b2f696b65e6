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
#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Verify/Regions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Process.h"

#include <map>
#include <set>

using namespace llvm;

namespace tollgate {

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

struct DiffArgs {
  std::vector<std::string> Files, Identity;
  Optional<PolicyType> Type;
  unsigned TimeoutS = 10, Max = DefaultMaxRegions;
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
      if (!parseRequestModelOption(V, "tollgate diff", A.Requests, Err))
        return false;
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

} // namespace

int runDiffCommand(int Argc, const char **Argv) {
  raw_ostream &Err = errs();
  DiffArgs A;
  if (!parseDiffArgs(Argc, Argv, A, Err))
    return Argc > 1 && (StringRef(Argv[1]) == "--help" ||
                        StringRef(Argv[1]) == "-h")
               ? ExitClean
               : ExitInputError;
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
    return ExitInputError;
  const Policy *All =
      Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
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
  // Both directions for one reading of the two files.
  auto diffPair = [&](const Policy *O, const Policy *N, std::string When) {
    PolicySet SO = setFor(O), SN = setFor(N);
    AccessChange C;
    C.When = When;
    Phase = "access gained";
    C.Gained = findRegions(V, SN, SO, A.Max,
                           "access gained (" + A.Files[1] + " allows, " +
                               A.Files[0] + " does not)" + When,
                           A.Files[1], A.Files[0]);
    Phase = "access lost";
    C.Lost = findRegions(V, SO, SN, A.Max,
                         "access lost (" + A.Files[0] + " allows, " +
                             A.Files[1] + " does not)" + When,
                         A.Files[0], A.Files[1]);
    return C;
  };

  // Templates: each CloudFormation condition their `!If`s test is a
  // Boolean parameter, and every assignment is compared, as the gate
  // compares them (TemplateConditions.h).
  std::vector<std::string> Conds =
      testedConditions({Store.find(Old), Store.find(New)});
  std::vector<AccessChange> Changes;
  if (Conds.empty()) {
    Changes.push_back(diffPair(Old, New, ""));
  } else if (Conds.size() > MaxTemplateConditions) {
    AccessChange C;
    for (Direction *D : {&C.Gained, &C.Lost}) {
      D->Summary.V = Verdict::Unknown;
      D->Summary.Reason = tooManyConditions(Conds.size());
    }
    C.Gained.Title = "access gained (" + A.Files[1] + " allows, " + A.Files[0] +
                     " does not)";
    C.Lost.Title =
        "access lost (" + A.Files[0] + " allows, " + A.Files[1] + " does not)";
    Changes.push_back(std::move(C));
  } else {
    for (const ConditionAssignment &As : everyAssignment(Conds)) {
      const Policy *O = Store.load(A.Files[0], A.Type, Err, &As);
      const Policy *N = Store.load(A.Files[1], A.Type, Err, &As);
      if (!O || !N)
        return ExitInputError;
      Changes.push_back(diffPair(O, N, describeAssignment(As)));
      Changes.back().Values = As;
    }
  }
  if (Terminal)
    Err << "\r\x1b[K";

  bool Changed = false, Unknown = false;
  for (const AccessChange &C : Changes)
    for (const Direction *D : {&C.Gained, &C.Lost}) {
      if (D->Summary.InternalError) {
        Err << "tollgate diff: " << D->Summary.Reason << '\n';
        return ExitInternalError;
      }
      Changed |= !D->Regions.empty();
      Unknown |= D->Summary.V == Verdict::Unknown;
    }
  raw_ostream &OS = outs();
  if (A.Format == "json")
    writeDiffJson(Changes, Conds, OS);
  else
    writeDiffText(Changes, Conds, Cat.dataDate(), OS);
  if (Changed)
    return ExitFindings;
  return Unknown ? ExitUnknown : ExitClean;
}

} // namespace tollgate
