//===- Load.cpp - Reading policy documents --------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Json/Reader.h"
#include "tollgate/Parse/Detect.h"
#include "tollgate/Parse/GrammarChecks.h"
#include "tollgate/Parse/Parser.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace tollgate {

bool LoadedPolicy::hasInputError() const {
  for (const Diagnostic &D : Diags)
    if (D.Check->IsInputError)
      return true;
  return false;
}

void printLoadError(const LoadedPolicy &L, StringRef Path, const Diagnostic &D,
                    raw_ostream &OS) {
  OS << (L.Source ? L.Source->name() : Path);
  if (L.Source && L.Source->wasRead()) {
    Position P = L.Source->position(D.Range.Begin);
    OS << ':' << P.Line << ':' << P.Column;
  }
  OS << ": error: " << D.Message;
  if (D.Check)
    OS << " [" << D.Check->Code << ' ' << D.Check->Name << ']';
  OS << '\n';
}

static Diagnostic makeDiagnostic(const CheckInfo &Check, Span Range,
                                 std::string Message) {
  Diagnostic D;
  D.Check = &Check;
  D.Level = Check.DefaultSeverity;
  D.Range = Range;
  D.Message = std::move(Message);
  return D;
}

static const CheckInfo &checkFor(json::ReadIssue::IssueKind K) {
  switch (K) {
  case json::ReadIssue::Syntax:
    return grammar::JsonSyntax;
  case json::ReadIssue::Encoding:
    return grammar::InvalidEncoding;
  case json::ReadIssue::TooDeep:
  case json::ReadIssue::NumberRange:
    return grammar::InputLimit;
  case json::ReadIssue::DuplicateKey:
    return grammar::DuplicateKey;
  }
  return grammar::JsonSyntax;
}

static LoadedPolicy inputError(StringRef Name, std::string Message) {
  LoadedPolicy Result;
  Result.Source = SourceFile::unread(Name.str());
  Result.Diags.push_back(
      makeDiagnostic(grammar::UnreadableFile, Span(), std::move(Message)));
  return Result;
}

static void addReadIssues(ArrayRef<json::ReadIssue> Issues,
                          std::vector<Diagnostic> &Diags) {
  for (const json::ReadIssue &I : Issues) {
    Diagnostic D = makeDiagnostic(checkFor(I.K), I.Range, I.Message);
    if (I.K == json::ReadIssue::DuplicateKey) {
      D.Message += "; IAM rejects or misreads duplicate keys, and JSON tools "
                   "silently keep only one of the values";
      D.Notes.push_back({I.Previous, "first defined here"});
    }
    Diags.push_back(std::move(D));
  }
}

/// Builds the IR of a document already read as JSON.
static LoadedPolicy loadRead(SourceFileRef Source, json::ReadResult Read,
                             const LoadOptions &Options) {
  LoadedPolicy Result;
  Result.Source = Source;
  addReadIssues(Read.Issues, Result.Diags);
  if (!Read.Doc)
    return Result;
  PolicyType Type;
  if (Options.Type) {
    Type = *Options.Type;
  } else {
    Type = detectPolicyType(Read.Doc->root(), Result.TypeReason);
    Result.TypeAssumed = true;
  }
  Result.P = parsePolicy(Read.Doc->root(), Result.Source, Type, Result.Diags);
  return Result;
}

/// Reads the file at \p Path into memory, or says why it cannot.
static bool readFile(StringRef Path, const LoadOptions &Options,
                     std::string &Text, LoadedPolicy &Error) {
  ReadOutcome Read = readBounded(Path, Options.MaxFileSize);
  if (!Read) {
    StringRef Name = Path == "-" ? StringRef("<stdin>") : Path;
    switch (Read.S) {
    case ReadOutcome::IsDirectory:
      Error = inputError(Name, "is a directory, not a policy file");
      break;
    case ReadOutcome::TooLarge:
      Error = inputError(Name, std::move(Read.Message));
      Error.Diags[0].Check = &grammar::InputLimit;
      break;
    default:
      Error = inputError(Name, "cannot read file: " + Read.Message);
    }
    return false;
  }
  Text = std::move(Read.Text);
  return true;
}

/// Splits `FILE#NAME` when FILE exists and the whole path does not.
static std::pair<StringRef, StringRef> splitSelector(StringRef Path) {
  size_t Hash = Path.rfind('#');
  if (Hash == StringRef::npos || Path == "-" || sys::fs::exists(Path))
    return {Path, ""};
  StringRef File = Path.take_front(Hash);
  if (File != "-" && !sys::fs::exists(File))
    return {Path, ""};
  return {File, Path.drop_front(Hash + 1)};
}

/// Picks the policy \p Selector names (or the only one) from \p All.
static LoadedPolicy pickPolicy(StringRef Path, StringRef Selector,
                               std::vector<LoadedPolicy> All) {
  // A template that cannot be read as a whole is refused whatever policy
  // is asked for.
  for (LoadedPolicy &L : All)
    if (!L.Embedded && !L.P && L.hasInputError())
      return std::move(L);
  if (All.size() == 1 && !All[0].P && All[0].Diags.empty())
    return inputError(Path, "the file holds no policy");
  if (All.size() == 1 && !All[0].Embedded && Selector.empty())
    return std::move(All[0]);
  if (All.size() == 1 && !All[0].P)
    return std::move(All[0]);
  std::vector<size_t> Matches;
  std::string Names;
  for (size_t I = 0; I < All.size(); ++I) {
    if (!All[I].Embedded)
      continue;
    const EmbeddedPolicy &E = *All[I].Embedded;
    Names += (Names.empty() ? "`" : ", `") + E.Name + "`";
    if (Selector.empty() || E.Name == Selector || E.Resource == Selector)
      Matches.push_back(I);
  }
  if (Matches.size() == 1)
    return std::move(All[Matches[0]]);
  LoadedPolicy R;
  R.Source = All[0].Source;
  std::string Message;
  if (Selector.empty())
    Message = "the template holds " + std::to_string(All.size()) +
              " policies; name one as `" + Path.str() + "#NAME` (" + Names +
              ")";
  else if (Matches.empty())
    Message = "the template holds no policy named `" + Selector.str() +
              "`; its policies are " + Names;
  else
    Message = "`" + Selector.str() + "` names " +
              std::to_string(Matches.size()) +
              " policies; give the full name of one";
  R.Diags.push_back(
      makeDiagnostic(grammar::UnreadableFile, Span(), std::move(Message)));
  return R;
}

/// pickPolicy(), keeping the notes on the file.
static LoadedPolicy selectPolicy(StringRef Path, StringRef Selector,
                                 std::vector<LoadedPolicy> All) {
  std::vector<std::string> Notes = std::move(All.front().FileNotes);
  LoadedPolicy L = pickPolicy(Path, Selector, std::move(All));
  L.FileNotes = std::move(Notes);
  return L;
}

LoadedPolicy loadPolicyFile(StringRef Path, const LoadOptions &Options) {
  auto [File, Selector] = splitSelector(Path);
  std::vector<LoadedPolicy> All = loadPolicies(File, Options);
  return selectPolicy(File == "-" ? StringRef("<stdin>") : File, Selector,
                      std::move(All));
}

std::vector<LoadedPolicy> loadPolicies(StringRef Path,
                                       const LoadOptions &Options) {
  std::string Text;
  LoadedPolicy Error;
  if (!readFile(Path, Options, Text, Error)) {
    std::vector<LoadedPolicy> R;
    R.push_back(std::move(Error));
    return R;
  }
  if (Path == "-" && Options.SkipNonPolicies) {
    LoadOptions Read = Options;
    Read.SkipNonPolicies = false;
    return loadPoliciesText("<stdin>", std::move(Text), Read);
  }
  StringRef Name = Path == "-" ? StringRef("<stdin>") : Path;
  return loadPoliciesText(Name, std::move(Text), Options);
}

/// The policies of template \p T, read from \p Source.
static std::vector<LoadedPolicy> templatePolicies(const Template &T,
                                                  SourceFileRef Source) {
  std::vector<LoadedPolicy> Out;
  if (T.SyntaxError) {
    LoadedPolicy L;
    L.Source = Source;
    const CheckInfo &Check = T.ErrorKind == Template::ReadError::TooDeep
                                 ? grammar::InputLimit
                             : T.ErrorKind == Template::ReadError::Encoding
                                 ? grammar::InvalidEncoding
                                 : grammar::YamlSyntax;
    L.Diags.push_back(
        makeDiagnostic(Check, T.ErrorRange,
                       "the " + templateKindName(T.Kind).str() +
                           " is not valid YAML: " + T.ErrorMessage));
    Out.push_back(std::move(L));
    return Out;
  }
  if (!T.Problems.empty()) {
    // The template as a whole cannot be read: an entry of its own that no
    // selection of one policy passes over.
    LoadedPolicy L;
    L.Source = Source;
    for (const TemplateProblem &P : T.Problems)
      L.Diags.push_back(
          makeDiagnostic(grammar::InvalidTemplate, P.Range, P.Message));
    Out.push_back(std::move(L));
  }
  auto Computed = std::make_shared<std::vector<ComputedSpan>>(T.Computed);
  auto Conditional =
      std::make_shared<std::vector<ConditionalSpan>>(T.Conditional);
  for (const TemplatePolicy &TP : T.Policies) {
    LoadedPolicy L;
    L.Source = Source;
    EmbeddedPolicy E;
    E.Kind = T.Kind;
    E.Name = TP.Name;
    E.Resource = TP.Resource;
    E.ResourceType = TP.ResourceType;
    E.NameRange = TP.NameRange;
    E.Synthesized = TP.Synthesized;
    E.Computed = Computed;
    E.Conditional = Conditional;
    E.ConditionNames = T.ConditionNames;
    L.Embedded = std::move(E);
    std::vector<Diagnostic> Diags;
    addReadIssues(TP.Issues, Diags);
    if (TP.Root)
      L.P = parsePolicy(*TP.Root, Source, TP.Type, Diags);
    placeEmbeddedFindings(L, Diags);
    L.Diags = std::move(Diags);
    Out.push_back(std::move(L));
  }
  if (Out.empty()) {
    LoadedPolicy L;
    L.Source = Source;
    Out.push_back(std::move(L));
  }
  Out.front().FileNotes = T.Notes;
  return Out;
}

std::vector<LoadedPolicy> loadPoliciesText(StringRef Name, std::string Text,
                                           const LoadOptions &Options) {
  std::vector<LoadedPolicy> Out;
  if (Text.size() >= (1ull << 32) - 1) {
    Out.push_back(inputError(Name, "input is larger than 4 GiB"));
    return Out;
  }
  auto Source = std::make_shared<SourceFile>(Name.str(), std::move(Text));
  StringRef T = Source->text();
  json::ReadResult Read = json::read(T);
  if (Options.SkipNonPolicies)
    if (std::optional<std::string> Why = notAPolicy(Name, T, Read)) {
      LoadedPolicy L;
      L.Source = Source;
      L.Skipped = std::move(Why);
      Out.push_back(std::move(L));
      return Out;
    }
  if (Read.Doc) {
    if (std::unique_ptr<Template> Tpl =
            readTemplate(T, Name, &Read.Doc->root(),
                         Options.LiteralPlaceholders, Options.Conditions))
      return templatePolicies(*Tpl, Source);
  } else {
    // Not JSON: a YAML template, if it is one.
    StringRef Start = T.ltrim();
    if (isTemplateFileName(Name) ||
        !(Start.startswith("{") || Start.startswith("[")))
      if (std::unique_ptr<Template> Tpl =
              readTemplate(T, Name, nullptr, Options.LiteralPlaceholders,
                           Options.Conditions))
        return templatePolicies(*Tpl, Source);
  }
  Out.push_back(loadRead(Source, std::move(Read), Options));
  return Out;
}

LoadedPolicy loadPolicyText(StringRef Name, std::string Text,
                            const LoadOptions &Options) {
  LoadedPolicy Result;
  if (Text.size() >= (1ull << 32) - 1)
    return inputError(Name, "input is larger than 4 GiB");
  auto Source = std::make_shared<SourceFile>(Name.str(), std::move(Text));
  json::ReadResult Read = json::read(Source->text());
  return loadRead(Source, std::move(Read), Options);
}

static bool within(Span Inner, Span Outer) {
  return Outer.Begin <= Inner.Begin && Inner.End <= Outer.End &&
         !(Inner.empty() && Inner.Begin == Outer.End && !Outer.empty());
}

static bool aboutVariableSyntax(const CheckInfo *C) {
  return C == &grammar::VariableNotAllowed ||
         C == &grammar::VariableInOldVersion || C == &grammar::InvalidVariable;
}

/// The conditions (name and value) under which the value at \p Range
/// exists, sorted.
static std::vector<std::pair<std::string, bool>>
conditionsOf(const EmbeddedPolicy &E, Span Range) {
  std::vector<std::pair<std::string, bool>> Out;
  if (E.Conditional)
    for (const ConditionalSpan &C : *E.Conditional)
      if (within(Range, C.Range))
        Out.push_back({C.Condition, C.Holds});
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

void placeEmbeddedFindings(const LoadedPolicy &L,
                           std::vector<Diagnostic> &Diags) {
  if (!L.Embedded)
    return;
  const EmbeddedPolicy &E = *L.Embedded;
  std::vector<Diagnostic> Kept;
  for (Diagnostic &D : Diags) {
    auto Conds = conditionsOf(E, D.Range);
    // A statement is redundant only if the one that covers it exists
    // whenever it does: under no condition it lacks.
    if (StringRef(D.Check->Name) == "redundant-statement" && !D.Notes.empty()) {
      auto Cover = conditionsOf(E, D.Notes.front().Range);
      if (!std::includes(Conds.begin(), Conds.end(), Cover.begin(),
                         Cover.end()))
        continue;
    }
    bool Computed = false;
    if (!D.Check->IsInputError && E.Computed)
      for (const ComputedSpan &C : *E.Computed)
        if (within(D.Range, C.Range) &&
            (C.Whole || aboutVariableSyntax(D.Check))) {
          Computed = true;
          break;
        }
    if (Computed)
      continue;
    // An ECR repository policy names no Resource: the repository is the
    // resource (Amazon ECR User Guide, "Repository policy examples").
    if (D.Check == &grammar::MissingResource &&
        (E.ResourceType == "AWS::ECR::Repository" ||
         E.ResourceType == "aws_ecr_repository_policy"))
      continue;
    std::string Note;
    if (E.Synthesized)
      Note = "in the resource-policy statement that `" + E.Name + "` (" +
             E.ResourceType + ") adds to its function";
    else
      Note = "in the " + (L.P ? policyTypeName(L.P->Type).str() : "") +
             " policy `" + E.Name + "`";
    D.Notes.push_back({E.NameRange, std::move(Note)});
    for (const auto &[Name, Holds] : Conds)
      D.Notes.push_back({D.Range, "this exists only when the condition `" +
                                      Name + "` is " +
                                      (Holds ? "true" : "false")});
    Kept.push_back(std::move(D));
  }
  Diags = std::move(Kept);
}

} // namespace tollgate
