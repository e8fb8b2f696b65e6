//===- Verifier.cpp - Containment of policy sets --------------------------===//

#include "tollgate/Verify/Verify.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Support/Deadline.h"
#include "tollgate/Support/Glob.h"
#include "tollgate/Verify/ActionIndex.h"
#include "tollgate/Verify/Encoder.h"
#include "tollgate/Verify/QueryParts.h"
#include "tollgate/Verify/Solver.h"
#include "tollgate/Verify/Subsumption.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <climits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

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
  // Most actions match no pattern: their group is found without the map.
  std::optional<size_t> Unmatched;
  for (size_t I = 0; I < All.size(); ++I) {
    size_t Group = G.Reps.size();
    bool New;
    if (Sig[I].empty()) {
      New = !Unmatched;
      Group = Unmatched.value_or(Group);
      Unmatched = Group;
    } else {
      // try_emplace copies the signature only for a new group.
      auto It = Seen.try_emplace(Sig[I], Group);
      New = It.second;
      Group = It.first->second;
    }
    if (New) {
      G.Reps.push_back(All[I].FullName.lower());
      G.Display.push_back(All[I].FullName.str());
      G.Members.emplace_back();
    }
    G.Members[Group].push_back(static_cast<uint32_t>(I));
  }
  if (Unmatched)
    Seen.emplace(std::vector<uint32_t>(), *Unmatched);
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

/// Names of the callers that stand for every caller of their kind and
/// account that no policy names.
const char *GenericUser = "tollgate-user";
const char *GenericRole = "tollgate-role";
const char *GenericSession = "tollgate-session";

bool isGenericCaller(const Caller &C) {
  StringRef Name = StringRef(C.Id).rsplit('/').second;
  // A session stands for every session only when its role does too: the
  // session of a role a policy names keeps that role.
  if (C.Kind == CallerKind::RoleSession)
    return StringRef(C.parentArn())
        .endswith(std::string(":role/") + GenericRole);
  return Name == GenericUser || Name == GenericRole || Name == GenericSession;
}

/// \p Pattern's account when it is, or can be made, twelve digits: `?` and
/// `*` are filled with zeros.
std::string accountOf(StringRef Pattern) {
  // A field of wildcards alone names no account.
  if (none_of(Pattern, isDigit))
    return "";
  std::string Out;
  size_t Stars = count(Pattern, '*');
  size_t Fixed = Pattern.size() - Stars;
  for (char C : Pattern) {
    if (C == '*') {
      if (Fixed < 12)
        Out.append(12 - Fixed, '0');
      Fixed = 12;
    } else {
      Out += C == '?' ? '0' : C;
    }
  }
  if (Out.size() != 12 || !all_of(Out, isDigit))
    return "";
  return Out;
}

/// The accounts the policies name where the request model ties them to the
/// caller or the resource: resource ARNs, principal ARNs and the values of
/// the account keys.
std::set<std::string> namedAccounts(ArrayRef<const Policy *> Policies) {
  std::set<std::string> Out;
  auto arnAccount = [&](StringRef Arn) {
    std::array<StringRef, 6> F;
    if (splitArn(Arn, F)) {
      std::string A = accountOf(F[4]);
      if (!A.empty())
        Out.insert(A);
    }
  };
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements) {
      for (const PolicyString &R : S.Resource.Patterns)
        arnAccount(R.Text);
      for (const PrincipalValue &V : S.Principal.Values) {
        Caller C = Caller::fromId(V.Value.Text);
        if (!C.Account.empty())
          Out.insert(C.Account);
      }
      for (const Condition &C : S.Conditions) {
        StringRef K = C.Key;
        bool Account = K.equals_insensitive("aws:PrincipalAccount") ||
                       K.equals_insensitive("aws:ResourceAccount") ||
                       K.equals_insensitive("aws:userid");
        bool Arn = K.equals_insensitive("aws:PrincipalArn");
        for (const ConditionValue &V : C.Values) {
          if (Arn)
            arnAccount(V.Value.Text);
          if (Account) {
            std::string A = accountOf(V.Value.Text);
            if (!A.empty())
              Out.insert(A);
          }
        }
      }
    }
  return Out;
}

/// True when \p Text holds a value computed when a template is deployed:
/// the placeholders of Parse/Template.h (`${Bucket.Arn}`, `${AWS::Region}`,
/// `${ImportValue:N}`, or `{{...}}` as literal text), as opposed to IAM
/// policy variables (`${aws:username}`, `${*}`).
bool hasTemplateValue(StringRef Text) {
  if (Text.contains("{{"))
    return true;
  for (size_t At = Text.find("${"); At != StringRef::npos;
       At = Text.find("${", At + 2)) {
    StringRef Name = Text.drop_front(At + 2).split('}').first;
    Name = Name.split(',').first.trim();
    if (Name == "*" || Name == "?" || Name == "$")
      continue;
    StringRef Prefix = Name.split(':').first;
    if (!Name.contains(':') || Name.contains("::") || Prefix == "ImportValue" ||
        Prefix == "FindInMap" || Prefix == "If")
      return true;
  }
  return false;
}

/// True when a resource or principal of the policies is computed at
/// deployment: the request model cannot tie such text to a resource type
/// or an account, so resources stay free strings.
bool namesTemplateValues(ArrayRef<const Policy *> Policies) {
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements) {
      for (const PolicyString &R : S.Resource.Patterns)
        if (hasTemplateValue(R.Text))
          return true;
      for (const PrincipalValue &V : S.Principal.Values)
        if (hasTemplateValue(V.Value.Text))
          return true;
    }
  return false;
}

/// The networks of the aws:SourceIp conditions of \p Policies, leaving out
/// each address family whose networks together cover all of it.
std::vector<IpNetwork> sourceIpLimits(ArrayRef<const Policy *> Policies) {
  using U128 = unsigned __int128;
  std::vector<IpNetwork> Nets;
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements)
      for (const Condition &C : S.Conditions)
        if (StringRef(C.Key).equals_insensitive("aws:SourceIp") &&
            operatorFamily(C.Op) == OperatorFamily::Ip)
          for (const ConditionValue &V : C.Values)
            if (std::optional<IpNetwork> N = parseIpNetwork(V.Value.Text))
              Nets.push_back(*N);
  auto covers = [&](bool V6) {
    unsigned Bits = V6 ? 128 : 32;
    std::vector<std::pair<U128, U128>> Ranges;
    for (const IpNetwork &N : Nets) {
      if (N.V6 != V6)
        continue;
      U128 Lo = 0;
      for (unsigned I = 0; I < Bits / 8; ++I)
        Lo = (Lo << 8) | N.Bytes[I];
      unsigned Free = Bits - N.Prefix;
      U128 Span = Free == 128 ? ~U128(0) : (U128(1) << Free) - 1;
      Lo &= ~Span;
      Ranges.push_back({Lo, Lo + Span});
    }
    std::sort(Ranges.begin(), Ranges.end());
    U128 Max = Bits == 128 ? ~U128(0) : (U128(1) << Bits) - 1;
    U128 Next = 0;
    for (const auto &R : Ranges) {
      if (R.first > Next)
        return false;
      if (R.second >= Max)
        return true;
      Next = std::max(Next, R.second + 1);
    }
    return false;
  };
  bool All4 = covers(false), All6 = covers(true);
  std::vector<IpNetwork> Out;
  for (const IpNetwork &N : Nets)
    if (!(N.V6 ? All6 : All4))
      Out.push_back(N);
  return Out;
}

/// True when a policy reads a key that the request model ties to the
/// caller's kind.
bool readsCallerKeys(ArrayRef<const Policy *> Policies,
                     const request::RequestModel &RM) {
  Caller Probe = Caller::fromId("arn:aws:iam::111122223333:user/probe");
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements) {
      for (const Condition &C : S.Conditions)
        if (RM.callerValue(C.Key, Probe))
          return true;
      for (const PolicyString &R : S.Resource.Patterns)
        for (const StringPart &Part : R.Parts)
          if (Part.K == StringPart::Variable &&
              RM.callerValue(Part.Value.trim(), Probe))
            return true;
    }
  return false;
}

/// An account that is not in \p Taken.
std::string freshAccount(const std::set<std::string> &Taken) {
  std::string Fresh = "999999999999";
  while (Taken.count(Fresh))
    Fresh[0] = static_cast<char>(Fresh[0] - 1);
  return Fresh;
}

/// The callers that resource policies can tell apart. \p Extra: more
/// accounts whose callers the request model must consider; \p Kinds: also
/// role sessions when only identity policies apply (their keys differ).
std::vector<Caller> enumerateCallers(ArrayRef<const PolicySet *> Sets,
                                     const std::set<std::string> &Extra,
                                     bool Kinds) {
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
                      ("arn:aws:iam::" + Acct + ":user/" + GenericUser).str(),
                      Acct.str());
  };
  auto session = [](StringRef Acct) {
    return Caller::fromId(("arn:aws:sts::" + Acct + ":assumed-role/" +
                           GenericRole + "/" + GenericSession)
                              .str());
  };
  std::set<std::string> Accounts = Extra;
  Accounts.insert(HomeAccount);
  if (!AnyResource) {
    // Where the policies can tell accounts apart, a caller of an account
    // they do not name too.
    if (Kinds || !Extra.empty())
      Accounts.insert(freshAccount(Accounts));
    for (const std::string &A : Accounts) {
      Out.push_back(user(A));
      if (Kinds)
        Out.push_back(session(A));
    }
    return Out;
  }
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
  Accounts.insert(freshAccount(Accounts));
  Out.push_back(makeCaller(CallerKind::Anonymous, "*", ""));
  Out.push_back(makeCaller(CallerKind::Service, "tollgate.amazonaws.com", ""));
  Out.push_back(makeCaller(CallerKind::FederatedProvider,
                           "tollgate-provider.example.com", ""));
  for (const std::string &A : Accounts) {
    Out.push_back(user(A));
    Out.push_back(Caller::fromId("arn:aws:iam::" + A + ":root"));
    Out.push_back(Caller::fromId("arn:aws:iam::" + A + ":role/" + GenericRole));
    Out.push_back(session(A));
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

/// \p Arns with those of \p Action's own service first, each side in its
/// order: an action AWS may add to a service reads best on that service's
/// resources, though a policy may grant it on any.
std::vector<std::string> ownServiceFirst(StringRef Action,
                                         std::vector<std::string> Arns) {
  StringRef Service = Action.split(':').first;
  std::stable_partition(Arns.begin(), Arns.end(), [&](StringRef Arn) {
    std::array<StringRef, 6> Fields;
    return splitArn(Arn, Fields) && Fields[2].equals_insensitive(Service);
  });
  return Arns;
}

/// \p Arns in the `aws` partition, each moved to the other partitions
/// (`arn:aws-cn:...`): a statement with `Resource: "*"` grants them too,
/// and another that names `arn:aws:...` does not.
std::vector<std::string> inOtherPartitions(ArrayRef<std::string> Arns) {
  std::vector<std::string> Out;
  for (StringRef Partition : request::partitions())
    if (Partition != "aws")
      for (StringRef Arn : Arns)
        if (Arn.startswith("arn:aws:"))
          Out.push_back(("arn:" + Partition + Arn.drop_front(7)).str());
  return Out;
}

/// Fills the wildcards of a pattern to get a matching text.
std::string instantiate(StringRef Pattern, StringRef Fill) {
  std::string Out;
  for (char C : Pattern) {
    if (C == '*')
      Out.append(Fill.data(), Fill.size());
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
std::string instantiateArn(StringRef Pattern, StringRef Fill,
                           StringRef Account = HomeAccount) {
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
      Out += Account.str();
    else
      Out += instantiate(Fields[I], Fill);
  }
  return Out;
}

/// A string that both wildcard patterns match, built in \p Out (a `?`
/// against a `?` or `*` becomes `x`); false when they share none. Failed
/// positions are remembered, so the search is quadratic at worst.
bool commonInstance(StringRef A, StringRef B, std::string &Out,
                    std::set<std::pair<size_t, size_t>> &Failed) {
  if (A.empty() && B.empty())
    return true;
  if (Failed.count({A.size(), B.size()}))
    return false;
  size_t Mark = Out.size();
  auto step = [&](StringRef NA, StringRef NB, std::optional<char> C) {
    if (C)
      Out += *C;
    if (commonInstance(NA, NB, Out, Failed))
      return true;
    Out.resize(Mark);
    return false;
  };
  auto single = [](char P) { return P == '?' ? std::optional<char>() : P; };
  bool Found = false;
  if (!A.empty() && A[0] == '*' && !B.empty() && B[0] == '*') {
    Found = step(A.drop_front(), B, std::nullopt) ||
            step(A, B.drop_front(), std::nullopt);
  } else if (!A.empty() && A[0] == '*') {
    // A star takes a `?` of the other pattern before it may stay empty: a
    // name of the shape is then not empty (`access-entry/x/role/...`, not
    // `access-entry//role/...`).
    auto take = [&]() {
      return !B.empty() && step(A, B.drop_front(), single(B[0]).value_or('x'));
    };
    Found = B.startswith("?") ? take() || step(A.drop_front(), B, std::nullopt)
                              : step(A.drop_front(), B, std::nullopt) || take();
  } else if (!B.empty() && B[0] == '*') {
    auto take = [&]() {
      return !A.empty() && step(A.drop_front(), B, single(A[0]).value_or('x'));
    };
    Found = A.startswith("?") ? take() || step(A, B.drop_front(), std::nullopt)
                              : step(A, B.drop_front(), std::nullopt) || take();
  } else if (!A.empty() && !B.empty()) {
    std::optional<char> CA = single(A[0]), CB = single(B[0]);
    if (!CA || !CB || *CA == *CB)
      Found = step(A.drop_front(), B.drop_front(), CA ? *CA : CB ? *CB : 'x');
  }
  if (!Found)
    Failed.insert({A.size(), B.size()});
  return Found;
}

/// A resource that the policy's ARN pattern \p Pattern matches and that has
/// the ARN shape \p Shape of the action (RequestModel::resourceShapes), in
/// account \p Account; None when there is none to be found field by field.
std::optional<std::string> fitPattern(StringRef Pattern, StringRef Shape,
                                      StringRef Account) {
  std::array<StringRef, 6> P, S;
  // The search recurses once per character: long patterns are left to the
  // solver.
  if (Pattern.size() > 2048 || !splitArn(Pattern, P) || !splitArn(Shape, S))
    return std::nullopt;
  std::string Out;
  for (unsigned I = 0; I < 6; ++I) {
    if (I)
      Out += ':';
    const char *Usual[] = {"arn", "aws", "", "us-east-1", "", ""};
    std::string Want = I == 4 ? Account.str() : Usual[I];
    if (I > 0 && I < 5 && !S[I].empty() && !Want.empty() &&
        globMatch(P[I], Want, CaseMode::Insensitive) &&
        globMatch(S[I], Want, CaseMode::Insensitive)) {
      Out += Want;
      continue;
    }
    std::string Field;
    std::set<std::pair<size_t, size_t>> Failed;
    std::string A = I < 5 ? P[I].lower() : P[I].str();
    std::string B = I < 5 ? S[I].lower() : S[I].str();
    if (!commonInstance(A, B, Field, Failed))
      return std::nullopt;
    Out += Field;
  }
  return Out;
}

/// Text of a policy string with each variable replaced by \p VarValue of
/// its name and escapes by their character.
std::string flatten(const PolicyString &S,
                    function_ref<std::string(StringRef)> VarValue) {
  if (S.Parts.empty())
    return S.Text.str();
  std::string Out;
  for (const StringPart &P : S.Parts) {
    if (P.K == StringPart::Variable)
      Out += VarValue(P.Value.trim());
    else
      Out += P.Value.str();
  }
  return Out;
}

/// The text of every condition value of \p Policies.
std::set<std::string> conditionValues(ArrayRef<const Policy *> Policies) {
  std::set<std::string> Out;
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements)
      for (const Condition &C : S.Conditions)
        for (const ConditionValue &V : C.Values)
          Out.insert(V.Value.Text.str());
  return Out;
}

/// The value positions of \p S's conditions to build witness contexts
/// for (a list of values is a disjunction), at most eight: first those
/// where a value is not among \p Known (the other policies' values), where
/// new access is most likely.
std::vector<size_t> valuePositions(const Statement &S,
                                   const std::set<std::string> &Known) {
  size_t MaxValues = 1;
  for (const Condition &C : S.Conditions)
    MaxValues = std::max(MaxValues, C.Values.size());
  std::vector<size_t> New, Old;
  for (size_t I = 0; I < MaxValues; ++I) {
    bool Fresh = any_of(S.Conditions, [&](const Condition &C) {
      return I < C.Values.size() && !Known.count(C.Values[I].Value.Text.str());
    });
    (Fresh ? New : Old).push_back(I);
  }
  New.insert(New.end(), Old.begin(), Old.end());
  New.resize(std::min<size_t>(New.size(), 8));
  return New;
}

/// Names for actions AWS may add, as a reviewer would read them: each
/// wildcard pattern of \p Policies filled (`s3:GetTollgateFuture`), then
/// `TollgateFuture` in each service the policies name and in a few common
/// ones the catalog knows. No name the catalog has.
std::vector<std::string> futureActionNames(ArrayRef<const Policy *> Policies,
                                           ArrayRef<const Policy *> Others,
                                           const Catalog &Cat) {
  // Patterns only \p Policies have come first: the access they add is
  // where a difference lies.
  std::set<std::string> OtherPatterns;
  for (const Policy *P : Others)
    for (const Statement &S : P->Statements)
      for (const ActionPattern &AP : S.Action.Patterns)
        OtherPatterns.insert(AP.Text.lower());
  std::vector<std::string> Filled, Later, Services;
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements)
      for (const ActionPattern &AP : S.Action.Patterns) {
        if (hasWildcard(AP.Text))
          (OtherPatterns.count(AP.Text.lower()) ? Later : Filled)
              .push_back(instantiate(AP.Text, "TollgateFuture"));
        Services.push_back(StringRef(AP.Text).split(':').first.lower());
      }
  for (const Policy *P : Others)
    for (const Statement &S : P->Statements)
      for (const ActionPattern &AP : S.Action.Patterns)
        Services.push_back(StringRef(AP.Text).split(':').first.lower());
  Filled.insert(Filled.end(), Later.begin(), Later.end());
  for (const std::string &Svc : Services)
    Filled.push_back(Svc + ":TollgateFuture");
  for (const char *Common : {"s3", "ec2", "iam", "sqs", "sns", "kms"})
    if (Cat.service(Common))
      Filled.push_back(std::string(Common) + ":TollgateFuture");
  std::vector<std::string> Out;
  std::set<std::string> Seen;
  for (const std::string &X : Filled)
    if (Out.size() < 16 && request::isActionName(X) && !Cat.action(X) &&
        Seen.insert(StringRef(X).lower()).second)
      Out.push_back(X);
  // Last, two in services of the catalog that no Action pattern of
  // \p Others can match: in large policies the names above all fall in
  // services both sides grant, while a `NotAction` grants the others.
  std::set<std::string> OtherServices;
  std::vector<std::string> OtherWild;
  for (const Policy *P : Others)
    for (const Statement &S : P->Statements)
      for (const ActionPattern &AP : S.Action.Patterns) {
        std::string Svc = StringRef(AP.Text).split(':').first.lower();
        if (hasWildcard(Svc))
          OtherWild.push_back(AP.Text.lower());
        else
          OtherServices.insert(Svc);
      }
  unsigned Unnamed = 0;
  for (const ServiceInfo &Svc : Cat.services()) {
    if (Unnamed >= 2)
      break;
    std::string X = Svc.Prefix.lower() + ":TollgateFuture";
    if (OtherServices.count(Svc.Prefix.lower()) || Cat.action(X) ||
        !request::isActionName(X) || Seen.count(StringRef(X).lower()) ||
        any_of(OtherWild,
               [&](const std::string &W) { return globMatch(W, X); }))
      continue;
    Out.push_back(X);
    ++Unnamed;
  }
  return Out;
}

/// Adds to \p Ctx a value for each key that the Allow statements of
/// \p Others test and \p S does not, chosen to fail those tests (a value
/// no policy names; for Null, presence): the access \p S adds is often
/// the access the others' conditions hold back. False when none is added.
bool awayFrom(const Statement &S, ArrayRef<const Policy *> Others,
              RequestContext &Ctx) {
  std::set<std::string> Own;
  for (const Condition &C : S.Conditions)
    Own.insert(C.Key.lower());
  bool Added = false;
  for (const Policy *P : Others)
    for (const Statement &T : P->Statements) {
      if (T.Eff != Effect::Allow)
        continue;
      for (const Condition &C : T.Conditions) {
        if (Own.count(C.Key.lower()) || Ctx.lookup(C.Key) ||
            isNegatedOperator(C.Op) || C.Values.empty())
          continue;
        if (C.Op == ConditionOp::Null && C.Values.front().Value.Text != "true")
          continue;
        if (C.Qualifier != SetQualifier::None)
          Ctx.setMulti(C.Key, {"tollgate-other"});
        else
          Ctx.set(C.Key, "tollgate-other");
        Added = true;
      }
    }
  return Added;
}

/// Makes a solver's counterexample read like a request: empty ARN fields
/// and resource names filled in, unprintable context values replaced by a
/// word. Each change is kept only when the request still replays as a
/// counterexample.
/// Resource formats up to this many go into the first query of an action
/// group (Encoder::resourceFormats()).
constexpr size_t MaxEagerFormats = 64;
/// The solver work (Z3 resource units) an attempt to refute a query or a
/// part of it with the plain SMT core may take: the small queries it
/// refutes take a tenth of it. Work rather than time, so that an attempt
/// ends the same way on any machine and under any load.
constexpr uint64_t RefuteWork = 200000;

/// Moves the times of aws:CurrentTime and aws:EpochTime in \p R that fall
/// inside a second to the next whole second; false when none does.
static bool roundTimesUp(Request &R) {
  bool Moved = false;
  for (const char *Key : {"aws:CurrentTime", "aws:EpochTime"}) {
    const ContextValue *V = R.Context.lookup(Key);
    if (!V || V->MultiValued || V->Values.size() != 1)
      continue;
    std::optional<int64_t> Ms = parseDate(V->Values.front());
    if (!Ms || *Ms % 1000 == 0)
      continue;
    int64_t Up = (*Ms / 1000 + (*Ms > 0 ? 1 : 0)) * 1000;
    std::string Text = formatIsoTime(Up);
    if (Text.empty())
      continue;
    R.Context.set(Key, Text);
    Moved = true;
  }
  return Moved;
}

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
      // A partition or region the solver made up reads better as the
      // usual one, where that keeps the counterexample.
      bool MadeUp = (I == 1 || I == 3) && !Old.empty() && Old != Defaults[I];
      if (I < 5 && !Old.empty() && !MadeUp)
        continue;
      if (I == 5 && !Old.empty() && Old.back() != '/')
        continue;
      Fields[I] = I == 5 && !MadeUp ? Old + "tollgate" : Defaults[I];
      Request R = Cx.R;
      R.Resource = join(ArrayRef<std::string>(Fields, 6), ":");
      if (!attempt(R))
        Fields[I] = Old;
    }
    // Odd characters the solver put in the resource part: plain letters,
    // one for each character (a `?` counts characters).
    std::string Plain;
    StringRef Rest = Fields[5];
    while (!Rest.empty()) {
      char C = Rest.front();
      unsigned Len = std::max(1u, utf8CharLength(Rest, 0));
      Plain += Len == 1 && (isAlnum(C) || StringRef("/._-:").contains(C))
                   ? static_cast<char>(toLower(C))
                   : 'x';
      Rest = Rest.drop_front(Len);
    }
    if (Plain != Fields[5]) {
      Request R = Cx.R;
      Fields[5] = Plain;
      R.Resource = join(ArrayRef<std::string>(Fields, 6), ":");
      attempt(R);
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

  /// A deadline shared with other checks (Verifier::shareDeadline).
  Deadline Shared;

  /// The values the caller of the witnesses being built gives keys (its
  /// principal keys, under the request model).
  RequestContext CallerKeys;

  /// The value witnesses give policy variable \p Name: the caller's where
  /// the caller fixes it, a plain word otherwise.
  std::string varValue(StringRef Name) const {
    const ContextValue *V = CallerKeys.lookup(Name);
    if (V && !V->MultiValued && V->Values.size() == 1)
      return V->Values.front();
    return "tollgate-user";
  }
  /// The account of the caller of the witnesses being built.
  std::string callerAccount() const {
    const ContextValue *V = CallerKeys.lookup("aws:PrincipalAccount");
    if (V && !V->MultiValued && V->Values.size() == 1)
      return V->Values.front();
    return HomeAccount;
  }
  std::string flatten(const PolicyString &S) const {
    return verify::flatten(S, [&](StringRef N) { return varValue(N); });
  }

  /// The policy variables of \p All, each set to a plain value.
  RequestContext varsContext(ArrayRef<const Policy *> All) {
    RequestContext Vars;
    auto noteVars = [&](const PolicyString &S) {
      for (const StringPart &P : S.Parts)
        if (P.K == StringPart::Variable)
          Vars.set(P.Value.trim(), varValue(P.Value.trim()));
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
          flatten(C.Values[std::min(Index, C.Values.size() - 1)].Value);
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
        std::optional<double> N = parseNumber(V);
        double D = N ? *N : 0;
        if (C.Op == ConditionOp::NumericLessThan)
          D -= 1;
        if (C.Op == ConditionOp::NumericGreaterThan)
          D += 1;
        Ctx.set(C.Key, std::to_string(static_cast<long long>(D)));
        break;
      }
      case OperatorFamily::Date: {
        std::optional<int64_t> D = parseDate(V);
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
      default: {
        // An ARN reads like one: a region, and the caller's account.
        std::string X = StringRef(V).startswith("arn:")
                            ? instantiateArn(V, "tollgate", callerAccount())
                            : instantiate(V, "tollgate");
        if (C.Qualifier != SetQualifier::None)
          Ctx.setMulti(C.Key, {X});
        else
          Ctx.set(C.Key, X);
      }
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

  /// Resources the Allow statements of \p A name (with \p AnyEffect, the
  /// Deny statements' too), filled in to match.
  std::vector<std::string> resources(ArrayRef<const Policy *> A,
                                     bool AnyEffect = false) {
    // At most this many: the first statements' resources, then two more.
    constexpr size_t Max = 24;
    std::vector<std::string> Out;
    std::set<std::string> Seen;
    auto add = [&](std::string R) {
      if (Seen.insert(R).second)
        Out.push_back(std::move(R));
    };
    for (const Policy *P : A)
      for (const Statement &S : P->Statements) {
        if (Out.size() >= Max)
          break;
        if (S.Eff != Effect::Allow && !AnyEffect)
          continue;
        for (const PolicyString &R : S.Resource.Patterns) {
          std::string T = flatten(R);
          if (T == "*")
            continue;
          add(instantiateArn(T, "tollgate"));
          add(instantiate(T, "tollgate"));
          add(instantiate(T, ""));
        }
      }
    add("arn:aws:tollgate:us-east-1:111122223333:tollgate/resource");
    add("*");
    if (Out.size() > Max)
      Out.resize(Max);
    return Out;
  }

  /// Up to four actions of \p Members (catalog indices) with an ARN format
  /// that one of \p Resources has.
  std::vector<std::string> membersTaking(ArrayRef<uint32_t> Members,
                                         ArrayRef<std::string> Resources) {
    std::vector<std::string> Out;
    request::RequestModel RM(Cat);
    unsigned Looked = 0;
    for (uint32_t M : Members) {
      if (Out.size() >= 4 || ++Looked > 4096)
        break;
      const ActionInfo &AI = Cat.actions()[M];
      std::vector<std::string> Shapes = RM.resourceShapes(AI);
      if (any_of(Shapes, [&](const std::string &Shape) {
            return Shape != "*" && any_of(Resources, [&](const std::string &R) {
                     return globMatch(Shape, R, CaseMode::Insensitive);
                   });
          }))
        Out.push_back(AI.FullName.str());
    }
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

void Verifier::shareDeadline(Deadline Shared) { I->Shared = Shared; }

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
                                              CheckResult &Summary,
                                              const Policy *Scope) {
  std::vector<Counterexample> Out;
  Summary = I->run(A, B, Scope, Max, &Out);
  return Out;
}

CheckResult Verifier::Impl::run(const PolicySet &A, const PolicySet *B,
                                const Policy *Scope, unsigned MaxCex,
                                std::vector<Counterexample> *AllCex) {
  CheckResult Res;
  request::RequestModel RM(Cat);
  bool Real = Opt.Requests == request::ModelKind::Realistic;
  Res.Assumptions = request::RequestModel::assumptions(Opt.Requests);
  // --timeout bounds the whole check: encoding, proofs from the text, glob
  // reasoning, witness search and solving (and a deadline shared with other
  // checks, when one is set).
  const Deadline Limit =
      Deadline::earliest(Deadline::in(Opt.TimeoutMs), Shared);
  const std::string OutOfTime = "the time limit of " +
                                std::to_string(Opt.TimeoutMs / 1000) +
                                " s ran out (--timeout)";
  // --solver-work bounds the whole check's solving too.
  uint64_t WorkLeft = Opt.SolverWork;
  const std::string OutOfWork = "the solver's work budget of " +
                                std::to_string(Opt.SolverWork) +
                                " units ran out (--solver-work)";
  std::vector<const Policy *> Policies, APolicies;
  collect(A, APolicies);
  Policies = APolicies;
  if (B)
    collect(*B, Policies);
  // The other side's policies (B's; not the scope, added below).
  std::vector<const Policy *> OtherPolicies(Policies.begin() + APolicies.size(),
                                            Policies.end());
  std::vector<std::string> FutureNames =
      futureActionNames(APolicies, OtherPolicies, Cat);
  std::set<std::string> BValues = conditionValues(OtherPolicies);
  if (Scope)
    Policies.push_back(Scope);
  size_t LongestString = longestString(Policies);

  TermContext Ctx;
  Ctx.setFoldImplied(Opt.FoldImplied);
  Ctx.setDeadline(Limit);
  Backend->reset();
  Encoder Enc(Ctx, Policies);
  Enc.setDirectActions(!Opt.GroupActions);
  CompiledPolicySet CA(A);
  std::optional<CompiledPolicySet> CB, CS;
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
  // Amazon S3's definition: a policy that limits aws:SourceIp to a set of
  // CIDRs is not public, unless the set covers a whole address family
  // (Zelkova counts addresses). An outsider's address lies outside every
  // network the policies name in a family they do not cover.
  std::vector<IpNetwork> Limits;
  if (Outsiders)
    Limits = sourceIpLimits(Policies);
  auto outsiderContext = [&](const RequestContext &RC) {
    if (const ContextValue *V = RC.lookup("aws:SourceIp"))
      for (const std::string &X : V->Values)
        if (std::optional<IpNetwork> A = parseIpAddress(X))
          if (any_of(Limits,
                     [&](const IpNetwork &N) { return N.contains(*A); }))
            return false;
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
  std::set<std::string> Named;
  if (Real)
    Named = namedAccounts(Policies);
  std::vector<Caller> Callers =
      enumerateCallers(Sets, Named, Real && readsCallerKeys(Policies, RM));
  // A role does not call; its sessions do (they are callers of their own).
  if (Real)
    llvm::erase_if(Callers,
                   [](const Caller &C) { return C.Kind == CallerKind::Role; });
  if (Outsiders) {
    // Anonymous callers and principals of an account no policy names.
    std::set<std::string> Named;
    for (const Caller &C : Callers)
      if (!C.Account.empty())
        Named.insert(C.Account);
    std::string Fresh = freshAccount(Named);
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
  // Every account a request can name: those of the callers and the
  // policies, and one more that nothing names.
  std::set<std::string> AccountSet = Named;
  AccountSet.insert(HomeAccount);
  for (const Caller &C : Callers)
    if (!C.Account.empty())
      AccountSet.insert(C.Account);
  std::string Other = freshAccount(AccountSet);
  AccountSet.insert(Other);
  bool FreeResources = Real && namesTemplateValues(Policies);
  if (FreeResources)
    Res.Assumptions.back() =
        "resources are any strings: a resource or principal is computed when "
        "the template is deployed";
  Enc.setModel(Real ? &RM : nullptr,
               std::vector<std::string>(AccountSet.begin(), AccountSet.end()),
               FreeResources);
  auto realistic = [&](const Request &R) {
    return !Real || RM.violations(R, !FreeResources).empty();
  };
  // The resource account of a witness: the ARN's when it names one that
  // fits, the caller's in the same account, another one across accounts.
  auto witnessAccount = [&](const Caller &Who, StringRef Rsrc, bool Same) {
    std::array<StringRef, 6> F;
    std::string Named;
    if (splitArn(Rsrc, F) && F[4].size() == 12 && all_of(F[4], isDigit))
      Named = F[4].str();
    if (Same)
      return Who.Account.empty() ? (Named.empty() ? HomeAccount : Named)
                                 : std::string();
    if (!Named.empty() && Named != Who.Account)
      return Named;
    return Other != Who.Account ? Other : std::string(HomeAccount);
  };

  // Resources of the action's own types, for witnesses: `*` for an action
  // that takes none, an ARN of its first type otherwise.
  auto actionResources = [&](StringRef Act, const Caller &Who) {
    std::vector<std::string> Out;
    const ActionInfo *AI = Real ? Cat.action(Act) : nullptr;
    if (!AI)
      return Out;
    if (AI->Resources.empty()) {
      Out.push_back("*");
      return Out;
    }
    return RM.sampleResources(*AI, Who.Account.empty() ? StringRef(HomeAccount)
                                                       : Who.Account);
  };

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
    auto SI = Enc.keys().find("aws:sourceip");
    if (SI != Enc.keys().end() && SI->second.Kind == KeyKind::Ip) {
      std::vector<const KeyVars::Value *> Vals{&SI->second.Single};
      for (const KeyVars::Value &V : SI->second.Slots)
        Vals.push_back(&V);
      for (const KeyVars::Value *V : Vals)
        for (const IpNetwork &N : Limits)
          And.push_back(Ctx.mkNot(Enc.inNetwork(*V, N)));
    }
    OutsiderTerm = Ctx.mkAnd(And);
  }

  // fitPattern() of each pattern, shape and account once: every caller and
  // action group of a statement asks again, and the search is quadratic.
  std::map<std::tuple<std::string, std::string, std::string>,
           std::optional<std::string>>
      Fits;
  auto fitted = [&](StringRef Pattern, StringRef Shape, StringRef Account) {
    auto Key = std::make_tuple(Pattern.str(), Shape.str(), Account.str());
    auto It = Fits.find(Key);
    if (It == Fits.end()) {
      std::optional<std::string> Fit;
      if (std::optional<std::string> F = fitPattern(Pattern, Shape, Account))
        Fit = *F;
      It = Fits.emplace(Key, std::move(Fit)).first;
    }
    return It->second;
  };

  // A's statements by the actions they can match, for the witness search.
  std::vector<ActionIndex> AIndexes;
  for (const Policy *P : APolicies)
    AIndexes.emplace_back(*P);

  std::vector<Counterexample> Found;
  // A list of changed access (AllCex) has one example per action group and
  // kind of caller: callers of one kind differ only in their names and
  // accounts, by which the list does not group. MaxCex counts the groups.
  std::set<std::pair<size_t, CallerKind>> Listed;
  std::set<size_t> ListedGroups;
  auto record = [&](Counterexample Cx, size_t G, CallerKind Kind) {
    Found.push_back(std::move(Cx));
    Listed.insert({G, Kind});
    ListedGroups.insert(G);
  };
  auto full = [&]() {
    return AllCex ? ListedGroups.size() >= MaxCex : Found.size() >= MaxCex;
  };
  struct PendingQuery {
    Coordinate C;
    Term Q;
    Term Formats; ///< Encoder::resourceFormats(), apart from Q.
    bool Future;
    size_t G;
  };
  std::vector<PendingQuery> Pending;
  llvm::DenseSet<Term> Decided;
  /// Parts of queries (QueryParts.h) the solver refuted, and those it was
  /// given.
  llvm::DenseSet<Term> RefutedParts, TriedParts;
  std::string UnknownReason;
  Term Domain = nullptr, WellFormed = nullptr;
  std::vector<std::string> Resources, AllResources;
  std::vector<RequestContext> Contexts;
  RequestContext StatementVars;
  std::string CandidatesFor; ///< The caller the candidates were built for.
  std::set<std::string> CatalogFuture;

  auto finish = [&]() {
    if (!Ctx.typeError().empty()) {
      // A bug of the encoding, never a verdict.
      Res.V = Verdict::Unknown;
      Res.InternalError = true;
      Res.Reason = "internal error: " + Ctx.typeError();
      return Res;
    }
    for (Counterexample &Cx : Found)
      for (const auto &KV : Enc.keys())
        Cx.ReadKeys.push_back(KV.first);
    if (!Found.empty()) {
      Res.V = Verdict::Fail;
      Res.Cex = Found.front();
      if (AllCex) {
        *AllCex = Found;
        // A list of changed access says when it may be incomplete.
        if (!Enc.unsupported().empty())
          Res.Reason = "not encoded yet: " + Enc.unsupported();
        else if (!UnknownReason.empty())
          Res.Reason = UnknownReason;
        else if (full())
          Res.Reason =
              "at most " + std::to_string(MaxCex) +
              (MaxCex == 1 ? " action group is" : " action groups are") +
              " listed";
      }
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
  std::optional<SyntacticCover> Cover;
  if (Opt.Syntactic && Opt.GroupActions && B && !Scope && !Outsiders) {
    Cover.emplace(A, *B, Limit);
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

  // Every phase (encoding, folding, witness search) stops at the deadline;
  // the loops above it then see the time is out too.
  auto outOfTime = [&]() {
    if (!Limit.expired())
      return false;
    UnknownReason = OutOfTime;
    return true;
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
    // The same for every caller: the group's members fix it.
    Term Formats = nullptr;
    for (const Caller &Who : Callers) {
      if (Limit.expired()) {
        UnknownReason = OutOfTime;
        break;
      }
      bool PrincipalPolicies = Who.Kind != CallerKind::Anonymous &&
                               Who.Kind != CallerKind::Service &&
                               Who.Kind != CallerKind::FederatedProvider;
      for (bool Same : {true, false}) {
        if (Listed.count({G, Who.Kind}))
          break;
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
        C.GenericCaller = Real && isGenericCaller(Who);
        if (Real && !Future)
          for (uint32_t M : Groups.Members[G])
            C.Members.push_back(&Cat.actions()[M]);
        Term TA = Enc.allowed(A, C);
        if (outOfTime())
          break;
        if (TA == Ctx.falseTerm())
          continue;
        Term Q = Ctx.mkAnd(TA, OutsiderTerm);
        if (Scope)
          Q = Ctx.mkAnd(Q, Enc.scope(*Scope, C));
        if (outOfTime())
          break;
        if (B) {
          Term TB = Enc.allowed(*B, C);
          if (outOfTime())
            break;
          Q = Ctx.mkAnd(Q, Ctx.mkNot(TB));
        }
        if (outOfTime())
          break;
        if (Q == Ctx.falseTerm())
          continue;
        Q = Ctx.mkAnd(Q, Enc.realistic(C));
        if (!Formats)
          Formats = Enc.resourceFormats(C);
        if (outOfTime())
          break;
        if (Q == Ctx.falseTerm() || Formats == Ctx.falseTerm())
          continue;
        // A few formats guide the solver; thousands (a `NotAction` group)
        // slow it down, so those wait for the full query.
        bool FewFormats = Formats->K != TermKind::Or ||
                          Formats->Args.size() <= MaxEagerFormats;
        ++Res.Stats.Queries;
        // Equal queries are decided once, except when every region is
        // wanted: each action group then needs its own example.
        if (!Decided.insert(Ctx.mkAnd(Q, Formats)).second && MaxCex == 1)
          continue;
        ++Res.Stats.Distinct;

        // Concrete witnesses first.
        if (Opt.Witnesses) {
          if (CandidatesFor != Who.Id + "|" + Who.Account) {
            // Variables take the values this caller gives its keys.
            CallerKeys = RequestContext();
            if (Real) {
              Request Probe;
              Probe.Principal = Who;
              RM.complete(Probe);
              CallerKeys = Probe.Context;
            }
            std::vector<const Policy *> Src = APolicies;
            Resources = resources(Src);
            AllResources = resources(Policies, /*AnyEffect=*/true);
            Contexts = contexts(Src, Policies);
            StatementVars = varsContext(Policies);
            CandidatesFor = Who.Id + "|" + Who.Account;
            if (outOfTime())
              break;
          }
          std::vector<std::string> Actions;
          if (!Future)
            Actions.push_back(Groups.Display[G]);
          else
            Actions = FutureNames;
          auto tryRequest = [&](const std::string &Act, const std::string &Rsrc,
                                const RequestContext &RC) {
            Request R;
            R.Principal = Who;
            R.Action = Act;
            R.Resource = Rsrc;
            R.Context = RC;
            if (Real) {
              R.ResourceAccount = witnessAccount(Who, Rsrc, Same);
              RM.complete(R);
            } else if (!Same) {
              R.ResourceAccount = Who.Account == "999999999999"
                                      ? "888888888888"
                                      : "999999999999";
            }
            Counterexample Cx;
            if (!isCex(R, Cx) || !realistic(R))
              return false;
            // Keys the witness set that the request does not need go (each
            // try completes and decides the request again: not for requests
            // of many keys).
            std::vector<std::string> Names;
            if (R.Context.size() <= 64)
              for (const ContextValue *V : R.Context.sorted())
                Names.push_back(V->Name);
            for (const std::string &N : Names) {
              if (Limit.expired())
                break;
              if (Real && RM.restores(N, R.Principal))
                continue; // completing puts it back
              Request T = R;
              T.Context.erase(N);
              if (Real)
                RM.complete(T);
              Counterexample Shorter;
              if (T.Context.size() < R.Context.size() && isCex(T, Shorter) &&
                  realistic(T)) {
                R = std::move(T);
                Cx = std::move(Shorter);
              }
            }
            Cx.FutureAction = Future;
            if (!Future)
              fillGroup(Cx, G);
            record(std::move(Cx), G, Who.Kind);
            return true;
          };
          // First the statements of A that apply to this action, each with
          // its own resources and a context made for its conditions: the
          // cross product below is capped and may miss them in large
          // policies.
          bool Hit = false;
          {
            unsigned Tries = 0;
            for (size_t PI = 0; PI < APolicies.size(); ++PI) {
              const Policy *P = APolicies[PI];
              // Every statement may apply to an action AWS may add; to a
              // catalog action, those the index finds.
              std::vector<uint32_t> Every;
              ArrayRef<uint32_t> Candidates;
              if (Future) {
                Every.resize(P->Statements.size());
                std::iota(Every.begin(), Every.end(), 0);
                Candidates = Every;
              } else {
                Candidates = AIndexes[PI].applying(Groups.Reps[G]);
              }
              for (uint32_t SI : Candidates) {
                const Statement &S = P->Statements[SI];
                if (Limit.expired()) {
                  Tries = 20001; // out of time: stop trying
                  break;
                }
                if (S.Eff != Effect::Allow || !S.Action.Present)
                  continue;
                // The actions of this group S applies to: the group's own,
                // or for future actions one per wildcard pattern of S.
                std::vector<std::string> Acts;
                if (!Future) {
                  StringRef Folded = Groups.Reps[G];
                  if (statementAppliesTo(S, Folded))
                    Acts.push_back(Groups.Display[G]);
                } else {
                  for (const std::string &X : FutureNames)
                    if (statementAppliesTo(S, X))
                      Acts.push_back(X);
                }
                if (Acts.empty())
                  continue;
                std::vector<std::string> Rs, Elsewhere;
                if (S.Resource.Present && !S.Resource.Negated)
                  for (const PolicyString &RP : S.Resource.Patterns) {
                    std::string T = flatten(RP);
                    if (T == "*" && !Acts.empty()) {
                      // An ARN of the action's resource type reads better.
                      std::vector<std::string> Own =
                          actionResources(Acts.front(), Who);
                      Rs.insert(Rs.end(), Own.begin(), Own.end());
                      Elsewhere = inOtherPartitions(Own);
                      // An ARN in each action's own service (actions AWS
                      // may add span services).
                      std::set<std::string> Services;
                      for (const std::string &Act : Acts) {
                        std::string Svc =
                            StringRef(Act).split(':').first.lower();
                        if (Services.insert(Svc).second)
                          Rs.push_back("arn:aws:" + Svc + ":us-east-1:" +
                                       (Who.Account.empty() ? HomeAccount
                                                            : Who.Account) +
                                       ":tollgate");
                      }
                    }
                    if (!Who.Account.empty())
                      Rs.push_back(instantiateArn(T, "tollgate", Who.Account));
                    // The pattern fitted to the shapes of the action's
                    // resource types, where the plain filling does not fit.
                    if (const ActionInfo *AI =
                            Real ? Cat.action(Acts.front()) : nullptr)
                      for (const std::string &Shape : RM.resourceShapes(*AI))
                        if (std::optional<std::string> F = fitted(
                                T, Shape,
                                Who.Account.empty() ? StringRef(HomeAccount)
                                                    : Who.Account))
                          Rs.push_back(*F);
                    Rs.push_back(instantiateArn(T, "tollgate"));
                    Rs.push_back(instantiate(T, "tollgate"));
                    Rs.push_back(instantiate(T, ""));
                  }
                Rs.push_back("arn:aws:tollgate:us-east-1:111122223333:tollgate/"
                             "resource");
                // Last, the action's resources in the other partitions.
                Rs.insert(Rs.end(), Elsewhere.begin(), Elsewhere.end());
                // Contexts for the statement's conditions: one per value
                // position (a list of values is a disjunction), and none.
                std::vector<RequestContext> RCs;
                for (size_t Vi : valuePositions(S, BValues)) {
                  RCs.push_back(contextFor(S, StatementVars, Vi));
                  // The same, with the keys only the other policies read
                  // set to fail their conditions.
                  RequestContext Away = RCs.back();
                  if (awayFrom(S, OtherPolicies, Away))
                    RCs.push_back(std::move(Away));
                }
                if (!S.Conditions.empty())
                  RCs.push_back(StatementVars);
                for (const std::string &Act : Acts) {
                  for (const std::string &Rsrc :
                       Future ? ownServiceFirst(Act, Rs) : Rs) {
                    for (const RequestContext &RC : RCs) {
                      if (++Tries > 20000 || Limit.expired()) {
                        Tries = 20001; // out of tries or time: stop
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
          // Members of the group that take a resource some policy names:
          // the group's representative may take none of them.
          if (!Future && Real)
            for (const std::string &M :
                 membersTaking(Groups.Members[G], AllResources))
              if (M != Groups.Display[G])
                Actions.push_back(M);
          for (const std::string &Act : Actions) {
            if (Hit)
              break;
            std::vector<std::string> Rsrcs = actionResources(Act, Who);
            std::vector<std::string> Elsewhere = inOtherPartitions(Rsrcs);
            Rsrcs.insert(Rsrcs.end(), Resources.begin(), Resources.end());
            Rsrcs.insert(Rsrcs.end(), AllResources.begin(), AllResources.end());
            Rsrcs.insert(Rsrcs.end(), Elsewhere.begin(), Elsewhere.end());
            if (Future)
              Rsrcs = ownServiceFirst(Act, std::move(Rsrcs));
            for (const std::string &Rsrc : Rsrcs) {
              if (Limit.expired())
                break;
              for (const RequestContext &RC : Contexts)
                if (!Limit.expired() && tryRequest(Act, Rsrc, RC)) {
                  Hit = true;
                  break;
                }
              if (Hit)
                break;
            }
          }
          if (Hit) {
            ++Res.Stats.WitnessHits;
            if (full())
              return finish();
            continue;
          }
        }

        Pending.push_back({C, FewFormats ? Ctx.mkAnd(Q, Formats) : Q,
                           FewFormats ? Ctx.trueTerm() : Formats, Future, G});
      }
    }
  }

  // The solver only when no witness was found: a counterexample from the
  // witness search anywhere makes every pending query moot.
  if (!Found.empty() && full())
    return finish();
  auto solve = [&](Term Query, unsigned MaxMs, uint64_t Work,
                   bool RefuteOnly = false, uint64_t Cap = 0) {
    std::string Dump;
    if (!Opt.DumpDir.empty())
      Dump = Opt.DumpDir + "/query-" + std::to_string(++DumpCounter) + ".smt2";
    ++Res.Stats.SolverCalls;
    SolveBudget B;
    B.TimeoutMs = std::min(MaxMs, Limit.remainingMs(Opt.TimeoutMs));
    // A spent budget is one unit, not 0 (which is no limit at all).
    if (Opt.SolverWork)
      B.Work = static_cast<unsigned>(std::clamp<uint64_t>(Work, 1, UINT_MAX));
    if (Cap && (!B.Work || B.Work > Cap))
      B.Work = static_cast<unsigned>(Cap);
    SolveResult Out = RefuteOnly ? Backend->refute(Ctx, Query, B, Dump)
                                 : Backend->solve(Ctx, Query, B, Dump);
    WorkLeft -= std::min<uint64_t>(WorkLeft, Out.Work);
    return Out;
  };
  // A query is refuted without the default solver when one of its parts
  // that share no variable with the rest has no model (such a part is the
  // same in the queries of other callers, accounts and action groups, and
  // is refuted once; QueryParts.h), or else when Z3's plain SMT core finds
  // none in a small work budget: it costs a fraction of the default
  // solver's tactics on small queries.
  unsigned PartProofs = 0;
  auto refuted = [&](Term Q) {
    std::vector<Term> Parts = smallerParts(Ctx, Domain, Q);
    if (llvm::any_of(Parts, [&](Term P) {
          return P == Ctx.falseTerm() || RefutedParts.count(P);
        })) {
      ++PartProofs;
      return true;
    }
    for (Term P : Parts) {
      if (Limit.expired())
        return false;
      if (!TriedParts.insert(P).second)
        continue; // it has a model, or none was ruled out in the budget
      if (solve(P, UINT_MAX, WorkLeft / 8, /*RefuteOnly=*/true, RefuteWork)
              .Status == SolveStatus::Unsat) {
        RefutedParts.insert(P);
        ++PartProofs;
        return true;
      }
    }
    return !Limit.expired() &&
           solve(Ctx.mkAnd(Domain, Q), UINT_MAX, WorkLeft / 8,
                 /*RefuteOnly=*/true, RefuteWork)
                   .Status == SolveStatus::Unsat;
  };
  // Every pending query refuted: the check passes without the default
  // solver. Otherwise every query goes to it as before, work budget
  // included: its models, which depend on the history of its context, and
  // so the counterexamples and verdicts, stay what they were (the attempts
  // ran in a context of their own).
  if (!Pending.empty() && Enc.unsupported().empty() &&
      LongestString <= MaxSolverStringBytes && !Limit.expired()) {
    Domain = Enc.domain();
    WellFormed = Enc.wellFormed();
    if (!Ctx.typeError().empty())
      return finish();
    uint64_t WorkBefore = WorkLeft;
    bool All = llvm::all_of(Pending, [&](const PendingQuery &PQ) {
      return (!Opt.SolverWork || WorkLeft) && refuted(PQ.Q);
    });
    if (All) {
      Res.Stats.SolverUnsat += static_cast<unsigned>(Pending.size());
      Res.Stats.PartProofs += PartProofs;
      return finish();
    }
    WorkLeft = WorkBefore;
  }
  for (const PendingQuery &PQ : Pending) {
    const Coordinate &C = PQ.C;
    Term Q = PQ.Q;
    bool Future = PQ.Future;
    size_t G = PQ.G;
    if (Listed.count({G, C.Principal.Kind}))
      continue; // an example of the group and kind of caller is listed
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
    if (!Domain) {
      Domain = Enc.domain();
      WellFormed = Enc.wellFormed();
    }
    if (!Ctx.typeError().empty())
      return finish();
    if (Opt.SolverWork && !WorkLeft) {
      if (UnknownReason.empty())
        UnknownReason = OutOfWork;
      break;
    }
    // Without the UTF-8 rule (Encoder::wellFormed()) and the resource's
    // formats (Encoder::resourceFormats()) first, for a quarter of the time
    // (or work) left: a weaker query, so its `unsat` is a proof. The full
    // query follows when the first gives no answer or a model breaks either.
    SolveResult SR = solve(Ctx.mkAnd(Domain, Q),
                           std::max(250u, Limit.remainingMs(Opt.TimeoutMs) / 4),
                           WorkLeft / 4);
    if (SR.Status == SolveStatus::Unknown ||
        (SR.Status == SolveStatus::Sat &&
         !(Ctx.evaluateBool(WellFormed, SR.Model) &&
           Ctx.evaluateBool(PQ.Formats, SR.Model))))
      SR = solve(Ctx.mkAnd({Domain, WellFormed, PQ.Formats, Q}), UINT_MAX,
                 WorkLeft);
    if (SR.Status == SolveStatus::Unsat) {
      ++Res.Stats.SolverUnsat;
      continue;
    }
    if (SR.Status == SolveStatus::Unknown) {
      ++Res.Stats.SolverUnknown;
      if (UnknownReason.empty())
        UnknownReason = Opt.SolverWork && !WorkLeft ? OutOfWork : SR.Reason;
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
    if (!realistic(R)) {
      // Keys no policy reads take the values every request has; where the
      // encoding of the request model is not exact (an IP-typed key compared
      // as a string, say), the completed request must still separate the
      // policies.
      Request Fixed = R;
      RM.complete(Fixed);
      Counterexample Cx2;
      // The solver's time may fall inside a second; completing rounds it
      // down, which meets a bound `>` of the second before: the next second
      // instead.
      if (!isCex(Fixed, Cx2) || !realistic(Fixed)) {
        Request Up = R;
        if (roundTimesUp(Up)) {
          RM.complete(Up);
          if (isCex(Up, Cx2) && realistic(Up))
            Fixed = std::move(Up);
        }
      }
      // The group's representative may not take the resource another
      // member of the group takes: the request names that member.
      // For an action AWS may add, the name the solver made up may be no
      // action name at all: a name of a known service instead.
      std::vector<std::string> Renames;
      for (const ActionInfo *M : C.Members)
        if (FreeResources || RM.hasResourceShape(*M, R.Resource))
          Renames.push_back(M->FullName.str());
      if (Future)
        Renames.insert(Renames.end(), FutureNames.begin(), FutureNames.end());
      if (!isCex(Fixed, Cx2) || !realistic(Fixed))
        for (const std::string &Name : Renames) {
          Request Renamed = Fixed;
          Renamed.Action = Name;
          RM.complete(Renamed);
          if (isCex(Renamed, Cx2) && realistic(Renamed)) {
            Fixed = std::move(Renamed);
            break;
          }
        }
      // A resource the solver wrote with an empty name (`application//x`)
      // or a `/` inside one: the policies' patterns fitted to the action's
      // ARN formats instead.
      if ((!isCex(Fixed, Cx2) || !realistic(Fixed)) && !FreeResources)
        if (const ActionInfo *AI = Cat.action(Fixed.Action)) {
          std::string Account = request::RequestModel::resourceAccount(Fixed);
          unsigned Tried = 0;
          for (const std::string &Sample : RM.sampleResources(*AI, Account)) {
            Request Refit = Fixed;
            Refit.Resource = Sample;
            RM.complete(Refit);
            if (!(isCex(Fixed, Cx2) && realistic(Fixed)) && isCex(Refit, Cx2) &&
                realistic(Refit))
              Fixed = std::move(Refit);
          }
          for (const Policy *P : Policies)
            for (const Statement &S : P->Statements)
              for (const PolicyString &RP : S.Resource.Patterns)
                for (const std::string &Shape : RM.resourceShapes(*AI)) {
                  if (++Tried > 64 || (isCex(Fixed, Cx2) && realistic(Fixed)))
                    break;
                  std::optional<std::string> F =
                      fitPattern(flatten(RP), Shape, Account);
                  if (!F)
                    continue;
                  Request Refit = Fixed;
                  Refit.Resource = *F;
                  RM.complete(Refit);
                  if (isCex(Refit, Cx2) && realistic(Refit))
                    Fixed = std::move(Refit);
                }
        }
      if (!isCex(Fixed, Cx2) || !realistic(Fixed)) {
        std::vector<std::string> Broken = RM.violations(Fixed, !FreeResources);
        if (UnknownReason.empty())
          UnknownReason =
              "the solver's counterexample is not a request AWS sends (" +
              RM.violations(R, !FreeResources).front() +
              (Broken.empty() ? "; made one, it no longer separates the "
                                "policies"
                              : "; made one, " + Broken.front()) +
              ")";
        continue;
      }
      Cx = std::move(Cx2);
    }
    if (Future && !Cat.action(Cx.R.Action)) {
      // A name the solver made up for an action AWS may add: one of a
      // service the policies name reads better.
      for (const std::string &X : FutureNames) {
        Request Named = Cx.R;
        Named.Action = X;
        Counterexample Try;
        if (isCex(Named, Try) && realistic(Named)) {
          Cx = std::move(Try);
          break;
        }
      }
    }
    prettify(Cx, [&](const Request &Q, Counterexample &Out) {
      return isCex(Q, Out) && realistic(Q);
    });
    Cx.FutureAction = Future && !Cat.action(Cx.R.Action);
    Cx.FromSolver = true;
    if (!Future)
      fillGroup(Cx, G);
    record(std::move(Cx), G, C.Principal.Kind);
    if (full())
      return finish();
  }
  return finish();
}

} // namespace verify
} // namespace tollgate
