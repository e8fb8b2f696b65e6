//===- Verifier.cpp - Containment of policy sets --------------------------===//

#include "tollgate/Verify/Verify.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Support/Deadline.h"
#include "tollgate/Support/Glob.h"
#include "tollgate/Verify/Encoder.h"
#include "tollgate/Verify/Solver.h"
#include "tollgate/Verify/Subsumption.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <set>

using namespace llvm;

namespace tollgate {
namespace verify {

StringRef verdictName(Verdict V) {
  switch (V) {
  case Verdict::Pass:
    return "PASS";
  case Verdict::Fail:
    return "FAIL";
  case Verdict::Unknown:
    return "UNKNOWN";
  }
  return "UNKNOWN";
}

namespace {

const char *HomeAccount = "111122223333";

void collect(const PolicySet &S, std::vector<const Policy *> &Out) {
  Out.insert(Out.end(), S.Identity.begin(), S.Identity.end());
  for (const Policy *P : {S.Resource, S.Boundary, S.Session})
    if (P)
      Out.push_back(P);
  Out.insert(Out.end(), S.SCPs.begin(), S.SCPs.end());
  Out.insert(Out.end(), S.RCPs.begin(), S.RCPs.end());
}

/// A representative of each class of actions that the policies' action
/// patterns cannot tell apart.
struct ActionGroups {
  std::vector<std::string> Reps; ///< Folded action names.
  std::vector<std::string> Display;
  /// Catalog members of each group, as indexes into Catalog::actions().
  std::vector<std::vector<uint32_t>> Members;
};

ActionGroups groupActions(const Catalog &Cat,
                          ArrayRef<const Policy *> Policies) {
  std::vector<std::string> Patterns;
  {
    std::set<std::string> Seen;
    for (const Policy *P : Policies)
      for (const Statement &S : P->Statements)
        for (const ActionPattern &A : S.Action.Patterns) {
          std::string F = A.Text.lower();
          if (F != "*" && Seen.insert(F).second)
            Patterns.push_back(F);
        }
    // The evaluator treats kms and sts actions apart (key and trust
    // policies): keep them in their own groups.
    for (const char *Svc : {"kms:*", "sts:*"})
      if (Seen.insert(Svc).second)
        Patterns.push_back(Svc);
  }
  ArrayRef<ActionInfo> All = Cat.actions();
  std::vector<std::vector<uint32_t>> Sig(All.size());
  for (uint32_t PI = 0; PI < Patterns.size(); ++PI)
    Cat.forEachMatchingAction(Patterns[PI], [&](const ActionInfo &A) {
      Sig[&A - All.data()].push_back(PI);
    });
  std::map<std::vector<uint32_t>, size_t> Seen;
  ActionGroups G;
  for (size_t I = 0; I < All.size(); ++I) {
    auto It = Seen.emplace(Sig[I], G.Reps.size());
    if (It.second) {
      G.Reps.push_back(All[I].FullName.lower());
      G.Display.push_back(All[I].FullName.str());
      G.Members.emplace_back();
    }
    G.Members[It.first->second].push_back(static_cast<uint32_t>(I));
  }
  // Literal actions the catalog does not know form groups of their own.
  for (const std::string &P : Patterns) {
    if (hasWildcard(P) || Cat.action(P))
      continue;
    std::vector<uint32_t> S;
    for (uint32_t PI = 0; PI < Patterns.size(); ++PI)
      if (hasWildcard(Patterns[PI]) ? globMatch(Patterns[PI], P)
                                    : Patterns[PI] == P)
        S.push_back(PI);
    if (Seen.emplace(S, G.Reps.size()).second) {
      G.Reps.push_back(P);
      G.Display.push_back(P);
      G.Members.emplace_back();
    }
  }
  return G;
}

Caller makeCaller(CallerKind K, std::string Id, std::string Account) {
  Caller C;
  C.Kind = K;
  C.Id = std::move(Id);
  C.Account = std::move(Account);
  return C;
}

/// The callers that resource policies can tell apart.
std::vector<Caller> enumerateCallers(ArrayRef<const PolicySet *> Sets) {
  bool AnyResource = false;
  std::vector<const Policy *> Res;
  for (const PolicySet *S : Sets)
    if (S && S->Resource) {
      AnyResource = true;
      Res.push_back(S->Resource);
    }
  std::vector<Caller> Out;
  auto user = [](StringRef Acct) {
    return makeCaller(CallerKind::User,
                      ("arn:aws:iam::" + Acct + ":user/tollgate-user").str(),
                      Acct.str());
  };
  if (!AnyResource) {
    Out.push_back(user(HomeAccount));
    return Out;
  }
  std::set<std::string> Accounts{HomeAccount};
  std::vector<Caller> Listed;
  std::vector<std::string> Canonical;
  for (const Policy *P : Res)
    for (const Statement &S : P->Statements)
      for (const PrincipalValue &V : S.Principal.Values) {
        StringRef T = V.Value.Text;
        switch (V.Kind) {
        case PrincipalKind::AWS: {
          if (T == "*")
            break;
          Caller C = Caller::fromId(T);
          if (!C.Account.empty())
            Accounts.insert(C.Account);
          Listed.push_back(C);
          std::array<StringRef, 6> F;
          if (splitArn(T, F) && F[5].startswith("role/")) {
            StringRef Name = F[5].rsplit('/').second;
            Listed.push_back(
                Caller::fromId(("arn:" + F[1] + ":sts::" + F[4] +
                                ":assumed-role/" + Name + "/tollgate-session")
                                   .str()));
          }
          if (splitArn(T, F) && F[5].startswith("user/")) {
            StringRef Name = F[5].rsplit('/').second;
            Listed.push_back(Caller::fromId(
                ("arn:" + F[1] + ":sts::" + F[4] + ":federated-user/" + Name)
                    .str()));
          }
          break;
        }
        case PrincipalKind::Service:
          Listed.push_back(makeCaller(CallerKind::Service, T.str(), ""));
          break;
        case PrincipalKind::Federated:
          Listed.push_back(
              makeCaller(CallerKind::FederatedProvider, T.str(), ""));
          break;
        case PrincipalKind::CanonicalUser:
          Canonical.push_back(T.str());
          break;
        }
      }
  std::string Fresh = "999999999999";
  while (Accounts.count(Fresh))
    Fresh[0] = static_cast<char>(Fresh[0] - 1);
  Accounts.insert(Fresh);
  Out.push_back(makeCaller(CallerKind::Anonymous, "*", ""));
  Out.push_back(makeCaller(CallerKind::Service, "tollgate.amazonaws.com", ""));
  Out.push_back(makeCaller(CallerKind::FederatedProvider,
                           "tollgate-provider.example.com", ""));
  for (const std::string &A : Accounts) {
    Out.push_back(user(A));
    Out.push_back(Caller::fromId("arn:aws:iam::" + A + ":root"));
    Out.push_back(Caller::fromId("arn:aws:iam::" + A + ":role/tollgate-role"));
    Out.push_back(Caller::fromId(
        "arn:aws:sts::" + A + ":assumed-role/tollgate-role/tollgate-session"));
    Out.push_back(
        Caller::fromId("arn:aws:sts::" + A + ":federated-user/tollgate-user"));
  }
  Out.insert(Out.end(), Listed.begin(), Listed.end());
  // Canonical ids are an attribute of any authenticated caller.
  size_t N = Out.size();
  for (const std::string &Id : Canonical)
    for (size_t I = 0; I < N; ++I)
      if (Out[I].Kind != CallerKind::Anonymous) {
        Caller C = Out[I];
        C.CanonicalId = Id;
        Out.push_back(C);
      }
  return Out;
}

/// Fills the wildcards of a pattern to get a matching text.
std::string instantiate(StringRef Pattern, StringRef Fill) {
  std::string Out;
  for (char C : Pattern) {
    if (C == '*')
      Out += Fill.str();
    else if (C == '?')
      Out += 'x';
    else
      Out += C;
  }
  return Out;
}

/// A resource that matches the ARN pattern \p Pattern and reads like a real
/// one: a region or account field that is only `*` becomes `us-east-1` or
/// the caller's account, so that the request stays in the caller's account.
/// Other wildcards are filled as by instantiate().
std::string instantiateArn(StringRef Pattern, StringRef Fill) {
  SmallVector<StringRef, 6> Fields;
  Pattern.split(Fields, ':', 5);
  if (Fields.size() != 6 || Fields[0] != "arn")
    return instantiate(Pattern, Fill);
  std::string Out;
  for (unsigned I = 0; I < 6; ++I) {
    if (I)
      Out += ':';
    if (I == 3 && Fields[I] == "*")
      Out += "us-east-1";
    else if (I == 4 && Fields[I] == "*")
      Out += HomeAccount;
    else
      Out += instantiate(Fields[I], Fill);
  }
  return Out;
}

/// Text of a policy string with variables replaced by \p VarValue and
/// escapes by their character.
std::string flatten(const PolicyString &S, StringRef VarValue) {
  if (S.Parts.empty())
    return S.Text.str();
  std::string Out;
  for (const StringPart &P : S.Parts) {
    if (P.K == StringPart::Variable)
      Out += VarValue.str();
    else
      Out += P.Value.str();
  }
  return Out;
}

/// Makes a solver's counterexample read like a request: empty ARN fields
/// and resource names filled in, unprintable context values replaced by a
/// word. Each change is kept only when the request still replays as a
/// counterexample.
template <typename IsCex> void prettify(Counterexample &Cx, IsCex &&isCex) {
  auto attempt = [&](Request R) {
    Counterexample Try;
    if (!isCex(R, Try))
      return false;
    Try.FutureAction = Cx.FutureAction;
    Cx = std::move(Try);
    return true;
  };
  std::array<StringRef, 6> F;
  if (splitArn(Cx.R.Resource, F)) {
    std::string Fields[6];
    for (unsigned I = 0; I < 6; ++I)
      Fields[I] = F[I].str();
    const char *Defaults[] = {"arn",       "aws",          "tollgate",
                              "us-east-1", "111122223333", "tollgate"};
    for (unsigned I = 0; I < 6; ++I) {
      std::string Old = Fields[I];
      if (I < 5 && !Old.empty())
        continue;
      if (I == 5 && !Old.empty() && Old.back() != '/')
        continue;
      Fields[I] = I == 5 ? Old + "tollgate" : Defaults[I];
      Request R = Cx.R;
      R.Resource = join(ArrayRef<std::string>(Fields, 6), ":");
      if (!attempt(R))
        Fields[I] = Old;
    }
  }
  auto unprintable = [](StringRef S) {
    return S.empty() || any_of(S, [](char C) {
             return static_cast<unsigned char>(C) < 0x20 ||
                    static_cast<unsigned char>(C) > 0x7e;
           });
  };
  // Copies: a kept change replaces the request being read.
  std::vector<ContextValue> Values;
  for (const ContextValue *V : Cx.R.Context.sorted())
    if (any_of(V->Values, unprintable))
      Values.push_back(*V);
  for (ContextValue &V : Values) {
    for (std::string &X : V.Values)
      if (unprintable(X))
        X = "tollgate";
    Request R = Cx.R;
    if (V.MultiValued)
      R.Context.setMulti(V.Name, V.Values);
    else
      R.Context.set(V.Name, V.Values.front());
    attempt(R);
  }
}

} // namespace

struct Verifier::Impl {
  const Catalog &Cat;
  VerifyOptions Opt;
  std::unique_ptr<SolverBackend> Backend = createZ3Backend();
  unsigned DumpCounter = 0;

  Impl(const Catalog &Cat, VerifyOptions Opt) : Cat(Cat), Opt(Opt) {}

  /// The policy variables of \p All, each set to a plain value.
  RequestContext varsContext(ArrayRef<const Policy *> All) {
    RequestContext Vars;
    auto noteVars = [&](const PolicyString &S) {
      for (const StringPart &P : S.Parts)
        if (P.K == StringPart::Variable)
          Vars.set(P.Value.trim(), "tollgate-user");
    };
    for (const Policy *P : All)
      for (const Statement &S : P->Statements) {
        for (const PolicyString &R : S.Resource.Patterns)
          noteVars(R);
        for (const Condition &C : S.Conditions)
          for (const ConditionValue &V : C.Values)
            noteVars(V.Value);
      }
    return Vars;
  }

  /// A context that tries to satisfy the conditions of \p S.
  /// Each condition uses its value number \p Index (or its last).
  RequestContext contextFor(const Statement &S, const RequestContext &Vars,
                            size_t Index = 0) {
    RequestContext Ctx = Vars;
    for (const Condition &C : S.Conditions) {
      if (C.Values.empty())
        continue;
      std::string V =
          flatten(C.Values[std::min(Index, C.Values.size() - 1)].Value,
                  "tollgate-user");
      OperatorFamily F = operatorFamily(C.Op);
      bool Neg = isNegatedOperator(C.Op);
      if (C.Op == ConditionOp::Null) {
        // Present: keep a value another condition chose.
        if (V != "false")
          Ctx.erase(C.Key);
        else if (!Ctx.lookup(C.Key))
          Ctx.set(C.Key, "tollgate");
        continue;
      }
      if (Neg) {
        Ctx.erase(C.Key);
        continue;
      }
      switch (F) {
      case OperatorFamily::Numeric: {
        Optional<double> N = parseNumber(V);
        double D = N ? *N : 0;
        if (C.Op == ConditionOp::NumericLessThan)
          D -= 1;
        if (C.Op == ConditionOp::NumericGreaterThan)
          D += 1;
        Ctx.set(C.Key, std::to_string(static_cast<long long>(D)));
        break;
      }
      case OperatorFamily::Date: {
        Optional<int64_t> D = parseDate(V);
        int64_t S = D ? *D / 1000 : 0;
        if (C.Op == ConditionOp::DateLessThan)
          S -= 1;
        if (C.Op == ConditionOp::DateGreaterThan)
          S += 1;
        Ctx.set(C.Key, std::to_string(S));
        break;
      }
      case OperatorFamily::Ip:
        Ctx.set(C.Key, V.substr(0, V.find('/')));
        break;
      default:
        if (C.Qualifier != SetQualifier::None)
          Ctx.setMulti(C.Key, {instantiate(V, "tollgate")});
        else
          Ctx.set(C.Key, instantiate(V, "tollgate"));
      }
    }
    return Ctx;
  }

  /// Candidate contexts: none, variables set, and one per Allow statement
  /// of \p A that tries to satisfy its conditions.
  std::vector<RequestContext> contexts(ArrayRef<const Policy *> A,
                                       ArrayRef<const Policy *> All) {
    std::vector<RequestContext> Out(1);
    RequestContext Vars = varsContext(All);
    if (!Vars.empty())
      Out.push_back(Vars);
    for (const Policy *P : A)
      for (const Statement &S : P->Statements) {
        if (S.Eff != Effect::Allow || S.Conditions.empty())
          continue;
        Out.push_back(contextFor(S, Vars));
        if (Out.size() > 12)
          return Out;
      }
    return Out;
  }

  std::vector<std::string> resources(ArrayRef<const Policy *> A) {
    std::vector<std::string> Out;
    std::set<std::string> Seen;
    auto add = [&](std::string R) {
      if (Seen.insert(R).second)
        Out.push_back(std::move(R));
    };
    for (const Policy *P : A)
      for (const Statement &S : P->Statements) {
        if (S.Eff != Effect::Allow)
          continue;
        for (const PolicyString &R : S.Resource.Patterns) {
          std::string T = flatten(R, "tollgate-user");
          if (T == "*")
            continue;
          add(instantiateArn(T, "tollgate"));
          add(instantiate(T, "tollgate"));
          add(instantiate(T, ""));
        }
      }
    add("arn:aws:tollgate:us-east-1:111122223333:tollgate/resource");
    add("*");
    if (Out.size() > 24)
      Out.resize(24);
    return Out;
  }

  bool Outsiders = false;

  CheckResult run(const PolicySet &A, const PolicySet *B, const Policy *Scope,
                  unsigned MaxCex, std::vector<Counterexample> *All);
};

/// The length of the longest string of \p Policies.
static size_t longestString(ArrayRef<const Policy *> Policies) {
  size_t N = 0;
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements) {
      for (const ActionPattern &A : S.Action.Patterns)
        N = std::max(N, A.Text.size());
      for (const PolicyString &R : S.Resource.Patterns)
        N = std::max(N, R.Text.size());
      for (const PrincipalValue &V : S.Principal.Values)
        N = std::max(N, V.Value.Text.size());
      for (const Condition &C : S.Conditions) {
        N = std::max(N, C.Key.size());
        for (const ConditionValue &V : C.Values)
          N = std::max(N, V.Value.Text.size());
      }
    }
  return N;
}

Verifier::Verifier(const Catalog &Cat, VerifyOptions Options)
    : I(std::make_unique<Impl>(Cat, Options)) {}
Verifier::~Verifier() = default;

CheckResult Verifier::exceeds(const PolicySet &A, const PolicySet *B,
                              const Policy *Scope) {
  return I->run(A, B, Scope, 1, nullptr);
}

CheckResult Verifier::publicAccess(const PolicySet &A) {
  I->Outsiders = true;
  CheckResult R = I->run(A, nullptr, nullptr, 1, nullptr);
  I->Outsiders = false;
  return R;
}

std::vector<Counterexample> Verifier::regions(const PolicySet &A,
                                              const PolicySet *B, unsigned Max,
                                              CheckResult &Summary) {
  std::vector<Counterexample> Out;
  Summary = I->run(A, B, nullptr, Max, &Out);
  return Out;
}

CheckResult Verifier::Impl::run(const PolicySet &A, const PolicySet *B,
                                const Policy *Scope, unsigned MaxCex,
                                std::vector<Counterexample> *AllCex) {
  CheckResult Res;
  // --timeout bounds the whole check: witness search, glob reasoning and
  // solving.
  const Deadline Limit = Deadline::in(Opt.TimeoutMs);
  const std::string OutOfTime = "the time limit of " +
                                std::to_string(Opt.TimeoutMs / 1000) +
                                " s ran out (--timeout)";
  std::vector<const Policy *> Policies, APolicies;
  collect(A, APolicies);
  Policies = APolicies;
  if (B)
    collect(*B, Policies);
  if (Scope)
    Policies.push_back(Scope);
  size_t LongestString = longestString(Policies);

  TermContext Ctx;
  Ctx.setFoldImplied(Opt.FoldImplied);
  Backend->reset();
  Encoder Enc(Ctx, Policies);
  Enc.setDirectActions(!Opt.GroupActions);
  CompiledPolicySet CA(A);
  Optional<CompiledPolicySet> CB, CS;
  if (B)
    CB.emplace(*B);
  PolicySet ScopeSet;
  if (Scope) {
    ScopeSet.Identity.push_back(Scope);
    CS.emplace(ScopeSet);
  }
  // Trust keys: an outsider cannot give them a value the policies name.
  std::map<std::string, std::set<std::string>> TrustLiterals;
  if (Outsiders) {
    static const char *TrustKeys[] = {
        "aws:sourcearn",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:sourceowner",
        "aws:sourceaccount",
        "aws:principalaccount",
        "aws:principalarn",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:userid",
        "aws:sourceorgid",
        "aws:sourceorgpaths",
        "aws:resourceaccount",
        "aws:resourceorgid",
        "aws:principalservicename",
        "aws:sourcevpcarn",
        "aws:vpcsourceip",
        "s3:x-amz-server-side-encryption-aws-kms-key-id"};
    for (const Policy *P : Policies)
      for (const Statement &S : P->Statements)
        for (const Condition &C : S.Conditions)
          for (const char *K : TrustKeys)
            if (C.Key.equals_insensitive(K))
              for (const ConditionValue &V : C.Values)
                TrustLiterals[K].insert(V.Value.Text.str());
  }
  auto outsiderContext = [&](const RequestContext &RC) {
    for (const auto &KV : TrustLiterals)
      if (const ContextValue *V = RC.lookup(KV.first))
        for (const std::string &X : V->Values)
          if (KV.second.count(X))
            return false;
    return true;
  };

  // The decision of each side on a concrete request; true when it is a
  // counterexample.
  bool Unsupported = false;
  auto isCex = [&](const Request &R, Counterexample &C) {
    C.R = R;
    C.A = CA.decide(R);
    if (C.A.D == Decision::Unsupported)
      Unsupported = true;
    if (C.A.D != Decision::Allow)
      return false;
    if (CS) {
      // The scope filters requests by action, resource and context; it is
      // read as an identity policy of an ordinary caller.
      Request Probe = R;
      Probe.Principal = Caller::fromId(std::string("arn:aws:iam::") +
                                       HomeAccount + ":user/tollgate-user");
      Probe.ResourceAccount.clear();
      if (CS->decide(Probe).D != Decision::Allow)
        return false;
    }
    if (Outsiders && !outsiderContext(R.Context))
      return false;
    if (CB) {
      C.B = CB->decide(R);
      if (C.B.D == Decision::Unsupported)
        Unsupported = true;
      return C.B.D == Decision::ImplicitDeny || C.B.D == Decision::ExplicitDeny;
    }
    C.B = DecideResult();
    return true;
  };

  ActionGroups Groups;
  if (Opt.GroupActions)
    Groups = groupActions(Cat, Policies);
  Res.Stats.ActionGroups = static_cast<unsigned>(Groups.Reps.size()) + 1;
  std::vector<PolicySet const *> Sets{&A, B};
  std::vector<Caller> Callers = enumerateCallers(Sets);
  if (Outsiders) {
    // Anonymous callers and principals of an account no policy names.
    std::set<std::string> Named;
    for (const Caller &C : Callers)
      if (!C.Account.empty())
        Named.insert(C.Account);
    std::string Fresh = "999999999999";
    while (Named.count(Fresh))
      Fresh[0] = static_cast<char>(Fresh[0] - 1);
    Callers.clear();
    Callers.push_back(makeCaller(CallerKind::Anonymous, "*", ""));
    for (std::string Id :
         {"arn:aws:iam::" + Fresh + ":user/tollgate-user",
          "arn:aws:iam::" + Fresh + ":root",
          "arn:aws:iam::" + Fresh + ":role/tollgate-role",
          "arn:aws:sts::" + Fresh +
              ":assumed-role/tollgate-role/tollgate-session",
          "arn:aws:sts::" + Fresh + ":federated-user/tollgate-user"})
      Callers.push_back(Caller::fromId(Id));
  }
  Term OutsiderTerm = Ctx.trueTerm();
  if (Outsiders) {
    std::vector<Term> And;
    for (const auto &KV : TrustLiterals) {
      auto It = Enc.keys().find(KV.first);
      if (It == Enc.keys().end())
        continue;
      const KeyVars &K = It->second;
      if (K.Kind != KeyKind::String)
        continue;
      std::vector<Term> Vals{K.Single.Str};
      for (const KeyVars::Value &V : K.Slots)
        Vals.push_back(V.Str);
      for (Term V : Vals)
        for (const std::string &L : KV.second)
          And.push_back(Ctx.mkNot(Ctx.mkEq(V, Ctx.strConst(L))));
    }
    OutsiderTerm = Ctx.mkAnd(And);
  }

  std::vector<Counterexample> Found;
  struct PendingQuery {
    Coordinate C;
    Term Q;
    bool Future;
    size_t G;
  };
  std::vector<PendingQuery> Pending;
  llvm::DenseSet<Term> Decided;
  std::string UnknownReason;
  Term Domain = nullptr;
  std::vector<std::string> Resources;
  std::vector<RequestContext> Contexts;
  RequestContext StatementVars;
  bool CandidatesReady = false;
  std::set<std::string> CatalogFuture;

  auto finish = [&]() {
    if (!Found.empty()) {
      Res.V = Verdict::Fail;
      Res.Cex = Found.front();
      if (AllCex)
        *AllCex = Found;
    } else if (!Enc.unsupported().empty()) {
      Res.V = Verdict::Unknown;
      Res.Reason = "not encoded yet: " + Enc.unsupported();
    } else if (!UnknownReason.empty()) {
      Res.V = Verdict::Unknown;
      Res.Reason = UnknownReason;
    } else if (Unsupported) {
      Res.V = Verdict::Unknown;
      Res.Reason = "the evaluator cannot decide a construct of the policies";
    } else {
      Res.V = Verdict::Pass;
    }
    return Res;
  };

  // Groups whose statements are covered one by one need no formula.
  Optional<SyntacticCover> Cover;
  if (Opt.Syntactic && Opt.GroupActions && B && !Scope && !Outsiders) {
    Cover.emplace(A, *B);
    if (!Cover->usable())
      Cover.reset();
  }

  auto fillGroup = [&](Counterexample &Cx, size_t G) {
    ArrayRef<ActionInfo> AllActions = Cat.actions();
    for (uint32_t M : Groups.Members[G]) {
      if (Cx.GroupActions.size() >= 200) {
        ++Cx.MoreGroupActions;
        continue;
      }
      Cx.GroupActions.push_back(AllActions[M].FullName.str());
    }
  };

  size_t NumCoords = Groups.Reps.size() + 1;
  for (size_t G = 0; G < NumCoords; ++G) {
    if (Limit.expired()) {
      UnknownReason = OutOfTime;
      break;
    }
    if (Opt.Progress)
      Opt.Progress(static_cast<unsigned>(G), static_cast<unsigned>(NumCoords));
    bool Future = G == Groups.Reps.size();
    if (Cover && (Future ? Cover->provesFuture()
                         : Cover->provesAction(Groups.Reps[G]))) {
      ++Res.Stats.SyntacticProofs;
      continue;
    }
    for (const Caller &Who : Callers) {
      if (Limit.expired()) {
        UnknownReason = OutOfTime;
        break;
      }
      bool PrincipalPolicies = Who.Kind != CallerKind::Anonymous &&
                               Who.Kind != CallerKind::Service &&
                               Who.Kind != CallerKind::FederatedProvider;
      for (bool Same : {true, false}) {
        if (!Same && !PrincipalPolicies)
          continue;
        if (Same && Outsiders && PrincipalPolicies)
          continue; // outsiders are in another account
        if (!Same && Callers.size() == 1 && !Outsiders)
          continue; // identity policies only: cross-account needs a
                    // resource policy, which no set has
        Coordinate C;
        C.Action = Future ? "" : Groups.Reps[G];
        C.Principal = Who;
        C.SameAccount = Same;
        Term TA = Enc.allowed(A, C);
        if (TA == Ctx.falseTerm())
          continue;
        Term Q = Ctx.mkAnd(TA, OutsiderTerm);
        if (Scope)
          Q = Ctx.mkAnd(Q, Enc.scope(*Scope, C));
        if (B)
          Q = Ctx.mkAnd(Q, Ctx.mkNot(Enc.allowed(*B, C)));
        if (Q == Ctx.falseTerm())
          continue;
        ++Res.Stats.Queries;
        // Equal queries are decided once, except when every region is
        // wanted: each action group then needs its own example.
        if (!Decided.insert(Q).second && MaxCex == 1)
          continue;
        ++Res.Stats.Distinct;

        // Concrete witnesses first.
        if (Opt.Witnesses) {
          if (!CandidatesReady) {
            std::vector<const Policy *> Src = APolicies;
            Resources = resources(Src);
            Contexts = contexts(Src, Policies);
            StatementVars = varsContext(Policies);
            CandidatesReady = true;
          }
          std::vector<std::string> Actions;
          if (!Future) {
            Actions.push_back(Groups.Display[G]);
          } else {
            for (const Policy *P : APolicies)
              for (const Statement &S : P->Statements)
                for (const ActionPattern &AP : S.Action.Patterns)
                  if (hasWildcard(AP.Text)) {
                    std::string X = instantiate(StringRef(AP.Text).lower(),
                                                "tollgatefuture");
                    if (!Cat.action(X))
                      Actions.push_back(X);
                  }
            if (Actions.empty() || Actions.size() > 8)
              Actions.resize(std::min<size_t>(Actions.size(), 8));
            Actions.push_back("tollgatefuture:tollgatefuture");
          }
          auto tryRequest = [&](const std::string &Act, const std::string &Rsrc,
                                const RequestContext &RC) {
            Request R;
            R.Principal = Who;
            R.Action = Act;
            R.Resource = Rsrc;
            R.Context = RC;
            if (!Same)
              R.ResourceAccount = Who.Account == "999999999999"
                                      ? "888888888888"
                                      : "999999999999";
            Counterexample Cx;
            if (!isCex(R, Cx))
              return false;
            Cx.FutureAction = Future;
            if (!Future)
              fillGroup(Cx, G);
            Found.push_back(std::move(Cx));
            return true;
          };
          // First the statements of A that apply to this action, each with
          // its own resources and a context made for its conditions: the
          // cross product below is capped and may miss them in large
          // policies.
          bool Hit = false;
          {
            unsigned Tries = 0;
            for (const Policy *P : APolicies) {
              for (const Statement &S : P->Statements) {
                if (S.Eff != Effect::Allow || !S.Action.Present)
                  continue;
                // The actions of this group S applies to: the group's own,
                // or for future actions one per wildcard pattern of S.
                std::vector<std::string> Acts;
                if (!Future) {
                  StringRef Folded = Groups.Reps[G];
                  bool Any =
                      any_of(S.Action.Patterns, [&](const ActionPattern &AP) {
                        return globMatch(AP.Text, Folded,
                                         CaseMode::Insensitive);
                      });
                  if (Any != S.Action.Negated)
                    Acts.push_back(Groups.Display[G]);
                } else if (S.Action.Negated) {
                  Acts.push_back("tollgatefuture:tollgatefuture");
                } else {
                  for (const ActionPattern &AP : S.Action.Patterns)
                    if (hasWildcard(AP.Text)) {
                      std::string X = instantiate(StringRef(AP.Text).lower(),
                                                  "tollgatefuture");
                      if (!Cat.action(X))
                        Acts.push_back(X);
                    }
                }
                if (Acts.empty())
                  continue;
                std::vector<std::string> Rs;
                if (S.Resource.Present && !S.Resource.Negated)
                  for (const PolicyString &RP : S.Resource.Patterns) {
                    std::string T = flatten(RP, "tollgate-user");
                    if (T == "*" && !Acts.empty()) {
                      // An ARN of the action's service reads better.
                      StringRef Svc = StringRef(Acts.front()).split(':').first;
                      Rs.push_back("arn:aws:" + Svc.lower() +
                                   ":us-east-1:111122223333:tollgate");
                    }
                    Rs.push_back(instantiateArn(T, "tollgate"));
                    Rs.push_back(instantiate(T, "tollgate"));
                    Rs.push_back(instantiate(T, ""));
                  }
                Rs.push_back("arn:aws:tollgate:us-east-1:111122223333:tollgate/"
                             "resource");
                // Contexts for the statement's conditions: one per value
                // position (a list of values is a disjunction), and none.
                std::vector<RequestContext> RCs;
                size_t MaxValues = 1;
                for (const Condition &Cd : S.Conditions)
                  MaxValues = std::max(MaxValues, Cd.Values.size());
                for (size_t Vi = 0; Vi < std::min<size_t>(MaxValues, 8); ++Vi)
                  RCs.push_back(contextFor(S, StatementVars, Vi));
                if (!S.Conditions.empty())
                  RCs.push_back(StatementVars);
                for (const std::string &Act : Acts) {
                  for (const std::string &Rsrc : Rs) {
                    for (const RequestContext &RC : RCs) {
                      if (++Tries % 64 == 0 && Limit.expired()) {
                        Tries = 20001; // out of time: stop trying
                        break;
                      }
                      if (tryRequest(Act, Rsrc, RC)) {
                        Hit = true;
                        break;
                      }
                    }
                    if (Hit)
                      break;
                  }
                  if (Hit || Tries > 20000)
                    break;
                }
                if (Hit || Tries > 20000)
                  break;
              }
              if (Hit || Tries > 20000)
                break;
            }
          }
          for (const std::string &Act : Actions) {
            if (Hit)
              break;
            for (const std::string &Rsrc : Resources) {
              if (Limit.expired())
                break;
              for (const RequestContext &RC : Contexts)
                if (tryRequest(Act, Rsrc, RC)) {
                  Hit = true;
                  break;
                }
              if (Hit)
                break;
            }
          }
          if (Hit) {
            ++Res.Stats.WitnessHits;
            if (Found.size() >= MaxCex)
              return finish();
            continue;
          }
        }

        Pending.push_back({C, Q, Future, G});
      }
    }
  }

  // The solver only when no witness was found: a counterexample from the
  // witness search anywhere makes every pending query moot.
  if (!Found.empty() && Found.size() >= MaxCex)
    return finish();
  for (const PendingQuery &PQ : Pending) {
    const Coordinate &C = PQ.C;
    Term Q = PQ.Q;
    bool Future = PQ.Future;
    size_t G = PQ.G;
    if (!Enc.unsupported().empty())
      continue; // a proof is out of reach
    if (Limit.expired()) {
      if (UnknownReason.empty())
        UnknownReason = OutOfTime;
      break;
    }
    if (LongestString > MaxSolverStringBytes) {
      // No policy AWS accepts holds such a string, and the solver's
      // recursion over it is unbounded.
      if (UnknownReason.empty())
        UnknownReason = "a string of " + std::to_string(LongestString) +
                        " bytes in the policies is longer than the solver is "
                        "given (" +
                        std::to_string(MaxSolverStringBytes) + " bytes)";
      break;
    }
    if (!Domain)
      Domain = Enc.domain();
    std::string Dump;
    if (!Opt.DumpDir.empty())
      Dump = Opt.DumpDir + "/query-" + std::to_string(++DumpCounter) + ".smt2";
    ++Res.Stats.SolverCalls;
    SolveResult SR = Backend->solve(Ctx, Ctx.mkAnd(Domain, Q),
                                    Limit.remainingMs(Opt.TimeoutMs), Dump);
    if (SR.Status == SolveStatus::Unsat) {
      ++Res.Stats.SolverUnsat;
      continue;
    }
    if (SR.Status == SolveStatus::Unknown) {
      ++Res.Stats.SolverUnknown;
      if (UnknownReason.empty())
        UnknownReason = SR.Reason;
      continue;
    }
    ++Res.Stats.SolverSat;
    Request R;
    std::string Why;
    bool Opaque = llvm::any_of(Ctx.variables(Q), Encoder::isOpaqueVar);
    if (!Enc.decode(SR.Model, C, R, Why)) {
      if (UnknownReason.empty())
        UnknownReason = "a counterexample could not be written: " + Why;
      continue;
    }
    if (Future && Groups.Display.size()) {
      // Prefer the catalog's spelling when the model picked a known
      // action.
      if (const ActionInfo *AI = Cat.action(R.Action))
        R.Action = AI->FullName.str();
    } else if (!Future) {
      R.Action = Groups.Display[G];
    }
    Counterexample Cx;
    if (!isCex(R, Cx) && Opaque) {
      // The model may rest on a value of an opaque sub-formula that no
      // request gives it: not a counterexample, and no proof either.
      if (UnknownReason.empty())
        UnknownReason = "not encoded yet: " + Enc.opaque();
      continue;
    }
    if (!isCex(R, Cx)) {
      Res.V = Verdict::Unknown;
      Res.InternalError = true;
      Res.Reason = "internal error: the solver's counterexample does not "
                   "replay in the evaluator (action " +
                   R.Action + ", resource " + R.Resource + ")";
      return Res;
    }
    prettify(Cx, isCex);
    Cx.FutureAction = Future && !Cat.action(R.Action);
    Cx.FromSolver = true;
    if (!Future)
      fillGroup(Cx, G);
    Found.push_back(std::move(Cx));
    if (Found.size() >= MaxCex)
      return finish();
  }
  return finish();
}

} // namespace verify
} // namespace tollgate
