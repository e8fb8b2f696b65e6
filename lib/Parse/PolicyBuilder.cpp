//===- PolicyBuilder.cpp - Policies built rather than read ----------------===//

#include "tollgate/Parse/PolicyBuilder.h"

#include "tollgate/Parse/PolicyVariables.h"

#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace tollgate {

static Error invalid(const Twine &What, StringRef Text, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "invalid " + What + " '" + Text + "': " + Why);
}

Expected<std::unique_ptr<Policy>> buildPolicy(StringRef Name, PolicyType Type,
                                              ArrayRef<StatementSpec> Specs) {
  auto P = std::make_unique<Policy>();
  P->Source = SourceFile::unread(Name.str());
  P->Type = Type;
  P->HasVersion = true;
  P->Version = "2012-10-17";
  for (const StatementSpec &Spec : Specs) {
    Statement S;
    S.Eff = Spec.Eff;
    S.Action.Present = true;
    S.Action.Negated = Spec.NotAction;
    std::vector<std::string> Star = {"*"};
    for (const std::string &A : Spec.Actions.empty() ? Star : Spec.Actions) {
      if (A.empty())
        return invalid("action", A, "it is empty");
      if (StringRef(A).contains("${"))
        return invalid("action", A, "actions take no policy variables");
      S.Action.Patterns.push_back({P->own(A), Loc()});
    }
    S.Resource.Present = true;
    for (const std::string &R :
         Spec.Resources.empty() ? Star : Spec.Resources) {
      if (R.empty())
        return invalid("resource", R, "it is empty");
      PolicyString PS;
      PS.Text = P->own(R);
      if (PS.Text.contains("${")) {
        VariableError E;
        if (!splitPolicyVariables(PS.Text, PS.Parts, E))
          return invalid("resource", R, E.Message);
      }
      S.Resource.Patterns.push_back(std::move(PS));
    }
    P->Statements.push_back(std::move(S));
  }
  return P;
}

std::unique_ptr<Policy> everythingPolicy(StringRef Name, Effect Eff) {
  StatementSpec S;
  S.Eff = Eff;
  return cantFail(buildPolicy(Name, PolicyType::Identity, {S}));
}

} // namespace tollgate
