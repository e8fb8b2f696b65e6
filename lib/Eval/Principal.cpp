//===- Principal.cpp - Principal and NotPrincipal matching ----------------===//

#include "tollgate/Eval/Principal.h"

#include "tollgate/Eval/Values.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <array>
#include <cstring>

using namespace llvm;

namespace tollgate {

PrincipalEntry classifyPrincipal(const PrincipalValue &V) {
  PrincipalEntry E;
  StringRef T = V.Value.Text;
  E.Value = T;
  switch (V.Kind) {
  case PrincipalKind::AWS: {
    if (T == "*") {
      E.Kind = PrincipalEntry::Everyone;
      break;
    }
    if (T.size() == 12 && all_of(T, isDigit)) {
      E.Kind = PrincipalEntry::Account;
      break;
    }
    std::array<StringRef, 6> F;
    if (splitArn(T, F) && F[0] == "arn" && F[2] == "iam" && F[5] == "root") {
      E.Kind = PrincipalEntry::Account;
      E.Value = F[4];
      break;
    }
    E.Kind = PrincipalEntry::Arn;
    break;
  }
  case PrincipalKind::Service:
    E.Kind = PrincipalEntry::Service;
    break;
  case PrincipalKind::Federated:
    E.Kind = PrincipalEntry::Federated;
    break;
  case PrincipalKind::CanonicalUser:
    E.Kind = PrincipalEntry::Canonical;
    break;
  }
  return E;
}

static bool isAuthenticatedIam(CallerKind K) {
  return K == CallerKind::Root || K == CallerKind::User ||
         K == CallerKind::Role || K == CallerKind::RoleSession ||
         K == CallerKind::FederatedUser;
}

std::optional<RoleRef> roleOf(StringRef Arn) {
  std::array<StringRef, 6> F;
  if (!splitArn(Arn, F))
    return std::nullopt;
  RoleRef R{F[1], F[2], F[4], "", false};
  // A role ARN may carry a path (`role/team/R`); a session ARN never does.
  if (F[5].startswith("role/"))
    R.Name = F[5].rsplit('/').second;
  else if (F[5].startswith("assumed-role/")) {
    R.Name = F[5].drop_front(strlen("assumed-role/")).split('/').first;
    R.Session = true;
  } else
    return std::nullopt;
  return R;
}

/// True when \p RoleArn names the role of the session \p Caller.
static bool roleMatchesSession(StringRef RoleArn, const Caller &C) {
  std::optional<RoleRef> P = roleOf(RoleArn), S = roleOf(C.Id);
  if (!P || !S || P->Session || !S->Session || P->Service != "iam" ||
      P->Partition != S->Partition || P->Account != S->Account)
    return false;
  return !P->Name.empty() && P->Name.equals_insensitive(S->Name);
}

PrincipalMatch matchPrincipalEntry(const PrincipalEntry &P, const Caller &C,
                                   StringRef ParentArn, bool InNotPrincipal) {
  switch (P.Kind) {
  case PrincipalEntry::Everyone:
    return PrincipalMatch::Wildcard;
  case PrincipalEntry::Account:
    if (InNotPrincipal) {
      // The NotPrincipal page asks for the account beside the user because
      // "AWS might validate the account first and then the user", and its
      // example (`user/Bob` and the account root) denies everyone except
      // Bob: there the account ARN exempts the account principal itself,
      // not every identity of the account.
      return C.Kind == CallerKind::Root && C.Account == P.Value
                 ? PrincipalMatch::Account
                 : PrincipalMatch::None;
    }
    return isAuthenticatedIam(C.Kind) && C.Account == P.Value
               ? PrincipalMatch::Account
               : PrincipalMatch::None;
  case PrincipalEntry::Arn:
    if (C.Kind == CallerKind::Anonymous || C.Kind == CallerKind::Service)
      return PrincipalMatch::None;
    // "You cannot use a wildcard to match part of a principal name or ARN":
    // the comparison is exact.
    if (P.Value == C.Id)
      return PrincipalMatch::Exact;
    if (C.Kind == CallerKind::RoleSession && roleMatchesSession(P.Value, C))
      return PrincipalMatch::SessionRole;
    if (C.Kind == CallerKind::FederatedUser && P.Value == ParentArn)
      return PrincipalMatch::SessionUser;
    return PrincipalMatch::None;
  case PrincipalEntry::Service:
    return C.Kind == CallerKind::Service && P.Value == C.Id
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  case PrincipalEntry::Federated:
    return C.Kind == CallerKind::FederatedProvider && P.Value == C.Id
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  case PrincipalEntry::Canonical:
    return C.Kind != CallerKind::Anonymous && !C.CanonicalId.empty() &&
                   P.Value == C.CanonicalId
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  }
  return PrincipalMatch::None;
}

PrincipalMatch matchPrincipalElement(ArrayRef<PrincipalEntry> Entries,
                                     bool Negated, Effect Eff, const Caller &C,
                                     StringRef ParentArn, bool HasBoundary) {
  if (Negated) {
    // "The NotPrincipal element with a Deny effect will always deny any IAM
    // principal that has a permissions boundary policy attached, regardless
    // of the values specified in the NotPrincipal element."
    if (Eff == Effect::Deny && HasBoundary && isAuthenticatedIam(C.Kind) &&
        C.Kind != CallerKind::Root)
      return PrincipalMatch::NotPrincipal;
    // The caller is excluded when a listed principal names it, or, for
    // sessions, its role or user.
    for (const PrincipalEntry &P : Entries)
      if (matchPrincipalEntry(P, C, ParentArn, /*InNotPrincipal=*/true) !=
          PrincipalMatch::None)
        return PrincipalMatch::None;
    return PrincipalMatch::NotPrincipal;
  }
  PrincipalMatch Best = PrincipalMatch::None;
  for (const PrincipalEntry &P : Entries) {
    PrincipalMatch M = matchPrincipalEntry(P, C, ParentArn, false);
    if (static_cast<uint8_t>(M) > static_cast<uint8_t>(Best))
      Best = M;
  }
  return Best;
}

} // namespace tollgate
