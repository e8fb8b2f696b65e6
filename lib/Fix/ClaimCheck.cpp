//===- ClaimCheck.cpp - Checking what a fix claims about access -----------===//

#include "tollgate/Fix/ClaimCheck.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Verify/CheckedSet.h"
#include "tollgate/Verify/Regions.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>
#include <utility>

using namespace llvm;

namespace tollgate {

using verify::CheckResult;
using verify::Verdict;
using verify::Verifier;

/// The groups of changed access shown per direction.
constexpr unsigned MaxShownRegions = 20;

static bool readsAsPolicies(const std::vector<LoadedPolicy> &All) {
  if (All.empty())
    return false;
  for (const LoadedPolicy &L : All)
    if (!L.P || L.hasInputError())
      return false;
  return true;
}

static std::string nameOf(const LoadedPolicy &L) {
  return L.Embedded ? " (" + L.Embedded->Name + ")" : std::string();
}

/// The bytes from a policy's first element (Version, Id or a statement
/// that the IR keeps) to its last.
static Span extentOf(const Policy &P) {
  Span Out;
  bool Any = false;
  auto Add = [&](Span S) {
    Out =
        Any ? Span(std::min(Out.Begin, S.Begin), std::max(Out.End, S.End)) : S;
    Any = true;
  };
  if (P.HasVersion)
    Add(P.VersionLoc.Range);
  if (P.HasId)
    Add(P.IdLoc.Range);
  for (const Statement &S : P.Statements)
    Add(S.L.Range);
  return Out;
}

/// Whether \p O (read from \p Before) and \p N (from \p After) were read
/// from the same bytes as the same kind of policy, so that they are the same
/// policy: a fix elsewhere in a template leaves them alone. A fix inside the
/// policy changes the bytes or what the IR keeps of them.
static bool sameText(const Policy &O, StringRef Before, const Policy &N,
                     StringRef After) {
  if (O.Type != N.Type || O.HasVersion != N.HasVersion || O.HasId != N.HasId ||
      O.Statements.size() != N.Statements.size())
    return false;
  Span A = extentOf(O), B = extentOf(N);
  if (A.empty() || A.End > Before.size() || B.End > After.size())
    return false;
  return Before.slice(A.Begin, A.End) == After.slice(B.Begin, B.End);
}

/// Proves \p Old and \p New equivalent, or says in \p Out why not.
static bool proveEquivalent(Verifier &V, const PolicySet &Old,
                            const PolicySet &New, const std::string &What,
                            const Catalog &Cat, ClaimOutcome &Out) {
  for (bool Forward : {true, false}) {
    CheckResult R = Forward ? V.exceeds(New, &Old) : V.exceeds(Old, &New);
    if (R.V == Verdict::Pass)
      continue;
    if (R.V == Verdict::Fail && R.Cex) {
      Out.S = ClaimOutcome::Refuted;
      Out.Why = std::string(Forward ? "the fixed policy allows"
                                    : "the original policy allows") +
                What + " a request the " + (Forward ? "original" : "fixed") +
                " one does not: " +
                requestLine(R.Cex->R, R.Cex->FutureAction, Cat.dataDate(),
                            &R.Cex->ReadKeys);
      return false;
    }
    Out.S = ClaimOutcome::Unknown;
    Out.Why = "the verifier could not prove the fixed policy" + What +
              " equivalent: " +
              (R.Reason.empty() ? std::string("unknown") : R.Reason);
    return false;
  }
  return true;
}

ClaimOutcome checkClaim(StringRef Name, StringRef Before, StringRef After,
                        AccessClaim Claim, const ClaimCheckOptions &Options) {
  ClaimOutcome Out;
  LoadOptions Load = Options.Load;
  // Computed template values stay the same unknown text on both sides.
  Load.LiteralPlaceholders = true;
  Load.SkipNonPolicies = false;
  std::vector<LoadedPolicy> Old = loadPoliciesText(Name, Before.str(), Load);
  if (!readsAsPolicies(Old)) {
    Out.S = ClaimOutcome::Unreadable;
    Out.Why = "the file does not read as a policy";
    return Out;
  }
  // A policy file is read after the fix as lint read it before.
  if (Old.size() == 1 && !Old.front().Embedded)
    Load.Type = Old.front().P->Type;
  std::vector<LoadedPolicy> New = loadPoliciesText(Name, After.str(), Load);
  if (!readsAsPolicies(New) || New.size() != Old.size()) {
    Out.S = ClaimOutcome::Unreadable;
    Out.Why = "the fixed file would not read as a policy";
    return Out;
  }

  // The grammar errors of the original, by code and pointer.
  std::set<std::pair<std::string, std::string>> OldErrors;
  for (const LoadedPolicy &L : Old)
    for (const Diagnostic &D : L.Diags)
      if (D.Level == Severity::Error)
        OldErrors.insert({D.Check->Code, D.Pointer});
  for (const LoadedPolicy &L : New)
    for (const Diagnostic &D : L.Diags)
      if (D.Level == Severity::Error &&
          !OldErrors.count({D.Check->Code, D.Pointer})) {
        Out.S = ClaimOutcome::AddsError;
        Out.Why = "the fixed policy would have a new error: " + D.Message +
                  " [" + D.Check->Code + "]";
        return Out;
      }

  const Catalog &Cat = Options.Cat ? *Options.Cat : Catalog::builtin();
  verify::VerifyOptions VO;
  VO.TimeoutMs = Options.TimeoutMs;
  Verifier V(Cat, VO);
  std::unique_ptr<Policy> AllowAll =
      everythingPolicy("<allow-all>", Effect::Allow);
  CallerPolicies Callers;
  Callers.AllowAll = AllowAll.get();

  std::string Diff;
  raw_string_ostream DiffOS(Diff);
  for (size_t I = 0; I < Old.size(); ++I) {
    const LoadedPolicy &O = Old[I], &N = New[I];
    // Under an assignment a `!If` may take bytes outside the extent read
    // here, so only a policy without conditions is known unchanged.
    std::vector<std::string> Conditions = testedConditions({&O, &N});
    if (Conditions.empty() && sameText(*O.P, Before, *N.P, After))
      continue;
    PolicySet SetOld = checkedSet(O.P.get(), Callers);
    PolicySet SetNew = checkedSet(N.P.get(), Callers);
    if (Claim == AccessClaim::ChangesAccess) {
      Direction Gained =
          findRegions(V, SetNew, SetOld, MaxShownRegions,
                      "access the fix grants" + nameOf(N), "fixed", "original");
      Direction Lost = findRegions(V, SetOld, SetNew, MaxShownRegions,
                                   "access the fix takes away" + nameOf(N),
                                   "original", "fixed");
      for (const Direction *D : {&Gained, &Lost})
        if (!D->Regions.empty() || D->Summary.V != Verdict::Pass)
          printDirectionText(*D, Cat.dataDate(), DiffOS);
      continue;
    }
    // A policy whose `!If`s test template conditions is compared under
    // every assignment of them, as `check` and the gate compare templates.
    if (Conditions.empty()) {
      if (!proveEquivalent(V, SetOld, SetNew, nameOf(O), Cat, Out))
        return Out;
      continue;
    }
    if (Conditions.size() > MaxTemplateConditions) {
      Out.S = ClaimOutcome::Unknown;
      Out.Why = "the policy" + nameOf(O) + ": " +
                tooManyConditions(Conditions.size());
      return Out;
    }
    for (const ConditionAssignment &As : everyAssignment(Conditions)) {
      LoadOptions Under = Load;
      Under.Conditions = &As;
      std::vector<LoadedPolicy> OldAs =
          loadPoliciesText(Name, Before.str(), Under);
      std::vector<LoadedPolicy> NewAs =
          loadPoliciesText(Name, After.str(), Under);
      if (!readsAsPolicies(OldAs) || !readsAsPolicies(NewAs) ||
          OldAs.size() != Old.size() || NewAs.size() != Old.size()) {
        Out.S = ClaimOutcome::Unreadable;
        Out.Why = "the file does not read as a policy" + describeAssignment(As);
        return Out;
      }
      if (!proveEquivalent(V, checkedSet(OldAs[I].P.get(), Callers),
                           checkedSet(NewAs[I].P.get(), Callers),
                           nameOf(O) + describeAssignment(As), Cat, Out))
        return Out;
    }
  }
  DiffOS.flush();
  Out.S = Claim == AccessClaim::KeepsAccess ? ClaimOutcome::Proved
                                            : ClaimOutcome::Shown;
  Out.AccessDiff = std::move(Diff);
  return Out;
}

} // namespace tollgate
