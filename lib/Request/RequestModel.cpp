//===- RequestModel.cpp - The requests AWS can send -----------------------===//

#include "tollgate/Request/RequestModel.h"
#include "tollgate/Catalog/ArnFormat.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

using namespace llvm;

namespace tollgate {
namespace request {

std::optional<ModelKind> parseModelKind(StringRef Name) {
  if (Name == "realistic")
    return ModelKind::Realistic;
  if (Name == "textual")
    return ModelKind::Textual;
  return std::nullopt;
}

ArrayRef<DefaultKey> alwaysPresentKeys() {
  // Availability: "This key is always included in the request context."
  static const DefaultKey Keys[] = {
      {"aws:CurrentTime", "2026-01-01T00:00:00Z"},
      {"aws:EpochTime", "1767225600"},
      {"aws:RequestedRegion", "us-east-1"},
      {"aws:SecureTransport", "true"},
      {"aws:UserAgent", "aws-cli/2.15.0"},
      {"aws:ViaAWSService", "false"},
  };
  return Keys;
}

/// The keys callerValue() speaks of (aws:PrincipalTag/... aside), as AWS
/// spells them.
static const char *const CallerKeys[] = {"aws:PrincipalArn",
                                         "aws:PrincipalAccount",
                                         "aws:PrincipalType",
                                         "aws:username",
                                         "aws:userid",
                                         "aws:PrincipalIsAWSService",
                                         "aws:PrincipalServiceName",
                                         "aws:PrincipalServiceNamesList",
                                         "aws:PrincipalOrgID",
                                         "aws:PrincipalOrgPaths",
                                         "aws:MultiFactorAuthAge",
                                         "aws:MultiFactorAuthPresent",
                                         "aws:TokenIssueTime",
                                         "aws:SourceIdentity",
                                         "aws:FederatedProvider"};

static ValueType valueType(ConditionKeyType T) {
  switch (T) {
  case ConditionKeyType::String:
    return ValueType::String;
  case ConditionKeyType::ARN:
    return ValueType::Arn;
  case ConditionKeyType::Numeric:
    return ValueType::Numeric;
  case ConditionKeyType::Date:
    return ValueType::Date;
  case ConditionKeyType::Bool:
    return ValueType::Bool;
  case ConditionKeyType::IPAddress:
    return ValueType::Ip;
  case ConditionKeyType::Binary:
    return ValueType::Binary;
  }
  return ValueType::String;
}

/// `aws:PrincipalTag/${TagKey}` asked as `aws:principaltag/Team` reads
/// `aws:PrincipalTag/Team`: the documented text before the placeholder, the
/// asked text after it.
static std::string spell(StringRef Documented, StringRef Key) {
  size_t Hole = Documented.find_first_of("$<");
  if (Hole == StringRef::npos)
    return Documented.str();
  if (Key.size() < Hole)
    return Key.str();
  return (Documented.take_front(Hole) + Key.drop_front(Hole)).str();
}

const KeyFacts &RequestModel::facts(StringRef Key) const {
  auto [It, New] = Facts.try_emplace(Key);
  KeyFacts &F = It->second;
  if (!New)
    return F;
  F.Spelling = Key.str();
  F.ServiceKey = !Key.startswith_insensitive("aws:");
  for (const DefaultKey &D : alwaysPresentKeys())
    if (Key.equals_insensitive(D.Name))
      F.AlwaysPresent = true;
  const ConditionKeyInfo *Info = Cat.conditionKey(Key);
  if (!Info)
    return F;
  F.Known = true;
  F.Type = valueType(Info->Type);
  F.MultiValued = Info->MultiValued;
  F.Spelling = spell(Info->Name, Key);
  return F;
}

/// The last `/`-separated part of \p Arn.
static StringRef lastSegment(StringRef Arn) {
  return Arn.rsplit('/').second.empty() ? Arn : Arn.rsplit('/').second;
}

std::optional<CallerValue> RequestModel::callerValue(StringRef Key,
                                                     const Caller &C) const {
  using K = CallerValue;
  auto fixed = [](std::string V) {
    return CallerValue{K::Fixed, std::move(V)};
  };
  auto shaped = [](std::string V) {
    return CallerValue{K::Shaped, std::move(V)};
  };
  const CallerValue Absent{K::Absent, ""}, Free{K::Free, ""};
  std::string Folded = Key.lower();
  CallerKind Kind = C.Kind;
  bool Anonymous = Kind == CallerKind::Anonymous;
  // Service principals and identity providers are documented for few keys.
  bool Unsigned =
      Kind == CallerKind::Service || Kind == CallerKind::FederatedProvider;

  if (Folded == "aws:principalarn") {
    if (Anonymous)
      return Absent;
    if (Unsigned)
      return Free;
    if (Kind == CallerKind::RoleSession)
      return fixed(C.parentArn());
    return fixed(C.Id);
  }
  if (Folded == "aws:principalaccount") {
    // "For anonymous requests, the request context returns anonymous."
    if (Anonymous)
      return fixed("anonymous");
    return Unsigned ? Free : fixed(C.Account);
  }
  if (Folded == "aws:principaltype") {
    switch (Kind) {
    case CallerKind::Anonymous:
      return fixed("Anonymous");
    case CallerKind::Root:
      return fixed("Account");
    case CallerKind::User:
      return fixed("User");
    case CallerKind::Role:
    case CallerKind::RoleSession:
      return fixed("AssumedRole");
    case CallerKind::FederatedUser:
      return fixed("FederatedUser");
    case CallerKind::Service:
    case CallerKind::FederatedProvider:
      return Free;
    }
  }
  if (Folded == "aws:username")
    return Kind == CallerKind::User ? fixed(lastSegment(C.Id).str()) : Absent;
  if (Folded == "aws:userid") {
    switch (Kind) {
    case CallerKind::Anonymous:
      return fixed("anonymous");
    case CallerKind::Root:
      return fixed(C.Account);
    case CallerKind::User:
      return shaped("AIDA*");
    case CallerKind::Role:
      return shaped("AROA*:*");
    case CallerKind::RoleSession:
      return shaped(("AROA*:" + lastSegment(C.Id)).str());
    case CallerKind::FederatedUser:
      return fixed((C.Account + ":" + lastSegment(C.Id)).str());
    case CallerKind::Service:
    case CallerKind::FederatedProvider:
      return Free;
    }
  }
  if (Folded == "aws:principalisawsservice") {
    if (Anonymous)
      return Absent;
    if (Kind == CallerKind::Service)
      return fixed("true");
    return Kind == CallerKind::FederatedProvider ? Free : fixed("false");
  }
  if (Folded == "aws:principalservicename")
    return Kind == CallerKind::Service ? fixed(C.Id) : Absent;
  if (Folded == "aws:principalservicenameslist")
    return Kind == CallerKind::Service ? Free : Absent;
  static const char *const SignedOnly[] = {
      "aws:principalorgid",     "aws:principalorgpaths",
      "aws:multifactorauthage", "aws:multifactorauthpresent",
      "aws:tokenissuetime",     "aws:sourceidentity",
      "aws:federatedprovider"};
  for (const char *S : SignedOnly)
    if (Folded == S)
      return Anonymous ? Absent : Free;
  // "included in the request context if the principal is using an IAM
  // user with attached tags ... an IAM role with attached tags or session
  // tags": the root user, service principals and identity providers carry
  // none.
  if (StringRef(Folded).startswith("aws:principaltag/"))
    return Anonymous || Unsigned || Kind == CallerKind::Root ? Absent : Free;
  return std::nullopt;
}

ArrayRef<std::optional<CallerValue>>
RequestModel::callerKeyValues(const Caller &C) const {
  // callerValue() reads the caller's kind, ARN and account; compared in
  // place, as this runs for every request completed or checked.
  if (Values.empty() || C.Kind != ValuesFor.Kind || C.Id != ValuesFor.Id ||
      C.Account != ValuesFor.Account) {
    Values.clear();
    for (const char *K : CallerKeys)
      Values.push_back(callerValue(K, C));
    ValuesFor = C;
  }
  return Values;
}

bool RequestModel::restores(StringRef Key, const Caller &C) const {
  if (facts(Key).AlwaysPresent)
    return true;
  ArrayRef<std::optional<CallerValue>> Given = callerKeyValues(C);
  for (size_t I = 0; I < Given.size(); ++I)
    if (Key.equals_insensitive(CallerKeys[I]))
      return Given[I] && (Given[I]->K == CallerValue::Fixed ||
                          Given[I]->K == CallerValue::Shaped);
  return false;
}

bool RequestModel::keyReaches(const ActionInfo *Action, StringRef Key) const {
  if (!Action || Key.startswith_insensitive("aws:"))
    return true;
  if (!Cat.conditionKey(Key))
    return true;
  return Cat.isConditionKeyForAction(*Action, Key);
}

/// An ARN format with its placeholders as `?*`: one or more characters (the
/// account as twelve `?`, since an account is twelve digits; a partition
/// starts with `aws`).
static std::string shapeOf(StringRef Format) {
  return fillArnFormat(Format, [](StringRef Name) -> std::string {
    return Name == "Account" || Name == "AccountId" ? "????????????"
           : Name == "Partition"                    ? "aws*"
                                                    : "?*";
  });
}

std::vector<std::string>
RequestModel::resourceShapes(const ActionInfo &Action) const {
  auto Known = Shapes.find(&Action);
  if (Known != Shapes.end())
    return Known->second;
  std::vector<std::string> &Out = Shapes[&Action];
  if (Action.Resources.empty()) {
    Out.push_back("*");
    return Out;
  }
  for (const ActionResource &R : Action.Resources) {
    if (!R.Type)
      continue;
    for (StringRef F : R.Type->ArnFormats) {
      std::string S = shapeOf(F);
      if (!is_contained(Out, S))
        Out.push_back(std::move(S));
    }
  }
  return Out;
}

std::vector<std::string>
RequestModel::sampleResources(const ActionInfo &Action,
                              StringRef Account) const {
  std::vector<std::string> Out;
  for (const ActionResource &R : Action.Resources) {
    if (!R.Type)
      continue;
    for (StringRef Format : R.Type->ArnFormats) {
      std::string Sample = fillArnFormat(Format, [&](StringRef Name) {
        return StringSwitch<std::string>(Name)
            .Case("Partition", "aws")
            .Case("Region", "us-east-1")
            .Cases("Account", "AccountId", Account.str())
            .Default("example-" + Name.lower());
      });
      if (!is_contained(Out, Sample))
        Out.push_back(std::move(Sample));
    }
  }
  return Out;
}

std::string RequestModel::resourceAccount(const Request &R) {
  return R.ResourceAccount.empty() ? R.Principal.Account : R.ResourceAccount;
}

/// Does the ARN \p Arn have the shape \p Shape, field by field (the prefix
/// fields without case, as the evaluator compares them)?
static bool hasShape(StringRef Arn, StringRef Shape) {
  if (Shape == "*")
    return Arn == "*";
  std::array<StringRef, 6> A, S;
  if (!splitArn(Arn, A) || !splitArn(Shape, S))
    return false;
  return ArnPattern::parse(Shape, CaseMode::Insensitive).matchesFields(A);
}

bool RequestModel::hasResourceShape(const ActionInfo &Action,
                                    StringRef Resource) const {
  return any_of(resourceShapes(Action),
                [&](const std::string &S) { return hasShape(Resource, S); });
}

/// Is \p V written as AWS writes values of \p Key: aws:EpochTime in whole
/// seconds, aws:CurrentTime in ISO 8601 UTC?
static bool writtenAsAws(StringRef Key, StringRef V) {
  if (Key.equals_insensitive("aws:EpochTime"))
    return !V.empty() && all_of(V, isDigit);
  if (Key.equals_insensitive("aws:CurrentTime"))
    return V.contains('T') && V.endswith("Z") && parseDate(V).has_value();
  return true;
}

static bool valueHasType(StringRef V, ValueType T) {
  switch (T) {
  case ValueType::String:
  case ValueType::Binary:
    return true;
  case ValueType::Arn: {
    std::array<StringRef, 6> F;
    return splitArn(V, F);
  }
  case ValueType::Bool:
    return V == "true" || V == "false";
  case ValueType::Date:
    return parseDate(V).has_value();
  case ValueType::Numeric:
    return parseNumber(V).has_value();
  case ValueType::Ip:
    return V.find('/') == StringRef::npos && parseIpAddress(V).has_value();
  }
  return true;
}

/// The time of aws:CurrentTime or aws:EpochTime in \p C, in milliseconds.
static std::optional<int64_t> timeOf(const RequestContext &C, StringRef Key) {
  const ContextValue *V = C.lookup(Key);
  if (!V || V->MultiValued || V->Values.size() != 1)
    return std::nullopt;
  if (std::optional<int64_t> T = parseDate(V->Values.front()))
    return *T;
  return std::nullopt;
}

/// aws:CurrentTime and aws:EpochTime, where both are given, name the same
/// second.
static bool sameTime(const RequestContext &C) {
  std::optional<int64_t> Cur = timeOf(C, "aws:CurrentTime"),
                         Ep = timeOf(C, "aws:EpochTime");
  return !Cur || !Ep || *Cur / 1000 == *Ep / 1000;
}

/// A plain value of type \p T.
static std::string exampleOf(ValueType T, StringRef Account) {
  switch (T) {
  case ValueType::String:
  case ValueType::Binary:
    return "example";
  case ValueType::Arn:
    return ("arn:aws:iam::" + Account + ":role/example").str();
  case ValueType::Bool:
    return "true";
  case ValueType::Date:
    return "2026-01-01T00:00:00Z";
  case ValueType::Numeric:
    return "1";
  case ValueType::Ip:
    return "192.0.2.1";
  }
  return "example";
}

static const char *typeName(ValueType T) {
  switch (T) {
  case ValueType::String:
    return "a string";
  case ValueType::Arn:
    return "an ARN";
  case ValueType::Bool:
    return "true or false";
  case ValueType::Date:
    return "a date";
  case ValueType::Numeric:
    return "a number";
  case ValueType::Ip:
    return "an IP address";
  case ValueType::Binary:
    return "binary data";
  }
  return "a string";
}

static bool validUtf8(StringRef S) {
  const UTF8 *P = reinterpret_cast<const UTF8 *>(S.data());
  return isLegalUTF8String(&P, P + S.size());
}

/// \p S with every byte that is not part of a well-formed UTF-8 sequence
/// replaced by `x`.
static std::string wellFormed(StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size();) {
    const UTF8 *P = reinterpret_cast<const UTF8 *>(S.data()) + I;
    unsigned N = getNumBytesForUTF8(*P);
    if (I + N <= S.size() && isLegalUTF8Sequence(P, P + N)) {
      Out.append(S.data() + I, N);
      I += N;
    } else {
      Out += 'x';
      ++I;
    }
  }
  return Out;
}

static bool isAccountId(StringRef S) {
  return S.size() == 12 && all_of(S, isDigit);
}

std::vector<std::string> RequestModel::violations(const Request &R,
                                                  bool Resource) const {
  return check(R, Resource, /*Missing=*/true);
}

std::vector<std::string> RequestModel::contradictions(const Request &R) const {
  return check(R, /*Resource=*/true, /*Missing=*/false);
}

std::vector<std::string> RequestModel::check(const Request &R, bool Resource,
                                             bool Missing) const {
  std::vector<std::string> Out;
  const Caller &C = R.Principal;
  std::string Who = callerKindName(C.Kind).str();
  const ActionInfo *Action = Cat.action(R.Action);

  for (const ContextValue *V : R.Context.sorted()) {
    StringRef Key = V->Name;
    const KeyFacts &F = facts(Key);
    if (F.Known && !F.MultiValued && V->MultiValued)
      Out.push_back(F.Spelling + " is single-valued but the request gives it " +
                    "a list");
    if (F.Known && F.MultiValued && !V->MultiValued)
      Out.push_back(F.Spelling + " is a set of values but the request gives " +
                    "it one plain value");
    for (const std::string &X : V->Values) {
      if (!validUtf8(X))
        Out.push_back(F.Spelling + " holds bytes that are not UTF-8");
      else if (F.Known && (!valueHasType(X, F.Type) || !writtenAsAws(Key, X)))
        Out.push_back(F.Spelling + " holds `" + X + "`, not " +
                      typeName(F.Type) + " as AWS writes it");
    }
    if (Action && !keyReaches(Action, Key))
      Out.push_back(F.Spelling + " is not in requests for " +
                    Action->FullName.str());
    if (!Action && F.ServiceKey && F.Known &&
        !StringRef(R.Action).startswith_insensitive(Key.split(':').first.str() +
                                                    ":"))
      Out.push_back(F.Spelling +
                    " is not in requests for another service's "
                    "action " +
                    R.Action);
    if (std::optional<CallerValue> CV = callerValue(Key, C)) {
      auto one = [&]() -> StringRef {
        return V->Values.size() == 1 && !V->MultiValued
                   ? StringRef(V->Values[0])
                   : StringRef();
      };
      switch (CV->K) {
      case CallerValue::Absent:
        Out.push_back(F.Spelling + " is not in requests from a " + Who +
                      " caller");
        break;
      case CallerValue::Fixed:
        if (one() != CV->Value)
          Out.push_back(F.Spelling + " is `" + CV->Value + "` for the caller " +
                        (C.Id.empty() ? Who : C.Id));
        break;
      case CallerValue::Shaped:
        if (one().empty() || !globMatch(CV->Value, one(), CaseMode::Sensitive))
          Out.push_back(F.Spelling + " has the form `" + CV->Value +
                        "` for a " + Who + " caller");
        break;
      case CallerValue::Free:
        break;
      }
    }
    if (StringRef(Key).equals_insensitive("aws:ResourceAccount") &&
        (V->MultiValued || V->Values.size() != 1 ||
         V->Values[0] != resourceAccount(R)))
      Out.push_back("aws:ResourceAccount is the resource's account, " +
                    resourceAccount(R));
  }

  if (!sameTime(R.Context))
    Out.push_back("aws:CurrentTime and aws:EpochTime name different times");
  for (const DefaultKey &D : alwaysPresentKeys())
    if (Missing && !R.Context.lookup(D.Name))
      Out.push_back(std::string(D.Name) + " is in every request");
  ArrayRef<std::optional<CallerValue>> Given = callerKeyValues(C);
  for (size_t I = 0; I < Given.size(); ++I) {
    const char *K = CallerKeys[I];
    if (!Missing || R.Context.lookup(K))
      continue;
    const std::optional<CallerValue> &CV = Given[I];
    if (CV && (CV->K == CallerValue::Fixed || CV->K == CallerValue::Shaped))
      Out.push_back(std::string(K) + " is in every request from a " + Who +
                    " caller");
  }

  if (Action) {
    if (R.Action != Action->FullName)
      Out.push_back("the action is spelled " + Action->FullName.str());
    if (Resource && !hasResourceShape(*Action, R.Resource))
      Out.push_back("`" + R.Resource + "` is not a resource of " +
                    Action->FullName.str());
    // The shapes let a placeholder hold any text; the catalog's reading of
    // the formats keeps a bucket name free of `/` (ArnFormat.h).
    else if (Resource && !Action->Resources.empty() &&
             none_of(Action->Resources, [&](const ActionResource &AR) {
               return AR.Type &&
                      any_of(AR.Type->ArnFormats, [&](StringRef Format) {
                        return arnPatternCanMatchFormat(R.Resource, Format);
                      });
             }))
      Out.push_back("`" + R.Resource + "` is not a resource of " +
                    Action->FullName.str());
  } else if (!isActionName(R.Action)) {
    Out.push_back("`" + R.Action + "` is not an action name (service:Name)");
  }
  std::array<StringRef, 6> F;
  if (Resource && Action && splitArn(R.Resource, F) &&
      !is_contained(partitions(), F[1]))
    Out.push_back("the resource's ARN names partition `" + F[1].str() +
                  "`, not one of aws, aws-cn, aws-us-gov");
  if (Resource && splitArn(R.Resource, F) && !F[4].empty() &&
      F[4] != resourceAccount(R))
    Out.push_back("the resource's ARN names account " + F[4].str() +
                  ", the request's resource account is " + resourceAccount(R));
  if (StringRef(C.Id).contains("//"))
    Out.push_back("the caller's ARN has an empty path segment");
  if (!C.Account.empty() && !isAccountId(C.Account))
    Out.push_back("the caller's account is not twelve digits");
  if (!R.ResourceAccount.empty() && !isAccountId(R.ResourceAccount))
    Out.push_back("the resource account is not twelve digits");
  if (!validUtf8(R.Resource))
    Out.push_back("the resource holds bytes that are not UTF-8");
  return Out;
}

/// A value of the wildcard pattern \p Shape: `*` becomes \p Fill.
static std::string fillShape(StringRef Shape, StringRef Fill) {
  std::string Out;
  for (char C : Shape)
    Out += C == '*' ? Fill.str() : std::string(1, C);
  return Out;
}

void RequestModel::complete(Request &R) const {
  // An IAM path has no empty segment: `user//a` becomes `user/x/a`.
  if (StringRef(R.Principal.Id).contains("//")) {
    std::string Id = R.Principal.Id;
    for (size_t At; (At = Id.find("//")) != std::string::npos;)
      Id.replace(At, 2, "/x/");
    Caller Named = Caller::fromId(Id);
    Named.CanonicalId = R.Principal.CanonicalId;
    R.Principal = Named;
  }
  const Caller &C = R.Principal;
  const ActionInfo *Action = Cat.action(R.Action);
  if (Action)
    R.Action = Action->FullName.str();
  R.Resource = wellFormed(R.Resource);

  // Keys as documented: single or set, spelled as AWS spells them, only
  // where the action carries them.
  std::vector<ContextValue> Keys;
  for (const ContextValue *V : R.Context.sorted())
    Keys.push_back(*V);
  for (ContextValue &V : Keys) {
    R.Context.erase(V.Name);
    const KeyFacts &F = facts(V.Name);
    for (std::string &X : V.Values) {
      X = wellFormed(X);
      if (F.Known && !valueHasType(X, F.Type))
        X = exampleOf(F.Type, resourceAccount(R));
    }
    if (!keyReaches(Action, V.Name))
      continue;
    if (F.Known && !F.MultiValued && V.MultiValued) {
      if (V.Values.empty())
        continue;
      R.Context.set(F.Spelling, V.Values.front());
    } else if (F.Known && F.MultiValued) {
      R.Context.setMulti(F.Spelling, V.Values);
    } else if (V.MultiValued) {
      R.Context.setMulti(F.Spelling, V.Values);
    } else {
      R.Context.set(F.Spelling, V.Values.front());
    }
  }

  ArrayRef<std::optional<CallerValue>> Given = callerKeyValues(C);
  for (size_t I = 0; I < Given.size(); ++I) {
    const char *K = CallerKeys[I];
    const std::optional<CallerValue> &CV = Given[I];
    const ContextValue *Had = R.Context.lookup(K);
    switch (CV->K) {
    case CallerValue::Absent:
      R.Context.erase(K);
      break;
    case CallerValue::Fixed:
      R.Context.set(K, CV->Value);
      break;
    case CallerValue::Shaped:
      if (!Had || Had->MultiValued || Had->Values.size() != 1 ||
          !globMatch(CV->Value, Had->Values[0], CaseMode::Sensitive))
        R.Context.set(K, fillShape(CV->Value, "EXAMPLEID0001"));
      break;
    case CallerValue::Free:
      break;
    }
  }
  for (const ContextValue *V : R.Context.sorted())
    if (StringRef(V->Name).startswith_insensitive("aws:PrincipalTag/") &&
        C.Kind == CallerKind::Anonymous)
      R.Context.erase(V->Name);
  if (const ContextValue *V = R.Context.lookup("aws:ResourceAccount"))
    R.Context.set(V->Name, resourceAccount(R));

  // One time, written as AWS writes it: the epoch second where a policy
  // gave one, else the current time's.
  std::optional<int64_t> Time = timeOf(R.Context, "aws:EpochTime");
  if (!Time)
    Time = timeOf(R.Context, "aws:CurrentTime");
  if (Time && !formatIsoTime(*Time / 1000 * 1000).empty()) {
    R.Context.set("aws:EpochTime", std::to_string(*Time / 1000));
    R.Context.set("aws:CurrentTime", formatIsoTime(*Time / 1000 * 1000));
  }
  for (const DefaultKey &D : alwaysPresentKeys()) {
    const ContextValue *V = R.Context.lookup(D.Name);
    const KeyFacts &F = facts(D.Name);
    if (!V || V->MultiValued || V->Values.size() != 1 ||
        !valueHasType(V->Values[0], F.Type) ||
        !writtenAsAws(D.Name, V->Values[0]))
      R.Context.set(D.Name, D.Value);
  }
}

ArrayRef<StringRef> partitions() {
  static const StringRef Names[] = {"aws", "aws-cn", "aws-us-gov"};
  return Names;
}

bool isActionName(StringRef Action) {
  auto [Service, Name] = Action.split(':');
  return !Service.empty() && !Name.empty() && all_of(Service, [](char C) {
    return (C >= 'a' && C <= 'z') || isDigit(C) || C == '-';
  }) && all_of(Name, isAlnum);
}

std::string RequestModel::actionSpelling(StringRef Action) const {
  if (const ActionInfo *A = Cat.action(Action))
    return A->FullName.str();
  return Action.str();
}

std::vector<std::string> RequestModel::assumptions(ModelKind K) {
  if (K == ModelKind::Textual)
    return {"any string for the resource and every condition key; keys may "
            "be absent, single or lists (--request-model textual)"};
  return {
      "single-valued condition keys are absent or one value of their "
      "catalog type; ArrayOf keys are sets",
      "keys about the caller (aws:PrincipalArn, aws:PrincipalAccount, "
      "aws:PrincipalType, aws:username, aws:userid, ...) follow from the "
      "caller",
      "aws:CurrentTime, aws:EpochTime, aws:RequestedRegion, "
      "aws:SecureTransport, aws:UserAgent and aws:ViaAWSService are in "
      "every request",
      "a service's condition key is only in requests for the actions the "
      "catalog lists it for",
      "the resource has one of the action's ARN formats in the catalog (any "
      "ARN for actions the catalog does not know), in the resource account "
      "and in the aws, aws-cn or aws-us-gov partition",
  };
}

} // namespace request
} // namespace tollgate
