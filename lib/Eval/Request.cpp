//===- Request.cpp - A concrete request to authorize ----------------------===//

#include "tollgate/Eval/Request.h"
#include "tollgate/Eval/Values.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

StringRef callerKindName(CallerKind K) {
  switch (K) {
  case CallerKind::Anonymous:
    return "anonymous";
  case CallerKind::Root:
    return "root";
  case CallerKind::User:
    return "user";
  case CallerKind::Role:
    return "role";
  case CallerKind::RoleSession:
    return "role-session";
  case CallerKind::FederatedUser:
    return "federated-user";
  case CallerKind::FederatedProvider:
    return "federated-provider";
  case CallerKind::Service:
    return "service";
  }
  return "anonymous";
}

std::optional<CallerKind> parseCallerKind(StringRef Name) {
  return StringSwitch<std::optional<CallerKind>>(Name.lower())
      .Case("anonymous", CallerKind::Anonymous)
      .Case("root", CallerKind::Root)
      .Case("user", CallerKind::User)
      .Case("role", CallerKind::Role)
      .Cases("role-session", "assumed-role", CallerKind::RoleSession)
      .Case("federated-user", CallerKind::FederatedUser)
      .Case("federated-provider", CallerKind::FederatedProvider)
      .Case("service", CallerKind::Service)
      .Default(std::nullopt);
}

static bool isAccountId(StringRef S) {
  return S.size() == 12 && all_of(S, isDigit);
}

Caller Caller::fromId(StringRef Id) {
  Caller C;
  C.Id = Id.str();
  if (Id.empty() || Id == "*") {
    C.Kind = CallerKind::Anonymous;
    C.Id.clear();
    return C;
  }
  if (isAccountId(Id)) {
    C.Kind = CallerKind::Root;
    C.Account = Id.str();
    C.Id = "arn:aws:iam::" + Id.str() + ":root";
    return C;
  }
  std::array<StringRef, 6> F;
  if (Id.startswith("arn:") && splitArn(Id, F)) {
    C.Account = F[4].str();
    StringRef Service = F[2], Res = F[5];
    if (Service == "iam" && Res == "root")
      C.Kind = CallerKind::Root;
    else if (Service == "iam" && Res.startswith("user/"))
      C.Kind = CallerKind::User;
    else if (Service == "iam" && Res.startswith("role/"))
      C.Kind = CallerKind::Role;
    else if (Service == "sts" && Res.startswith("assumed-role/"))
      C.Kind = CallerKind::RoleSession;
    else if (Service == "sts" && Res.startswith("federated-user/"))
      C.Kind = CallerKind::FederatedUser;
    else
      // SAML and OIDC provider ARNs name identity providers.
      C.Kind = CallerKind::FederatedProvider;
    return C;
  }
  if (Id.endswith(".amazonaws.com") && Id != "cognito-identity.amazonaws.com")
    C.Kind = CallerKind::Service;
  else
    C.Kind = CallerKind::FederatedProvider;
  return C;
}

std::string Caller::parentArn() const {
  std::array<StringRef, 6> F;
  if (!splitArn(Id, F))
    return "";
  if (Kind == CallerKind::RoleSession) {
    // assumed-role/ROLE/SESSION: the role's path is not in a session ARN.
    StringRef Rest = F[5].drop_front(strlen("assumed-role/"));
    StringRef Role = Rest.split('/').first;
    return ("arn:" + F[1] + ":iam::" + F[4] + ":role/" + Role).str();
  }
  if (Kind == CallerKind::FederatedUser) {
    StringRef Name = F[5].drop_front(strlen("federated-user/"));
    return ("arn:" + F[1] + ":iam::" + F[4] + ":user/" + Name).str();
  }
  return "";
}

void RequestContext::set(StringRef Key, StringRef Value) {
  ContextValue &V = Map[Key.lower()];
  V.Name = Key.str();
  V.MultiValued = false;
  V.Values.assign(1, Value.str());
}

void RequestContext::setMulti(StringRef Key, ArrayRef<std::string> Values) {
  ContextValue &V = Map[Key.lower()];
  V.Name = Key.str();
  V.MultiValued = true;
  V.Values.assign(Values.begin(), Values.end());
}

void RequestContext::append(StringRef Key, StringRef Value) {
  auto It = Map.find(Key.lower());
  if (It == Map.end()) {
    set(Key, Value);
    return;
  }
  It->second.MultiValued = true;
  It->second.Values.push_back(Value.str());
}

void RequestContext::erase(StringRef Key) { Map.erase(Key.lower()); }

const ContextValue *RequestContext::lookup(StringRef Key) const {
  // Keys are short; fold into a stack buffer to avoid allocating.
  char Buf[128];
  if (Key.size() > sizeof(Buf))
    return lookupFolded(Key.lower());
  for (size_t I = 0; I < Key.size(); ++I)
    Buf[I] = toLower(Key[I]);
  return lookupFolded(StringRef(Buf, Key.size()));
}

const ContextValue *RequestContext::lookupFolded(StringRef FoldedKey) const {
  auto It = Map.find(FoldedKey);
  return It == Map.end() ? nullptr : &It->second;
}

std::vector<const ContextValue *> RequestContext::sorted() const {
  std::vector<std::pair<StringRef, const ContextValue *>> Entries;
  for (const auto &E : Map)
    Entries.push_back({E.first(), &E.second});
  llvm::sort(Entries,
             [](const auto &A, const auto &B) { return A.first < B.first; });
  std::vector<const ContextValue *> Out;
  for (const auto &E : Entries)
    Out.push_back(E.second);
  return Out;
}

bool Request::sameAccount() const {
  return ResourceAccount.empty() || ResourceAccount == Principal.Account;
}

} // namespace tollgate
