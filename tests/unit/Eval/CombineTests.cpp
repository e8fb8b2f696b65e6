//===- CombineTests.cpp - How policy types combine ------------------------===//

#include "Build.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::test;

namespace {

const char *Acct = "111122223333";
const char *Other = "444455556666";
const char *User = "arn:aws:iam::111122223333:user/alice";
const char *RoleArn = "arn:aws:iam::111122223333:role/app";
const char *Session = "arn:aws:sts::111122223333:assumed-role/app/s1";
const char *FedUser = "arn:aws:sts::111122223333:federated-user/bob";
const char *BobArn = "arn:aws:iam::111122223333:user/bob";
const char *OtherUser = "arn:aws:iam::444455556666:user/eve";
const char *Obj = "arn:aws:s3:::bucket/key";

std::unique_ptr<Policy> allowAll(PolicyType T = PolicyType::Identity) {
  auto P = policy(T);
  allow(*P, {"*"});
  return P;
}

std::unique_ptr<Policy> allowGet(PolicyType T = PolicyType::Identity) {
  auto P = policy(T);
  allow(*P, {"s3:GetObject"}, {"arn:aws:s3:::bucket/*"});
  return P;
}

/// A resource policy allowing s3:GetObject to principals of one kind.
std::unique_ptr<Policy> resourceAllow(PrincipalKind K,
                                      std::initializer_list<const char *> Ps,
                                      Effect E = Effect::Allow,
                                      bool NotPrincipal = false) {
  auto P = policy(PolicyType::Resource);
  Statement &S = stmt(*P, E, {"s3:GetObject"}, {"arn:aws:s3:::bucket/*"});
  principal(*P, S, K, Ps, NotPrincipal);
  return P;
}

Decision run(const PolicySet &S, const char *Who,
             const char *Action = "s3:GetObject", const char *Resource = Obj,
             const char *ResourceAccount = Acct) {
  return decide(request(Who, Action, Resource, ResourceAccount), S).D;
}

} // namespace

TEST_CASE("default deny and identity allow", "[eval][combine]") {
  PolicySet S;
  CHECK(run(S, User) == Decision::ImplicitDeny);
  auto Id = allowGet();
  S.Identity.push_back(Id.get());
  CHECK(run(S, User) == Decision::Allow);
  CHECK(run(S, User, "s3:PutObject") == Decision::ImplicitDeny);
  // Several identity policies OR.
  auto Put = policy();
  allow(*Put, {"s3:PutObject"});
  S.Identity.push_back(Put.get());
  CHECK(run(S, User, "s3:PutObject") == Decision::Allow);
}

TEST_CASE("explicit deny wins everywhere", "[eval][combine]") {
  auto Id = allowAll();
  auto Deny = policy();
  deny(*Deny, {"s3:Get*"});
  PolicySet S;
  S.Identity = {Id.get(), Deny.get()};
  DecideResult R = decide(request(User, "s3:GetObject", Obj, Acct), S);
  CHECK(R.D == Decision::ExplicitDeny);
  CHECK(R.Reason == DenyReason::ExplicitDeny);
  REQUIRE(R.Deciding.size() == 1);
  CHECK(R.Deciding[0].Role == PolicyRole::Identity);
  CHECK(R.Deciding[0].PolicyIndex == 1);
  CHECK(R.Deciding[0].StatementIndex == 0);
  // A resource-policy Allow does not beat it.
  auto Res = resourceAllow(PrincipalKind::AWS, {User});
  S.Resource = Res.get();
  CHECK(run(S, User) == Decision::ExplicitDeny);

  for (PolicyRole Where :
       {PolicyRole::Boundary, PolicyRole::Session, PolicyRole::SCP,
        PolicyRole::RCP, PolicyRole::Resource}) {
    INFO(policyRoleName(Where).str());
    PolicySet T;
    T.Identity = {Id.get()};
    auto D = policy(Where == PolicyRole::Resource ? PolicyType::Resource
                                                  : PolicyType::Identity);
    allow(*D, {"*"});
    Statement &St = deny(*D, {"s3:GetObject"});
    if (Where == PolicyRole::Resource)
      everyone(St), everyone(D->Statements[0]);
    switch (Where) {
    case PolicyRole::Boundary:
      T.Boundary = D.get();
      break;
    case PolicyRole::Session:
      T.Session = D.get();
      break;
    case PolicyRole::SCP:
      T.SCPs = {D.get()};
      break;
    case PolicyRole::RCP:
      T.RCPs = {D.get()};
      break;
    default:
      T.Resource = D.get();
      break;
    }
    CHECK(run(T, Session) == Decision::ExplicitDeny);
    CHECK(run(T, Session, "s3:PutObject") == Decision::Allow);
  }
}

TEST_CASE("SCPs: every level must allow", "[eval][combine][scp]") {
  auto Id = allowAll();
  auto Full = allowAll(PolicyType::SCP);
  auto S3Only = policy(PolicyType::SCP);
  allow(*S3Only, {"s3:*"});
  PolicySet S;
  S.Identity = {Id.get()};
  S.SCPs = {Full.get(), S3Only.get()};
  CHECK(run(S, User) == Decision::Allow);
  DecideResult R = decide(request(User, "ec2:RunInstances", "*", Acct), S);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::NoSCPAllow);
  // An SCP grants nothing by itself.
  PolicySet NoId;
  NoId.SCPs = {Full.get()};
  CHECK(run(NoId, User) == Decision::ImplicitDeny);
  // SCPs limit the root user too, but not service principals or anonymous
  // callers (they are not principals of the organization's accounts).
  auto Root = "arn:aws:iam::111122223333:root";
  PolicySet RootSet;
  RootSet.SCPs = {S3Only.get()};
  CHECK(run(RootSet, Root) == Decision::Allow);
  CHECK(run(RootSet, Root, "ec2:RunInstances", "*") == Decision::ImplicitDeny);
  auto Res = resourceAllow(PrincipalKind::Service, {"logs.amazonaws.com"});
  PolicySet Svc;
  Svc.Resource = Res.get();
  auto DenyScp = policy(PolicyType::SCP);
  deny(*DenyScp, {"*"});
  Svc.SCPs = {DenyScp.get()};
  CHECK(run(Svc, "logs.amazonaws.com") == Decision::Allow);
}

TEST_CASE("RCPs: every level must allow, for every caller",
          "[eval][combine][rcp]") {
  auto Id = allowAll();
  auto Rcp = policy(PolicyType::RCP);
  Statement &St = allow(*Rcp, {"s3:GetObject"});
  everyone(St);
  PolicySet S;
  S.Identity = {Id.get()};
  S.RCPs = {Rcp.get()};
  CHECK(run(S, User) == Decision::Allow);
  DecideResult R = decide(request(User, "s3:PutObject", Obj, Acct), S);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::NoRCPAllow);
  // Anonymous callers are limited by RCPs too.
  auto Public = resourceAllow(PrincipalKind::AWS, {"*"});
  auto Deny = policy(PolicyType::RCP);
  allow(*Deny, {"*"});
  deny(*Deny, {"s3:GetObject"});
  PolicySet Anon;
  Anon.Resource = Public.get();
  CHECK(run(Anon, "") == Decision::Allow);
  Anon.RCPs = {Deny.get()};
  CHECK(run(Anon, "") == Decision::ExplicitDeny);
}

TEST_CASE("permissions boundaries", "[eval][combine][boundary]") {
  auto Id = allowAll();
  auto Boundary = allowGet();
  PolicySet S;
  S.Identity = {Id.get()};
  S.Boundary = Boundary.get();
  CHECK(run(S, User) == Decision::Allow);
  DecideResult R = decide(request(User, "s3:PutObject", Obj, Acct), S);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::BoundaryDenies);
  // A boundary grants nothing by itself.
  PolicySet Only;
  Only.Boundary = Boundary.get();
  CHECK(run(Only, User) == Decision::ImplicitDeny);
}

TEST_CASE("session policies", "[eval][combine][session]") {
  auto Id = allowAll();
  auto Sess = allowGet(PolicyType::Session);
  PolicySet S;
  S.Identity = {Id.get()};
  S.Session = Sess.get();
  CHECK(run(S, Session) == Decision::Allow);
  DecideResult R = decide(request(Session, "s3:PutObject", Obj, Acct), S);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::SessionDenies);
  // Without a session policy a role session keeps its role's permissions,
  // and a federated user session has none.
  PolicySet NoSess;
  NoSess.Identity = {Id.get()};
  CHECK(run(NoSess, Session) == Decision::Allow);
  CHECK(run(NoSess, FedUser) == Decision::ImplicitDeny);
  NoSess.Session = Sess.get();
  CHECK(run(NoSess, FedUser) == Decision::Allow);
}

TEST_CASE("same account: resource-policy grants by principal type",
          "[eval][combine][resource]") {
  auto Boundary = policy(); // allows nothing that matters here
  allow(*Boundary, {"ec2:*"});
  auto Sess = policy(PolicyType::Session);
  allow(*Sess, {"ec2:*"});

  SECTION("an IAM user named directly needs no identity policy and is not "
          "limited by its boundary") {
    auto Res = resourceAllow(PrincipalKind::AWS, {User});
    PolicySet S;
    S.Resource = Res.get();
    CHECK(run(S, User) == Decision::Allow);
    S.Boundary = Boundary.get();
    CHECK(run(S, User) == Decision::Allow);
    CHECK(run(S, BobArn) == Decision::ImplicitDeny);
  }
  SECTION("a role ARN grant reaches its sessions, limited by boundary and "
          "session policy") {
    auto Res = resourceAllow(PrincipalKind::AWS, {RoleArn});
    PolicySet S;
    S.Resource = Res.get();
    CHECK(run(S, Session) == Decision::Allow);
    S.Boundary = Boundary.get();
    CHECK(run(S, Session) == Decision::ImplicitDeny);
    S.Boundary = nullptr;
    S.Session = Sess.get();
    CHECK(run(S, Session) == Decision::ImplicitDeny);
    // A role in another path with the same name is the same role.
    auto Pathed = resourceAllow(PrincipalKind::AWS,
                                {"arn:aws:iam::111122223333:role/x/app"});
    PolicySet P;
    P.Resource = Pathed.get();
    CHECK(run(P, Session) == Decision::Allow);
  }
  SECTION("a grant to the session ARN is not limited") {
    auto Res = resourceAllow(PrincipalKind::AWS, {Session});
    PolicySet S;
    S.Resource = Res.get();
    S.Boundary = Boundary.get();
    S.Session = Sess.get();
    CHECK(run(S, Session) == Decision::Allow);
    CHECK(run(S, "arn:aws:sts::111122223333:assumed-role/app/s2") ==
          Decision::ImplicitDeny);
  }
  SECTION("a federated user session: direct grant, or through its IAM user "
          "limited by the session policy") {
    auto Direct = resourceAllow(PrincipalKind::AWS, {FedUser});
    PolicySet S;
    S.Resource = Direct.get();
    CHECK(run(S, FedUser) == Decision::Allow);
    auto ViaUser = resourceAllow(PrincipalKind::AWS, {BobArn});
    PolicySet U;
    U.Resource = ViaUser.get();
    U.Session = Sess.get();
    CHECK(run(U, FedUser) == Decision::ImplicitDeny);
    auto Get = allowGet(PolicyType::Session);
    U.Session = Get.get();
    CHECK(run(U, FedUser) == Decision::Allow);
  }
  SECTION("Principal * grants within the account without identity policies") {
    auto Res = policy(PolicyType::Resource);
    everyone(allow(*Res, {"s3:GetObject"}, {"arn:aws:s3:::bucket/*"}));
    PolicySet S;
    S.Resource = Res.get();
    CHECK(run(S, User) == Decision::Allow);
    CHECK(run(S, Session) == Decision::Allow);
    CHECK(run(S, "") == Decision::Allow);
  }
  SECTION("an account principal delegates to identity policies") {
    for (const char *AccountPrincipal :
         {"111122223333", "arn:aws:iam::111122223333:root"}) {
      auto Res = resourceAllow(PrincipalKind::AWS, {AccountPrincipal});
      PolicySet S;
      S.Resource = Res.get();
      CHECK(run(S, User) == Decision::ImplicitDeny);
      auto Id = allowGet();
      S.Identity = {Id.get()};
      CHECK(run(S, User) == Decision::Allow);
    }
  }
  SECTION("a resource policy naming someone else changes nothing") {
    auto Res = resourceAllow(PrincipalKind::AWS, {BobArn});
    auto Id = allowGet();
    PolicySet S;
    S.Resource = Res.get();
    S.Identity = {Id.get()};
    CHECK(run(S, User) == Decision::Allow);
  }
}

TEST_CASE("cross-account requests need both sides", "[eval][combine][cross]") {
  auto Id = allowGet();
  auto Res = resourceAllow(PrincipalKind::AWS, {OtherUser});
  PolicySet S;
  S.Identity = {Id.get()};
  DecideResult R = decide(request(OtherUser, "s3:GetObject", Obj, Acct), S);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::NoResourceAllow);
  S.Resource = Res.get();
  CHECK(run(S, OtherUser) == Decision::Allow);
  PolicySet NoId;
  NoId.Resource = Res.get();
  R = decide(request(OtherUser, "s3:GetObject", Obj, Acct), NoId);
  CHECK(R.D == Decision::ImplicitDeny);
  CHECK(R.Reason == DenyReason::NoIdentityAllow);
  // Principal * still needs the caller's own Allow.
  auto Public = resourceAllow(PrincipalKind::AWS, {"*"});
  PolicySet P;
  P.Resource = Public.get();
  CHECK(run(P, OtherUser) == Decision::ImplicitDeny);
  P.Identity = {Id.get()};
  CHECK(run(P, OtherUser) == Decision::Allow);
  // An account principal trusts the whole other account.
  auto Acc = resourceAllow(PrincipalKind::AWS, {Other});
  PolicySet A;
  A.Resource = Acc.get();
  A.Identity = {Id.get()};
  CHECK(run(A, OtherUser) == Decision::Allow);
  // The boundary and SCPs of the caller still apply.
  auto Boundary = policy();
  allow(*Boundary, {"ec2:*"});
  A.Boundary = Boundary.get();
  CHECK(run(A, OtherUser) == Decision::ImplicitDeny);
  // An unknown resource account means the caller's own.
  PolicySet Own;
  Own.Identity = {Id.get()};
  CHECK(run(Own, OtherUser, "s3:GetObject", Obj, "") == Decision::Allow);
}

TEST_CASE("trust policies must allow explicitly", "[eval][combine][trust]") {
  const char *Target = "arn:aws:iam::111122223333:role/target";
  auto Id = policy();
  allow(*Id, {"sts:AssumeRole"});
  auto Trust = policy(PolicyType::Trust);
  Statement &St = stmt(*Trust, Effect::Allow, {"sts:AssumeRole"}, {});
  principal(*Trust, St, PrincipalKind::AWS, {BobArn});
  PolicySet S;
  S.Identity = {Id.get()};
  S.Resource = Trust.get();
  // Same account, identity allows, trust policy names someone else: denied.
  CHECK(run(S, User, "sts:AssumeRole", Target) == Decision::ImplicitDeny);
  // The principal named directly needs no identity policy.
  PolicySet Direct;
  Direct.Resource = Trust.get();
  CHECK(run(Direct, BobArn, "sts:AssumeRole", Target) == Decision::Allow);
  // Trusting the account lets identity policies decide.
  auto ByAccount = policy(PolicyType::Trust);
  principal(*ByAccount, stmt(*ByAccount, Effect::Allow, {"sts:AssumeRole"}, {}),
            PrincipalKind::AWS, {"arn:aws:iam::111122223333:root"});
  PolicySet Acc;
  Acc.Resource = ByAccount.get();
  CHECK(run(Acc, User, "sts:AssumeRole", Target) == Decision::ImplicitDeny);
  Acc.Identity = {Id.get()};
  CHECK(run(Acc, User, "sts:AssumeRole", Target) == Decision::Allow);
  // The same resource policy marked Implicit would not need that.
  PolicySet Imp;
  Imp.Identity = {Id.get()};
  Imp.Resource = Trust.get();
  Imp.Trust = ResourceTrust::Implicit;
  CHECK(run(Imp, User, "sts:AssumeRole", Target) == Decision::Allow);
  // Web identity federation.
  auto Web = policy(PolicyType::Trust);
  principal(*Web,
            stmt(*Web, Effect::Allow, {"sts:AssumeRoleWithWebIdentity"}, {}),
            PrincipalKind::Federated, {"cognito-identity.amazonaws.com"});
  PolicySet W;
  W.Resource = Web.get();
  CHECK(run(W, "cognito-identity.amazonaws.com",
            "sts:AssumeRoleWithWebIdentity", Target) == Decision::Allow);
  CHECK(run(W, "accounts.google.com", "sts:AssumeRoleWithWebIdentity",
            Target) == Decision::ImplicitDeny);
}

TEST_CASE("KMS key policies must allow explicitly", "[eval][combine][kms]") {
  const char *Key =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef";
  auto Id = policy();
  allow(*Id, {"kms:Decrypt"});
  auto KeyPolicy = policy(PolicyType::Resource);
  principal(*KeyPolicy, allow(*KeyPolicy, {"kms:*"}), PrincipalKind::AWS,
            {BobArn});
  PolicySet S;
  S.Identity = {Id.get()};
  S.Resource = KeyPolicy.get();
  CHECK(run(S, User, "kms:Decrypt", Key) == Decision::ImplicitDeny);
  CHECK(run(S, BobArn, "kms:Decrypt", Key) == Decision::Allow);
  // "Enable IAM policies": the key policy allows the account.
  principal(*KeyPolicy, allow(*KeyPolicy, {"kms:*"}), PrincipalKind::AWS,
            {"arn:aws:iam::111122223333:root"});
  CompiledPolicySet C(S);
  CHECK(C.decide(request(User, "kms:Decrypt", Key, Acct)).D == Decision::Allow);
  // Other KMS resources (aliases) follow the default rules.
  PolicySet Alias;
  Alias.Identity = {Id.get()};
  CHECK(run(Alias, User, "kms:Decrypt",
            "arn:aws:kms:us-east-1:111122223333:alias/a") == Decision::Allow);
}

TEST_CASE("anonymous and service callers", "[eval][combine]") {
  auto Id = allowAll();
  auto Acc = resourceAllow(PrincipalKind::AWS, {Acct});
  PolicySet S;
  S.Identity = {Id.get()};
  S.Resource = Acc.get();
  // Identity policies do not speak for anonymous callers.
  CHECK(run(S, "") == Decision::ImplicitDeny);
  auto Svc =
      resourceAllow(PrincipalKind::Service, {"cloudtrail.amazonaws.com"});
  PolicySet T;
  T.Resource = Svc.get();
  CHECK(run(T, "cloudtrail.amazonaws.com") == Decision::Allow);
  CHECK(run(T, "config.amazonaws.com") == Decision::ImplicitDeny);
  CHECK(run(T, "") == Decision::ImplicitDeny);
  // Canonical users.
  auto Canon = resourceAllow(PrincipalKind::CanonicalUser, {"79a59df9"});
  PolicySet C;
  C.Resource = Canon.get();
  Request R = request(OtherUser, "s3:GetObject", Obj, Acct);
  R.Principal.CanonicalId = "79a59df9";
  auto Get = allowGet();
  C.Identity = {Get.get()};
  CHECK(decide(R, C).D == Decision::Allow);
}

TEST_CASE("NotPrincipal", "[eval][combine][principal]") {
  auto Res = resourceAllow(PrincipalKind::AWS, {BobArn}, Effect::Allow, true);
  PolicySet S;
  S.Resource = Res.get();
  CHECK(run(S, User) == Decision::Allow);
  CHECK(run(S, BobArn) == Decision::ImplicitDeny);
  CHECK(run(S, "") == Decision::Allow);
  // Listing the account excludes the account principal, not every
  // identity in it (the NotPrincipal page's example: `user/Bob` and the
  // account root deny everyone except Bob).
  for (const char *Account : {Acct, "arn:aws:iam::111122223333:root"}) {
    auto Acc =
        resourceAllow(PrincipalKind::AWS, {Account}, Effect::Allow, true);
    PolicySet A;
    A.Resource = Acc.get();
    CHECK(run(A, User) == Decision::Allow);
  }
  auto BobAndAccount = resourceAllow(PrincipalKind::AWS,
                                     {BobArn, "arn:aws:iam::111122223333:root"},
                                     Effect::Deny, true);
  auto Everything = allowAll();
  PolicySet B;
  B.Identity = {Everything.get()};
  B.Resource = BobAndAccount.get();
  CHECK(run(B, BobArn) == Decision::Allow);
  CHECK(run(B, "arn:aws:iam::111122223333:root") == Decision::Allow);
  CHECK(run(B, User) == Decision::ExplicitDeny);
  CHECK(run(B, Session) == Decision::ExplicitDeny);
  CHECK(run(B, OtherUser) == Decision::ExplicitDeny);
  // Listing the role excludes its sessions.
  auto Role = resourceAllow(PrincipalKind::AWS, {RoleArn}, Effect::Allow, true);
  PolicySet R;
  R.Resource = Role.get();
  CHECK(run(R, Session) == Decision::ImplicitDeny);
  // Deny with NotPrincipal denies every principal with a boundary.
  auto Id = allowAll();
  auto DenyNP = resourceAllow(PrincipalKind::AWS, {User}, Effect::Deny, true);
  PolicySet D;
  D.Identity = {Id.get()};
  D.Resource = DenyNP.get();
  CHECK(run(D, User) == Decision::Allow);
  CHECK(run(D, BobArn) == Decision::ExplicitDeny);
  auto Boundary = allowAll();
  D.Boundary = Boundary.get();
  CHECK(run(D, User) == Decision::ExplicitDeny);
}

TEST_CASE("resource policy statements without a principal match nobody",
          "[eval][combine][principal]") {
  auto Res = policy(PolicyType::Resource);
  allow(*Res, {"s3:GetObject"});
  PolicySet S;
  S.Resource = Res.get();
  CHECK(run(S, User) == Decision::ImplicitDeny);
  // Principal elements in identity policies are ignored.
  auto Id = policy();
  principal(*Id, allow(*Id, {"s3:GetObject"}), PrincipalKind::AWS, {BobArn});
  PolicySet I;
  I.Identity = {Id.get()};
  CHECK(run(I, User) == Decision::Allow);
}

TEST_CASE("undecidable statements", "[eval][combine][unsupported]") {
  auto Id = allowAll();
  auto Odd = policy();
  cond(*Odd, deny(*Odd, {"s3:*"}), "StringMaybe", "test:K", {"x"});
  PolicySet S;
  S.Identity = {Id.get(), Odd.get()};
  DecideResult R = decide(request(User, "s3:GetObject", Obj, Acct), S);
  CHECK(R.D == Decision::Unsupported);
  REQUIRE(R.Deciding.size() == 1);
  CHECK(R.Deciding[0].PolicyIndex == 1);
  // Not matching the action: decided.
  CHECK(run(S, User, "ec2:RunInstances", "*") == Decision::Allow);
  // A known deny decides regardless.
  auto Deny = policy();
  deny(*Deny, {"*"});
  S.Identity.push_back(Deny.get());
  CHECK(run(S, User) == Decision::ExplicitDeny);
  // An undecidable Allow that cannot change an implicit deny.
  auto OddAllow = policy();
  cond(*OddAllow, allow(*OddAllow, {"s3:*"}), "StringMaybe", "test:K", {"x"});
  auto Scp = policy(PolicyType::SCP);
  allow(*Scp, {"ec2:*"});
  PolicySet T;
  T.Identity = {OddAllow.get()};
  CHECK(run(T, User) == Decision::Unsupported);
  T.SCPs = {Scp.get()};
  CHECK(run(T, User) == Decision::ImplicitDeny);
  // A statement without Action or NotAction.
  auto NoAction = policy();
  NoAction->Statements.emplace_back();
  PolicySet N;
  N.Identity = {NoAction.get()};
  CHECK(run(N, User) == Decision::Unsupported);
}

TEST_CASE("the root user", "[eval][combine]") {
  const char *Root = "arn:aws:iam::111122223333:root";
  PolicySet S;
  CHECK(run(S, Root) == Decision::Allow);
  auto Deny = policy();
  deny(*Deny, {"s3:*"});
  S.Identity = {Deny.get()};
  CHECK(run(S, Root) == Decision::ExplicitDeny);
}

TEST_CASE("deciding statements and explanations", "[eval][combine]") {
  auto Id = policy();
  allow(*Id, {"ec2:*"});
  allow(*Id, {"s3:GetObject"});
  auto Res = resourceAllow(PrincipalKind::AWS, {User});
  PolicySet S;
  S.Identity = {Id.get()};
  S.Resource = Res.get();
  CompiledPolicySet C(S);
  Request R = request(User, "s3:GetObject", Obj, Acct);
  DecideResult D = C.decide(R);
  CHECK(D.D == Decision::Allow);
  REQUIRE(D.Deciding.size() == 2);
  CHECK(D.Deciding[0].Role == PolicyRole::Identity);
  CHECK(D.Deciding[0].StatementIndex == 1);
  CHECK(D.Deciding[1].Role == PolicyRole::Resource);
  CHECK(&C.statement(D.Deciding[1]) == &Res->Statements[0]);
  Explanation E = C.explain(R);
  REQUIRE(E.Statements.size() == 3);
  CHECK_FALSE(E.Statements[0].ActionMatched);
  CHECK(E.Statements[1].Applies);
  CHECK(E.Statements[2].PrincipalMatched);
  CHECK(E.SameAccount);
}

TEST_CASE("a KMS key without its key policy grants nothing through IAM",
          "[eval][combine][kms]") {
  auto Id = policy();
  allow(*Id, {"kms:*"});
  PolicySet S;
  S.Identity = {Id.get()};
  CHECK(run(S, User, "kms:Decrypt",
            "arn:aws:kms:us-east-1:111122223333:key/k1") ==
        Decision::ImplicitDeny);
  S.Trust = ResourceTrust::Implicit;
  CHECK(run(S, User, "kms:Decrypt",
            "arn:aws:kms:us-east-1:111122223333:key/k1") == Decision::Allow);
}

TEST_CASE("a role as the caller: resource grants and its boundary",
          "[eval][combine][boundary]") {
  auto Boundary = policy();
  allow(*Boundary, {"ec2:*"});
  // Principal * is not limited by the boundary ...
  auto Public = resourceAllow(PrincipalKind::AWS, {"*"});
  PolicySet S;
  S.Resource = Public.get();
  S.Boundary = Boundary.get();
  CHECK(run(S, RoleArn) == Decision::Allow);
  // ... a grant naming the role, or a NotPrincipal that lets it in, is.
  auto Named = resourceAllow(PrincipalKind::AWS, {RoleArn});
  S.Resource = Named.get();
  CHECK(run(S, RoleArn) == Decision::ImplicitDeny);
  auto Not = resourceAllow(PrincipalKind::AWS, {BobArn}, Effect::Allow, true);
  S.Resource = Not.get();
  CHECK(run(S, RoleArn) == Decision::ImplicitDeny);
  S.Boundary = nullptr;
  CHECK(run(S, RoleArn) == Decision::Allow);
}

TEST_CASE("large action lists are matched through the service index",
          "[eval][match]") {
  auto P = policy();
  allow(*P, {"s3:GetObject", "s3:PutObject", "s3:List*", "ec2:Describe*",
             "iam:GetRole", "iam:GetUser", "sqs:SendMessage", "sns:Publish",
             "kms:Decrypt", "lambda:InvokeFunction", "*:GetThing"});
  PolicySet S;
  S.Identity = {P.get()};
  CHECK(run(S, User, "S3:getobject") == Decision::Allow);
  CHECK(run(S, User, "s3:ListBucket") == Decision::Allow);
  CHECK(run(S, User, "ec2:DescribeInstances") == Decision::Allow);
  CHECK(run(S, User, "dynamodb:GetThing") == Decision::Allow);
  CHECK(run(S, User, "s3:DeleteObject") == Decision::ImplicitDeny);
  CHECK(run(S, User, "iam:GetGroup") == Decision::ImplicitDeny);
  auto N = policy();
  stmt(*N, Effect::Allow,
       {"s3:GetObject", "s3:PutObject", "s3:List*", "ec2:Describe*",
        "iam:GetRole", "iam:GetUser", "sqs:SendMessage", "sns:Publish",
        "kms:Decrypt"},
       {"*"}, /*NotAction=*/true);
  PolicySet T;
  T.Identity = {N.get()};
  CHECK(run(T, User, "s3:GetObject") == Decision::ImplicitDeny);
  CHECK(run(T, User, "s3:DeleteObject") == Decision::Allow);
}
