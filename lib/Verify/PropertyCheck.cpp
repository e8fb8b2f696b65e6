//===- PropertyCheck.cpp - Checking one property of `tollgate check` ------===//

#include "tollgate/Verify/PropertyCheck.h"

#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Support/Walk.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace tollgate {

using namespace verify;

static const char *const Properties[] = {"equivalent", "no-new-access",
                                         "access-not-granted",
                                         "no-public-access", "least-privilege"};

bool knownProperty(StringRef Property) {
  return is_contained(Properties, Property);
}

std::optional<CallerPolicies> loadCallerPolicies(PolicyStore &Store,
                                                 ArrayRef<std::string> Identity,
                                                 StringRef Boundary,
                                                 ArrayRef<std::string> SCPs,
                                                 raw_ostream &Err) {
  CallerPolicies C;
  C.AllowAll = Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
  bool Bad = false;
  for (const std::string &F : Identity)
    if (const Policy *P = Store.load(F, PolicyType::Identity, Err))
      C.Identity.push_back(P);
    else
      Bad = true;
  for (const std::string &F : SCPs)
    if (const Policy *P = Store.load(F, PolicyType::SCP, Err))
      C.SCPs.push_back(P);
    else
      Bad = true;
  if (!Boundary.empty() &&
      !(C.Boundary = Store.load(Boundary, PolicyType::Boundary, Err)))
    Bad = true;
  if (Bad)
    return std::nullopt;
  return C;
}

bool policyFilesByName(StringRef Dir, std::map<std::string, std::string> &Out,
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

namespace {

/// One property checked: the outcomes so far, and the check of each kind.
class PropertyChecker {
public:
  PropertyChecker(Verifier &V, PolicyStore &Store,
                  const CallerPolicies &Callers, const PropertyQuery &Q,
                  raw_ostream &Err)
      : V(V), Store(Store), Callers(Callers), Q(Q), Type(Q.Type), Err(Err) {}

  bool run() {
    if (Q.Property == "equivalent")
      return equivalent();
    if (Q.Property == "no-new-access" || Q.Property == "least-privilege")
      return contained();
    if (Q.Property == "access-not-granted")
      return accessNotGranted();
    if (Q.Property == "no-public-access")
      return noPublicAccess();
    Err << "tollgate check: unknown property '" << Q.Property << "'\n";
    return false;
  }

  std::vector<VerdictOutcome> Outcomes;

private:
  bool need(size_t N) {
    if (Q.Files.size() == N)
      return true;
    Err << "tollgate check " << Q.Property << ": expected " << N
        << " policy file" << (N == 1 ? "" : "s") << ", got " << Q.Files.size()
        << "; see `tollgate help check`\n";
    return false;
  }

  bool compare(const ComparedPolicy &A, const ComparedPolicy &B,
               StringRef NameB, const std::string &Title) {
    std::optional<VerdictOutcome> O = compareContainment(
        V, Store, Callers, Q.Property, A, B, NameB, Title, Err);
    if (O)
      Outcomes.push_back(std::move(*O));
    return O.has_value();
  }

  /// An outcome of a property of one set.
  void addOne(const std::string &Title, const PolicySet &Set, CheckResult R) {
    VerdictOutcome O;
    O.Property = Q.Property;
    O.Title = Title;
    O.FileA = Q.Files[0];
    O.R = std::move(R);
    O.SetA = std::make_shared<CompiledPolicySet>(Set);
    Outcomes.push_back(std::move(O));
  }

  bool equivalent() {
    if (!need(2))
      return false;
    const std::string &F1 = Q.Files[0], &F2 = Q.Files[1];
    const Policy *P1 = Store.load(F1, Type, Err);
    const Policy *P2 = Store.load(F2, Type, Err);
    if (!P1 || !P2)
      return false;
    // One property: the time limit bounds both directions together.
    V.shareDeadline(Deadline::in(Q.TimeoutMs));
    return compare({P1, F1, Type}, {P2, F2, Type}, F2,
                   F1 + " allows nothing that " + F2 + " does not") &&
           compare({P2, F2, Type}, {P1, F1, Type}, F1,
                   F2 + " allows nothing that " + F1 + " does not");
  }

  /// no-new-access (against the baseline) and least-privilege (against
  /// the allowed policy).
  bool contained() {
    bool NNA = Q.Property == "no-new-access";
    const std::string &Base = NNA ? Q.Baseline : Q.Allowed;
    if (Base.empty()) {
      Err << "tollgate check " << Q.Property << ": "
          << (NNA ? "--baseline" : "--allowed") << " is required\n";
      return false;
    }
    if (!need(1))
      return false;
    // (old, new) pairs; an empty old path: a new file of a folder.
    std::vector<std::pair<std::string, std::string>> Pairs;
    if (NNA && sys::fs::is_directory(Base) &&
        sys::fs::is_directory(Q.Files[0])) {
      std::map<std::string, std::string> Old, New;
      if (!policyFilesByName(Base, Old, Err) ||
          !policyFilesByName(Q.Files[0], New, Err))
        return false;
      for (const auto &KV : New)
        Pairs.push_back({Old.count(KV.first) ? Old[KV.first] : "", KV.second});
    } else {
      Pairs.push_back({Base, Q.Files[0]});
    }
    std::optional<PolicyType> BaseType = NNA ? Type : std::nullopt;
    for (const auto &[OldPath, NewPath] : Pairs) {
      const Policy *PNew = Store.load(NewPath, Type, Err);
      const Policy *POld =
          OldPath.empty() ? Store.keep(everythingPolicy("<none>", Effect::Deny))
                          : Store.load(OldPath, BaseType, Err);
      if (!PNew || !POld)
        return false;
      std::string OldName = OldPath.empty() ? "(no baseline)" : OldPath;
      if (!compare({PNew, NewPath, Type}, {POld, OldPath, BaseType}, OldName,
                   NNA ? NewPath + " grants no access that " + OldName +
                             " does not"
                       : NewPath + " grants nothing outside " + OldName))
        return false;
    }
    return true;
  }

  bool accessNotGranted() {
    if (!need(1))
      return false;
    if (Q.Actions.empty() && Q.Resources.empty()) {
      Err << "tollgate check access-not-granted: give --action, --resource "
             "or both\n";
      return false;
    }
    const Policy *P = Store.load(Q.Files[0], Type, Err);
    if (!P)
      return false;
    StatementSpec Access;
    Access.Actions = Q.Actions;
    Access.Resources = Q.Resources;
    Expected<std::unique_ptr<Policy>> Built =
        buildPolicy("<access>", PolicyType::Identity, {Access});
    if (!Built) {
      Err << "tollgate check: " << toString(Built.takeError()) << '\n';
      return false;
    }
    const Policy *Scope = Store.keep(std::move(*Built));
    PolicySet Set = checkedSet(P, Callers);
    std::string What = Q.Actions.empty() ? "any action" : join(Q.Actions, ", ");
    std::string On =
        Q.Resources.empty() ? "any resource" : join(Q.Resources, ", ");
    addOne(Q.Files[0] + " does not grant " + What + " on " + On, Set,
           V.exceeds(Set, nullptr, Scope));
    return true;
  }

  bool noPublicAccess() {
    if (!need(1))
      return false;
    if (!isPublicAccessResourceType(Q.ResourceType)) {
      Err << "tollgate check no-public-access: --resource-type must be one "
             "of the types IAM Access Analyzer supports (e.g. "
             "AWS::S3::Bucket)\n";
      return false;
    }
    PolicyType T = Q.ResourceType == "AWS::IAM::AssumeRolePolicyDocument"
                       ? PolicyType::Trust
                       : PolicyType::Resource;
    const Policy *P = Store.load(Q.Files[0], T, Err);
    if (!P)
      return false;
    PolicySet Set = checkedSet(P, Callers);
    addOne(Q.Files[0] + " grants no public access to the " + Q.ResourceType,
           Set, V.publicAccess(Set));
    return true;
  }

  Verifier &V;
  PolicyStore &Store;
  const CallerPolicies &Callers;
  const PropertyQuery &Q;
  std::optional<PolicyType> Type;
  raw_ostream &Err;
};

} // namespace

std::optional<std::vector<VerdictOutcome>>
checkProperty(Verifier &V, PolicyStore &Store, const CallerPolicies &Callers,
              const PropertyQuery &Q, raw_ostream &Err) {
  PropertyChecker C(V, Store, Callers, Q, Err);
  if (!C.run())
    return std::nullopt;
  return std::move(C.Outcomes);
}

} // namespace tollgate
