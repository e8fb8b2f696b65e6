//===- Properties.cpp - The properties `tollgate check` proves ------------===//

#include "tollgate/Verify/Properties.h"

#include "tollgate/Parse/TemplateConditions.h"

using namespace llvm;

namespace tollgate {

using namespace verify;

/// One comparison of two sets, as read.
static VerdictOutcome compareOnce(Verifier &V, const CallerPolicies &Callers,
                                  StringRef Property, const Policy *PA,
                                  StringRef NameA, const Policy *PB,
                                  StringRef NameB, std::string Title) {
  PolicySet SA = checkedSet(PA, Callers), SB = checkedSet(PB, Callers);
  VerdictOutcome O;
  O.Property = Property.str();
  O.Title = std::move(Title);
  O.FileA = NameA.str();
  O.FileB = NameB.str();
  O.R = V.exceeds(SA, &SB);
  O.SetA = std::make_shared<CompiledPolicySet>(SA);
  O.SetB = std::make_shared<CompiledPolicySet>(SB);
  return O;
}

std::optional<VerdictOutcome> compareContainment(
    Verifier &V, PolicyStore &Store, const CallerPolicies &Callers,
    StringRef Property, const ComparedPolicy &A, const ComparedPolicy &B,
    StringRef NameB, const std::string &Title, raw_ostream &Err) {
  std::vector<std::string> Conds =
      testedConditions({Store.find(A.P), Store.find(B.P)});
  if (Conds.empty())
    return compareOnce(V, Callers, Property, A.P, A.Path, B.P, NameB, Title);
  if (Conds.size() > MaxTemplateConditions) {
    VerdictOutcome O;
    O.Property = Property.str();
    O.Title = Title;
    O.FileA = A.Path;
    O.FileB = NameB.str();
    O.R.V = Verdict::Unknown;
    O.R.Reason = tooManyConditions(Conds.size());
    return O;
  }
  auto rank = [](const VerdictOutcome &O) {
    return O.R.V == Verdict::Fail ? 2 : O.R.V == Verdict::Unknown ? 1 : 0;
  };
  std::optional<VerdictOutcome> Worst;
  for (const ConditionAssignment &As : everyAssignment(Conds)) {
    const Policy *QA = Store.load(A.Path, A.Type, Err, &As);
    const Policy *QB =
        B.Path.empty() ? B.P : Store.load(B.Path, B.Type, Err, &As);
    if (!QA || !QB)
      return std::nullopt;
    VerdictOutcome O = compareOnce(V, Callers, Property, QA, A.Path, QB, NameB,
                                   Title + describeAssignment(As));
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
  return Worst;
}

} // namespace tollgate
