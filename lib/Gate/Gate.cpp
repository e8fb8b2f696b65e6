//===- Gate.cpp - Changed policies: lint and no new access ----------------===//

#include "tollgate/Gate/Gate.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Parse/Detect.h"
#include "tollgate/Parse/PolicyBuilder.h"
#include "tollgate/Parse/PolicyStore.h"
#include "tollgate/Parse/TemplateConditions.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Support/ReadFile.h"
#include "tollgate/Verify/CheckedSet.h"
#include "tollgate/Verify/Regions.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

using namespace llvm;

namespace tollgate {

using namespace verify;

bool GateResult::failed() const {
  return LintFailed ||
         any_of(Outcomes, [](const PolicyOutcome &O) { return O.failed(); });
}

bool GateResult::undecided() const {
  return any_of(Outcomes, [](const PolicyOutcome &O) { return O.undecided(); });
}

namespace {

bool hasErrors(const LoadedPolicy &L) {
  if (!L.P)
    return true;
  for (const Diagnostic &D : L.Diags)
    if (D.Level == Severity::Error)
      return true;
  return false;
}

/// Why the gate does not read the working file \p Path: it is not a
/// policy, template or plan (Detect.h, the rule lint uses); nullopt when it
/// reads it. A file that cannot be read (over the size limit) is read, so
/// that the error is reported, as lint reports it.
std::optional<std::string> notAPolicyFile(StringRef Path) {
  if (!isPolicyFileName(Path))
    return std::string("not named *.json, *.yaml, *.yml or *.template");
  ReadOutcome Read = readBounded(Path);
  if (!Read)
    return std::nullopt;
  return notAPolicy(Path, Read.Text);
}

std::string readWorkingFile(StringRef Path) { return readBounded(Path).Text; }

VerifyOptions verifyOptions(const GateOptions &O) {
  VerifyOptions VO;
  VO.TimeoutMs = O.TimeoutS * 1000;
  VO.SolverWork = O.SolverWork;
  VO.Requests = O.Requests;
  return VO;
}

/// One run of the gate.
class GateRun {
public:
  GateRun(ChangeSource &Changes, const GateOptions &Opts, raw_ostream &Err)
      : Changes(Changes), Opts(Opts), Err(Err),
        V(Catalog::builtin(), verifyOptions(Opts)) {
    AllowAll = Store.keep(everythingPolicy("<allow-all>", Effect::Allow));
    NoAccess = Store.keep(everythingPolicy("<none>", Effect::Deny));
  }

  Expected<GateResult> run();

private:
  /// The changed files the gate reads, each with its path at the base.
  std::vector<ChangedFile> selectFiles(ArrayRef<ChangedFile> Candidates);
  void checkFile(const std::string &File, const std::string &OldPath);
  /// A policy's verdict and the findings that report it: one per group
  /// of new access.
  struct Compared {
    PolicyOutcome O;
    std::vector<Diagnostic> Ds;
  };
  /// Compares \p New with \p Old (null: no policy); \p When names the
  /// condition values the comparison assumes.
  Compared compare(const std::string &File, const LoadedPolicy &New,
                   const LoadedPolicy *Old, StringRef When = "");
  void record(const std::string &File, const LoadedPolicy &New, Compared C);
  /// Fails the gate on a policy path that is not a regular file of the
  /// repository (a link outside it, a dangling link, a folder).
  void refuseLink(const std::string &File);
  /// Joins the gate's findings to the lint findings of their file.
  void mergeFindings();
  PolicySet setFor(const Policy *P) {
    CallerPolicies Callers;
    Callers.AllowAll = AllowAll;
    return checkedSet(P, Callers);
  }

  ChangeSource &Changes;
  const GateOptions &Opts;
  raw_ostream &Err;
  Verifier V;
  PolicyStore Store;
  const Policy *AllowAll = nullptr, *NoAccess = nullptr;
  /// Gate findings per file, merged into the lint results.
  std::map<std::string, FileFindings> GateFindings;
  GateResult Res;
};

std::vector<ChangedFile>
GateRun::selectFiles(ArrayRef<ChangedFile> Candidates) {
  std::vector<ChangedFile> Selected;
  SmallString<256> RealRoot;
  sys::fs::real_path(".", RealRoot);
  for (const ChangedFile &C : Candidates) {
    const std::string &F = C.Path;
    if (!Opts.Restrict.empty() && !is_contained(Opts.Restrict, F))
      continue;
    // A file that was a policy at the base stays the gate's business
    // whatever replaces it.
    std::optional<std::string> BaseText =
        Changes.readAtRevision(Res.BaseCommit, C.BasePath);
    bool WasPolicy = BaseText && isPolicyFileName(C.BasePath) &&
                     !notAPolicy(C.BasePath, *BaseText);
    if (sys::fs::is_symlink_file(F)) {
      // Followed inside the repository, refused outside it.
      SmallString<256> Real;
      StringRef RealRel;
      if (!sys::fs::real_path(F, Real))
        RealRel = Real;
      if (RealRel.empty() || !RealRel.consume_front(RealRoot) ||
          !RealRel.startswith("/")) {
        if (WasPolicy || isPolicyFileName(F))
          refuseLink(F);
        continue;
      }
    }
    if (!sys::fs::is_regular_file(F)) {
      if (WasPolicy)
        refuseLink(F);
      continue;
    }
    std::optional<std::string> Skip;
    if (!WasPolicy)
      Skip = notAPolicyFile(F);
    if (!Skip)
      Selected.push_back(C);
    else if (Opts.Verbose)
      Err << "tollgate gate: note: skipped '" << F << "': " << *Skip << '\n';
  }
  return Selected;
}

Expected<GateResult> GateRun::run() {
  Expected<std::string> Base = Changes.baseCommit(Opts.Base);
  if (!Base)
    return Base.takeError();
  Res.BaseCommit = std::move(*Base);
  Expected<std::vector<ChangedFile>> Candidates =
      Changes.changedFiles(Res.BaseCommit);
  if (!Candidates)
    return Candidates.takeError();
  std::vector<ChangedFile> Selected = selectFiles(*Candidates);
  for (const ChangedFile &C : Selected)
    Res.Changed.push_back(C.Path);

  std::optional<Severity> FailOn = Opts.FailOn;
  if (Opts.Lint && !Res.Changed.empty()) {
    LintOptions LO;
    LO.ConfigFile = Opts.ConfigFile;
    Expected<std::unique_ptr<Linter>> Run = Linter::create(LO);
    if (!Run)
      return Run.takeError();
    if (const Config *C = (*Run)->runConfig())
      if (!FailOn && C->FailOn)
        FailOn = *C->FailOn;
    Res.Findings = (*Run)->lint(Res.Changed);
  }
  Res.FailOn = FailOn.value_or(Severity::Security);

  for (const ChangedFile &C : Selected)
    checkFile(C.Path, C.BasePath);
  mergeFindings();

  for (const FileFindings &F : Res.Findings)
    for (const Diagnostic &D : F.Diags) {
      Res.InputError |= D.Check->IsInputError;
      if (!isGateCheck(D.Check))
        Res.LintFailed |= D.Level >= Res.FailOn;
    }
  return std::move(Res);
}

void GateRun::mergeFindings() {
  for (auto &[File, GF] : GateFindings) {
    FileFindings *Target = nullptr;
    for (FileFindings &F : Res.Findings)
      if (F.Source && F.Source->name() == File)
        Target = &F;
    if (!Target) {
      Res.Findings.push_back(FileFindings());
      Target = &Res.Findings.back();
      Target->Source = GF.Source;
    }
    // Positions are in the gate's own reading of the file, which has the
    // same text as the lint's.
    for (Diagnostic &D : GF.Diags)
      Target->Diags.push_back(std::move(D));
    std::stable_sort(Target->Diags.begin(), Target->Diags.end(),
                     diagnosticLess);
  }
}

GateRun::Compared GateRun::compare(const std::string &File,
                                   const LoadedPolicy &New,
                                   const LoadedPolicy *Old, StringRef When) {
  Compared Out;
  PolicyOutcome &O = Out.O;
  O.File = File;
  if (New.Embedded)
    O.Name = New.Embedded->Name;
  O.New = !Old;
  if (hasErrors(New)) {
    O.Invalid = true;
    return Out;
  }
  const Policy *PNew = New.P.get();
  const Policy *POld = Old && !hasErrors(*Old) ? Old->P.get() : NoAccess;
  O.New = POld == NoAccess;
  PolicySet SA = setFor(PNew), SB = setFor(POld);
  if (POld == NoAccess && hasPrincipals(PNew->Type)) {
    // A new resource policy is compared with no resource policy, the
    // callers' own policies allowing everything in both: what it grants
    // is what it lets in that nothing let in before.
    SB = PolicySet();
    SB.Identity.push_back(AllowAll);
  }
  // Allowed actions are left out of the question.
  std::vector<std::string> Actions;
  for (const Allowance &Al : Opts.Allow)
    if (Al.covers(File, O.Name)) {
      O.Allowed.push_back(&Al);
      Actions.insert(Actions.end(), Al.Actions.begin(), Al.Actions.end());
    }
  const Policy *Scope = nullptr;
  if (!Actions.empty()) {
    StatementSpec NotAllowed;
    NotAllowed.NotAction = true;
    NotAllowed.Actions = std::move(Actions);
    Scope = Store.keep(
        cantFail(buildPolicy("<allowed>", PolicyType::Identity, {NotAllowed})));
  }
  // Every group of new access, as `tollgate diff` reports it.
  Direction Gained = findRegions(V, SA, SB, DefaultMaxRegions, "", File,
                                 Opts.Base + ":" + File, Scope);
  O.R = Gained.Summary;
  O.Groups = Gained.Regions.size();
  if (O.R.InternalError)
    Res.Internal = true;

  std::string Base = Opts.Base;
  StringRef CatalogDate = Catalog::builtin().dataDate();
  auto policyNote = [&](Diagnostic &D) {
    if (New.Embedded)
      D.Notes.push_back({New.Embedded->NameRange,
                         "in the " + policyTypeName(PNew->Type).str() +
                             " policy `" + New.Embedded->Name + "`"});
  };
  raw_string_ostream CexOS(O.CexText);
  for (const Region &G : Gained.Regions) {
    const Counterexample &C = G.Example;
    Span Where = New.Embedded ? New.Embedded->NameRange : Span();
    for (const StatementRef &Ref : G.Granting)
      if (&Gained.SetA->policy(Ref) == PNew) {
        Where = PNew->Statements[Ref.StatementIndex].L.Range;
        break;
      }
    if (Gained.Regions.size() > 1)
      CexOS << "actions: " << regionActions(G, CatalogDate) << '\n';
    printRequest(C.R, C.FutureAction, CatalogDate, CexOS, "", &C.ReadKeys);
    if (Gained.Regions.size() > 1)
      CexOS << '\n';
    // The note gives the whole request on one line.
    std::string Request =
        requestLine(C.R, C.FutureAction, CatalogDate, &C.ReadKeys);
    // The message names the group's actions, and the resource and caller
    // of its example.
    std::string Actions = regionActions(G, CatalogDate, 6, /*Quoted=*/true);
    Diagnostic D;
    D.Check = &gate::NewAccess;
    D.Level = D.Check->DefaultSeverity;
    D.Range = Where;
    D.Message = (O.New ? "new policy grants access (it does not exist at `" +
                             Base + "`)"
                       : "the change grants access that the version at `" +
                             Base + "` does not") +
                std::string(": ") + Actions + " on `" + C.R.Resource +
                "` by `" + C.R.Principal.Id + "`" + When.str();
    if (!O.Allowed.empty())
      D.Message += " (beyond the allowed actions)";
    D.Message += "; narrow the policy, or allow the access in the gate's "
                 "allow-list with a reason";
    D.Notes.push_back({Where, "a request it newly allows: " + Request});
    policyNote(D);
    Out.Ds.push_back(std::move(D));
  }
  CexOS.flush();
  if (Gained.Regions.empty() && O.R.V == Verdict::Unknown) {
    Diagnostic D;
    D.Check = &gate::NewAccessUnknown;
    D.Level = D.Check->DefaultSeverity;
    D.Range = New.Embedded ? New.Embedded->NameRange : Span();
    D.Message =
        "could not decide whether the change grants new access: " + O.R.Reason;
    policyNote(D);
    Out.Ds.push_back(std::move(D));
  }
  return Out;
}

void GateRun::record(const std::string &File, const LoadedPolicy &New,
                     Compared C) {
  if (!C.Ds.empty()) {
    FileFindings &F = GateFindings[File];
    F.Source = New.Source;
    std::move(C.Ds.begin(), C.Ds.end(), std::back_inserter(F.Diags));
  }
  Res.Outcomes.push_back(std::move(C.O));
}

void GateRun::refuseLink(const std::string &File) {
  SmallString<256> Target;
  std::string Where;
  if (!sys::fs::is_symlink_file(File))
    Where = "is not a regular file";
  else if (sys::fs::real_path(File, Target))
    Where = "is a symbolic link that leads nowhere";
  else
    Where = "is a symbolic link to `" + Target.str().str() +
            "`, outside the repository";
  FileFindings &F = GateFindings[File];
  F.Source = SourceFile::unread(File);
  Diagnostic D;
  D.Check = &gate::NewAccess;
  D.Level = D.Check->DefaultSeverity;
  D.Message = "the policy path " + Where +
              "; the gate does not read it: keep the policy itself in the "
              "repository";
  F.Diags.push_back(std::move(D));
  PolicyOutcome O;
  O.File = File;
  O.Invalid = true;
  Res.Outcomes.push_back(std::move(O));
}

void GateRun::checkFile(const std::string &File, const std::string &OldPath) {
  LoadOptions LO;
  LO.LiteralPlaceholders = true;
  uint64_t Size = 0;
  if (!sys::fs::file_size(File, Size) && Size > LO.MaxFileSize) {
    // The same limit as lint's, which reports it when it runs.
    Res.InputError = true;
    if (!Opts.Lint)
      Err << "tollgate gate: " << File << ": error: the file is larger than "
          << LO.MaxFileSize << " bytes (" << Size
          << "); tollgate does not read it [IAM004]\n";
    PolicyOutcome O;
    O.File = File;
    O.Invalid = true;
    Res.Outcomes.push_back(std::move(O));
    return;
  }
  std::string NewText = readWorkingFile(File);
  std::vector<LoadedPolicy> New = loadPoliciesText(File, NewText, LO);
  std::optional<std::string> OldVersion =
      Changes.readAtRevision(Res.BaseCommit, OldPath);
  bool Existed = OldVersion.has_value();
  std::string OldText = Existed ? std::move(*OldVersion) : std::string();
  // A policy file keeps the type of its new version, so that both
  // versions are compared as the same kind of policy.
  LoadOptions OldLO;
  OldLO.LiteralPlaceholders = true;
  if (New.size() == 1 && New[0].P && !New[0].Embedded)
    OldLO.Type = New[0].P->Type;
  std::string OldName = Opts.Base + ":" + OldPath;
  std::vector<LoadedPolicy> Old;
  if (Existed)
    Old = loadPoliciesText(OldName, OldText, OldLO);

  // CloudFormation conditions are Boolean parameters of the template: the
  // change must grant nothing new under any assignment of them.
  std::vector<const LoadedPolicy *> Both;
  for (const std::vector<LoadedPolicy> *Side : {&New, &Old})
    for (const LoadedPolicy &L : *Side)
      Both.push_back(&L);
  std::vector<std::string> Conds = testedConditions(Both);
  std::vector<std::optional<ConditionAssignment>> Assignments;
  for (ConditionAssignment &As : everyAssignment(Conds))
    Assignments.push_back(std::move(As));
  if (Assignments.empty())
    Assignments.push_back(std::nullopt);

  for (const LoadedPolicy &N : New) {
    if (!N.P && !N.Embedded) {
      // Not a policy any more (invalid JSON, binary): lint reports why;
      // without lint, the gate does.
      if (N.hasInputError())
        Res.InputError = true;
      if (!Opts.Lint && !N.Diags.empty()) {
        FileFindings &F = GateFindings[File];
        F.Source = N.Source;
        F.Diags.insert(F.Diags.end(), N.Diags.begin(), N.Diags.end());
      }
      PolicyOutcome O;
      O.File = File;
      O.Invalid = true;
      Res.Outcomes.push_back(std::move(O));
      continue;
    }
    if (!N.P && N.Embedded) {
      PolicyOutcome O;
      O.File = File;
      O.Name = N.Embedded->Name;
      O.Invalid = true;
      Res.Outcomes.push_back(std::move(O));
      continue;
    }
    if (N.Embedded && Conds.size() > MaxTemplateConditions) {
      Compared C;
      C.O.File = File;
      C.O.Name = N.Embedded->Name;
      C.O.R.V = Verdict::Unknown;
      C.O.R.Reason = tooManyConditions(Conds.size());
      Diagnostic D;
      D.Check = &gate::NewAccessUnknown;
      D.Level = D.Check->DefaultSeverity;
      D.Range = N.Embedded->NameRange;
      D.Message = "could not decide whether the change grants new access: " +
                  C.O.R.Reason;
      C.Ds.push_back(std::move(D));
      record(File, N, std::move(C));
      continue;
    }
    std::optional<Compared> Worst;
    const LoadedPolicy *Shown = &N;
    static const std::vector<std::optional<ConditionAssignment>> NoAssignment =
        {std::nullopt};
    for (const std::optional<ConditionAssignment> &As :
         N.Embedded ? Assignments : NoAssignment) {
      const LoadedPolicy *NewP = &N, *Match = nullptr;
      std::string When;
      std::vector<LoadedPolicy> NewAs, OldAs;
      const std::vector<LoadedPolicy> *OldSet = &Old;
      if (As) {
        LoadOptions L1 = LO, L2 = OldLO;
        L1.Conditions = L2.Conditions = &*As;
        NewAs = loadPoliciesText(File, NewText, L1);
        NewP = nullptr;
        for (const LoadedPolicy &L : NewAs)
          if (L.Embedded && L.Embedded->Name == N.Embedded->Name)
            NewP = &L;
        if (Existed)
          OldAs = loadPoliciesText(OldName, OldText, L2);
        OldSet = &OldAs;
        When = describeAssignment(*As);
      }
      if (!NewP || !NewP->P)
        continue; // The policy does not exist under this assignment.
      for (const LoadedPolicy &L : *OldSet) {
        if (!L.P)
          continue;
        bool Same = NewP->Embedded
                        ? L.Embedded && L.Embedded->Name == NewP->Embedded->Name
                        : !L.Embedded;
        if (Same) {
          Match = &L;
          break;
        }
      }
      Compared C = compare(File, *NewP, Match, When);
      auto rank = [](const Compared &X) {
        return X.O.Invalid || X.O.R.V == Verdict::Fail ? 2
               : X.O.R.V == Verdict::Unknown           ? 1
                                                       : 0;
      };
      bool Replace = !Worst || rank(C) > rank(*Worst);
      if (Replace) {
        Worst = std::move(C);
        Shown = NewP;
      }
      Res.Loaded.push_back(std::move(NewAs));
      Res.Loaded.push_back(std::move(OldAs));
      if (rank(*Worst) == 2)
        break;
    }
    if (Worst)
      record(File, *Shown, std::move(*Worst));
  }
  Res.Loaded.push_back(std::move(New));
  Res.Loaded.push_back(std::move(Old));
}

} // namespace

Expected<GateResult> runGate(ChangeSource &Changes, const GateOptions &Options,
                             raw_ostream &Err) {
  return GateRun(Changes, Options, Err).run();
}

} // namespace tollgate
