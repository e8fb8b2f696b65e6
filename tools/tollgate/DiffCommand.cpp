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

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Verify/CheckedSet.h"
#include "tollgate/Verify/Regions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Process.h"

#include <map>
#include <set>

using namespace llvm;

namespace tollgate {

using namespace verify;

cl::SubCommand DiffCommand("diff", "Print the access NEW gains over OLD and "
                                   "the access it loses");

namespace {

cl::OptionCategory DiffCategory("diff options");
VerifierFlags Verifying(DiffCommand, DiffCategory, /*WithSolverWork=*/false);

cl::list<std::string> Files(cl::Positional, cl::sub(DiffCommand),
                            cl::cat(DiffCategory), cl::desc("OLD NEW"));
cl::opt<std::string> TypeOption("type", cl::sub(DiffCommand),
                                cl::cat(DiffCategory), cl::value_desc("type"),
                                cl::desc("Read both policies as this type"));
cl::list<std::string>
    Identity("identity", cl::sub(DiffCommand), cl::cat(DiffCategory),
             cl::value_desc("file"),
             cl::desc("An identity policy of the caller (repeatable; with "
                      "resource policies)"));
cl::opt<unsigned> Max("max", cl::sub(DiffCommand), cl::cat(DiffCategory),
                      cl::init(DefaultMaxRegions), cl::value_desc("N"),
                      cl::desc("At most N groups per direction (default "
                               "1000)"));
cl::opt<std::string> Format("format", cl::sub(DiffCommand),
                            cl::cat(DiffCategory), cl::init("text"),
                            cl::value_desc("text|json"),
                            cl::desc("Output format (default: text)"));

struct DiffArgs {
  std::vector<std::string> Files, Identity;
  std::optional<PolicyType> Type;
  unsigned TimeoutS = 10, Max = DefaultMaxRegions;
  std::string Format = "text";
  request::ModelKind Requests = request::ModelKind::Realistic;
};

/// The options as DiffArgs; false (with a message) for a wrong value.
bool readArgs(DiffArgs &A, raw_ostream &Err) {
  A.Files.assign(Files.begin(), Files.end());
  A.Identity.assign(Identity.begin(), Identity.end());
  if (TypeOption.getNumOccurrences()) {
    A.Type = parsePolicyType(TypeOption);
    if (!A.Type) {
      Err << "tollgate diff: unknown policy type `" << TypeOption << "`\n";
      return false;
    }
  }
  A.Max = Max;
  std::optional<VerifierFlags::Values> Flags =
      Verifying.read("tollgate diff", Err);
  if (!Flags)
    return false;
  A.TimeoutS = Flags->TimeoutS;
  A.Requests = Flags->Requests;
  if (A.Max == 0) {
    Err << "tollgate diff: --max needs a positive number\n";
    return false;
  }
  A.Format = Format;
  if (A.Format != "text" && A.Format != "json") {
    Err << "tollgate diff: unknown format `" << A.Format << "`\n";
    return false;
  }
  if (A.Files.size() != 2) {
    Err << "tollgate diff: expected two policy files, got " << A.Files.size()
        << "; see `tollgate help diff`\n";
    return false;
  }
  return true;
}

} // namespace

int runDiff() {
  raw_ostream &Err = errs();
  DiffArgs A;
  if (!readArgs(A, Err))
    return ExitInputError;
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
  const Policy *Old =
      Store.load(A.Files[0], A.Type, Err, nullptr, "tollgate diff");
  const Policy *New =
      Store.load(A.Files[1], A.Type, Err, nullptr, "tollgate diff");
  std::vector<const Policy *> Identity;
  bool Bad = !Old || !New;
  for (const std::string &F : A.Identity)
    if (const Policy *P =
            Store.load(F, PolicyType::Identity, Err, nullptr, "tollgate diff"))
      Identity.push_back(P);
    else
      Bad = true;
  if (Bad)
    return ExitInputError;
  const Policy *All =
      Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
  CallerPolicies Callers;
  Callers.AllowAll = All;
  Callers.Identity = Identity;
  auto setFor = [&](const Policy *Main) { return checkedSet(Main, Callers); };
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
      const Policy *O =
          Store.load(A.Files[0], A.Type, Err, &As, "tollgate diff");
      const Policy *N =
          Store.load(A.Files[1], A.Type, Err, &As, "tollgate diff");
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
