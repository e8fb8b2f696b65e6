//===- Evaluator.cpp - The concrete IAM evaluator -------------------------===//
///
/// \file
/// Combines statement results into a decision, following the User Guide's
/// policy evaluation logic (single account and cross-account pages):
///
///   Deny     = some applicable Deny statement matches
///   Gate     = every SCP level allows and every RCP level allows
///   IdPath   = identity allows, the boundary (if any) allows and the
///              session policy (if any) allows
///   ResPath  = the resource policy allows the caller, directly or through
///              its role or user, within the limits that grant is subject to
///   same account:  Allow = !Deny && Gate && (IdPath || ResPath)
///   cross account: Allow = !Deny && Gate && IdPath && resource policy allows
///
/// Statements that cannot be decided are Unknown. Because the decision only
/// grows with Allow statements and only shrinks with Deny statements, it is
/// computed twice, once with every Unknown resolved against the request and
/// once in its favour; if the two differ the result is Unsupported.
///
//===----------------------------------------------------------------------===//

#include "Compiled.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace llvm;

namespace tollgate {

using namespace eval;

StringRef decisionName(Decision D) {
  switch (D) {
  case Decision::Allow:
    return "Allow";
  case Decision::ExplicitDeny:
    return "ExplicitDeny";
  case Decision::ImplicitDeny:
    return "ImplicitDeny";
  case Decision::Unsupported:
    return "Unsupported";
  }
  return "Unsupported";
}

StringRef policyRoleName(PolicyRole R) {
  switch (R) {
  case PolicyRole::Identity:
    return "identity";
  case PolicyRole::Resource:
    return "resource";
  case PolicyRole::Boundary:
    return "boundary";
  case PolicyRole::SCP:
    return "scp";
  case PolicyRole::RCP:
    return "rcp";
  case PolicyRole::Session:
    return "session";
  }
  return "identity";
}

StringRef denyReasonText(DenyReason R) {
  switch (R) {
  case DenyReason::None:
    return "allowed";
  case DenyReason::ExplicitDeny:
    return "a Deny statement matches";
  case DenyReason::NoSCPAllow:
    return "a service control policy level allows nothing that matches";
  case DenyReason::NoRCPAllow:
    return "a resource control policy level allows nothing that matches";
  case DenyReason::NoAllow:
    return "no statement allows the request";
  case DenyReason::BoundaryDenies:
    return "an identity policy allows, but the permissions boundary does not";
  case DenyReason::SessionDenies:
    return "an identity policy allows, but the session policy does not";
  case DenyReason::NoResourceAllow:
    return "cross-account: the resource-based policy does not allow the "
           "caller";
  case DenyReason::NoIdentityAllow:
    return "cross-account: the caller's own policies do not allow";
  case DenyReason::Unsupported:
    return "a construct the evaluator cannot decide determines the outcome";
  }
  return "";
}

class CompiledPolicySetImpl {
public:
  CompiledPolicySetImpl(const PolicySet &Set, EvalOptions Options)
      : Set(Set), Options(Options) {
    auto Add = [&](const Policy *P, PolicyRole Role, size_t Index) {
      Policies.push_back(
          compilePolicy(*P, Role, static_cast<uint16_t>(Index), Arena));
      TotalStatements += P->Statements.size();
      return static_cast<int>(Policies.size() - 1);
    };
    for (size_t I = 0; I < Set.Identity.size(); ++I)
      Add(Set.Identity[I], PolicyRole::Identity, I);
    if (Set.Resource)
      ResourceIdx = Add(Set.Resource, PolicyRole::Resource, 0);
    if (Set.Boundary)
      BoundaryIdx = Add(Set.Boundary, PolicyRole::Boundary, 0);
    for (size_t I = 0; I < Set.SCPs.size(); ++I)
      Add(Set.SCPs[I], PolicyRole::SCP, I);
    for (size_t I = 0; I < Set.RCPs.size(); ++I)
      Add(Set.RCPs[I], PolicyRole::RCP, I);
    if (Set.Session)
      SessionIdx = Add(Set.Session, PolicyRole::Session, 0);
  }

  Explanation run(const Request &R, bool WithTrace) const;

  PolicySet Set;
  EvalOptions Options;
  BumpPtrAllocator Arena;
  std::vector<CompiledPolicy> Policies;
  int ResourceIdx = -1, BoundaryIdx = -1, SessionIdx = -1;
  size_t TotalStatements = 0;
};

namespace {

/// Writes \p S with its ASCII letters in lower case to \p Out, eight bytes
/// at a time (as toLower() on each byte), and returns the position of the
/// first colon (the size if none).
size_t foldAscii(StringRef S, char *Out) {
  constexpr uint64_t Ones = 0x0101010101010101ULL;
  constexpr uint64_t Highs = 0x8080808080808080ULL;
  const char *P = S.data();
  size_t N = S.size(), Colon = StringRef::npos;
  for (; N >= 8; P += 8, Out += 8, N -= 8) {
    uint64_t W;
    std::memcpy(&W, P, 8);
    // Per byte (the high bit set aside): at least 'A', and above 'Z'.
    uint64_t Low = W & ~Highs;
    uint64_t GeA = Low + Ones * (0x80 - 'A');
    uint64_t GtZ = Low + Ones * (0x80 - 'Z' - 1);
    uint64_t Upper = GeA & ~GtZ & ~W & Highs;
    if (Colon == StringRef::npos) {
      // The high bit of each byte that is a colon.
      uint64_t X = W ^ (Ones * ':');
      uint64_t Colons = ~(((X & ~Highs) + ~Highs) | X | ~Highs);
      if (Colons)
        Colon = (P - S.data()) + countTrailingZeros(Colons) / 8;
    }
    W |= Upper >> 2; // 0x80 >> 2 is 0x20, the case bit
    std::memcpy(Out, &W, 8);
  }
  for (; N; ++P, ++Out, --N) {
    if (*P == ':' && Colon == StringRef::npos)
      Colon = P - S.data();
    *Out = toLower(*P);
  }
  return Colon == StringRef::npos ? S.size() : Colon;
}

/// Whether some statement is known to apply, and whether some may.
struct Agg {
  bool T = false, U = false;
  void add(Tri A) {
    T |= A == Tri::True;
    U |= A == Tri::Unknown;
  }
  /// For Allow statements: in the optimistic pass unknowns count.
  bool allow(bool Opt) const { return T || (Opt && U); }
  /// For Deny statements: in the optimistic pass unknowns do not count.
  bool deny(bool Opt) const { return T || (!Opt && U); }
};

struct StmtResult {
  Tri Applies = Tri::False;
  PrincipalMatch PM = PrincipalMatch::None;
};

/// Everything the combination needs, gathered from the statements.
struct Facts {
  CallerKind Kind = CallerKind::Anonymous;
  bool SameAccount = true;
  bool ExplicitTrust = false;
  bool PrincipalPolicies = true; ///< Identity, boundary, session, SCPs apply.
  bool HasBoundary = false, HasSession = false;
  Agg Deny, Identity, Boundary, Session;
  SmallVector<Agg, 6> SCPLevels, RCPLevels;
  /// Resource-policy allows by how the principal matched.
  Agg ResAccount, ResSessionRole, ResSessionUser, ResExact, ResNotPrincipal,
      ResWildcard;
};

struct Outcome {
  Decision D;
  DenyReason Reason;
  bool UsedIdentity = false, UsedResource = false;
};

Outcome combine(const Facts &F, bool Opt) {
  if (F.Deny.deny(Opt))
    return {Decision::ExplicitDeny, DenyReason::ExplicitDeny};
  for (const Agg &L : F.RCPLevels)
    if (!L.allow(Opt))
      return {Decision::ImplicitDeny, DenyReason::NoRCPAllow};
  bool Direct = F.ResExact.allow(Opt) || F.ResNotPrincipal.allow(Opt) ||
                F.ResWildcard.allow(Opt);
  if (!F.PrincipalPolicies) {
    // Anonymous, service and identity-provider callers have no policies of
    // their own: only the resource policy can grant.
    if (Direct)
      return {Decision::Allow, DenyReason::None, false, true};
    return {Decision::ImplicitDeny, DenyReason::NoAllow};
  }
  for (const Agg &L : F.SCPLevels)
    if (!L.allow(Opt))
      return {Decision::ImplicitDeny, DenyReason::NoSCPAllow};

  bool BoundaryOK = !F.HasBoundary || F.Boundary.allow(Opt);
  // Without a session policy a role session keeps its role's permissions;
  // a federated user session has none ("If you do not pass a policy ...").
  bool SessionOK =
      F.HasSession ? F.Session.allow(Opt) : F.Kind != CallerKind::FederatedUser;
  // The root user is allowed by default in its own account.
  bool IdAllows = F.Kind == CallerKind::Root || F.Identity.allow(Opt);
  bool IdPath = IdAllows && BoundaryOK && SessionOK;

  DenyReason IdReason = !IdAllows     ? DenyReason::NoAllow
                        : !BoundaryOK ? DenyReason::BoundaryDenies
                        : !SessionOK  ? DenyReason::SessionDenies
                                      : DenyReason::None;

  if (F.SameAccount) {
    // Trust and key policies must let the account's IAM policies in.
    if (F.ExplicitTrust && !F.ResAccount.allow(Opt)) {
      IdPath = false;
      if (IdReason == DenyReason::None)
        IdReason = DenyReason::NoResourceAllow;
    }
    // Grants to the session itself (or to everyone) are not limited by the
    // boundary or session policy; grants to the role (or to the IAM user
    // behind a federated session) are. A user named directly is not limited
    // by its boundary; a role named as the caller itself is (and so is a
    // role let in by a NotPrincipal, which does not name it at all).
    bool Limited = BoundaryOK && SessionOK;
    bool ExactOK = (F.ResExact.allow(Opt) || F.ResNotPrincipal.allow(Opt)) &&
                   (F.Kind != CallerKind::Role || Limited);
    bool ResPath =
        F.ResWildcard.allow(Opt) || ExactOK ||
        ((F.ResSessionRole.allow(Opt) || F.ResSessionUser.allow(Opt)) &&
         Limited);
    if (IdPath || ResPath)
      return {Decision::Allow, DenyReason::None, IdPath, ResPath};
    if (IdReason == DenyReason::NoResourceAllow)
      return {Decision::ImplicitDeny, DenyReason::NoAllow};
    return {Decision::ImplicitDeny, IdReason};
  }
  // Across accounts both sides must allow: the caller's account through its
  // own policies, the resource's account through the resource policy (which
  // may name the caller's account).
  if (!IdPath)
    return {Decision::ImplicitDeny, IdReason == DenyReason::NoAllow
                                        ? DenyReason::NoIdentityAllow
                                        : IdReason};
  bool ResAllows = Direct || F.ResAccount.allow(Opt) ||
                   F.ResSessionRole.allow(Opt) || F.ResSessionUser.allow(Opt);
  if (!ResAllows)
    return {Decision::ImplicitDeny, DenyReason::NoResourceAllow};
  return {Decision::Allow, DenyReason::None, true, true};
}

bool isKmsKey(const RequestView &V) {
  return V.resourceIsArn() && V.resourceFields()[2].equals_insensitive("kms") &&
         V.resourceFields()[5].startswith("key/");
}

bool isRoleArn(const RequestView &V) {
  return V.resourceIsArn() && V.resourceFields()[2].equals_insensitive("iam") &&
         V.resourceFields()[5].startswith("role/");
}

} // namespace

/// Evaluates one statement. With a trace every part is evaluated and
/// recorded; without one evaluation stops at the first failing part.
static StmtResult evalStatement(const CompiledStatement &S,
                                const RequestView &V, const EvalOptions &O,
                                bool Principals, StatementTrace *Trace) {
  StmtResult Out;
  if (!Trace && !(S.ServiceFilter & V.ServiceBit))
    return Out; // no action pattern names the request's service
  bool Action = !S.MissingAction && matchAction(S, V);
  if (!Trace && !Action && !S.MissingAction)
    return Out;
  bool Resource = matchResource(S, V, O);
  if (!Trace && !Resource)
    return Out;
  bool PrincipalOK = true;
  if (Principals) {
    Out.PM = matchPrincipal(S, V);
    PrincipalOK = Out.PM != PrincipalMatch::None;
    if (!Trace && !PrincipalOK)
      return Out;
  }
  Tri Conds = Tri::True;
  for (const CompiledCondition &C : S.Conditions) {
    Tri T = evalCondition(C, V.R->Context);
    if (Trace) {
      if (T == Tri::False)
        Trace->FailedConditions.push_back(C.Index);
      else if (T == Tri::Unknown)
        Trace->UnsupportedConditions.push_back(C.Index);
    }
    Conds = triAnd(Conds, T);
    if (!Trace && Conds == Tri::False)
      return Out;
  }
  Tri A = S.MissingAction ? Tri::Unknown : Action ? Tri::True : Tri::False;
  Tri All = triAnd(triAnd(A, Resource && PrincipalOK ? Tri::True : Tri::False),
                   Conds);
  Out.Applies = All;
  if (Trace) {
    Trace->ActionMatched = Action;
    Trace->ResourceMatched = Resource;
    Trace->PrincipalMatched = PrincipalOK;
    Trace->Applies = All != Tri::False;
    Trace->Unsupported = All == Tri::Unknown;
  }
  return Out;
}

Explanation CompiledPolicySetImpl::run(const Request &R, bool WithTrace) const {
  Explanation E;
  RequestView V;
  V.R = &R;
  V.Action.resize(R.Action.size());
  size_t Colon = foldAscii(R.Action, V.Action.data());
  V.ActionService = StringRef(V.Action.data(), Colon);
  V.ActionHash = hashString(V.Action);
  V.ServiceHash = hashString(V.ActionService);
  V.ServiceBit = serviceBit(V.ServiceHash);
  V.HasBoundary = Set.Boundary != nullptr;
  CallerKind Kind = R.Principal.Kind;
  // Only a resource policy's principals are matched against the parent.
  if (ResourceIdx >= 0 &&
      (Kind == CallerKind::RoleSession || Kind == CallerKind::FederatedUser))
    V.ParentArn = R.Principal.parentArn();

  Facts F;
  F.Kind = Kind;
  F.SameAccount = R.sameAccount();
  F.PrincipalPolicies = Kind != CallerKind::Anonymous &&
                        Kind != CallerKind::Service &&
                        Kind != CallerKind::FederatedProvider;
  F.HasBoundary = Set.Boundary != nullptr;
  F.HasSession = Set.Session != nullptr;
  switch (Set.Trust) {
  case ResourceTrust::Implicit:
    F.ExplicitTrust = false;
    break;
  case ResourceTrust::Explicit:
    F.ExplicitTrust = true;
    break;
  case ResourceTrust::Auto:
    // A KMS key always has a key policy, and "unless the key policy
    // explicitly allows it, you cannot use IAM policies to allow access to a
    // KMS key": with no key policy given, IAM policies alone grant nothing.
    // A role's trust policy is its resource policy; when none is given only
    // the identity side is checked.
    F.ExplicitTrust =
        (V.ActionService == "kms" && isKmsKey(V)) ||
        (Set.Resource && (Set.Resource->Type == PolicyType::Trust ||
                          (V.ActionService == "sts" && isRoleArn(V))));
    break;
  }
  E.SameAccount = F.SameAccount;
  E.SCPsApply = F.PrincipalPolicies;

  // The statements that apply (or may), kept to list the deciding ones.
  struct Applying {
    const CompiledPolicy *P;
    const CompiledStatement *S;
    StmtResult R;
  };
  SmallVector<Applying, 16> Hits;
  bool AnyUnknown = false;
  if (WithTrace)
    E.Statements.reserve(TotalStatements);

  for (const CompiledPolicy &P : Policies) {
    bool Applies = F.PrincipalPolicies || P.Role == PolicyRole::Resource ||
                   P.Role == PolicyRole::RCP;
    bool Principals = P.Role == PolicyRole::Resource;
    Agg LevelAllow;
    for (const CompiledStatement &S : P.Statements) {
      StatementTrace *Trace = nullptr;
      if (WithTrace) {
        E.Statements.emplace_back();
        Trace = &E.Statements.back();
        Trace->Ref = S.Ref;
        Trace->S = S.S;
        Trace->PrincipalMatched = !Principals;
      }
      StmtResult SR;
      if (Applies)
        SR = evalStatement(S, V, Options, Principals, Trace);
      if (SR.Applies == Tri::False)
        continue;
      AnyUnknown |= SR.Applies == Tri::Unknown;
      Hits.push_back({&P, &S, SR});
      if (S.Eff == Effect::Deny) {
        F.Deny.add(SR.Applies);
        continue;
      }
      switch (P.Role) {
      case PolicyRole::Identity:
        F.Identity.add(SR.Applies);
        break;
      case PolicyRole::Boundary:
        F.Boundary.add(SR.Applies);
        break;
      case PolicyRole::Session:
        F.Session.add(SR.Applies);
        break;
      case PolicyRole::SCP:
      case PolicyRole::RCP:
        LevelAllow.add(SR.Applies);
        break;
      case PolicyRole::Resource:
        switch (SR.PM) {
        case PrincipalMatch::None:
          break;
        case PrincipalMatch::Account:
          F.ResAccount.add(SR.Applies);
          break;
        case PrincipalMatch::SessionRole:
          F.ResSessionRole.add(SR.Applies);
          break;
        case PrincipalMatch::SessionUser:
          F.ResSessionUser.add(SR.Applies);
          break;
        case PrincipalMatch::Exact:
          F.ResExact.add(SR.Applies);
          break;
        case PrincipalMatch::NotPrincipal:
          F.ResNotPrincipal.add(SR.Applies);
          break;
        case PrincipalMatch::Wildcard:
          F.ResWildcard.add(SR.Applies);
          break;
        }
        break;
      }
    }
    if (P.Role == PolicyRole::SCP && F.PrincipalPolicies)
      F.SCPLevels.push_back(LevelAllow);
    else if (P.Role == PolicyRole::RCP)
      F.RCPLevels.push_back(LevelAllow);
  }

  Outcome Pess = combine(F, /*Opt=*/false);
  // Without an undecided statement both passes see the same facts.
  Outcome Opt = AnyUnknown ? combine(F, /*Opt=*/true) : Pess;
  DecideResult &Res = E.Result;
  bool Certain = Pess.D == Opt.D;
  Res.D = Certain ? Pess.D : Decision::Unsupported;
  Res.Reason = Certain ? Pess.Reason : DenyReason::Unsupported;

  // The deciding statements.
  for (const Applying &H : Hits) {
    const CompiledPolicy &P = *H.P;
    const CompiledStatement &S = *H.S;
    const StmtResult &SR = H.R;
    bool Pick = false;
    switch (Res.D) {
    case Decision::Unsupported:
      Pick = SR.Applies == Tri::Unknown;
      break;
    case Decision::ExplicitDeny:
      Pick = SR.Applies == Tri::True && S.Eff == Effect::Deny;
      break;
    case Decision::Allow:
      if (SR.Applies != Tri::True || S.Eff != Effect::Allow)
        break;
      if (P.Role == PolicyRole::Resource)
        Pick = (Pess.UsedResource && SR.PM != PrincipalMatch::None) ||
               SR.PM == PrincipalMatch::Account;
      else if (P.Role == PolicyRole::Identity || P.Role == PolicyRole::Session)
        Pick = Pess.UsedIdentity;
      else
        Pick = true;
      break;
    case Decision::ImplicitDeny:
      break;
    }
    if (Pick)
      Res.Deciding.push_back(S.Ref);
  }
  return E;
}

CompiledPolicySet::CompiledPolicySet(const PolicySet &Set, EvalOptions Options)
    : Impl(std::make_unique<CompiledPolicySetImpl>(Set, Options)) {}
CompiledPolicySet::~CompiledPolicySet() = default;
CompiledPolicySet::CompiledPolicySet(CompiledPolicySet &&) = default;
CompiledPolicySet &CompiledPolicySet::operator=(CompiledPolicySet &&) = default;

DecideResult CompiledPolicySet::decide(const Request &R) const {
  return Impl->run(R, /*WithTrace=*/false).Result;
}

Explanation CompiledPolicySet::explain(const Request &R) const {
  return Impl->run(R, /*WithTrace=*/true);
}

const PolicySet &CompiledPolicySet::policies() const { return Impl->Set; }

const Policy &CompiledPolicySet::policy(StatementRef Ref) const {
  for (const CompiledPolicy &P : Impl->Policies)
    if (P.Role == Ref.Role && P.Index == Ref.PolicyIndex)
      return *P.P;
  llvm_unreachable("statement reference names no policy of this set");
}

const Statement &CompiledPolicySet::statement(StatementRef Ref) const {
  return policy(Ref).Statements[Ref.StatementIndex];
}

DecideResult decide(const Request &R, const PolicySet &Set,
                    EvalOptions Options) {
  return CompiledPolicySet(Set, Options).decide(R);
}

} // namespace tollgate
