//===- EncoderModel.cpp - The request model as constraints ----------------===//
///
/// \file
/// The rules of RequestModel.h written as terms over the encoder's
/// variables, so that the solver only considers requests AWS can send. The
/// witness search and every counterexample check the same rules on concrete
/// requests (RequestModel::violations); the two must agree, and the verifier
/// turns a solver model that breaks a rule into UNKNOWN, never a FAIL.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Principal.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Verify/Encoder.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace verify {

void Encoder::setModel(const request::RequestModel *M,
                       std::vector<std::string> Accts, bool Free) {
  Model = M;
  Accounts = std::move(Accts);
  FreeResources = Free;
  if (Model && !ResourceAccount)
    ResourceAccount = Ctx.var("resource.account", Sort::String);
}

namespace {

/// Strings of the form `arn:p:s:r:a:rest`.
Pattern arnShape() {
  Pattern G = Pattern::parse("arn:*:*:*:*:", CaseMode::Sensitive, ":");
  G.addStar();
  return G;
}

/// The role names that named principals of account \p Account use:
/// `role/path/R` and `assumed-role/R/S` both give R.
std::vector<std::string> namedRoles(ArrayRef<std::string> Named,
                                    StringRef Account) {
  std::vector<std::string> Out;
  for (const std::string &N : Named)
    if (std::optional<RoleRef> R = roleOf(N))
      if (R->Account == Account)
        Out.push_back(R->Name.str());
  return Out;
}

} // namespace

/// The catalog's actions that \p C stands for: its group's members, or its
/// action.
static std::vector<const ActionInfo *>
membersOf(const Coordinate &C, const request::RequestModel &Model) {
  std::vector<const ActionInfo *> Members = C.Members;
  if (Members.empty() && !C.Action.empty())
    if (const ActionInfo *A = Model.catalog().action(C.Action))
      Members.push_back(A);
  return Members;
}

Term Encoder::resourceFormats(const Coordinate &C) {
  if (!Model || FreeResources)
    return Ctx.trueTerm();
  std::vector<const ActionInfo *> Members = membersOf(C, *Model);
  if (Members.empty())
    return Ctx.trueTerm();
  std::vector<std::string> Shapes;
  for (const ActionInfo *A : Members)
    for (std::string &S : Model->resourceShapes(*A))
      if (!is_contained(Shapes, S))
        Shapes.push_back(std::move(S));
  std::vector<Term> Or;
  for (const std::string &Shape : Shapes) {
    if (Shape == "*") {
      Or.push_back(Ctx.mkNot(IsArn));
      continue;
    }
    std::array<StringRef, 6> F;
    if (!splitArn(Shape, F))
      continue;
    std::vector<Term> Fits{IsArn};
    for (unsigned I = 0; I < 6; ++I)
      Fits.push_back(Ctx.mkInGlob(
          Fields[I], Pattern::parse(I < 5 ? F[I].lower() : F[I].str())));
    Or.push_back(Ctx.mkAnd(Fits));
  }
  return Ctx.mkOr(Or);
}

bool Encoder::reachesSome(const std::vector<const ActionInfo *> &Members,
                          StringRef Key) {
  if (Members != ReachMembers) {
    ReachMembers = Members;
    Reaches.clear();
  }
  auto It = Reaches.find(Key);
  if (It == Reaches.end())
    It = Reaches
             .try_emplace(Key, any_of(Members,
                                      [&](const ActionInfo *A) {
                                        return Model->keyReaches(A, Key);
                                      }))
             .first;
  return It->second;
}

Term Encoder::realistic(const Coordinate &C) {
  if (!Model)
    return Ctx.trueTerm();
  std::vector<Term> And;
  const Caller &Who = C.Principal;
  std::vector<const ActionInfo *> Members = membersOf(C, *Model);
  bool Known = !Members.empty();

  // The resource account: the caller's in the same account, one of the
  // accounts the policies name (or one they do not) otherwise.
  if (C.SameAccount && !Who.Account.empty()) {
    And.push_back(Ctx.mkEq(ResourceAccount, Ctx.strConst(Who.Account)));
  } else {
    std::vector<Term> Or;
    for (const std::string &A : Accounts)
      if (A != Who.Account)
        Or.push_back(Ctx.mkEq(ResourceAccount, Ctx.strConst(A)));
    And.push_back(Ctx.mkOr(Or));
  }
  // An ARN that names an account names the resource account.
  if (!FreeResources)
    And.push_back(
        Ctx.mkImplies(IsArn, Ctx.mkOr(Ctx.mkEq(Fields[4], Ctx.strConst("")),
                                      Ctx.mkEq(Fields[4], ResourceAccount))));
  // The resource is in a partition AWS has.
  if (Known && !FreeResources) {
    std::vector<Term> InPartition;
    for (StringRef P : request::partitions())
      InPartition.push_back(Ctx.mkEq(Fields[1], Ctx.strConst(P.str())));
    And.push_back(Ctx.mkImplies(IsArn, Ctx.mkOr(InPartition)));
  }

  // An action AWS may add is still `service:Name`, and a service's keys
  // reach only that service's actions.
  if (!Known && C.Action.empty())
    And.push_back(Ctx.mkInGlob(
        ActionVar, Pattern::parse("?*:?*", CaseMode::Sensitive, ":")));

  // aws:CurrentTime and aws:EpochTime are the request's one time.
  auto CurrentTime = Keys.find("aws:currenttime"),
       EpochTime = Keys.find("aws:epochtime");
  if (CurrentTime != Keys.end() && EpochTime != Keys.end() &&
      CurrentTime->second.Kind == KeyKind::Date &&
      EpochTime->second.Kind == KeyKind::Date) {
    const KeyVars &CT = CurrentTime->second, &ET = EpochTime->second;
    And.push_back(Ctx.mkImplies(
        Ctx.mkAnd({CT.Present, ET.Present, Ctx.mkNot(CT.Multi),
                   Ctx.mkNot(ET.Multi), CT.Single.Valid, ET.Single.Valid}),
        Ctx.mkEq(CT.Single.Num, ET.Single.Num)));
  }

  const KeyVars *ArnKey = nullptr;
  auto KI = Keys.find("aws:principalarn");
  if (KI != Keys.end() && KI->second.Kind == KeyKind::String)
    ArnKey = &KI->second;
  bool NamedFree = C.GenericCaller && (Who.Kind == CallerKind::User ||
                                       Who.Kind == CallerKind::RoleSession);

  for (auto &KV : Keys) {
    const KeyVars &K = KV.second;
    request::KeyFacts F = Model->facts(K.Spelling);
    bool Str = K.Kind == KeyKind::String;
    if (F.Known)
      And.push_back(F.MultiValued ? K.Multi : Ctx.mkNot(K.Multi));
    // Values of the key's type.
    auto typed = [&](const KeyVars::Value &V) -> Term {
      if (Str && F.Type == request::ValueType::Bool)
        return Ctx.mkOr(Ctx.mkEq(V.Str, Ctx.strConst("true")),
                        Ctx.mkEq(V.Str, Ctx.strConst("false")));
      if (Str && F.Type == request::ValueType::Arn)
        return Ctx.mkInGlob(V.Str, arnShape());
      bool Number = F.Type == request::ValueType::Numeric ||
                    F.Type == request::ValueType::Date;
      if ((K.Kind == KeyKind::Ip && F.Type == request::ValueType::Ip) ||
          ((K.Kind == KeyKind::Numeric || K.Kind == KeyKind::Date) && Number))
        return Ctx.mkAnd(V.Valid, Ctx.mkNot(V.Empty));
      return Ctx.trueTerm();
    };
    if (F.Known) {
      std::vector<Term> Typed{
          Ctx.mkImplies(Ctx.mkNot(K.Multi), typed(K.Single))};
      for (const KeyVars::Value &V : K.Slots)
        Typed.push_back(Ctx.mkImplies(V.Used, typed(V)));
      And.push_back(Ctx.mkImplies(K.Present, Ctx.mkAnd(Typed)));
    }
    if (F.AlwaysPresent)
      And.push_back(K.Present);
    if (Known && !reachesSome(Members, K.Spelling))
      And.push_back(Ctx.mkNot(K.Present));
    if (!Known && C.Action.empty() && F.ServiceKey && F.Known)
      And.push_back(Ctx.mkImplies(
          K.Present,
          Ctx.mkPrefixOf(
              Ctx.strConst(StringRef(KV.first).split(':').first.str() + ":"),
              ActionVar)));
    Term One = Ctx.mkAnd(K.Present, Ctx.mkNot(K.Multi));

    if (KV.first == "aws:resourceaccount" && Str)
      And.push_back(Ctx.mkImplies(
          K.Present, Ctx.mkAnd(Ctx.mkNot(K.Multi),
                               Ctx.mkEq(K.Single.Str, ResourceAccount))));

    // A caller that stands for unnamed callers has a free name of its form.
    if (NamedFree && Str && KV.first == "aws:principalarn") {
      bool User = Who.Kind == CallerKind::User;
      std::string Form =
          "arn:aws:iam::" + Who.Account + (User ? ":user/?*" : ":role/?*");
      // The name is not empty. (An empty path segment, `user//x`, is left
      // to the repair of solver models: `not contains` costs Z3 dearly.)
      std::vector<Term> Name{
          One, Ctx.mkInGlob(K.Single.Str, Pattern::parse(Form)),
          Ctx.mkNot(Ctx.mkSuffixOf(Ctx.strConst("/"), K.Single.Str))};
      for (const std::string &N : NamedPrincipals)
        Name.push_back(Ctx.mkNot(Ctx.mkEq(K.Single.Str, Ctx.strConst(N))));
      if (!User)
        for (const std::string &R : namedRoles(NamedPrincipals, Who.Account))
          Name.push_back(
              Ctx.mkNot(Ctx.mkSuffixOf(Ctx.strConst("/" + R), K.Single.Str)));
      And.push_back(Ctx.mkAnd(Name));
      continue;
    }
    if (NamedFree && Str && KV.first == "aws:username" &&
        Who.Kind == CallerKind::User) {
      std::vector<Term> Name{
          One, Ctx.mkNot(Ctx.mkEq(K.Single.Str, Ctx.strConst(""))),
          Ctx.mkNot(Ctx.mkContains(K.Single.Str, Ctx.strConst("/")))};
      if (ArnKey) {
        // The ARN is the user's path and name: stated as a concatenation,
        // which Z3 decides far faster than a suffix with `not contains`.
        Term Path = Ctx.var("caller.path", Sort::String);
        Name.push_back(Ctx.mkEq(
            ArnKey->Single.Str,
            Ctx.mkConcat(
                {Ctx.strConst("arn:aws:iam::" + Who.Account + ":user/"), Path,
                 K.Single.Str})));
        Name.push_back(Ctx.mkOr(Ctx.mkEq(Path, Ctx.strConst("")),
                                Ctx.mkSuffixOf(Ctx.strConst("/"), Path)));
      } else
        for (const std::string &N : NamedPrincipals)
          if (StringRef(N).startswith("arn:aws:iam::" + Who.Account + ":user/"))
            Name.push_back(Ctx.mkNot(Ctx.mkEq(
                K.Single.Str, Ctx.strConst(StringRef(N).rsplit('/').second))));
      And.push_back(Ctx.mkAnd(Name));
      continue;
    }

    std::optional<request::CallerValue> CV =
        Model->callerValue(K.Spelling, Who);
    if (!CV)
      continue;
    switch (CV->K) {
    case request::CallerValue::Absent:
      And.push_back(Ctx.mkNot(K.Present));
      break;
    case request::CallerValue::Fixed:
      And.push_back(One);
      if (Str)
        And.push_back(Ctx.mkEq(K.Single.Str, Ctx.strConst(CV->Value)));
      break;
    case request::CallerValue::Shaped:
      And.push_back(One);
      if (Str)
        And.push_back(Ctx.mkInGlob(K.Single.Str, Pattern::parse(CV->Value)));
      break;
    case request::CallerValue::Free:
      break;
    }
  }
  return Ctx.mkAnd(And);
}

} // namespace verify
} // namespace tollgate
