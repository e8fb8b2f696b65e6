//===- Realism.cpp - Is a request one AWS can send? -----------------------===//

#include "Realism.h"
#include "Known.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstdlib>
#include <map>

using namespace llvm;

namespace tollgate {
namespace fidelity {

namespace {

bool isAccount(StringRef S) { return S.size() == 12 && all_of(S, isDigit); }

/// Splits an ARN into its six fields; false when it has fewer.
bool splitArn6(StringRef Arn, SmallVectorImpl<StringRef> &F) {
  F.clear();
  Arn.split(F, ':', 5);
  return F.size() == 6 && F[0] == "arn";
}

bool isRegion(StringRef S) {
  // us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4 ...
  SmallVector<StringRef, 4> P;
  S.split(P, '-');
  if (P.size() < 3 || P[0].size() != 2 || !all_of(P.back(), isDigit))
    return false;
  for (size_t I = 0; I + 1 < P.size(); ++I)
    if (P[I].empty() ||
        !all_of(P[I], [](char C) { return C >= 'a' && C <= 'z'; }))
      return false;
  return true;
}

/// Matches one field of an ARN against one field of a format. A placeholder
/// holds one or more characters; it may hold '/' only when its name speaks
/// of a path, an object or a key, and ':' only for object names.
bool matchField(StringRef Fmt, StringRef S) {
  if (Fmt.empty())
    return S.empty();
  if (Fmt.startswith("${")) {
    size_t End = Fmt.find('}');
    if (End == StringRef::npos)
      return Fmt == S;
    StringRef Name = Fmt.slice(2, End);
    StringRef Rest = Fmt.drop_front(End + 1);
    bool Slash = Name.contains("Path") || Name.contains("Object") ||
                 Name.contains("Key");
    bool Colon = Name.contains("Object");
    for (size_t N = 1; N <= S.size(); ++N) {
      char C = S[N - 1];
      if ((C == '/' && !Slash) || (C == ':' && !Colon))
        break;
      StringRef Val = S.take_front(N);
      if (Name == "Partition" &&
          !(Val == "aws" || Val == "aws-cn" || Val == "aws-us-gov"))
        continue;
      if (Name == "Region" && !isRegion(Val))
        continue;
      if (Name == "Account" && !isAccount(Val))
        continue;
      if (matchField(Rest, S.drop_front(N)))
        return true;
    }
    return false;
  }
  // A `*` in a format (`arn:${Partition}:${Vendor}:${Region}:*:...`) is
  // any text.
  if (Fmt[0] == '*') {
    for (size_t N = 0; N <= S.size(); ++N)
      if (matchField(Fmt.drop_front(), S.drop_front(N)))
        return true;
    return false;
  }
  return !S.empty() && S[0] == Fmt[0] &&
         matchField(Fmt.drop_front(), S.drop_front());
}

bool matchFormat(StringRef Format, StringRef Arn) {
  SmallVector<StringRef, 6> F, A;
  if (!splitArn6(Format, F) || !splitArn6(Arn, A))
    return false;
  for (int I = 0; I < 6; ++I)
    if (!matchField(F[I], A[I]))
      return false;
  return true;
}

/// Glob with placeholders: `${...}` or `<...>` match one or more chars.
bool placeholderMatch(StringRef P, StringRef S) {
  if (P.empty())
    return S.empty();
  if (P[0] == '$' && P.size() > 1 && P[1] == '{') {
    size_t End = P.find('}');
    StringRef Rest = P.drop_front(End + 1);
    for (size_t N = 1; N <= S.size(); ++N)
      if (placeholderMatch(Rest, S.drop_front(N)))
        return true;
    return false;
  }
  if (P[0] == '<') {
    size_t End = P.find('>');
    StringRef Rest = P.drop_front(End + 1);
    for (size_t N = 1; N <= S.size(); ++N)
      if (placeholderMatch(Rest, S.drop_front(N)))
        return true;
    return false;
  }
  return !S.empty() && toLower(P[0]) == toLower(S[0]) &&
         placeholderMatch(P.drop_front(), S.drop_front());
}

void add(std::vector<Violation> &V, const char *Rule, std::string Detail) {
  V.push_back({Rule, std::move(Detail)});
}

std::string show(const ContextValue &V) {
  if (!V.MultiValued)
    return V.Name + "=\"" + V.Values.front() + "\"";
  std::string S = V.Name + "=[";
  for (size_t I = 0; I < V.Values.size(); ++I)
    S += (I ? ",\"" : "\"") + V.Values[I] + "\"";
  return S + "]";
}

bool valueHasType(KeyType T, StringRef Key, StringRef V) {
  switch (T) {
  case KeyType::String:
    return true;
  case KeyType::Arn: {
    SmallVector<StringRef, 6> F;
    return splitArn6(V, F);
  }
  case KeyType::Numeric:
    return isDecimalNumber(V);
  case KeyType::Bool:
    return V == "true" || V == "false";
  case KeyType::Ip:
    return !V.contains('/') && parseIp(V).has_value();
  case KeyType::Date:
    if (Key.equals_insensitive("aws:EpochTime"))
      return !V.empty() && all_of(V, isDigit);
    if (Key.equals_insensitive("aws:CurrentTime"))
      return isAwsCurrentTime(V);
    return parseIsoTime(V).has_value() || (!V.empty() && all_of(V, isDigit));
  }
  return true;
}

KeyType fromCatalog(ConditionKeyType T) {
  switch (T) {
  case ConditionKeyType::ARN:
    return KeyType::Arn;
  case ConditionKeyType::Numeric:
    return KeyType::Numeric;
  case ConditionKeyType::Date:
    return KeyType::Date;
  case ConditionKeyType::Bool:
    return KeyType::Bool;
  case ConditionKeyType::IPAddress:
    return KeyType::Ip;
  default:
    return KeyType::String;
  }
}

} // namespace

bool keyNameMatches(StringRef Documented, StringRef Key) {
  return placeholderMatch(Documented, Key);
}

bool resourceFitsAction(StringRef Arn, const ActionInfo &Action) {
  for (const ActionResource &R : Action.Resources)
    if (R.Type)
      for (StringRef F : R.Type->ArnFormats)
        if (matchFormat(F, Arn))
          return true;
  return false;
}

bool actionSupportsKey(const ActionInfo &Action, StringRef Key) {
  auto Any = [&](ArrayRef<StringRef> L) {
    return any_of(L, [&](StringRef D) { return keyNameMatches(D, Key); });
  };
  if (Any(Action.ConditionKeys))
    return true;
  for (const ActionResource &R : Action.Resources)
    if (Any(R.ConditionKeys) || (R.Type && Any(R.Type->ConditionKeys)))
      return true;
  return false;
}

std::vector<Violation> checkRealism(const Request &R, bool FutureAction,
                                    bool IdentityOnly, const Catalog &Cat) {
  std::vector<Violation> V;
  const Caller &C = R.Principal;

  // Text.
  bool Utf8 = isValidUtf8(R.Action) && isValidUtf8(R.Resource) &&
              isValidUtf8(C.Id) && isValidUtf8(R.ResourceAccount);
  for (const ContextValue *CV : R.Context.sorted()) {
    Utf8 &= isValidUtf8(CV->Name);
    for (const std::string &X : CV->Values)
      Utf8 &= isValidUtf8(X);
  }
  if (!Utf8)
    add(V, "utf8", "a string of the request is not valid UTF-8");

  // Action.
  const ActionInfo *AI = Cat.action(R.Action);
  if (FutureAction) {
    if (AI)
      add(V, "action-spelling",
          "flagged as a future action but the catalog has " + R.Action);
    else if (!Cat.service(StringRef(R.Action).split(':').first))
      add(V, "action-spelling",
          "future action of no known service: " + R.Action);
  } else if (!AI) {
    add(V, "action-spelling", "not a catalog action: " + R.Action);
  } else if (AI->FullName != R.Action) {
    add(V, "action-spelling", R.Action + " instead of " + AI->FullName.str());
  }

  // Caller.
  switch (C.Kind) {
  case CallerKind::Role:
    add(V, "caller",
        "a role ARN calls (requests come from role sessions): " + C.Id);
    break;
  case CallerKind::FederatedProvider:
    if (!StringRef(R.Action).startswith_insensitive("sts:AssumeRoleWith"))
      add(V, "caller", "an identity provider calls " + R.Action);
    break;
  case CallerKind::Root:
  case CallerKind::User:
  case CallerKind::RoleSession:
  case CallerKind::FederatedUser: {
    SmallVector<StringRef, 6> F;
    if (!isAccount(C.Account) || !splitArn6(C.Id, F) || F[4] != C.Account)
      add(V, "caller", "malformed caller " + C.Id);
    break;
  }
  default:
    break;
  }

  if (IdentityOnly &&
      (C.Kind == CallerKind::Root || C.Kind == CallerKind::Anonymous ||
       C.Kind == CallerKind::Service))
    add(V, "caller",
        std::string("a ") + callerKindName(C.Kind).str() +
            " caller under identity policies, which it cannot have");

  // Context keys.
  auto Expected = callerKeys(C);
  auto expectedValue = [&](StringRef Key) -> const std::string * {
    for (const auto &KV : Expected)
      if (Key.equals_insensitive(KV.first))
        return &KV.second;
    return nullptr;
  };
  for (const ContextValue *CV : R.Context.sorted()) {
    StringRef Key = CV->Name;
    KeyType T = KeyType::String;
    bool Multi = false;
    std::string Documented;
    if (const KeySpec *K = findKey(Key)) {
      T = K->Type;
      Multi = K->Multi;
      Documented = K->Name;
    } else if (const ConditionKeyInfo *CK = Cat.conditionKey(Key)) {
      T = fromCatalog(CK->Type);
      Multi = CK->MultiValued;
      // A template's fixed part in its spelling, the rest as given:
      // `aws:PrincipalTag/` + `team`.
      size_t Fixed = CK->Template ? CK->Name.find_first_of("$<") : Key.size();
      Documented = CK->Name.take_front(Fixed).str() +
                   Key.drop_front(std::min(Fixed, Key.size())).str();
    } else {
      add(V, "key-unknown", "unknown key " + Key.str());
      continue;
    }
    if (Key != Documented)
      add(V, "key-spelling", Key.str() + " instead of " + Documented);
    if (!Multi && (CV->MultiValued || CV->Values.size() != 1))
      add(V, "key-cardinality", "single-valued key as a list: " + show(*CV));
    for (const std::string &X : CV->Values)
      if (!valueHasType(T, Key, X)) {
        add(V, "key-type", "value of the wrong type: " + show(*CV));
        break;
      }
    // Keys that follow from the caller.
    bool CallerKey = Key.equals_insensitive("aws:PrincipalArn") ||
                     Key.equals_insensitive("aws:PrincipalAccount") ||
                     Key.equals_insensitive("aws:PrincipalType") ||
                     Key.equals_insensitive("aws:username");
    // The reference documents no values for service principals and identity
    // providers: any value is theirs.
    bool Undocumented = C.Kind == CallerKind::Service ||
                        C.Kind == CallerKind::FederatedProvider;
    if (CallerKey && !Undocumented) {
      const std::string *E = expectedValue(Key);
      if (!E)
        add(V, "caller-key",
            show(*CV) + " for caller " +
                (C.Id.empty() ? std::string("(anonymous)") : C.Id));
      else if (CV->MultiValued || CV->Values.size() != 1 ||
               CV->Values.front() != *E)
        add(V, "caller-key",
            show(*CV) + " for caller " + C.Id + " (expected \"" + *E + "\")");
    }
    if (Key.startswith_insensitive("aws:PrincipalTag/") && !callerHasTags(C))
      add(V, "caller-key",
          show(*CV) + " for caller " +
              (C.Id.empty() ? std::string("(anonymous)") : C.Id) +
              " that has no tags");
    // Service keys.
    if (!Key.startswith_insensitive("aws:")) {
      StringRef Service = Key.split(':').first;
      StringRef ActService = StringRef(R.Action).split(':').first;
      if (AI ? !actionSupportsKey(*AI, Key)
             : !Service.equals_insensitive(ActService))
        add(V, "service-key", Key.str() + " on " + R.Action);
    }
  }
  for (const char *K :
       {"aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport"})
    if (!R.Context.lookup(K))
      add(V, "always-present", std::string(K) + " absent");
  for (const auto &KV : Expected)
    if (!R.Context.lookup(KV.first))
      add(V, "always-present", KV.first + " absent for caller " + C.Id);
  const ContextValue *Cur = R.Context.lookup("aws:CurrentTime");
  const ContextValue *Ep = R.Context.lookup("aws:EpochTime");
  if (Cur && Ep && Cur->Values.size() == 1 && Ep->Values.size() == 1) {
    std::optional<int64_t> A = parseIsoTime(Cur->Values.front());
    const std::string &E = Ep->Values.front();
    if (A && !E.empty() && all_of(E, isDigit) && E.size() < 18 &&
        *A != std::stoll(E))
      add(V, "time-agreement",
          "aws:CurrentTime " + Cur->Values.front() + " but aws:EpochTime " + E);
  }

  // Resource.
  if (AI) {
    if (AI->Resources.empty()) {
      if (R.Resource != "*")
        add(V, "resource-format",
            R.Action + " takes no resource, got " + R.Resource);
    } else if (!resourceFitsAction(R.Resource, *AI)) {
      add(V, "resource-format",
          R.Resource + " is not a resource of " + AI->FullName.str());
    }
  }
  SmallVector<StringRef, 6> F;
  std::string Account =
      R.ResourceAccount.empty() ? C.Account : R.ResourceAccount;
  if (R.Resource != "*") {
    if (!isAccount(Account))
      add(V, "resource-account", "resource account \"" + Account + "\"");
    else if (splitArn6(R.Resource, F) && !F[4].empty() && F[4] != Account)
      add(V, "resource-account",
          "resource account " + Account + " for " + R.Resource);
  }
  return V;
}

} // namespace fidelity
} // namespace tollgate
