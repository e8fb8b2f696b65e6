//===- Linter.cpp - Linting policy files ----------------------------------===//
//
// A run finds the configuration of every file first, on one thread (each
// directory is looked up once, each configuration file read once), then
// lints the files in parallel. Each file's work fills its own result slot,
// suppression bookkeeping included, and the slots are merged in input
// order, so the output does not depend on the thread schedule.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Linter.h"
#include "Rules/RuleAnalysis.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Config/CheckSelector.h"
#include "tollgate/Lint/Rule.h"
#include "tollgate/Parse/GrammarChecks.h"
#include "tollgate/Support/Walk.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <mutex>
#include <optional>

using namespace llvm;

namespace tollgate {

ArrayRef<const CheckInfo *> allLintChecks() {
  static const std::vector<const CheckInfo *> All = [] {
    std::vector<const CheckInfo *> V(grammar::allChecks().begin(),
                                     grammar::allChecks().end());
    V.insert(V.end(), ruleChecks().begin(), ruleChecks().end());
    V.insert(V.end(), config::allChecks().begin(), config::allChecks().end());
    return V;
  }();
  return All;
}

namespace {
/// The rules of a run, made once and shared by every thread.
class RuleSet {
public:
  RuleSet() {
    for (RuleFactory Make : registeredRules())
      Rules.push_back(Make());
  }

  size_t size() const { return Rules.size(); }
  const CheckInfo &info(size_t I) const { return Rules[I]->info(); }

  /// Runs the rules whose flag in \p Enabled is set (indexed like
  /// allLintChecks(), which lists the rules from \p FirstRule on), each
  /// with its options.
  void run(const Policy &P, const std::vector<bool> &Enabled, size_t FirstRule,
           ArrayRef<RuleOptions> Options, RuleAnalysis &Analysis,
           std::vector<Diagnostic> &Out) const {
    Analysis.beginPolicy(P);
    for (size_t I = 0; I < Rules.size(); ++I) {
      if (!Enabled[FirstRule + I])
        continue;
      RuleContext Ctx(P, Analysis.catalog(), Analysis, Options[I], Out);
      Rules[I]->checkPolicy(Ctx);
      for (const Statement &S : P.Statements)
        Rules[I]->checkStatement(S, Ctx);
    }
  }

  /// Runs every rule, each with \p Options.
  void runAll(const Policy &P, const RuleOptions &Options,
              RuleAnalysis &Analysis, std::vector<Diagnostic> &Out) const {
    Analysis.beginPolicy(P);
    for (const std::unique_ptr<Rule> &R : Rules) {
      RuleContext Ctx(P, Analysis.catalog(), Analysis, Options, Out);
      R->checkPolicy(Ctx);
      for (const Statement &S : P.Statements)
        R->checkStatement(S, Ctx);
    }
  }

private:
  std::vector<std::unique_ptr<Rule>> Rules;
};

const RuleSet &ruleSet() {
  static const RuleSet Rules;
  return Rules;
}

/// The rules' shared analysis, one per worker of the run: a job takes one
/// for the file it lints and gives it back, so that what one file worked
/// out serves the next without locks or thread-local state.
class AnalysisPool {
public:
  explicit AnalysisPool(const Catalog &Cat) : Cat(Cat) {}

  std::unique_ptr<RuleAnalysis> take() {
    std::lock_guard<std::mutex> Lock(M);
    if (Free.empty())
      return std::make_unique<RuleAnalysis>(Cat);
    std::unique_ptr<RuleAnalysis> A = std::move(Free.back());
    Free.pop_back();
    return A;
  }
  void give(std::unique_ptr<RuleAnalysis> A) {
    std::lock_guard<std::mutex> Lock(M);
    Free.push_back(std::move(A));
  }

private:
  const Catalog &Cat;
  std::mutex M;
  std::vector<std::unique_ptr<RuleAnalysis>> Free;
};

/// What one file's findings did with the suppressions of its
/// configuration.
struct SuppressionUse {
  /// The file was read as a policy and the suppression's path names it.
  bool PathMatched = false;
  /// Per entry of `rules`: a check it names ran on a file it applies to.
  std::vector<bool> Judged;
  /// Per entry of `rules`: it hid a finding.
  std::vector<bool> Used;
};

/// The work on one file.
struct FileJob {
  std::string Path;
  /// The file's content when it is already in memory; read from Path
  /// otherwise.
  std::optional<std::string> Text;
  const ResolvedConfig *Config = nullptr;
  const std::vector<RuleOptions> *Options = nullptr;
  FileFindings Result;
  /// Indexed like the configuration's suppressions.
  std::vector<SuppressionUse> Uses;
};
} // namespace

struct Linter::Impl {
  Impl(const LintOptions &Options)
      : Options(Options), Configs(allLintChecks(), Options.Overrides),
        Analyses(Options.Cat ? *Options.Cat : Catalog::builtin()) {
    ArrayRef<const CheckInfo *> Checks = allLintChecks();
    for (size_t I = 0; I < Checks.size(); ++I)
      IndexOf[Checks[I]] = I;
    FirstRule = grammar::allChecks().size();
  }

  const std::vector<RuleOptions> &optionsOf(const ResolvedConfig &RC);
  void lintOne(FileJob &Job) const;
  void suppress(FileJob &Job, ArrayRef<const Policy *> Policies,
                const std::vector<bool> &Enabled, StringRef RelativePath) const;
  FileFindings configFindings(const ResolvedConfig &RC,
                              ArrayRef<SuppressionUse> Uses);
  bool pathExists(const ResolvedConfig &RC, const PathGlob &Glob);

  LintOptions Options;
  ConfigSet Configs;
  DenseMap<const CheckInfo *, unsigned> IndexOf;
  size_t FirstRule = 0;
  /// Taken by the file jobs, which run in parallel.
  mutable AnalysisPool Analyses;
  DenseMap<const ResolvedConfig *, std::vector<RuleOptions>> RuleOptionsOf;
  /// The files below a directory of a configuration, keyed by the
  /// configuration's directory and the one below it, named relative to the
  /// configuration's directory; read when a suppression names none of the
  /// linted files.
  StringMap<std::vector<std::string>> FilesBelow;
};

const std::vector<RuleOptions> &
Linter::Impl::optionsOf(const ResolvedConfig &RC) {
  std::vector<RuleOptions> &Out = RuleOptionsOf[&RC];
  if (!Out.empty() || ruleSet().size() == 0)
    return Out;
  Out.resize(ruleSet().size());
  for (const RuleOptionValues &V : RC.config().RuleOptions)
    for (size_t I = 0; I < ruleSet().size(); ++I)
      if (&ruleSet().info(I) == V.Check)
        for (const auto &[Name, Values] : V.Options)
          Out[I].set(Name, Values);
  return Out;
}

void Linter::Impl::lintOne(FileJob &Job) const {
  // A template holds any number of policies; their findings all belong to
  // the template file.
  LoadOptions Load = Options.Load;
  if (Options.ReadAsIs.count(Job.Path))
    Load.SkipNonPolicies = false;
  std::vector<LoadedPolicy> All;
  if (!Job.Text) {
    All = loadPolicies(Job.Path, Load);
  } else {
    bool Stdin = Job.Path == "-";
    if (Stdin)
      Load.SkipNonPolicies = false;
    All = loadPoliciesText(Stdin ? StringRef("<stdin>") : StringRef(Job.Path),
                           std::move(*Job.Text), Load);
  }
  FileFindings &F = Job.Result;
  F.Source = All.front().Source;
  if (All.front().Skipped) {
    F.Skipped = std::move(All.front().Skipped);
    return;
  }
  F.FileNotes = All.front().FileNotes;
  if (F.Source->text().startswith("\xEF\xBB\xBF"))
    F.FileNotes.push_back("the file starts with a UTF-8 byte order mark; "
                          "tollgate skips it, but many JSON readers reject "
                          "it: save the file without it");
  const ResolvedConfig &RC = *Job.Config;
  std::string RelativePath = RC.relativePathOf(Job.Path);
  std::vector<bool> Enabled = RC.enabledFor(RelativePath);
  std::vector<const Policy *> Policies;
  std::unique_ptr<RuleAnalysis> Analysis = Analyses.take();
  for (LoadedPolicy &Loaded : All) {
    F.Diags.insert(F.Diags.end(), Loaded.Diags.begin(), Loaded.Diags.end());
    if (!Loaded.P)
      continue;
    Policies.push_back(Loaded.P.get());
    if (!Loaded.Embedded) {
      F.PolicyType = policyTypeName(Loaded.P->Type).str();
      F.PolicyTypeAssumed = Loaded.TypeAssumed;
      F.PolicyTypeReason = std::move(Loaded.TypeReason);
    }
    std::vector<Diagnostic> Found;
    ruleSet().run(*Loaded.P, Enabled, FirstRule, *Job.Options, *Analysis,
                  Found);
    placeEmbeddedFindings(Loaded, Found);
    F.Diags.insert(F.Diags.end(), Found.begin(), Found.end());
  }
  Analyses.give(std::move(Analysis));
  // The loader reports every grammar finding; drop those of checks that are
  // off, and give the rest the configured severity, if any.
  std::vector<Diagnostic> Kept;
  for (Diagnostic &D : F.Diags) {
    unsigned Index = IndexOf.lookup(D.Check);
    if (!Enabled[Index])
      continue;
    if (RC.severityConfigured(Index))
      D.Level = RC.severity(Index);
    Kept.push_back(std::move(D));
  }
  F.Diags = std::move(Kept);
  if (!Policies.empty() && !RelativePath.empty() &&
      !RC.config().Suppressions.empty())
    suppress(Job, Policies, Enabled, RelativePath);
  std::stable_sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
  // The report places every finding by line and column: index the lines
  // here, on this file's thread, rather than on the thread that writes the
  // report after all files are done.
  if (!F.Diags.empty())
    F.Source->position(F.Diags.front().Range.Begin);
}

void Linter::Impl::suppress(FileJob &Job, ArrayRef<const Policy *> Policies,
                            const std::vector<bool> &Enabled,
                            StringRef RelativePath) const {
  ArrayRef<Suppression> All = Job.Config->config().Suppressions;
  ArrayRef<const CheckInfo *> Checks = allLintChecks();
  Job.Uses.resize(All.size());
  // The suppressions that name this file, with the JSON pointers of what
  // they cover.
  std::vector<std::pair<size_t, std::vector<std::string>>> Active;
  for (size_t S = 0; S < All.size(); ++S) {
    const Suppression &Sup = All[S];
    if (!Sup.Path.match(RelativePath))
      continue;
    SuppressionUse &Use = Job.Uses[S];
    Use.PathMatched = true;
    Use.Judged.assign(Sup.Rules.size(), false);
    Use.Used.assign(Sup.Rules.size(), false);
    for (size_t R = 0; R < Sup.Rules.size(); ++R)
      for (size_t C = 0; C < Checks.size() && !Use.Judged[R]; ++C)
        Use.Judged[R] = Enabled[C] && !Checks[C]->IsInputError &&
                        selectorMatches(Sup.Rules[R].Text, *Checks[C]);
    std::vector<std::string> Scopes;
    switch (Sup.Target) {
    case Suppression::WholeFile:
      Scopes.push_back("");
      break;
    case Suppression::Pointer:
      Scopes.push_back(Sup.TargetText);
      break;
    case Suppression::Sid:
      for (const Policy *P : Policies)
        for (const Statement &St : P->Statements)
          if (St.HasSid && St.Sid == Sup.TargetText)
            Scopes.push_back(P->pointer(St.L.Path));
      break;
    }
    Active.emplace_back(S, std::move(Scopes));
  }
  if (Active.empty())
    return;

  std::vector<Diagnostic> Kept;
  for (Diagnostic &D : Job.Result.Diags) {
    bool Hidden = false;
    for (auto &[S, Scopes] : Active) {
      if (D.Check->IsInputError || Hidden)
        break;
      bool InScope = false;
      for (const std::string &Scope : Scopes)
        InScope |= pointerWithin(D.Pointer, Scope);
      if (!InScope)
        continue;
      const Suppression &Sup = All[S];
      for (size_t R = 0; R < Sup.Rules.size() && !Hidden; ++R)
        if (selectorMatches(Sup.Rules[R].Text, *D.Check)) {
          Job.Uses[S].Used[R] = true;
          Hidden = true;
        }
    }
    if (!Hidden)
      Kept.push_back(std::move(D));
  }
  Job.Result.Diags = std::move(Kept);
}

bool Linter::Impl::pathExists(const ResolvedConfig &RC, const PathGlob &Glob) {
  StringRef Dir = RC.config().Dir;
  if (Glob.isLiteral()) {
    SmallString<256> Path(Dir);
    sys::path::append(Path, Glob.text());
    return sys::fs::exists(Path);
  }
  // Every match is below the glob's fixed directory: list only that.
  std::string Fixed = Glob.fixedDirectory();
  SmallString<256> Below(Dir);
  if (!Fixed.empty())
    sys::path::append(Below, Fixed);
  auto [It, New] = FilesBelow.try_emplace((Dir + Twine('\0') + Fixed).str());
  std::vector<std::string> &Files = It->second;
  if (New) {
    WalkResult R = walkDirectory(
        Below,
        [](StringRef Name) { return Name == ".git" || Name == "node_modules"; },
        [](StringRef) { return true; });
    for (const std::string &F : R.Files)
      Files.push_back(relativePath(F, Dir));
  }
  for (const std::string &F : Files)
    if (Glob.match(F))
      return true;
  return false;
}

/// What a suppression covers, for messages: "Sid `X` of `p.json`".
static std::string describeTarget(const Suppression &S) {
  std::string File = "`" + S.Path.text().str() + "`";
  switch (S.Target) {
  case Suppression::WholeFile:
    return File;
  case Suppression::Sid:
    return "the statement with Sid `" + S.TargetText + "` in " + File;
  case Suppression::Pointer:
    return "`" + S.TargetText + "` in " + File;
  }
  return File;
}

static std::string ruleList(const Suppression &S) {
  std::string Out;
  for (size_t I = 0; I < S.Rules.size(); ++I) {
    if (I)
      Out += I + 1 == S.Rules.size() ? " or " : ", ";
    Out += "`" + S.Rules[I].Text + "`";
  }
  return Out;
}

FileFindings Linter::Impl::configFindings(const ResolvedConfig &RC,
                                          ArrayRef<SuppressionUse> Uses) {
  const Config &C = RC.config();
  FileFindings F;
  F.Source = C.Source;
  F.Diags = C.Diags;
  std::vector<bool> Enabled =
      RC.enabledFor(RC.relativePathOf(C.Source->name()));
  unsigned Index = IndexOf.lookup(&config::UnusedSuppression);
  if (!Enabled[Index])
    return F;
  auto Report = [&](Span Range, size_t S, std::string Pointer,
                    std::string Message) {
    Diagnostic D;
    D.Check = &config::UnusedSuppression;
    D.Level = RC.severity(Index);
    D.Range = Range;
    D.Pointer = "/suppress/" + std::to_string(S) + Pointer;
    D.Message = std::move(Message);
    F.Diags.push_back(std::move(D));
  };
  for (size_t S = 0; S < C.Suppressions.size(); ++S) {
    const Suppression &Sup = C.Suppressions[S];
    const SuppressionUse &Use = Uses[S];
    if (!Use.PathMatched) {
      // A suppression for a file this run did not lint may well be in use;
      // only one whose path names no file at all is known to be stale.
      if (!pathExists(RC, Sup.Path))
        Report(Sup.Range, S, "",
               "unused suppression: `" + Sup.Path.text().str() +
                   "` names no file below the configuration's directory; "
                   "fix the path or remove the suppression");
      continue;
    }
    bool AnyUsed =
        std::find(Use.Used.begin(), Use.Used.end(), true) != Use.Used.end();
    bool AnyJudged = std::find(Use.Judged.begin(), Use.Judged.end(), true) !=
                     Use.Judged.end();
    if (!AnyUsed) {
      if (AnyJudged)
        Report(Sup.Range, S, "",
               "unused suppression: no " + ruleList(Sup) + " finding in " +
                   describeTarget(Sup) + "; remove the suppression");
      continue;
    }
    for (size_t R = 0; R < Sup.Rules.size(); ++R)
      if (Use.Judged[R] && !Use.Used[R])
        Report(Sup.Rules[R].Range, S, "/rules/" + std::to_string(R),
               "unused suppression: no `" + Sup.Rules[R].Text +
                   "` finding in " + describeTarget(Sup) +
                   "; remove it from `rules`");
  }
  std::stable_sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
  return F;
}

Linter::Linter(std::unique_ptr<Impl> I) : I(std::move(I)) {}
Linter::~Linter() = default;

Expected<std::unique_ptr<Linter>> Linter::create(const LintOptions &Options) {
  ArrayRef<const CheckInfo *> Checks = allLintChecks();
  auto CheckList = [&](const std::optional<std::vector<std::string>> &List,
                       StringRef Flag, bool Ignoring) -> Error {
    if (!List)
      return Error::success();
    for (const std::string &S : *List) {
      std::string Problem = checkSelector(S, Checks);
      const CheckInfo *Named = findCheck(S, Checks);
      if (Problem.empty() && Ignoring && Named && Named->IsInputError)
        Problem = "`" + S +
                  "` means the input could not be read; it cannot "
                  "be turned off";
      if (!Problem.empty())
        return createStringError(inconvertibleErrorCode(),
                                 "--" + Flag + ": " + Problem);
    }
    return Error::success();
  };
  using Result = Expected<std::unique_ptr<Linter>>;
  if (Error E = CheckList(Options.Overrides.Select, "select", false))
    return Result(std::move(E));
  if (Error E = CheckList(Options.Overrides.Ignore, "ignore", true))
    return Result(std::move(E));
  auto I = std::make_unique<Impl>(Options);
  if (!Options.ConfigFile.empty())
    if (Error E = I->Configs.useFile(Options.ConfigFile))
      return Result(std::move(E));
  return std::unique_ptr<Linter>(new Linter(std::move(I)));
}

const Config *Linter::runConfig() {
  const ResolvedConfig &RC = I->Configs.forCurrentDirectory();
  return RC.isFile() ? &RC.config() : nullptr;
}

std::vector<FileFindings> Linter::lint(ArrayRef<std::string> Paths) {
  // Configurations first, on this thread: the lookups share caches.
  std::vector<FileJob> Jobs(Paths.size());
  for (size_t N = 0; N < Paths.size(); ++N) {
    Jobs[N].Path = Paths[N];
    Jobs[N].Config = &I->Configs.forFile(Paths[N]);
    Jobs[N].Options = &I->optionsOf(*Jobs[N].Config);
  }
  runConfig();

  unsigned Threads = I->Options.Jobs
                         ? I->Options.Jobs
                         : llvm::hardware_concurrency().compute_thread_count();
  if (Threads <= 1 || Jobs.size() <= 1) {
    for (FileJob &Job : Jobs)
      I->lintOne(Job);
  } else {
    ThreadPool Pool(llvm::hardware_concurrency(Threads));
    // Standard input can be read once only, so it is read on this thread.
    for (FileJob &Job : Jobs)
      if (Job.Path != "-")
        Pool.async([this, &Job] { I->lintOne(Job); });
    for (FileJob &Job : Jobs)
      if (Job.Path == "-")
        I->lintOne(Job);
    Pool.wait();
  }

  // What every configuration's suppressions did, over all its files.
  DenseMap<const ResolvedConfig *, std::vector<SuppressionUse>> Uses;
  for (const ResolvedConfig *RC : I->Configs.files())
    Uses[RC].resize(RC->config().Suppressions.size());
  for (const FileJob &Job : Jobs) {
    if (Job.Uses.empty())
      continue;
    std::vector<SuppressionUse> &Merged = Uses[Job.Config];
    for (size_t S = 0; S < Job.Uses.size(); ++S) {
      const SuppressionUse &U = Job.Uses[S];
      if (!U.PathMatched)
        continue;
      SuppressionUse &M = Merged[S];
      M.PathMatched = true;
      M.Judged.resize(U.Judged.size());
      M.Used.resize(U.Used.size());
      for (size_t R = 0; R < U.Judged.size(); ++R) {
        M.Judged[R] = M.Judged[R] || U.Judged[R];
        M.Used[R] = M.Used[R] || U.Used[R];
      }
    }
  }

  std::vector<FileFindings> Results;
  for (const ResolvedConfig *RC : I->Configs.files()) {
    FileFindings F = I->configFindings(*RC, Uses[RC]);
    if (!F.Diags.empty())
      Results.push_back(std::move(F));
  }
  for (FileJob &Job : Jobs)
    Results.push_back(std::move(Job.Result));
  return Results;
}

FileFindings Linter::lintText(StringRef Path, std::string Text) {
  // The limit a file on disk has.
  if (Text.size() > I->Options.Load.MaxFileSize) {
    FileFindings F;
    F.Source = std::make_shared<SourceFile>(Path.str(), std::string());
    Diagnostic D;
    D.Check = &grammar::InputLimit;
    D.Level = D.Check->DefaultSeverity;
    D.Message = "file is " + std::to_string(Text.size()) +
                " bytes; tollgate reads files up to " +
                std::to_string(I->Options.Load.MaxFileSize) + " bytes";
    F.Diags.push_back(std::move(D));
    return F;
  }
  FileJob Job;
  Job.Path = Path.str();
  Job.Text = std::move(Text);
  Job.Config = &I->Configs.forFile(Path);
  Job.Options = &I->optionsOf(*Job.Config);
  I->lintOne(Job);
  return std::move(Job.Result);
}

void lintPolicy(const Policy &P, const RuleOptions &Options, const Catalog &Cat,
                std::vector<Diagnostic> &Out) {
  RuleAnalysis Analysis(Cat);
  ruleSet().runAll(P, Options, Analysis, Out);
}

FileFindings lintFile(StringRef Path, const LintOptions &Options) {
  static const ResolvedConfig Defaults(Config(), SelectionOverrides(),
                                       allLintChecks());
  static const std::vector<RuleOptions> NoOptions(ruleSet().size());
  Linter::Impl I(Options);
  FileJob Job;
  Job.Path = Path.str();
  Job.Config = &Defaults;
  Job.Options = &NoOptions;
  I.lintOne(Job);
  return std::move(Job.Result);
}

} // namespace tollgate
