//===- Access.cpp - A principal's policies as the evaluator sees them -----===//

#include "tollgate/Account/Access.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Request/RequestModel.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace tollgate {
namespace account {

Caller callerFor(const Principal &P) {
  if (!P.isRole())
    return Caller::fromId(P.Arn);
  // arn:aws:iam::A:role/path/NAME -> arn:aws:sts::A:assumed-role/NAME/S
  StringRef Arn = P.Arn;
  StringRef Prefix = Arn.substr(0, Arn.find(":role/"));
  std::string Session = Prefix.str();
  size_t Iam = Session.find(":iam:");
  if (Iam != std::string::npos)
    Session.replace(Iam, 5, ":sts:");
  Caller C = Caller::fromId(Session + ":assumed-role/" + P.Name + "/tollgate");
  return C;
}

PrincipalAccess::PrincipalAccess(const Account &A, const Principal &P,
                                 const Guardrails &G)
    : A(&A), P(&P), G(&G), E(A.effective(P)), C(callerFor(P)) {
  for (const AppliedPolicy &AP : E.Identity)
    Set.Identity.push_back(AP.P);
  if (E.Boundary)
    Set.Boundary = E.Boundary->P;
  for (const LoadedPolicy &L : G.SCPs)
    if (L.P)
      Set.SCPs.push_back(L.P.get());
  for (const LoadedPolicy &L : G.RCPs)
    if (L.P)
      Set.RCPs.push_back(L.P.get());
  Compiled = std::make_unique<CompiledPolicySet>(Set);
}

Request PrincipalAccess::request(StringRef Action, StringRef Resource,
                                 const ContextList &Context) const {
  Request R;
  R.Principal = C;
  R.Action = Action.str();
  R.Resource = Resource.str();
  for (const auto &[Key, Values] : Context) {
    if (Values.size() == 1)
      R.Context.set(Key, Values[0]);
    else
      R.Context.setMulti(Key, Values);
  }
  request::RequestModel(Catalog::builtin()).complete(R);
  return R;
}

LoadedPolicy PrincipalAccess::scope(StringRef Action,
                                    StringRef Resource) const {
  // The value the request model gives the caller (a role session's is its
  // role's ARN as the model spells it).
  Request R = request(Action, Resource);
  const ContextValue *Arn = R.Context.lookup("aws:PrincipalArn");
  return allowOnly(Action, Resource,
                   Arn && !Arn->Values.empty() ? StringRef(Arn->Values[0])
                                               : StringRef());
}

StatementCite PrincipalAccess::cite(StatementRef Ref) const {
  StatementCite Out;
  const Policy &Pol = Compiled->policy(Ref);
  const Statement &S = Compiled->statement(Ref);
  Out.Statement = S.displayName(Ref.StatementIndex);
  std::string DocPointer;
  switch (Ref.Role) {
  case PolicyRole::Identity:
    Out.Policy = E.Identity[Ref.PolicyIndex].Origin;
    DocPointer = E.Identity[Ref.PolicyIndex].Pointer;
    break;
  case PolicyRole::Boundary:
    Out.Policy = E.Boundary->Origin;
    DocPointer = E.Boundary->Pointer;
    break;
  case PolicyRole::SCP:
  case PolicyRole::RCP:
    Out.Policy = (policyRoleName(Ref.Role) + " " +
                  (Pol.Source ? Pol.Source->name() : StringRef("?")))
                     .str();
    break;
  default:
    Out.Policy = policyRoleName(Ref.Role).str();
    break;
  }
  if (Pol.Source) {
    Out.File = Pol.Source->name().str();
    Out.Line = Pol.Source->position(S.L.Range.Begin).Line;
  }
  Out.Pointer = DocPointer + Pol.pointer(S.L.Path);
  return Out;
}

std::vector<StatementCite>
PrincipalAccess::cite(ArrayRef<StatementRef> Refs) const {
  std::vector<StatementCite> Out;
  for (StatementRef R : Refs)
    Out.push_back(cite(R));
  return Out;
}

LoadedPolicy makePolicy(StringRef Name, StringRef Json, PolicyType Type) {
  LoadOptions O;
  O.Type = Type;
  return loadPolicyText(Name, Json.str(), O);
}

LoadedPolicy allowOnly(StringRef Action, StringRef Resource,
                       StringRef PrincipalArn) {
  nlohmann::json S = {{"Effect", "Allow"},
                      {"Action", Action.str()},
                      {"Resource", Resource.str()}};
  if (!PrincipalArn.empty())
    S["Condition"] = {
        {"StringEquals", {{"aws:PrincipalArn", PrincipalArn.str()}}}};
  nlohmann::json J = {{"Version", "2012-10-17"},
                      {"Statement", nlohmann::json::array({S})}};
  return makePolicy(
      "<scope>",
      J.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      PolicyType::Identity);
}

} // namespace account
} // namespace tollgate
