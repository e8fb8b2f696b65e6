//===- GateCommand.cpp - The `tollgate gate` subcommand -------------------===//
///
/// \file
/// What changed: `git diff --name-only MERGE-BASE` (the merge base of REF and
/// HEAD against the working tree, so commits since REF, staged changes and
/// unstaged changes all count) plus untracked files that git does not
/// ignore. Deleted files only remove access and are not checked. The
/// version at REF is `git show MERGE-BASE:PATH`; a policy that did not exist
/// there is compared with no policy at all, so every access it grants is
/// new.
///
/// The findings of the gate are diagnostics of two checks of their own
/// (`new-access`, `new-access-unknown`) placed on the statement that grants
/// the counterexample request, so the text, JSON, SARIF and GitHub
/// reporters show them like lint findings; `--format markdown` writes a
/// summary for a pull-request comment.
///
//===----------------------------------------------------------------------===//

#include "GateCommand.h"
#include "AccessRegions.h"
#include "CheckCommand.h"
#include "Commands.h"
#include "TemplateConditions.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Config/PathGlob.h"
#include "tollgate/Lint/Checks.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Parse/Detect.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Report/Reporters.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Support/Findings.h"
#include "tollgate/Support/ReadFile.h"
#include "tollgate/Yaml/Reader.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

using namespace llvm;

namespace tollgate {

using namespace verify;

namespace {

using gate::NewAccess;
using gate::NewAccessUnknown;

const char *Usage =
    "usage: tollgate gate --base REF [options] [PATH...]\n"
    "Lints the policy files and templates changed since REF (commits since\n"
    "the merge base, staged, unstaged and untracked changes) and fails when\n"
    "a changed policy grants access that its version at REF did not.\n"
    "PATHs restrict the gate to those files (a pre-commit hook passes them).\n"
    "options:\n"
    "  --base REF           the revision to compare with (required)\n"
    "  --format text|markdown|json|sarif|github\n"
    "  --allow FILE         allowed new access (default: .tollgate-gate.yaml\n"
    "                       at the repository root, if present)\n"
    "  --config FILE        the lint configuration for every file\n"
    "  --fail-on LEVEL      lint severity that fails the gate (default:\n"
    "                       the configuration's, else security)\n"
    "  --no-lint            only check for new access\n"
    "  --max-findings N     findings reported per file, the most severe\n"
    "                       first (default 1000, 0 for all)\n"
    "  --timeout SECONDS    time limit of each check (default 10)\n"
    "  --request-model realistic|textual\n"
    "                       the requests AWS can send (default), or any\n"
    "                       strings for the resource and every key\n"
    "  -v, --verbose        say which changed files were skipped as not\n"
    "                       policies, templates or Terraform plans\n"
    "  -o FILE              write the report to FILE\n"
    "exit status: 0 pass, 1 new access or lint findings, 2 input error,\n"
    "3 undecided, 4 internal error\n";

struct Args {
  std::string Base, Format = "text", AllowFile, ConfigFile, Output;
  Optional<Severity> FailOn;
  bool Lint = true, Verbose = false;
  unsigned TimeoutS = 10;
  request::ModelKind Requests = request::ModelKind::Realistic;
  unsigned MaxFindings = DefaultMaxFindingsPerFile;
  std::vector<std::string> Paths;
};

bool parseArgs(int Argc, const char **Argv, Args &A, raw_ostream &Err) {
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    StringRef Name = Arg.split('=').first;
    std::string V;
    auto value = [&](std::string &Out) {
      if (Arg.startswith("--") && Arg.contains('=')) {
        Out = Arg.split('=').second.str();
        return true;
      }
      if (I + 1 >= Argc) {
        Err << "tollgate gate: " << Arg << " needs a value\n";
        return false;
      }
      Out = Argv[++I];
      return true;
    };
    if (Name == "--base") {
      if (!value(A.Base))
        return false;
    } else if (Name == "--format") {
      if (!value(A.Format))
        return false;
      if (A.Format != "text" && A.Format != "markdown" && A.Format != "json" &&
          A.Format != "sarif" && A.Format != "github") {
        Err << "tollgate gate: unknown format '" << A.Format
            << "'; use text, markdown, json, sarif or github\n";
        return false;
      }
    } else if (Name == "--allow") {
      if (!value(A.AllowFile))
        return false;
    } else if (Name == "--config") {
      if (!value(A.ConfigFile))
        return false;
    } else if (Name == "-o" || Name == "--output") {
      if (!value(A.Output))
        return false;
    } else if (Name == "--fail-on") {
      if (!value(V))
        return false;
      A.FailOn = parseSeverity(V);
      if (!A.FailOn) {
        Err << "tollgate gate: unknown --fail-on '" << V
            << "'; use error, security, warning or suggestion\n";
        return false;
      }
    } else if (Name == "--no-lint") {
      A.Lint = false;
    } else if (Name == "-v" || Name == "--verbose") {
      A.Verbose = true;
    } else if (Name == "--max-findings") {
      if (!value(V))
        return false;
      if (StringRef(V).getAsInteger(10, A.MaxFindings)) {
        Err << "tollgate gate: --max-findings needs a number, not '" << V
            << "'\n";
        return false;
      }
    } else if (Name == "--timeout") {
      if (!value(V))
        return false;
      if (StringRef(V).getAsInteger(10, A.TimeoutS) || A.TimeoutS == 0 ||
          A.TimeoutS > verify::MaxTimeoutSeconds) {
        Err << "tollgate gate: --timeout needs a positive number of "
               "seconds, at most "
            << verify::MaxTimeoutSeconds << "\n";
        return false;
      }
    } else if (Name == "--request-model") {
      if (!value(V))
        return false;
      if (!parseRequestModelOption(V, "tollgate gate", A.Requests, Err))
        return false;
    } else if (Name == "-h" || Name == "--help") {
      Err << Usage;
      return false;
    } else if (Arg.startswith("-") && Arg != "-") {
      Err << "tollgate gate: unknown option '" << Arg << "'\n" << Usage;
      return false;
    } else {
      A.Paths.push_back(Arg.str());
    }
  }
  if (A.Base.empty()) {
    Err << "tollgate gate: --base is required\n" << Usage;
    return false;
  }
  return true;
}

/// runGit's status when git wrote more than tollgate reads.
constexpr int GitOutputTooLarge = -100;

/// Runs git with \p GitArgs; returns its exit status and standard output
/// (up to the input size limit).
int runGit(StringRef Git, ArrayRef<std::string> GitArgs, std::string &Out,
           std::string *ErrText = nullptr) {
  SmallString<128> OutFile, ErrFile;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("tollgate-git", "out", OutFile)) {
    if (ErrText)
      *ErrText = "cannot create a temporary file: " + EC.message();
    return -1;
  }
  if (std::error_code EC =
          sys::fs::createTemporaryFile("tollgate-git", "err", ErrFile)) {
    sys::fs::remove(OutFile);
    if (ErrText)
      *ErrText = "cannot create a temporary file: " + EC.message();
    return -1;
  }
  std::vector<StringRef> Argv = {Git};
  for (const std::string &S : GitArgs)
    Argv.push_back(S);
  Optional<StringRef> Redirects[] = {StringRef(""), StringRef(OutFile),
                                     StringRef(ErrFile)};
  int RC = sys::ExecuteAndWait(Git, Argv, None, Redirects);
  ReadOutcome OutRead = readBounded(OutFile);
  Out = std::move(OutRead.Text);
  if (OutRead.S == ReadOutcome::TooLarge)
    RC = GitOutputTooLarge;
  if (ErrText)
    *ErrText = StringRef(readBounded(ErrFile).Text).trim().str();
  sys::fs::remove(OutFile);
  sys::fs::remove(ErrFile);
  return RC;
}

/// One entry of the allow-list.
struct Allowance {
  PathGlob Path;
  std::string Policy;
  std::vector<std::string> Actions;
  std::string Reason;
};

/// Reads `allow-new-access:` from \p File.
bool readAllowList(StringRef File, std::vector<Allowance> &Out,
                   raw_ostream &Err) {
  ReadOutcome Buffer = readBounded(File);
  if (!Buffer) {
    Err << "tollgate gate: cannot read '" << File << "': " << Buffer.Message
        << '\n';
    return false;
  }
  SourceFile Src(File.str(), Buffer.Text);
  auto fail = [&](const yaml::Node *At, const Twine &Why) {
    Err << "tollgate gate: " << File;
    if (At) {
      Position P = Src.position(At->Range.Begin);
      Err << ":" << P.Line << ":" << P.Column;
    }
    Err << ": " << Why << '\n';
    return false;
  };
  yaml::Stream S = yaml::read(Src.text());
  if (S.Err) {
    Err << "tollgate gate: " << File << ":" << S.Err->Line << ":"
        << S.Err->Column << ": invalid YAML: " << S.Err->Message << '\n';
    return false;
  }
  if (!S.Root || S.Root->isNull())
    return true;
  const yaml::Node &Root = *S.Root;
  if (!Root.isMapping())
    return fail(&Root, "expected a mapping with `allow-new-access`");
  auto text = [](const yaml::Node &N) {
    return N.isScalar() && !N.isNull() ? N.Value : std::string();
  };
  for (size_t I = 0; I < Root.mappingSize(); ++I) {
    const yaml::Node &Key = Root.key(I), &List = Root.value(I);
    if (text(Key) != "allow-new-access")
      return fail(&Key, "unknown key `" + text(Key) +
                            "`; expected `allow-new-access`");
    if (!List.isSequence())
      return fail(&List, "`allow-new-access` must be a list");
    for (const yaml::Node &E : List.Items) {
      if (!E.isMapping())
        return fail(&E, "each `allow-new-access` entry must be a mapping");
      Allowance A;
      std::string PathText;
      for (size_t J = 0; J < E.mappingSize(); ++J) {
        std::string F = text(E.key(J));
        const yaml::Node &V = E.value(J);
        if (F == "path") {
          PathText = text(V);
        } else if (F == "policy") {
          A.Policy = text(V);
        } else if (F == "reason") {
          A.Reason = text(V);
        } else if (F == "actions") {
          if (V.isSequence())
            for (const yaml::Node &X : V.Items)
              A.Actions.push_back(text(X));
          else
            A.Actions.push_back(text(V));
        } else {
          return fail(&E.key(J),
                      "unknown key `" + F +
                          "` in an `allow-new-access` entry; use path, "
                          "policy, actions and reason");
        }
      }
      if (PathText.empty() || A.Actions.empty() || A.Reason.empty())
        return fail(&E, "an `allow-new-access` entry needs `path`, `actions` "
                        "and `reason`");
      for (const std::string &X : A.Actions)
        if (X.empty() || X.find_first_of("\"\\") != std::string::npos)
          return fail(&E, "invalid action `" + X + "`");
      Expected<PathGlob> G = PathGlob::create(PathText);
      if (!G)
        return fail(&E, toString(G.takeError()));
      A.Path = std::move(*G);
      Out.push_back(std::move(A));
    }
  }
  return true;
}

/// The verdict on one changed policy.
struct PolicyOutcome {
  std::string File;
  /// The policy's name in a template; empty for a policy file.
  std::string Name;
  bool New = false;     ///< No version at the base.
  unsigned Groups = 0;  ///< Groups of new access found.
  bool Invalid = false; ///< Grammar errors: not verified.
  CheckResult R;
  std::vector<const Allowance *> Allowed;
  std::string CexText;

  std::string display() const {
    return Name.empty() ? File : File + "#" + Name;
  }
};

/// " (3 groups of actions)", for a policy that grants more than one group
/// of new access.
std::string groupCount(const PolicyOutcome &O) {
  if (O.Groups < 2)
    return "";
  return " (" + std::to_string(O.Groups) + " groups of actions)";
}

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

class Gate {
public:
  Gate(const Args &A, raw_ostream &Err)
      : A(A), Err(Err), V(Catalog::builtin(), verifyOptions(A)) {
    AllowAll = Store.fromText(
        "<allow-all>",
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
        PolicyType::Identity);
    NoAccess = Store.fromText(
        "<none>",
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]})",
        PolicyType::Identity);
  }

  int run();

private:
  static VerifyOptions verifyOptions(const Args &A) {
    VerifyOptions VO;
    VO.TimeoutMs = A.TimeoutS * 1000;
    VO.Requests = A.Requests;
    return VO;
  }
  bool findChanges(std::vector<std::string> &Files);
  void checkFile(const std::string &File);
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
  PolicySet setFor(const Policy *P) {
    PolicySet S;
    if (hasPrincipals(P->Type)) {
      S.Resource = P;
      S.Identity.push_back(AllowAll);
    } else {
      S.Identity.push_back(P);
    }
    return S;
  }
  void writeMarkdown(raw_ostream &OS);

  const Args &A;
  raw_ostream &Err;
  Verifier V;
  std::string Git, BaseCommit;
  checkcmd::PolicyStore Store;
  const Policy *AllowAll = nullptr, *NoAccess = nullptr;
  std::vector<Allowance> Allow;
  std::vector<PolicyOutcome> Outcomes;
  /// Gate findings per file, merged into the lint results.
  std::map<std::string, FileFindings> GateFindings;
  std::vector<FileFindings> Results;
  std::vector<std::string> Changed;
  /// The path at the base of a renamed file.
  std::map<std::string, std::string> BasePath;
  bool InputError = false, Internal = false;
  /// Loaded policies, kept alive for the findings' sources.
  std::vector<std::vector<LoadedPolicy>> Keep;
};

bool Gate::findChanges(std::vector<std::string> &Files) {
  std::string Out, ErrText;
  std::string Shallow;
  if (runGit(Git, {"merge-base", A.Base, "HEAD"}, Out, &ErrText) == 0) {
    BaseCommit = StringRef(Out).trim().str();
  } else if (runGit(Git, {"rev-parse", "--is-shallow-repository"}, Shallow) ==
                 0 &&
             StringRef(Shallow).trim() == "true") {
    // Comparing with the tip of REF instead would count every change made
    // on REF since the branch point as this change's.
    Err << "tollgate gate: this is a shallow clone without the merge base of '"
        << A.Base
        << "' and HEAD; fetch more history (`git fetch --unshallow`, or "
           "`fetch-depth: 0` in actions/checkout)\n";
    return false;
  } else if (runGit(Git,
                    {"rev-parse", "--verify", "--quiet", A.Base + "^{commit}"},
                    Out) == 0) {
    BaseCommit = StringRef(Out).trim().str();
  } else {
    Err << "tollgate gate: unknown revision '" << A.Base << "'\n";
    return false;
  }
  std::set<std::string> Names;
  // Renames are followed, so that a moved policy is compared with its
  // previous version rather than with nothing; every other change but a
  // deletion (a type change: a file replaced by a symbolic link) is
  // examined.
  if (runGit(Git,
             {"diff", "--name-status", "-z", "-M", "--diff-filter=ACMRT",
              BaseCommit, "--"},
             Out, &ErrText) != 0) {
    Err << "tollgate gate: git diff failed: " << ErrText << '\n';
    return false;
  }
  SmallVector<StringRef, 32> Parts;
  StringRef(Out).split(Parts, '\0', -1, false);
  for (size_t I = 0; I + 1 < Parts.size();) {
    if (Parts[I].startswith("R") && I + 2 < Parts.size()) {
      BasePath[Parts[I + 2].str()] = Parts[I + 1].str();
      Names.insert(Parts[I + 2].str());
      I += 3;
      continue;
    }
    Names.insert(Parts[I + 1].str());
    I += 2;
  }
  if (runGit(Git, {"ls-files", "-z", "--others", "--exclude-standard"}, Out,
             &ErrText) == 0) {
    Parts.clear();
    StringRef(Out).split(Parts, '\0', -1, false);
    for (StringRef P : Parts)
      Names.insert(P.str());
  }
  for (const std::string &N : Names)
    Files.push_back(N);
  return true;
}

Gate::Compared Gate::compare(const std::string &File, const LoadedPolicy &New,
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
  for (const Allowance &Al : Allow)
    if (Al.Path.match(File) && (Al.Policy.empty() || Al.Policy == O.Name)) {
      O.Allowed.push_back(&Al);
      Actions.insert(Actions.end(), Al.Actions.begin(), Al.Actions.end());
    }
  const Policy *Scope = nullptr;
  if (!Actions.empty()) {
    std::string Text =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":[)";
    for (size_t I = 0; I < Actions.size(); ++I)
      Text += (I ? ",\"" : "\"") + Actions[I] + "\"";
    Text += R"(],"Resource":"*"}]})";
    Scope = Store.fromText("<allowed>", Text, PolicyType::Identity);
  }
  // Every group of new access, as `tollgate diff` reports it.
  Direction Gained = findRegions(V, SA, SB, DefaultMaxRegions, "", File,
                                 A.Base + ":" + File, Scope);
  O.R = Gained.Summary;
  O.Groups = Gained.Regions.size();
  if (O.R.InternalError)
    Internal = true;

  std::string Base = A.Base;
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
    std::string Request;
    {
      std::string Text;
      raw_string_ostream OS(Text);
      checkcmd::printRequest(C.R, C.FutureAction, CatalogDate, OS, "",
                             &C.ReadKeys);
      OS.flush();
      if (Gained.Regions.size() > 1)
        CexOS << "actions: " << regionActions(G, CatalogDate) << '\n';
      CexOS << Text;
      if (Gained.Regions.size() > 1)
        CexOS << '\n';
      // The note gives the whole request on one line.
      SmallVector<StringRef, 8> Lines;
      StringRef(Text).rtrim().split(Lines, '\n');
      for (StringRef Line : Lines) {
        auto [Key, Value] = Line.split(':');
        Request += (Request.empty() ? "" : "; ") + Key.trim().str() + " " +
                   Value.trim().str();
      }
    }
    // The message names the group's actions, and the resource and caller
    // of its example.
    std::string Actions = regionActions(G, CatalogDate, 6, /*Quoted=*/true);
    Diagnostic D;
    D.Check = &NewAccess;
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
    D.Check = &NewAccessUnknown;
    D.Level = D.Check->DefaultSeverity;
    D.Range = New.Embedded ? New.Embedded->NameRange : Span();
    D.Message =
        "could not decide whether the change grants new access: " + O.R.Reason;
    policyNote(D);
    Out.Ds.push_back(std::move(D));
  }
  return Out;
}

void Gate::record(const std::string &File, const LoadedPolicy &New,
                  Compared C) {
  if (!C.Ds.empty()) {
    FileFindings &F = GateFindings[File];
    F.Source = New.Source;
    std::move(C.Ds.begin(), C.Ds.end(), std::back_inserter(F.Diags));
  }
  Outcomes.push_back(std::move(C.O));
}

void Gate::refuseLink(const std::string &File) {
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
  D.Check = &NewAccess;
  D.Level = D.Check->DefaultSeverity;
  D.Message = "the policy path " + Where +
              "; the gate does not read it: keep the policy itself in the "
              "repository";
  F.Diags.push_back(std::move(D));
  PolicyOutcome O;
  O.File = File;
  O.Invalid = true;
  Outcomes.push_back(std::move(O));
}

void Gate::checkFile(const std::string &File) {
  LoadOptions LO;
  LO.LiteralPlaceholders = true;
  uint64_t Size = 0;
  if (!sys::fs::file_size(File, Size) && Size > LO.MaxFileSize) {
    // The same limit as lint's, which reports it when it runs.
    InputError = true;
    if (!A.Lint)
      Err << "tollgate gate: " << File << ": error: the file is larger than "
          << LO.MaxFileSize << " bytes (" << Size
          << "); tollgate does not read it [IAM004]\n";
    PolicyOutcome O;
    O.File = File;
    O.Invalid = true;
    Outcomes.push_back(std::move(O));
    return;
  }
  std::string NewText = readWorkingFile(File);
  std::vector<LoadedPolicy> New = loadPoliciesText(File, NewText, LO);
  std::string OldText;
  auto Renamed = BasePath.find(File);
  std::string OldPath = Renamed == BasePath.end() ? File : Renamed->second;
  bool Existed =
      runGit(Git, {"cat-file", "-e", BaseCommit + ":" + OldPath}, OldText) ==
          0 &&
      runGit(Git, {"show", BaseCommit + ":" + OldPath}, OldText) == 0;
  // A policy file keeps the type of its new version, so that both
  // versions are compared as the same kind of policy.
  LoadOptions OldLO;
  OldLO.LiteralPlaceholders = true;
  if (New.size() == 1 && New[0].P && !New[0].Embedded)
    OldLO.Type = New[0].P->Type;
  std::string OldName = A.Base + ":" + OldPath;
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
  std::vector<Optional<ConditionAssignment>> Assignments;
  for (ConditionAssignment &As : everyAssignment(Conds))
    Assignments.push_back(std::move(As));
  if (Assignments.empty())
    Assignments.push_back(None);

  for (const LoadedPolicy &N : New) {
    if (!N.P && !N.Embedded) {
      // Not a policy any more (invalid JSON, binary): lint reports why;
      // without lint, the gate does.
      if (N.hasInputError())
        InputError = true;
      if (!A.Lint && !N.Diags.empty()) {
        FileFindings &F = GateFindings[File];
        F.Source = N.Source;
        F.Diags.insert(F.Diags.end(), N.Diags.begin(), N.Diags.end());
      }
      PolicyOutcome O;
      O.File = File;
      O.Invalid = true;
      Outcomes.push_back(std::move(O));
      continue;
    }
    if (!N.P && N.Embedded) {
      PolicyOutcome O;
      O.File = File;
      O.Name = N.Embedded->Name;
      O.Invalid = true;
      Outcomes.push_back(std::move(O));
      continue;
    }
    if (N.Embedded && Conds.size() > MaxTemplateConditions) {
      Compared C;
      C.O.File = File;
      C.O.Name = N.Embedded->Name;
      C.O.R.V = Verdict::Unknown;
      C.O.R.Reason = tooManyConditions(Conds.size());
      Diagnostic D;
      D.Check = &NewAccessUnknown;
      D.Level = D.Check->DefaultSeverity;
      D.Range = N.Embedded->NameRange;
      D.Message = "could not decide whether the change grants new access: " +
                  C.O.R.Reason;
      C.Ds.push_back(std::move(D));
      record(File, N, std::move(C));
      continue;
    }
    Optional<Compared> Worst;
    const LoadedPolicy *Shown = &N;
    static const std::vector<Optional<ConditionAssignment>> NoAssignment = {
        None};
    for (const Optional<ConditionAssignment> &As :
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
      Keep.push_back(std::move(NewAs));
      Keep.push_back(std::move(OldAs));
      if (rank(*Worst) == 2)
        break;
    }
    if (Worst)
      record(File, *Shown, std::move(*Worst));
  }
  Keep.push_back(std::move(New));
  Keep.push_back(std::move(Old));
}

int Gate::run() {
  auto GitPath = sys::findProgramByName("git");
  if (!GitPath) {
    Err << "tollgate gate: git is not on the PATH\n";
    return CheckInputError;
  }
  Git = *GitPath;
  {
    // git's output goes through temporary files.
    SmallString<128> Probe;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("tollgate-gate", "probe", Probe)) {
      SmallString<128> Dir;
      sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Dir);
      Err << "tollgate gate: cannot create a temporary file in '" << Dir
          << "' (TMPDIR): " << EC.message() << '\n';
      return CheckInputError;
    }
    sys::fs::remove(Probe);
  }
  // Paths from the command line are relative to the current directory;
  // the gate works from the repository root.
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  auto absolute = [&](StringRef P) {
    SmallString<256> Abs(P);
    sys::fs::make_absolute(Cwd, Abs);
    sys::path::remove_dots(Abs, true);
    return Abs.str().str();
  };
  std::string Out, ErrText;
  if (runGit(Git, {"rev-parse", "--show-toplevel"}, Out, &ErrText) != 0) {
    Err << "tollgate gate: not in a git repository\n";
    return CheckInputError;
  }
  std::string Root = StringRef(Out).trim().str();
  std::string ConfigFile = A.ConfigFile.empty() ? "" : absolute(A.ConfigFile);
  std::string AllowFile = A.AllowFile.empty() ? "" : absolute(A.AllowFile);
  std::vector<std::string> Restrict;
  for (const std::string &P : A.Paths) {
    std::string Abs = absolute(P);
    StringRef Rel(Abs);
    if (!Rel.consume_front(Root) || !(Rel.empty() || Rel.startswith("/"))) {
      Err << "tollgate gate: '" << P << "' is outside the repository\n";
      return CheckInputError;
    }
    Restrict.push_back(Rel.ltrim('/').str());
  }
  if (std::error_code EC = sys::fs::set_current_path(Root)) {
    Err << "tollgate gate: cannot enter " << Root << ": " << EC.message()
        << '\n';
    return CheckInputError;
  }
  if (AllowFile.empty() && sys::fs::exists(".tollgate-gate.yaml"))
    AllowFile = ".tollgate-gate.yaml";
  if (!AllowFile.empty() && !readAllowList(AllowFile, Allow, Err))
    return CheckInputError;

  std::vector<std::string> Candidates;
  if (!findChanges(Candidates))
    return CheckInputError;
  SmallString<256> RealRoot;
  sys::fs::real_path(Root, RealRoot);
  for (const std::string &F : Candidates) {
    if (!Restrict.empty() &&
        std::find(Restrict.begin(), Restrict.end(), F) == Restrict.end())
      continue;
    // A file that was a policy at the base stays the gate's business
    // whatever replaces it.
    std::string BaseText;
    auto Renamed = BasePath.find(F);
    std::string OldPath = Renamed == BasePath.end() ? F : Renamed->second;
    bool WasPolicy =
        runGit(Git, {"cat-file", "-e", BaseCommit + ":" + OldPath}, BaseText) ==
            0 &&
        runGit(Git, {"show", BaseCommit + ":" + OldPath}, BaseText) == 0 &&
        isPolicyFileName(OldPath) && !notAPolicy(OldPath, BaseText);
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
      Changed.push_back(F);
    else if (A.Verbose)
      Err << "tollgate gate: note: skipped '" << F << "': " << *Skip << '\n';
  }

  Optional<Severity> FailOn = A.FailOn;
  if (A.Lint && !Changed.empty()) {
    LintOptions LO;
    LO.ConfigFile = ConfigFile;
    Expected<std::unique_ptr<Linter>> Run = Linter::create(LO);
    if (!Run) {
      Err << "tollgate gate: " << toString(Run.takeError()) << '\n';
      return CheckInputError;
    }
    if (const Config *C = (*Run)->runConfig())
      if (!FailOn && C->FailOn)
        FailOn = C->FailOn;
    Results = (*Run)->lint(Changed);
  }
  if (!FailOn)
    FailOn = Severity::Security;

  for (const std::string &F : Changed)
    checkFile(F);

  // Gate findings join the lint findings of their file.
  for (auto &[File, GF] : GateFindings) {
    FileFindings *Target = nullptr;
    for (FileFindings &F : Results)
      if (F.Source && F.Source->name() == File)
        Target = &F;
    if (!Target) {
      Results.push_back(FileFindings());
      Target = &Results.back();
      Target->Source = GF.Source;
    }
    for (Diagnostic &D : GF.Diags) {
      // Positions are in the gate's own reading of the file, which has
      // the same text as the lint's.
      Target->Diags.push_back(std::move(D));
    }
    std::stable_sort(Target->Diags.begin(), Target->Diags.end(),
                     diagnosticLess);
  }

  std::unique_ptr<raw_fd_ostream> FileOut;
  if (!A.Output.empty()) {
    std::error_code EC;
    FileOut = std::make_unique<raw_fd_ostream>(absolute(A.Output), EC);
    if (EC) {
      Err << "tollgate gate: cannot write '" << A.Output
          << "': " << EC.message() << '\n';
      return CheckInputError;
    }
  }
  raw_ostream &OS = FileOut ? *FileOut : outs();

  bool LintFailed = false;
  for (const FileFindings &F : Results)
    for (const Diagnostic &D : F.Diags) {
      InputError |= D.Check->IsInputError;
      if (D.Check != &NewAccess && D.Check != &NewAccessUnknown)
        LintFailed |= D.Level >= *FailOn;
    }
  // The status counts every finding; the report shows a bounded number.
  capFindings(Results, A.MaxFindings);
  bool Fail = LintFailed, Unknown = false;
  for (const PolicyOutcome &O : Outcomes) {
    Fail |= O.R.V == Verdict::Fail || O.Invalid;
    Unknown |= !O.Invalid && O.R.V == Verdict::Unknown;
  }

  if (A.Format == "markdown") {
    writeMarkdown(OS);
  } else {
    ReportOptions RO;
    RO.ToolVersion = toolVersion();
    RO.Checks = allChecks();
    RO.Color = A.Format == "text" && useColor("auto", OS);
    writeReport(*parseOutputFormat(A.Format), Results, OS, RO);
    if (A.Format == "text") {
      OS << "gate: compared with " << A.Base << " ("
         << StringRef(BaseCommit).take_front(12) << "): " << Changed.size()
         << " changed policy file" << (Changed.size() == 1 ? "" : "s") << '\n';
      for (const PolicyOutcome &O : Outcomes) {
        OS << "  ";
        if (O.Invalid)
          OS << "INVALID " << O.display()
             << ": the policy has errors; it was not verified\n";
        else if (O.R.V == Verdict::Fail)
          OS << "FAIL    " << O.display() << ": grants new access"
             << groupCount(O) << "\n";
        else if (O.R.V == Verdict::Unknown)
          OS << "UNKNOWN " << O.display() << ": " << O.R.Reason << '\n';
        else if (!O.Allowed.empty())
          OS << "PASS    " << O.display()
             << ": no new access beyond the allowed actions ("
             << O.Allowed.front()->Reason << ")\n";
        else
          OS << "PASS    " << O.display() << ": no new access\n";
      }
      OS << "gate: "
         << (Fail      ? "failed"
             : Unknown ? "undecided"
                       : "passed")
         << '\n';
    }
  }
  if (outputFailed(FileOut ? *FileOut : outs(), "tollgate gate"))
    return CheckInputError;
  if (Internal)
    return CheckInternalError;
  if (InputError)
    return CheckInputError;
  return Fail ? CheckFail : Unknown ? CheckUnknown : CheckPass;
}

void Gate::writeMarkdown(raw_ostream &OS) {
  unsigned Failed = 0;
  for (const PolicyOutcome &O : Outcomes)
    Failed += O.R.V == Verdict::Fail || O.Invalid;
  unsigned Findings = 0, Omitted = 0;
  for (const FileFindings &F : Results) {
    for (const Diagnostic &D : F.Diags)
      Findings += D.Check != &NewAccess && D.Check != &NewAccessUnknown;
    Omitted += F.omitted();
  }
  Findings += Omitted;
  OS << "### tollgate gate: ";
  if (Failed)
    OS << Failed << (Failed == 1 ? " policy grants" : " policies grant")
       << " new access\n\n";
  else
    OS << "no new access\n\n";
  OS << "Compared with `" << A.Base << "` (`"
     << StringRef(BaseCommit).take_front(12) << "`): " << Changed.size()
     << " changed policy file" << (Changed.size() == 1 ? "" : "s") << ", "
     << Findings << " lint finding" << (Findings == 1 ? "" : "s") << ".\n\n";
  if (!Outcomes.empty()) {
    OS << "| Policy | Result |\n| --- | --- |\n";
    for (const PolicyOutcome &O : Outcomes) {
      OS << "| `" << O.display() << "` | ";
      if (O.Invalid)
        OS << ":x: has errors, not verified";
      else if (O.R.V == Verdict::Fail)
        OS << ":x: grants new access" << groupCount(O)
           << (O.New ? " (new policy)" : "");
      else if (O.R.V == Verdict::Unknown)
        OS << ":grey_question: undecided: " << O.R.Reason;
      else if (!O.Allowed.empty())
        OS << ":white_check_mark: no new access beyond the allowed ("
           << O.Allowed.front()->Reason << ")";
      else
        OS << ":white_check_mark: no new access";
      OS << " |\n";
    }
    OS << '\n';
  }
  for (const PolicyOutcome &O : Outcomes) {
    if (O.CexText.empty())
      continue;
    OS << "<details><summary><code>" << O.display() << "</code>: "
       << (O.Groups > 1 ? "a request of each group it newly allows"
                        : "a request it newly allows")
       << "</summary>\n\n```text\n"
       << O.CexText << "```\n\n</details>\n\n";
  }
  if (Findings) {
    OS << "#### Lint findings\n\n";
    for (const FileFindings &F : Results)
      for (const Diagnostic &D : F.Diags) {
        if (D.Check == &NewAccess || D.Check == &NewAccessUnknown)
          continue;
        OS << "- `" << (F.Source ? F.Source->name() : "");
        if (F.Source && F.Source->wasRead()) {
          Position P = F.Source->position(D.Range.Begin);
          OS << ":" << P.Line << ":" << P.Column;
        }
        OS << "` **" << severityName(D.Level) << "** " << D.Check->Code << " "
           << D.Check->Name << ": " << D.Message << "\n";
      }
    if (Omitted)
      OS << "\n"
         << Omitted << " more finding" << (Omitted == 1 ? " is" : "s are")
         << " not shown: at most " << A.MaxFindings
         << " per file (`--max-findings`).\n";
    OS << '\n';
  }
}

} // namespace

int runGateCommand(int Argc, const char **Argv) {
  Args A;
  if (!parseArgs(Argc, Argv, A, errs()))
    return CheckInputError;
  Gate G(A, errs());
  return G.run();
}

} // namespace tollgate
