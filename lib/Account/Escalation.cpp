//===- Escalation.cpp - Privilege-escalation graph ------------------------===//
//
// The techniques and their sources come from the catalog file that check
// IAM201 reads (embedded once, in the lint library). What each technique
// does to whom is decided here, with the evaluator, one principal at a time:
// a principal's actions are first filtered by whether any of its Allow
// statements names them at all, so that the loops over targets only run for
// the few principals that hold IAM permissions.
//
//===----------------------------------------------------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Escalation.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Principal.h"
#include "tollgate/Request/RequestModel.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <deque>
#include <map>

extern "C" const char tollgate_privesc_data_begin[];
extern "C" const char tollgate_privesc_data_end[];

using namespace llvm;

namespace tollgate {
namespace account {

namespace {

struct Technique {
  std::string Name, Source;
  std::vector<std::string> Actions;
  std::string PassedTo;
};

const std::vector<Technique> &techniques() {
  static const std::vector<Technique> All = [] {
    std::vector<Technique> V;
    StringRef Text(tollgate_privesc_data_begin,
                   tollgate_privesc_data_end - tollgate_privesc_data_begin);
    SmallVector<StringRef, 128> Lines;
    Text.split(Lines, '\n');
    for (StringRef Line : Lines) {
      if (!Line.startswith("path\t"))
        continue;
      SmallVector<StringRef, 6> F;
      for (StringRef Field : split(Line, '\t'))
        if (!Field.empty())
          F.push_back(Field);
      if (F.size() < 4)
        continue;
      Technique T;
      T.Name = F[1].str();
      T.Source = F[2].str();
      for (StringRef A : split(F[3], ','))
        T.Actions.push_back(A.str());
      if (F.size() > 4 && F[4].consume_front("passed-to="))
        T.PassedTo = F[4].str();
      V.push_back(std::move(T));
    }
    return V;
  }();
  return All;
}

const Technique *technique(StringRef Name) {
  for (const Technique &T : techniques())
    if (T.Name == Name)
      return &T;
  return nullptr;
}

/// One principal's view: decisions of its own requests, cached.
class Actor {
public:
  Actor(const PrincipalAccess &PA) : PA(PA) {}

  /// False when no Allow statement of the principal names \p Action, so no
  /// request of it can be allowed.
  bool mayUse(StringRef Action) {
    auto [It, New] = MayUse.try_emplace(Action, false);
    if (New) {
      Explanation Ex = PA.compiled().explain(PA.request(Action, "*"));
      for (const StatementTrace &T : Ex.Statements)
        if (T.Ref.Role == PolicyRole::Identity && T.S &&
            T.S->Eff == Effect::Allow && (T.ActionMatched || T.Unsupported))
          It->second = true;
    }
    return It->second;
  }

  /// The statements that allow \p Action on \p Resource, or nothing.
  std::optional<EdgeStep> allowed(StringRef Action, StringRef Resource,
                                  const ContextList &Context = {}) {
    if (!mayUse(Action))
      return std::nullopt;
    Request R = PA.request(Action, Resource, Context);
    DecideResult D = PA.compiled().decide(R);
    if (D.D != Decision::Allow)
      return std::nullopt;
    return EdgeStep{R.Action, R.Resource, PA.cite(D.Deciding)};
  }

  /// \p Action on some resource of each of its ARN formats.
  std::optional<EdgeStep> allowedSomewhere(StringRef Action,
                                           StringRef Account) {
    if (!mayUse(Action))
      return std::nullopt;
    const Catalog &Cat = Catalog::builtin();
    std::vector<std::string> Resources{"*"};
    if (const ActionInfo *AI = Cat.action(Action))
      Resources = request::RequestModel(Cat).sampleResources(*AI, Account);
    for (const std::string &Res : Resources)
      if (std::optional<EdgeStep> S = allowed(Action, Res))
        return S;
    return std::nullopt;
  }

  const PrincipalAccess &PA;

private:
  StringMap<bool> MayUse;
};

/// A role's trust policy, ready for the questions of the graph.
struct RoleTrust {
  const Principal *Role = nullptr;
  std::vector<std::vector<PrincipalEntry>> Entries; // per statement
  /// Services the trust policy lets assume the role (for PassRole).
  StringSet<> Services;
  /// Some Allow statement may name a principal of this account.
  bool NamesAccount = false;
};

/// Does any Allow statement of \p T name caller \p C (whose session's
/// parent is \p Parent), and how strongly?
PrincipalMatch trustMatch(const RoleTrust &T, const Caller &C,
                          StringRef Parent) {
  PrincipalMatch Best = PrincipalMatch::None;
  const Policy &P = *T.Role->Trust->P;
  for (size_t I = 0; I < P.Statements.size(); ++I) {
    const Statement &S = P.Statements[I];
    if (S.Eff != Effect::Allow || !S.Principal.Present)
      continue;
    PrincipalMatch M =
        S.Principal.Everyone
            ? PrincipalMatch::Wildcard
            : matchPrincipalElement(T.Entries[I], S.Principal.Negated, S.Eff, C,
                                    Parent, /*HasBoundary=*/false);
    if (M != PrincipalMatch::None &&
        (Best == PrincipalMatch::None || M == PrincipalMatch::Exact))
      Best = M;
  }
  return Best;
}

struct Builder {
  const Account &A;
  const Guardrails &G;
  const AnalysisOptions &Options;
  std::vector<const Principal *> All;
  std::vector<std::unique_ptr<PrincipalAccess>> Access;
  std::vector<RoleTrust> Trusts;
  EscalationGraph Out;
  size_t AdminNode = 0;

  size_t groupNode(size_t GroupIndex) const { return All.size() + GroupIndex; }

  void nodes();
  void trusts();
  std::vector<EscalationEdge> edgesOf(size_t I);
  void paths();
};

void Builder::nodes() {
  All = A.principals();
  for (const Principal *P : All) {
    Access.push_back(std::make_unique<PrincipalAccess>(A, *P, G));
    Out.Nodes.push_back({P->label(), P->Arn, false});
  }
  std::vector<AdminAnswer> Admins = findAdmins(A, G, Options);
  for (size_t I = 0; I < All.size(); ++I) {
    Out.Nodes[I].Admin = Admins[I].V == AdminVerdict::Admin;
    if (Admins[I].V == AdminVerdict::Unknown)
      Out.Unknown.push_back(All[I]->label() + ": " + Admins[I].Reason);
  }
  // A group stands for a user who has no policy but the group's.
  std::vector<EscalationNode> Groups(A.Groups.size());
  parallelFor(A.Groups.size(), Options.Jobs, [&](size_t I) {
    const Group &Gr = A.Groups[I];
    Principal Member;
    Member.Kind = PrincipalKind::User;
    Member.Name = "member-of-" + Gr.Name;
    Member.Arn = "arn:aws:iam::" + A.Id + ":user/" + Member.Name;
    Member.Groups.push_back(Gr.Name);
    PrincipalAccess PA(A, Member, G);
    AdminAnswer Ans = checkAdmin(PA, Options);
    Groups[I] = {"group/" + Gr.Name, Gr.Arn, Ans.V == AdminVerdict::Admin};
  });
  for (EscalationNode &N : Groups)
    Out.Nodes.push_back(std::move(N));
  AdminNode = Out.Nodes.size();
  Out.Nodes.push_back({"any-policy", "", true});
}

void Builder::trusts() {
  LoadedPolicy Empty = makePolicy("<none>",
                                  "{\"Version\":\"2012-10-17\","
                                  "\"Statement\":[]}",
                                  PolicyType::Identity);
  request::RequestModel Model(Catalog::builtin());
  StringSet<> Services;
  for (const Technique &T : techniques())
    if (!T.PassedTo.empty())
      Services.insert(T.PassedTo);
  for (const Principal &R : A.Roles) {
    if (!R.Trust || !R.Trust->P)
      continue;
    RoleTrust T;
    T.Role = &R;
    for (const Statement &S : R.Trust->P->Statements) {
      std::vector<PrincipalEntry> E;
      for (const PrincipalValue &V : S.Principal.Values)
        E.push_back(classifyPrincipal(V));
      if (S.Eff == Effect::Allow && S.Principal.Present) {
        if (S.Principal.Everyone || S.Principal.Negated)
          T.NamesAccount = true;
        for (const PrincipalEntry &P : E)
          if (P.Kind == PrincipalEntry::Everyone ||
              (P.Kind == PrincipalEntry::Account && P.Value == A.Id) ||
              (P.Kind == PrincipalEntry::Arn &&
               (P.Value.contains('*') || P.Value.contains('?') ||
                P.Value.contains(":" + A.Id + ":"))))
            T.NamesAccount = true;
      }
      T.Entries.push_back(std::move(E));
    }
    // A service assumes a role passed to it on behalf of this account.
    PolicySet Set;
    Set.Identity.push_back(Empty.P.get());
    Set.Resource = R.Trust->P.get();
    Set.Trust = ResourceTrust::Explicit;
    CompiledPolicySet C(Set);
    for (const auto &S : Services) {
      Request Req;
      Req.Principal = Caller::fromId(S.getKey());
      Req.Action = "sts:AssumeRole";
      Req.Resource = R.Arn;
      Req.ResourceAccount = A.Id;
      Req.Context.set("aws:SourceAccount", A.Id);
      Model.complete(Req);
      if (C.decide(Req).D == Decision::Allow)
        T.Services.insert(S.getKey());
    }
    Trusts.push_back(std::move(T));
  }
}

std::vector<EscalationEdge> Builder::edgesOf(size_t I) {
  std::vector<EscalationEdge> Edges;
  const Principal &Self = *All[I];
  Actor Me(*Access[I]);
  auto Edge = [&](size_t To, const Technique *T, std::vector<EdgeStep> Steps) {
    Edges.push_back({I, To, T ? T->Name : "AssumeRole",
                     T ? T->Source : "aws-docs", std::move(Steps)});
  };
  auto RoleNode = [&](const Principal *R) {
    return size_t(R - A.Roles.data()) + A.Users.size();
  };

  // Assuming roles: the trust policy and the identity side together.
  // Role nodes this principal can act as, with the steps that get it there.
  std::map<size_t, std::vector<EdgeStep>> Reached;
  std::string Parent = Me.PA.caller().parentArn();
  for (const RoleTrust &T : Trusts) {
    if (T.Role == &Self || !T.NamesAccount)
      continue;
    PrincipalMatch M = trustMatch(T, Me.PA.caller(), Parent);
    if (M == PrincipalMatch::None)
      continue;
    if (M != PrincipalMatch::Exact && M != PrincipalMatch::SessionRole &&
        !Me.mayUse("sts:AssumeRole"))
      continue;
    PolicySet Set = Me.PA.policySet();
    Set.Resource = T.Role->Trust->P.get();
    Set.Trust = ResourceTrust::Explicit;
    CompiledPolicySet C(Set);
    Request R = Me.PA.request("sts:AssumeRole", T.Role->Arn);
    R.ResourceAccount = A.Id;
    DecideResult D = C.decide(R);
    if (D.D != Decision::Allow)
      continue;
    EdgeStep Step{R.Action, R.Resource, {}};
    for (StatementRef Ref : D.Deciding) {
      if (Ref.Role == PolicyRole::Resource) {
        const Policy &TP = *T.Role->Trust->P;
        const Statement &S = TP.Statements[Ref.StatementIndex];
        Step.Because.push_back({"trust policy of " + T.Role->label(),
                                S.displayName(Ref.StatementIndex),
                                A.Source->name().str(),
                                A.Source->position(S.L.Range.Begin).Line,
                                T.Role->Trust->Pointer + TP.pointer(S.L.Path)});
      } else {
        Step.Because.push_back(Me.PA.cite(Ref));
      }
    }
    Edges.push_back({I, RoleNode(T.Role), "AssumeRole", "aws-docs", {Step}});
    Reached.try_emplace(RoleNode(T.Role), std::vector<EdgeStep>{Step});
  }

  // Passing a role to a service, then using the service.
  for (const Technique &T : techniques()) {
    if (T.PassedTo.empty() || !Me.mayUse("iam:PassRole"))
      continue;
    std::vector<EdgeStep> Others;
    bool All = true;
    for (const std::string &Action : T.Actions) {
      if (Action == "iam:PassRole")
        continue;
      std::optional<EdgeStep> S = Me.allowedSomewhere(Action, A.Id);
      if (!S) {
        All = false;
        break;
      }
      Others.push_back(std::move(*S));
    }
    if (!All)
      continue;
    for (const RoleTrust &RT : Trusts) {
      if (!RT.Services.count(T.PassedTo) || RT.Role == &Self)
        continue;
      std::optional<EdgeStep> Pass =
          Me.allowed("iam:PassRole", RT.Role->Arn,
                     {{"iam:PassedToService", {T.PassedTo}}});
      if (!Pass)
        continue;
      std::vector<EdgeStep> Steps{*Pass};
      Steps.insert(Steps.end(), Others.begin(), Others.end());
      Reached.try_emplace(RoleNode(RT.Role), Steps);
      Edge(RoleNode(RT.Role), &T, std::move(Steps));
    }
  }

  // Credentials of other users.
  for (StringRef Name :
       {"CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile"}) {
    const Technique *T = technique(Name);
    if (!T || !Me.mayUse(T->Actions[0]))
      continue;
    for (size_t U = 0; U < A.Users.size(); ++U)
      if (&A.Users[U] != &Self)
        if (std::optional<EdgeStep> S =
                Me.allowed(T->Actions[0], A.Users[U].Arn))
          Edge(U, T, {*S});
  }

  // Group membership: a user adds itself.
  if (!Self.isRole())
    if (const Technique *T = technique("AddUserToGroup"))
      for (size_t Gi = 0; Gi < A.Groups.size(); ++Gi)
        if (std::optional<EdgeStep> S =
                Me.allowed(T->Actions[0], A.Groups[Gi].Arn))
          Edge(groupNode(Gi), T, {*S});

  // Trust policy updates, then assuming the role.
  if (const Technique *T = technique("UpdateRolePolicyToAssumeIt"))
    if (Me.mayUse("iam:UpdateAssumeRolePolicy"))
      for (const Principal &R : A.Roles) {
        if (&R == &Self)
          continue;
        std::optional<EdgeStep> U =
            Me.allowed("iam:UpdateAssumeRolePolicy", R.Arn);
        std::optional<EdgeStep> Assume =
            U ? Me.allowed("sts:AssumeRole", R.Arn) : std::nullopt;
        if (U && Assume) {
          Reached.try_emplace(RoleNode(&R), std::vector<EdgeStep>{*U, *Assume});
          Edge(RoleNode(&R), T, {*U, *Assume});
        }
      }

  // Changing the policies of itself, of its groups or of a role it can act
  // as: any permission, so an edge to `any-policy`.
  struct Target {
    std::string Arn;
    StringRef Put, Attach;
    std::vector<std::string> Managed;
    /// For a role: the steps to act as it.
    std::vector<EdgeStep> Before;
  };
  std::vector<Target> Targets;
  if (!Self.isRole())
    Targets.push_back(
        {Self.Arn, "PutUserPolicy", "AttachUserPolicy", Self.Attached});
  else
    Targets.push_back(
        {Self.Arn, "PutRolePolicy", "AttachRolePolicy", Self.Attached});
  for (const std::string &GName : Self.Groups)
    if (const Group *Gr = A.groupByName(GName))
      Targets.push_back(
          {Gr->Arn, "PutGroupPolicy", "AttachGroupPolicy", Gr->Attached});
  for (auto &[N, Steps] : Reached) {
    const Principal &R = A.Roles[N - A.Users.size()];
    Targets.push_back(
        {R.Arn, "PutRolePolicy", "AttachRolePolicy", R.Attached, Steps});
  }
  // One edge per technique to `any-policy`: the first target found.
  StringSet<> Done;
  auto ToAdmin = [&](const Technique *T, const Target &Tg, EdgeStep S) {
    if (!Done.insert(T->Name).second)
      return;
    std::vector<EdgeStep> Steps = Tg.Before;
    Steps.push_back(std::move(S));
    Edge(AdminNode, T, std::move(Steps));
  };
  for (const Target &Tg : Targets) {
    for (StringRef Name : {Tg.Put, Tg.Attach}) {
      const Technique *T = technique(Name);
      if (!T)
        continue;
      if (std::optional<EdgeStep> S = Me.allowed(T->Actions[0], Tg.Arn))
        ToAdmin(T, Tg, std::move(*S));
    }
    for (StringRef Name :
         {"CreateNewPolicyVersion", "SetExistingDefaultPolicyVersion"}) {
      const Technique *T = technique(Name);
      if (!T || !Me.mayUse(T->Actions[0]))
        continue;
      for (const std::string &Arn : Tg.Managed) {
        const ManagedPolicy *M = A.policyByArn(Arn);
        if (!M || M->AwsManaged)
          continue;
        if (std::optional<EdgeStep> S = Me.allowed(T->Actions[0], Arn))
          ToAdmin(T, Tg, std::move(*S));
      }
    }
  }
  return Edges;
}

void Builder::paths() {
  size_t N = Out.Nodes.size();
  // Group nodes lead to their members' permissions only for the user who
  // joins; a group that is an administrator is an end.
  std::vector<std::vector<size_t>> Into(N); // edges into each node
  for (size_t E = 0; E < Out.Edges.size(); ++E)
    Into[Out.Edges[E].To].push_back(E);
  // Breadth-first from every administrator backwards: Next[n] is the first
  // edge of a shortest path from n.
  std::vector<long> Next(N, -1);
  std::vector<bool> Seen(N, false);
  std::deque<size_t> Queue;
  for (size_t I = 0; I < N; ++I)
    if (Out.Nodes[I].Admin) {
      Seen[I] = true;
      Queue.push_back(I);
    }
  while (!Queue.empty()) {
    size_t To = Queue.front();
    Queue.pop_front();
    for (size_t E : Into[To]) {
      size_t From = Out.Edges[E].From;
      if (Seen[From])
        continue;
      Seen[From] = true;
      Next[From] = long(E);
      Queue.push_back(From);
    }
  }
  for (size_t I = 0; I < All.size(); ++I) {
    if (Out.Nodes[I].Admin || Next[I] < 0)
      continue;
    EscalationPath P;
    P.Start = I;
    for (size_t At = I; !Out.Nodes[At].Admin; At = Out.Edges[Next[At]].To)
      P.Edges.push_back(size_t(Next[At]));
    Out.Paths.push_back(std::move(P));
  }
}

} // namespace

EscalationGraph buildEscalation(const Account &A, const Guardrails &G,
                                const AnalysisOptions &Options) {
  Builder B{A, G, Options, {}, {}, {}, {}, 0};
  B.nodes();
  B.trusts();
  // An administrator has nothing to gain: no edges leave it.
  std::vector<std::vector<EscalationEdge>> Per(B.All.size());
  parallelFor(B.All.size(), Options.Jobs, [&](size_t I) {
    if (!B.Out.Nodes[I].Admin)
      Per[I] = B.edgesOf(I);
  });
  for (auto &V : Per)
    for (EscalationEdge &E : V)
      B.Out.Edges.push_back(std::move(E));
  B.paths();
  return std::move(B.Out);
}

} // namespace account
} // namespace tollgate
