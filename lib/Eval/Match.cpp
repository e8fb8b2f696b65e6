//===- Match.cpp - Action, Resource and Principal matching ----------------===//
///
/// \file
/// Resource patterns are matched field by field: the first five
/// colon-separated fields (`arn`, partition, service, region, account) each
/// against one field of the request ARN, the sixth (the resource, which may
/// hold further colons) against the rest. A `*` therefore never crosses a
/// field boundary in the first five fields. The resource field is matched
/// case-sensitively; the other fields case-insensitively by default
/// (EvalOptions::ResourcePrefixCaseInsensitive), since the User Guide does
/// not say and ARNs spell those fields in lower case anyway.
///
//===----------------------------------------------------------------------===//

#include "Compiled.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace eval {

bool resolveParts(const std::vector<StringPart> &Parts,
                  const RequestContext &Ctx, ResolvedString &Out) {
  Out.Text.clear();
  Out.Wild.clear();
  Out.HasWildcard = false;
  for (const StringPart &P : Parts) {
    switch (P.K) {
    case StringPart::Text:
      for (char C : P.Value) {
        bool W = C == '*' || C == '?';
        Out.Text.push_back(C);
        Out.Wild.push_back(W);
        Out.HasWildcard |= W;
      }
      break;
    case StringPart::Escape:
      Out.Text.append(P.Value);
      Out.Wild.append(P.Value.size(), false);
      break;
    case StringPart::Variable: {
      // A key with no value: absent, multivalued (multivalued keys cannot be
      // policy variables), or the empty string (a null value). The default,
      // if any, stands in; otherwise the string matches nothing.
      const ContextValue *V = Ctx.lookup(P.Value.trim());
      StringRef Value;
      bool Has = V && !V->MultiValued && !V->Values.empty() &&
                 !V->Values.front().empty();
      if (Has)
        Value = V->Values.front();
      else if (P.HasDefault)
        Value = P.Default;
      else
        return false;
      Out.Text.append(Value);
      Out.Wild.append(Value.size(), false);
      break;
    }
    }
  }
  return true;
}

static bool matchIndexed(const CompiledStatement &S, const RequestView &V) {
  const ActionIndex &Ix = *S.Index;
  if (Ix.MatchesAll)
    return true;
  auto It = Ix.ByService.find(V.ActionService);
  if (It != Ix.ByService.end()) {
    if (It->second.Exact.count(V.Action))
      return true;
    for (unsigned I : It->second.Globs)
      if (globMatch(S.Actions[I].Folded, V.Action))
        return true;
  }
  for (unsigned I : Ix.AnyService)
    if (globMatch(S.Actions[I].Folded, V.Action))
      return true;
  return false;
}

bool matchAction(const CompiledStatement &S, const RequestView &V) {
  if (S.Index) {
    bool Any = matchIndexed(S, V);
    return S.ActionNegated ? !Any : Any;
  }
  bool Any = false;
  for (const CompiledAction &A : S.Actions) {
    if (A.MatchesAll) {
      Any = true;
      break;
    }
    if (!A.Service.empty() && A.Service != V.ActionService)
      continue;
    if (A.HasWildcard ? globMatch(A.Folded, V.Action) : A.Folded == V.Action) {
      Any = true;
      break;
    }
  }
  return S.ActionNegated ? !Any : Any;
}

static bool matchField(StringRef Pattern, bool Wild, StringRef Text,
                       CaseMode Mode) {
  if (!Wild)
    return Mode == CaseMode::Insensitive ? Pattern.equals_insensitive(Text)
                                         : Pattern == Text;
  return globMatch(Pattern, Text, Mode);
}

static bool matchFields(const std::array<StringRef, 6> &Fields,
                        const std::array<bool, 6> &Wild, const RequestView &V,
                        CaseMode PrefixMode) {
  // Compare the cheap, selective fields first: service, then resource.
  static const unsigned Order[] = {2, 5, 4, 3, 1, 0};
  for (unsigned I : Order) {
    CaseMode Mode = I == 5 ? CaseMode::Sensitive : PrefixMode;
    if (!matchField(Fields[I], Wild[I], V.ResourceFields[I], Mode))
      return false;
  }
  return true;
}

static bool matchResolvedResource(const CompiledResource &R,
                                  const RequestView &V, CaseMode PrefixMode) {
  static thread_local ResolvedString Buf;
  if (!resolveParts(R.Source->Parts, V.R->Context, Buf))
    return false; // "will not match any resource"
  StringRef Text = Buf.Text;
  if (Text == "*" && Buf.HasWildcard)
    return true;
  if (!V.ResourceIsArn)
    return false;
  // Split the resolved pattern into fields, carrying the mask along.
  size_t Begin = 0;
  for (unsigned I = 0; I < 6; ++I) {
    size_t End = Text.size();
    if (I < 5) {
      End = Text.find(':', Begin);
      if (End == StringRef::npos) {
        // A short pattern: the missing fields are `*`.
        StringRef Field = Text.substr(Begin);
        ArrayRef<bool> Mask = makeArrayRef(Buf.Wild).slice(Begin);
        CaseMode Mode = PrefixMode;
        if (!globMatch(Field, V.ResourceFields[I], Mode, Mask))
          return false;
        return true;
      }
    }
    StringRef Field = Text.slice(Begin, End);
    ArrayRef<bool> Mask = makeArrayRef(Buf.Wild).slice(Begin, End - Begin);
    CaseMode Mode = I == 5 ? CaseMode::Sensitive : PrefixMode;
    if (!globMatch(Field, V.ResourceFields[I], Mode, Mask))
      return false;
    Begin = End + 1;
  }
  return true;
}

bool matchResource(const CompiledStatement &S, const RequestView &V,
                   const EvalOptions &Options) {
  // No Resource element (trust policies, some resource policies): the
  // statement is about the resource the policy is attached to.
  if (!S.ResourcePresent)
    return true;
  CaseMode PrefixMode = Options.ResourcePrefixCaseInsensitive
                            ? CaseMode::Insensitive
                            : CaseMode::Sensitive;
  bool Any = false;
  for (const CompiledResource &R : S.Resources) {
    bool M;
    if (R.MatchesAll)
      M = true;
    else if (R.Source)
      M = matchResolvedResource(R, V, PrefixMode);
    else
      M = V.ResourceIsArn && matchFields(R.Fields, R.FieldWild, V, PrefixMode);
    if (M) {
      Any = true;
      break;
    }
  }
  return S.ResourceNegated ? !Any : Any;
}

static bool isAuthenticatedIam(CallerKind K) {
  return K == CallerKind::Root || K == CallerKind::User ||
         K == CallerKind::Role || K == CallerKind::RoleSession ||
         K == CallerKind::FederatedUser;
}

/// True when \p RoleArn names the role of the session \p Caller. A role ARN
/// may carry a path (`role/team/R`); the session ARN never does. Role names
/// are unique regardless of case in IAM, so they compare without case.
static bool roleMatchesSession(StringRef RoleArn, const Caller &C) {
  std::array<StringRef, 6> P, S;
  if (!splitArn(RoleArn, P) || !splitArn(C.Id, S))
    return false;
  if (P[2] != "iam" || !P[5].startswith("role/") || P[1] != S[1] ||
      P[4] != S[4])
    return false;
  StringRef RoleName = P[5].rsplit('/').second;
  StringRef SessionRole =
      S[5].drop_front(strlen("assumed-role/")).split('/').first;
  return !RoleName.empty() && RoleName.equals_insensitive(SessionRole);
}

static PrincipalMatch matchOne(const CompiledPrincipal &P,
                               const RequestView &V) {
  const Caller &C = V.R->Principal;
  switch (P.Kind) {
  case CompiledPrincipal::Everyone:
    return PrincipalMatch::Wildcard;
  case CompiledPrincipal::Account:
    return isAuthenticatedIam(C.Kind) && C.Account == P.Value
               ? PrincipalMatch::Account
               : PrincipalMatch::None;
  case CompiledPrincipal::Arn:
    if (C.Kind == CallerKind::Anonymous || C.Kind == CallerKind::Service)
      return PrincipalMatch::None;
    // "You cannot use a wildcard to match part of a principal name or ARN":
    // the comparison is exact.
    if (P.Value == C.Id)
      return PrincipalMatch::Exact;
    if (C.Kind == CallerKind::RoleSession && roleMatchesSession(P.Value, C))
      return PrincipalMatch::SessionRole;
    if (C.Kind == CallerKind::FederatedUser && P.Value == V.ParentArn)
      return PrincipalMatch::SessionUser;
    return PrincipalMatch::None;
  case CompiledPrincipal::Service:
    return C.Kind == CallerKind::Service && P.Value == C.Id
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  case CompiledPrincipal::Federated:
    return C.Kind == CallerKind::FederatedProvider && P.Value == C.Id
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  case CompiledPrincipal::Canonical:
    return C.Kind != CallerKind::Anonymous && !C.CanonicalId.empty() &&
                   P.Value == C.CanonicalId
               ? PrincipalMatch::Exact
               : PrincipalMatch::None;
  }
  return PrincipalMatch::None;
}

PrincipalMatch matchPrincipal(const CompiledStatement &S,
                              const RequestView &V) {
  if (!S.PrincipalPresent)
    return PrincipalMatch::None;
  if (S.PrincipalNegated) {
    // "The NotPrincipal element with a Deny effect will always deny any IAM
    // principal that has a permissions boundary policy attached, regardless
    // of the values specified in the NotPrincipal element."
    CallerKind K = V.R->Principal.Kind;
    if (S.Eff == Effect::Deny && V.HasBoundary && isAuthenticatedIam(K) &&
        K != CallerKind::Root)
      return PrincipalMatch::NotPrincipal;
    // The caller is excluded when any listed principal covers it, including
    // its account and, for sessions, its role or user.
    for (const CompiledPrincipal &P : S.Principals)
      if (matchOne(P, V) != PrincipalMatch::None)
        return PrincipalMatch::None;
    return PrincipalMatch::NotPrincipal;
  }
  PrincipalMatch Best = PrincipalMatch::None;
  for (const CompiledPrincipal &P : S.Principals) {
    PrincipalMatch M = matchOne(P, V);
    if (static_cast<uint8_t>(M) > static_cast<uint8_t>(Best))
      Best = M;
  }
  return Best;
}

} // namespace eval
} // namespace tollgate
