//===- Reference.cpp - Shared helpers of the reference checks -------------===//

#include "Reference.h"
#include "CaseInsensitiveKey.h"
#include "RuleAnalysis.h"

#include "tollgate/Catalog/ArnFormat.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <memory>

using namespace llvm;

namespace tollgate {
namespace reference {

namespace {
/// A small memo of catalog answers that are costly to compute and asked
/// again and again across a corpus. Dropped when it grows large.
template <typename T> class Memo {
public:
  template <typename Fn> T get(StringRef Key, Fn Compute) {
    auto It = Map.find(Key);
    if (It != Map.end())
      return It->second;
    if (Map.size() > 4096)
      Map.clear();
    T Value = Compute();
    Map[Key] = Value;
    return Value;
  }

private:
  StringMap<T> Map;
};
} // namespace

static bool computeTagKeyWithoutTag(StringRef Key, const Catalog &Cat);

//===----------------------------------------------------------------------===//
// Per-statement facts
//===----------------------------------------------------------------------===//

namespace {
/// Case-insensitive hash lookups of services and actions. The linter asks
/// about every action entry of every policy, and a hash probe beats the
/// catalog's binary search by a wide margin. Names are hashed in place,
/// ignoring case, without a lower-cased copy. A service's actions are indexed
/// when a policy first names the service: a run over a few files touches a
/// few services of hundreds.
class NameIndex {
public:
  explicit NameIndex(const Catalog &Cat)
      : Cat(Cat), ActionsByService(Cat.services().size()) {
    Services.reserve(Cat.services().size());
    for (const ServiceInfo &S : Cat.services())
      Services[S.Prefix] = &S;
  }

  const ServiceInfo *service(StringRef Prefix) const {
    return Services.lookup(Prefix);
  }
  /// The action of \p Service (a service of the catalog) named \p FullName.
  const ActionInfo *action(const ServiceInfo &Service,
                           StringRef FullName) const {
    std::unique_ptr<ActionMap> &Actions =
        ActionsByService[&Service - Cat.services().data()];
    if (!Actions) {
      Actions = std::make_unique<ActionMap>();
      Actions->reserve(Service.Actions.size());
      for (const ActionInfo &A : Service.Actions)
        (*Actions)[A.FullName] = &A;
    }
    return Actions->lookup(FullName);
  }

private:
  using ActionMap = DenseMap<StringRef, const ActionInfo *, CaseInsensitiveKey>;
  const Catalog &Cat;
  DenseMap<StringRef, const ServiceInfo *, CaseInsensitiveKey> Services;
  mutable std::vector<std::unique_ptr<ActionMap>> ActionsByService;
};

} // namespace

namespace {
/// The catalog's ARN formats of one service field, taken apart when a policy
/// first names the service: a run over a few files touches a few services of
/// hundreds.
class ArnFormatIndex {
public:
  explicit ArnFormatIndex(const Catalog &Cat) : Cat(Cat) {}

  ArrayRef<ArnFormatInfo> lookup(StringRef Service) const {
    auto [It, Inserted] = ByService.try_emplace(Service);
    if (Inserted)
      for (const ArnFormatRef &Ref : Cat.arnFormatsOfService(Service)) {
        ArnFields F = splitArnFields(Ref.Format);
        ArnFormatInfo Info;
        Info.Type = Ref.Type;
        Info.Format = Ref.Format;
        Info.Region = F.region();
        Info.Account = F.account();
        Info.Resource = F.resource();
        It->second.push_back(Info);
      }
    return It->second;
  }

private:
  const Catalog &Cat;
  mutable StringMap<std::vector<ArnFormatInfo>> ByService;
};
} // namespace

namespace {
struct FormatMatch {
  bool ServiceKnown = false;
  SmallVector<const ArnFormatInfo *, 4> Formats;
};
} // namespace

/// The reference checks' share of a run's RuleAnalysis.
class ReferenceCache {
public:
  explicit ReferenceCache(const Catalog &Cat)
      : Cat(Cat), Names(Cat), ArnFormats(Cat) {}

  const Catalog &Cat;
  const NameIndex Names;
  const ArnFormatIndex ArnFormats;
  // The same ARNs, keys and misspellings recur across the statements and
  // versions of policies.
  Memo<FormatMatch> FormatMatches;
  Memo<const ConditionKeyInfo *> ConditionKeys;
  Memo<std::optional<StringRef>> ServiceSuggestions;
  Memo<std::optional<StringRef>> ActionSuggestions;
  Memo<bool> TagKeysWithoutTag;
  /// Per service of the catalog, the tag key families it lists.
  DenseMap<const ServiceInfo *, unsigned> TagKeySupport;
  /// The facts of the statements of the policy being checked, computed on
  /// first request: every rule asks about every statement.
  const Policy *P = nullptr;
  std::vector<std::unique_ptr<StatementFacts>> Statements;
};

void ReferenceCacheDeleter::operator()(ReferenceCache *C) const { delete C; }

std::unique_ptr<ReferenceCache, ReferenceCacheDeleter>
makeReferenceCache(const Catalog &Cat) {
  return std::unique_ptr<ReferenceCache, ReferenceCacheDeleter>(
      new ReferenceCache(Cat));
}

void beginPolicy(ReferenceCache &C, const Policy &P) {
  C.P = &P;
  C.Statements.clear();
  C.Statements.resize(P.Statements.size());
}

/// True if some action of \p Service has a name that the wildcard pattern
/// \p Name matches.
static bool anyActionMatches(const ServiceInfo &Service, StringRef Name) {
  if (Name == "*")
    return !Service.Actions.empty();
  // The names that start with the pattern's literal prefix are contiguous
  // in the sorted table.
  StringRef Literal = Name.take_front(findWildcard(Name));
  const ActionInfo *It =
      std::lower_bound(Service.Actions.begin(), Service.Actions.end(), Literal,
                       [](const ActionInfo &A, StringRef L) {
                         return A.Name.compare_insensitive(L) < 0;
                       });
  Pattern P = Pattern::parse(Name, CaseMode::Insensitive);
  for (;
       It != Service.Actions.end() && It->Name.startswith_insensitive(Literal);
       ++It)
    if (P.matches(It->Name))
      return true;
  return false;
}

static void classifyPatterns(const Statement &S, const NameIndex &Names,
                             StatementFacts &F) {
  F.Negated = S.Action.Negated;
  F.Patterns.reserve(S.Action.Patterns.size());
  const ServiceInfo *Previous = nullptr;
  for (const ActionPattern &A : S.Action.Patterns) {
    StringRef Text = A.Text;
    size_t Colon = Text.find(':');
    if (Colon == StringRef::npos) {
      PatternStatus St = hasWildcard(Text) ? PatternStatus::WildcardService
                                           : PatternStatus::NoPrefix;
      F.Patterns.push_back(St);
      if (St == PatternStatus::WildcardService)
        F.WildcardService = true;
      else
        F.AnyUnknown = true;
      continue;
    }
    StringRef ServicePart = Text.take_front(Colon);
    StringRef NamePart = Text.drop_front(Colon + 1);
    if (hasWildcard(ServicePart)) {
      F.Patterns.push_back(PatternStatus::WildcardService);
      F.WildcardService = true;
      continue;
    }
    // Consecutive entries usually share their service.
    const ServiceInfo *Service =
        Previous && CaseInsensitiveKey::equalsIgnoringCase(Previous->Prefix,
                                                           ServicePart)
            ? Previous
            : Names.service(ServicePart);
    Previous = Service;
    if (!Service) {
      F.Patterns.push_back(PatternStatus::UnknownService);
      F.AnyUnknown = true;
      continue;
    }
    F.Services.push_back(Service);
    bool Wild = hasWildcard(NamePart);
    // An action name holds no colon, so a pattern with a second colon
    // matches nothing.
    bool Matches = !NamePart.contains(':') &&
                   (Wild ? anyActionMatches(*Service, NamePart)
                         : Names.action(*Service, Text) != nullptr);
    if (Matches) {
      F.Patterns.push_back(PatternStatus::Known);
      continue;
    }
    F.Patterns.push_back(Wild ? PatternStatus::NoMatch
                              : PatternStatus::UnknownAction);
    F.AnyUnknown = true;
  }
  // The catalog keeps its services in an array, so address order is
  // catalog order.
  llvm::sort(F.Services);
  F.Services.erase(std::unique(F.Services.begin(), F.Services.end()),
                   F.Services.end());
}

ArrayRef<const ActionInfo *> StatementFacts::actions() const {
  if (Expanded)
    return Actions;
  Expanded = true;
  for (size_t I = 0; I < S->Action.Patterns.size(); ++I)
    if (Patterns[I] == PatternStatus::Known)
      Cat->forEachMatchingAction(
          S->Action.Patterns[I].Text,
          [&](const ActionInfo &Action) { Actions.push_back(&Action); });
  llvm::sort(Actions);
  Actions.erase(std::unique(Actions.begin(), Actions.end()), Actions.end());
  return Actions;
}

static FormatMatch matchFormats(const ArnFormatIndex &Index, StringRef Marked) {
  FormatMatch Result;
  ArnFields Fields = splitArnFields(Marked);
  if (!Fields.complete() || Fields.prefix() != "arn" ||
      isOpen(Fields.service()))
    return Result;
  ArrayRef<ArnFormatInfo> All = Index.lookup(Fields.service());
  Result.ServiceKnown = !All.empty();
  std::string ResourceGlob = markedToGlob(Fields.resource());
  for (const ArnFormatInfo &F : All)
    if (resourcePartCanMatch(ResourceGlob, F))
      Result.Formats.push_back(&F);
  return Result;
}

void ResourceFacts::compute() const {
  if (Computed)
    return;
  Computed = true;
  FormatMatch Match = Cache->FormatMatches.get(
      Marked, [&] { return matchFormats(Cache->ArnFormats, Marked); });
  ServiceKnown = Match.ServiceKnown;
  Formats = std::move(Match.Formats);
}

std::unique_ptr<StatementFacts> computeFacts(const Statement &S,
                                             ReferenceCache &Cache) {
  auto F = std::make_unique<StatementFacts>();
  classifyPatterns(S, Cache.Names, *F);
  F->Keys.reserve(S.Conditions.size());
  for (const Condition &C : S.Conditions)
    F->Keys.push_back(
        C.Key.empty() ? nullptr : Cache.ConditionKeys.get(C.Key, [&] {
          return lookupConditionKey(Cache.Cat, C.Key);
        }));
  F->Resources.resize(S.Resource.Patterns.size());
  for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
    F->Resources[I].Marked = markVariables(S.Resource.Patterns[I].Text);
    F->Resources[I].Cache = &Cache;
  }
  return F;
}

const StatementFacts &statementFacts(const Statement &S, RuleContext &Ctx) {
  ReferenceCache &Cache = Ctx.analysis().referenceCache();
  const Policy &P = Ctx.policy();
  assert(Cache.P == &P && "the run did not begin this policy");
  assert(&S >= P.Statements.data() &&
         &S < P.Statements.data() + P.Statements.size() &&
         "statement of another policy");
  size_t Index = static_cast<size_t>(&S - P.Statements.data());
  std::unique_ptr<StatementFacts> &F = Cache.Statements[Index];
  if (!F) {
    F = computeFacts(S, Cache);
    F->S = &S;
    F->Cat = &Cache.Cat;
  }
  return *F;
}

const ConditionKeyInfo *lookupConditionKey(const Catalog &Cat, StringRef Key) {
  if (const ConditionKeyInfo *Info = Cat.conditionKey(Key))
    return Info;
  size_t Colon = Key.find(':');
  size_t Slash = Key.find('/', Colon == StringRef::npos ? 0 : Colon);
  if (Colon == StringRef::npos || Slash == StringRef::npos ||
      Slash + 1 == Key.size())
    return nullptr;
  StringRef Family = Key.take_front(Slash + 1);
  const ConditionKeyInfo *Info = Cat.conditionKey((Family + "tag-key").str());
  if (!Info)
    Info = Cat.conditionKey(Family);
  return Info;
}

std::optional<StringRef> suggestConditionKey(const Catalog &Cat,
                                             StringRef Key) {
  std::optional<StringRef> Fix = Cat.suggestConditionKey(Key);
  if (!Fix)
    return std::nullopt;
  StringRef Prefix = Key.take_until([](char C) { return C == ':'; });
  StringRef FixPrefix = Fix->take_until([](char C) { return C == ':'; });
  if (Prefix.equals_insensitive(FixPrefix) ||
      (!Prefix.equals_insensitive("aws") && !Cat.service(Prefix)))
    return Fix;
  return std::nullopt;
}

StringRef catalogDate(const Catalog &Cat) {
  return Cat.dataDate().take_until([](char C) { return C == 'T'; });
}

//===----------------------------------------------------------------------===//
// Strings with policy variables
//===----------------------------------------------------------------------===//

std::string markVariables(StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '$' && I + 1 < Text.size() && Text[I + 1] == '{') {
      size_t Close = Text.find('}', I + 2);
      if (Close != StringRef::npos) {
        Out.push_back(VariableMark);
        I = Close;
        continue;
      }
    }
    Out.push_back(Text[I]);
  }
  return Out;
}

std::string markedToGlob(StringRef Marked) {
  std::string Out = Marked.str();
  std::replace(Out.begin(), Out.end(), VariableMark, '*');
  return Out;
}

bool hasLiteralWildcard(const PolicyString &S) {
  if (S.Parts.empty())
    return hasWildcard(S.Text);
  return any_of(S.Parts, [](const StringPart &P) {
    return P.K == StringPart::Text && hasWildcard(P.Value);
  });
}

//===----------------------------------------------------------------------===//
// ARNs
//===----------------------------------------------------------------------===//

ArnFields ResourceFacts::fields() const {
  if (!Split) {
    ArnFields F = splitArnFields(Marked);
    FieldCount = static_cast<uint8_t>(F.Count);
    for (unsigned I = 0; I < F.Count; ++I)
      FieldSpans[I] = {static_cast<uint32_t>(F.Field[I].data() - Marked.data()),
                       static_cast<uint32_t>(F.Field[I].size())};
    Split = true;
  }
  ArnFields F;
  F.Count = FieldCount;
  for (unsigned I = 0; I < FieldCount; ++I)
    F.Field[I] =
        StringRef(Marked).substr(FieldSpans[I].first, FieldSpans[I].second);
  return F;
}

ArnFields splitArnFields(StringRef Marked) {
  ArnFields F;
  StringRef Rest = Marked;
  while (F.Count < 5) {
    size_t Colon = Rest.find(':');
    if (Colon == StringRef::npos)
      break;
    F.Field[F.Count++] = Rest.take_front(Colon);
    Rest = Rest.drop_front(Colon + 1);
  }
  F.Field[F.Count++] = Rest;
  return F;
}

ArrayRef<ArnFormatInfo> arnFormatsForService(RuleContext &Ctx,
                                             StringRef ArnService) {
  return Ctx.analysis().referenceCache().ArnFormats.lookup(ArnService);
}

/// The leading characters of \p S before any of \p Stops.
static StringRef literalPrefix(StringRef S, StringRef Stops) {
  // A plain loop: find_first_of builds a character set on every call.
  for (size_t I = 0, E = S.size(); I != E; ++I)
    for (char Stop : Stops)
      if (S[I] == Stop)
        return S.take_front(I);
  return S;
}

bool resourcePartCanMatch(StringRef ResourceGlob, const ArnFormatInfo &F) {
  // Most formats differ from the pattern in their first literal characters
  // (`instance/` against `volume/`); tell those apart before building atoms.
  StringRef A = literalPrefix(ResourceGlob, "*?");
  StringRef B = literalPrefix(F.Resource, "$*?<");
  size_t N = std::min(A.size(), B.size());
  if (A.take_front(N) != B.take_front(N))
    return false;
  // Compare whole ARNs so that the placeholder rules of ArnFormat.h apply
  // exactly as they do elsewhere; the leading fields are wildcards here, so
  // only the resource parts decide.
  SmallString<128> Pattern("arn:*:*:*:*:");
  Pattern += ResourceGlob;
  SmallString<128> Format("arn:*:*:*:*:");
  Format += F.Resource;
  return arnPatternCanMatchFormat(Pattern, Format);
}

ArrayRef<StringRef> knownPartitions() {
  static const StringRef Partitions[] = {"aws",       "aws-cn",    "aws-us-gov",
                                         "aws-iso",   "aws-iso-b", "aws-iso-e",
                                         "aws-iso-f", "aws-eusc"};
  return Partitions;
}

bool isPartitionLike(StringRef Partition) {
  if (Partition.contains(VariableMark))
    return true;
  return any_of(knownPartitions(),
                [&](StringRef Known) { return globMatch(Partition, Known); });
}

bool isRegionName(StringRef Region) {
  // ll(-word)+-digits
  if (Region.size() < 6 || !isLowerAscii(Region[0]) ||
      !isLowerAscii(Region[1]) || Region[2] != '-')
    return false;
  StringRef Rest = Region.drop_front(3);
  size_t LastDash = Rest.rfind('-');
  if (LastDash == StringRef::npos || LastDash == 0)
    return false;
  StringRef Number = Rest.drop_front(LastDash + 1);
  if (Number.empty() || !all_of(Number, isDigit))
    return false;
  SmallVector<StringRef, 4> Words;
  Rest.take_front(LastDash).split(Words, '-');
  return all_of(Words, [](StringRef W) {
    return !W.empty() && all_of(W, [](char C) { return isLowerAscii(C); });
  });
}

bool isAccountId(StringRef S) { return S.size() == 12 && all_of(S, isDigit); }

bool canBeAccountId(StringRef Account) {
  size_t Fixed = 0;
  bool Open = false;
  for (char C : Account) {
    if (C == '*' || C == VariableMark)
      Open = true;
    else if (C == '?' || isDigit(C))
      ++Fixed;
    else
      return false;
  }
  return Open ? Fixed <= 12 : Fixed == 12;
}

//===----------------------------------------------------------------------===//
// Condition operators, keys and values
//===----------------------------------------------------------------------===//

ArrayRef<StringRef> allOperatorNames() {
  static const std::vector<std::string> Storage = [] {
    std::vector<std::string> Names;
    static const char *const Bases[] = {
#define X(Name, Family, Negated) #Name,
        TOLLGATE_CONDITION_OPERATORS(X)
#undef X
    };
    for (const char *Qualifier : {"", "ForAllValues:", "ForAnyValue:"})
      for (StringRef Base : Bases) {
        Names.push_back((Qualifier + Base).str());
        if (Base != "Null")
          Names.push_back((Qualifier + Base + "IfExists").str());
      }
    return Names;
  }();
  static const std::vector<StringRef> Names(Storage.begin(), Storage.end());
  return Names;
}

const char *familyName(OperatorFamily F) {
  switch (F) {
  case OperatorFamily::String:
    return "String";
  case OperatorFamily::Numeric:
    return "Numeric";
  case OperatorFamily::Date:
    return "Date";
  case OperatorFamily::Bool:
    return "Bool";
  case OperatorFamily::Binary:
    return "Binary";
  case OperatorFamily::Ip:
    return "IP address";
  case OperatorFamily::Arn:
    return "ARN";
  case OperatorFamily::Null:
    return "Null";
  case OperatorFamily::Unknown:
    break;
  }
  return "unknown";
}

bool isFederationKey(StringRef Key) {
  StringRef Prefix = Key.take_until([](char C) { return C == ':'; });
  // Web identity providers are named by host (and path), SAML by `saml`.
  return Prefix.contains('.') || Prefix.contains('/') ||
         Prefix.equals_insensitive("saml");
}

bool isUniqueId(StringRef S) {
  return S.size() >= 16 && all_of(S.take_front(4), isUpperAscii) &&
         all_of(S.drop_front(4),
                [](char C) { return isUpperAscii(C) || isDigit(C); });
}

bool hasKeyFormat(StringRef Key) {
  size_t Colon = Key.find(':');
  return Colon != StringRef::npos && Colon != 0 && Colon + 1 != Key.size();
}

/// Prefixes people write for services whose IAM prefix is another word.
/// Edit distance finds `ecr` for `emr`; this table finds what was meant.
static std::optional<StringRef> knownPrefixAlias(StringRef Prefix) {
  return StringSwitch<std::optional<StringRef>>(Prefix.lower())
      .Case("emr", StringRef("elasticmapreduce"))
      .Cases("elb", "elbv2", "elasticloadbalancingv2",
             StringRef("elasticloadbalancing"))
      .Cases("cloudwatchlogs", "cloudwatch-logs", StringRef("logs"))
      .Case("stepfunctions", StringRef("states"))
      .Case("eventbridge", StringRef("events"))
      .Default(std::nullopt);
}

std::optional<StringRef> suggestService(RuleContext &Ctx, StringRef Prefix) {
  const Catalog &Cat = Ctx.catalog();
  Memo<std::optional<StringRef>> &M =
      Ctx.analysis().referenceCache().ServiceSuggestions;
  return M.get(Prefix, [&]() -> std::optional<StringRef> {
    if (std::optional<StringRef> Alias = knownPrefixAlias(Prefix))
      if (const ServiceInfo *S = Cat.service(*Alias))
        return S->Prefix;
    return Cat.suggestService(Prefix);
  });
}

/// The leading verb of an action name: `Describe` in `DescribeVpcs`, `list`
/// in `listBuckets`.
static StringRef verbOf(StringRef Name) {
  size_t End = 1;
  while (End < Name.size() && !isUpperAscii(Name[End]) && Name[End] != ' ')
    ++End;
  return Name.take_front(End);
}

/// Verbs that begin many action names. A misspelled verb (`Pas` for
/// `Pass`) may be corrected; a correctly spelled one is never swapped for
/// another (`Get` for `Set`).
static bool isCommonVerb(StringRef Verb) {
  static const StringRef Verbs[] = {
      "Accept",       "Add",     "Associate",  "Attach",   "Batch",  "Cancel",
      "Create",       "Delete",  "Deregister", "Describe", "Detach", "Disable",
      "Disassociate", "Enable",  "Export",     "Get",      "Import", "Invoke",
      "List",         "Modify",  "Put",        "Register", "Reject", "Remove",
      "Reset",        "Restore", "Run",        "Search",   "Send",   "Set",
      "Start",        "Stop",    "Tag",        "Untag",    "Update"};
  return any_of(Verbs, [&](StringRef V) { return V.equals_insensitive(Verb); });
}

std::optional<StringRef> suggestAction(RuleContext &Ctx, StringRef FullName) {
  const Catalog &Cat = Ctx.catalog();
  Memo<std::optional<StringRef>> &M =
      Ctx.analysis().referenceCache().ActionSuggestions;
  return M.get(FullName, [&]() -> std::optional<StringRef> {
    std::optional<StringRef> Fix = Cat.suggestAction(FullName);
    if (!Fix)
      return std::nullopt;
    // A suggestion with another verb changes what the policy does
    // (`GetPermissionsPolicy` is not `PutPermissionsPolicy`), and one that
    // changes much of a short name is a guess (`ListHapgs` is not
    // `ListTags`); neither is offered.
    StringRef Name = FullName.split(':').second.trim();
    StringRef FixName = Fix->split(':').second;
    StringRef Verb = verbOf(Name);
    size_t NounLength = Name.size() - Verb.size();
    unsigned Limit = std::min<size_t>(2, std::max<size_t>(1, NounLength / 3));
    StringRef FixVerb = verbOf(FixName);
    bool SameVerb =
        Verb.equals_insensitive(FixVerb) ||
        (!isCommonVerb(Verb) &&
         StringRef(Verb.lower()).edit_distance(FixVerb.lower()) <= 1);
    if (!SameVerb ||
        StringRef(Name.lower()).edit_distance(FixName.lower()) > Limit)
      return std::nullopt;
    return Fix;
  });
}

bool isTagKeyWithoutTag(StringRef Key, RuleContext &Ctx) {
  return Ctx.analysis().referenceCache().TagKeysWithoutTag.get(
      Key, [&] { return computeTagKeyWithoutTag(Key, Ctx.catalog()); });
}

static bool computeTagKeyWithoutTag(StringRef Key, const Catalog &Cat) {
  if (lookupConditionKey(Cat, Key))
    return false;
  StringRef Base = Key;
  Base.consume_back("/");
  if (Base.empty() || Base.back() == '/')
    return false;
  // A key family whose name continues with `/` and a placeholder.
  std::string Probe = (Base + "/x").str();
  const ConditionKeyInfo *Family = Cat.conditionKey(Probe);
  if (!Family || !Family->Template || Family->Name.size() <= Base.size() + 1)
    return false;
  StringRef Rest = Family->Name.drop_front(Base.size() + 1);
  return Family->Name.take_front(Base.size()).equals_insensitive(Base) &&
         Family->Name[Base.size()] == '/' &&
         (Rest.startswith("${") || Rest.startswith("<"));
}

TagKeyFamily tagKeyFamily(StringRef Key) {
  if (Key.size() > 16 &&
      Key.take_front(16).equals_insensitive("aws:ResourceTag/"))
    return TagKeyFamily::ResourceTag;
  if (Key.size() > 15 &&
      Key.take_front(15).equals_insensitive("aws:RequestTag/"))
    return TagKeyFamily::RequestTag;
  if (Key.equals_insensitive("aws:TagKeys"))
    return TagKeyFamily::TagKeys;
  return TagKeyFamily::None;
}

StringRef tagKeyFamilyName(TagKeyFamily Family) {
  switch (Family) {
  case TagKeyFamily::ResourceTag:
    return "aws:ResourceTag/${TagKey}";
  case TagKeyFamily::RequestTag:
    return "aws:RequestTag/${TagKey}";
  case TagKeyFamily::TagKeys:
    return "aws:TagKeys";
  case TagKeyFamily::None:
    break;
  }
  return "";
}

/// The tag key families that \p S lists anywhere, one bit per family.
static unsigned tagKeyFamilies(const ServiceInfo &S) {
  unsigned Bits = 0;
  auto Note = [&](ArrayRef<StringRef> Keys) {
    for (StringRef K : Keys)
      if (TagKeyFamily F = tagKeyFamily(K); F != TagKeyFamily::None)
        Bits |= 1u << unsigned(F);
  };
  for (const ResourceTypeInfo &T : S.ResourceTypes)
    Note(T.ConditionKeys);
  for (const ActionInfo &A : S.Actions) {
    Note(A.ConditionKeys);
    for (const ActionResource &R : A.Resources)
      Note(R.ConditionKeys);
  }
  return Bits;
}

bool serviceSupportsTagKey(const ServiceInfo &Service, TagKeyFamily Family,
                           RuleContext &Ctx) {
  DenseMap<const ServiceInfo *, unsigned> &Known =
      Ctx.analysis().referenceCache().TagKeySupport;
  auto [It, New] = Known.try_emplace(&Service, 0);
  if (New)
    It->second = tagKeyFamilies(Service);
  return It->second & (1u << unsigned(Family));
}

std::optional<bool> trueWhenKeyAbsent(const Condition &C) {
  if (C.Op == ConditionOp::Null || C.Op == ConditionOp::Unknown)
    return std::nullopt;
  return C.IfExists || C.Qualifier == SetQualifier::ForAllValues ||
         isNegatedOperator(C.Op);
}

bool isPrivateNetwork(const IpNetwork &Net) {
  struct Range {
    bool V6;
    uint8_t Bytes[16];
    unsigned Prefix;
  };
  static const Range Ranges[] = {
      {false, {10}, 8},         // RFC 1918
      {false, {172, 16}, 12},   // RFC 1918
      {false, {192, 168}, 16},  // RFC 1918
      {false, {127}, 8},        // loopback
      {false, {169, 254}, 16},  // link-local
      {false, {100, 64}, 10},   // shared address space (RFC 6598)
      {true, {0xfc}, 7},        // unique local
      {true, {0xfe, 0x80}, 10}, // link-local
      {true, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128}, // ::1
  };
  for (const Range &R : Ranges) {
    if (R.V6 != Net.V6 || Net.Prefix < R.Prefix)
      continue;
    IpNetwork Outer;
    Outer.V6 = R.V6;
    std::copy(std::begin(R.Bytes), std::end(R.Bytes), Outer.Bytes.begin());
    Outer.Prefix = R.Prefix;
    if (Outer.contains(Net))
      return true;
  }
  return false;
}

} // namespace reference
} // namespace tollgate
