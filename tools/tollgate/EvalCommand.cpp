//===- EvalCommand.cpp - The `tollgate eval` subcommand -------------------===//
///
/// \file
/// Reads the policies and one request, decides it with the concrete
/// evaluator and prints the decision with its reasons, as text or JSON.
///
/// The options are parsed by hand: llvm::cl options are global, and this
/// command's option names (--identity, --resource, ...) would clash with
/// other subcommands'.
///
//===----------------------------------------------------------------------===//

#include "EvalCommand.h"
#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Json/Depth.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Report/Verdicts.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace llvm;

namespace tollgate {

namespace {

const char *const Usage =
    R"(usage: tollgate eval [options]

Decides one request against a set of policies and prints why.

Policies (each FILE is a policy document; '-' reads standard input):
  --identity FILE          identity-based policy (repeatable)
  --resource-policy FILE   resource-based policy (bucket, key, queue, ...)
  --trust-policy FILE      a role trust policy (the resource policy of
                           sts:AssumeRole*; must allow explicitly)
  --boundary FILE          permissions boundary
  --scp FILE               service control policy, one per level (repeatable)
  --rcp FILE               resource control policy, one per level (repeatable)
  --session FILE           session policy

Request:
  --principal ARN          the caller (user, role, session, root, service
                           name such as s3.amazonaws.com; omit for anonymous)
  --principal-kind KIND    override: anonymous, root, user, role,
                           role-session, federated-user, federated-provider,
                           service
  --action SERVICE:NAME    the action
  --resource ARN           the resource (default: *)
  --resource-account ID    the resource's account (default: from the
                           resource ARN, else the caller's account)
  --context KEY=VALUE      a condition key; repeating a key makes it
                           multivalued; KEY=[] is an empty multivalued key
  --request FILE.json      the request as JSON: {"principal", "principalKind",
                           "canonicalId", "action", "resource",
                           "resourceAccount", "context": {key: string or
                           [strings]}}; options given as well override it

Output:
  --format text|json       (default: text)

Exit status: 0 allowed, 1 denied, 2 usage or input error, 3 the policies use
a construct the evaluator cannot decide.
)";

struct PolicyArg {
  PolicyRole Role;
  std::string Path;
  bool Trust = false;
};

struct Options {
  std::vector<PolicyArg> Policies;
  Optional<std::string> Principal, PrincipalKind, Action, Resource,
      ResourceAccount, RequestFile;
  std::vector<std::string> Context;
  std::string Format = "text";
};

/// A loaded policy and where it came from.
struct Loaded {
  PolicyArg Arg;
  LoadedPolicy L;
};

bool parseArgs(int Argc, const char **Argv, Options &O, raw_ostream &Err) {
  // Argv[0] names the program or the command; a driver that passes the
  // whole command line leaves "eval" in Argv[1].
  int First = Argc > 1 && StringRef(Argv[1]) == "eval" ? 2 : 1;
  for (int I = First; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (A == "-h" || A == "--help" || A == "-help") {
      outs() << Usage;
      return false;
    }
    StringRef Name = A, Value;
    bool HasValue = false;
    if (A.startswith("--") && A.contains('=')) {
      std::tie(Name, Value) = A.split('=');
      HasValue = true;
    }
    auto Next = [&](std::string &Out) -> bool {
      if (HasValue) {
        Out = Value.str();
        return true;
      }
      if (I + 1 >= Argc) {
        Err << "tollgate eval: " << Name << " needs a value\n";
        return false;
      }
      Out = Argv[++I];
      return true;
    };
    std::string V;
    auto Policy = [&](PolicyRole Role, bool Trust = false) {
      if (!Next(V))
        return false;
      O.Policies.push_back({Role, V, Trust});
      return true;
    };
    auto Single = [&](Optional<std::string> &Slot) {
      if (!Next(V))
        return false;
      Slot = V;
      return true;
    };
    bool OK;
    if (Name == "--identity")
      OK = Policy(PolicyRole::Identity);
    else if (Name == "--resource-policy")
      OK = Policy(PolicyRole::Resource);
    else if (Name == "--trust-policy")
      OK = Policy(PolicyRole::Resource, /*Trust=*/true);
    else if (Name == "--boundary")
      OK = Policy(PolicyRole::Boundary);
    else if (Name == "--scp")
      OK = Policy(PolicyRole::SCP);
    else if (Name == "--rcp")
      OK = Policy(PolicyRole::RCP);
    else if (Name == "--session")
      OK = Policy(PolicyRole::Session);
    else if (Name == "--principal")
      OK = Single(O.Principal);
    else if (Name == "--principal-kind")
      OK = Single(O.PrincipalKind);
    else if (Name == "--action")
      OK = Single(O.Action);
    else if (Name == "--resource")
      OK = Single(O.Resource);
    else if (Name == "--resource-account")
      OK = Single(O.ResourceAccount);
    else if (Name == "--request")
      OK = Single(O.RequestFile);
    else if (Name == "--context") {
      OK = Next(V);
      if (OK)
        O.Context.push_back(V);
    } else if (Name == "--format") {
      OK = Next(O.Format);
      if (OK && O.Format != "text" && O.Format != "json") {
        Err << "tollgate eval: --format must be text or json\n";
        return false;
      }
    } else {
      Err << "tollgate eval: unknown argument '" << A << "'\n" << Usage;
      return false;
    }
    if (!OK)
      return false;
  }
  for (PolicyRole Single :
       {PolicyRole::Resource, PolicyRole::Boundary, PolicyRole::Session}) {
    if (count_if(O.Policies,
                 [&](const PolicyArg &P) { return P.Role == Single; }) > 1) {
      Err << "tollgate eval: at most one " << policyRoleName(Single)
          << " policy\n";
      return false;
    }
  }
  return true;
}

PolicyType typeFor(const PolicyArg &A) {
  switch (A.Role) {
  case PolicyRole::Identity:
    return PolicyType::Identity;
  case PolicyRole::Resource:
    return A.Trust ? PolicyType::Trust : PolicyType::Resource;
  case PolicyRole::Boundary:
    return PolicyType::Boundary;
  case PolicyRole::SCP:
    return PolicyType::SCP;
  case PolicyRole::RCP:
    return PolicyType::RCP;
  case PolicyRole::Session:
    return PolicyType::Session;
  }
  return PolicyType::Identity;
}

void printDiag(const LoadedPolicy &L, const Diagnostic &D, raw_ostream &OS) {
  OS << (L.Source ? L.Source->name() : StringRef("<input>"));
  if (L.Source) {
    Position P = L.Source->position(D.Range.Begin);
    OS << ':' << P.Line << ':' << P.Column;
  }
  OS << ": " << (D.Check && D.Check->IsInputError ? "error" : "note") << ": "
     << D.Message;
  if (D.Check)
    OS << " [" << D.Check->Code << "]";
  OS << '\n';
}

/// Reads the request JSON into \p R. Returns false (with a message) on
/// malformed input.
bool readRequestFile(StringRef Path, Request &R, std::string &Kind,
                     raw_ostream &Err) {
  ReadOutcome Read = readBounded(Path);
  if (!Read) {
    Err << "tollgate eval: cannot read " << Path << ": " << Read.Message
        << '\n';
    return false;
  }
  // nlohmann::json recurses once per level.
  if (jsonNestsDeeperThan(Read.Text)) {
    Err << "tollgate eval: " << Path << ": nesting is deeper than "
        << MaxJsonDepth << " levels\n";
    return false;
  }
  nlohmann::json J =
      nlohmann::json::parse(Read.Text.begin(), Read.Text.end(), nullptr,
                            /*allow_exceptions=*/false);
  if (J.is_discarded() || !J.is_object()) {
    Err << "tollgate eval: " << Path << ": not a JSON object\n";
    return false;
  }
  auto Str = [&](const char *Key, std::string &Out) -> bool {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return true;
    if (!It->is_string()) {
      Err << "tollgate eval: " << Path << ": \"" << Key
          << "\" must be a string\n";
      return false;
    }
    Out = It->get<std::string>();
    return true;
  };
  std::string Principal, Canonical;
  if (!Str("principal", Principal) || !Str("principalKind", Kind) ||
      !Str("canonicalId", Canonical) || !Str("action", R.Action) ||
      !Str("resource", R.Resource) ||
      !Str("resourceAccount", R.ResourceAccount))
    return false;
  R.Principal = Caller::fromId(Principal);
  R.Principal.CanonicalId = Canonical;
  auto Ctx = J.find("context");
  if (Ctx != J.end() && !Ctx->is_null()) {
    if (!Ctx->is_object()) {
      Err << "tollgate eval: " << Path << ": \"context\" must be an object\n";
      return false;
    }
    auto Text = [](const nlohmann::json &V, std::string &Out) {
      if (V.is_string())
        Out = V.get<std::string>();
      else if (V.is_boolean() || V.is_number())
        Out = V.dump();
      else
        return false;
      return true;
    };
    for (auto &E : Ctx->items()) {
      std::string V;
      if (E.value().is_array()) {
        std::vector<std::string> Values;
        for (auto &Item : E.value()) {
          if (!Text(Item, V)) {
            Err << "tollgate eval: " << Path << ": context key \"" << E.key()
                << "\" holds a value that is not a string\n";
            return false;
          }
          Values.push_back(V);
        }
        R.Context.setMulti(E.key(), Values);
      } else if (Text(E.value(), V)) {
        R.Context.set(E.key(), V);
      } else {
        Err << "tollgate eval: " << Path << ": context key \"" << E.key()
            << "\" must be a string or an array of strings\n";
        return false;
      }
    }
  }
  return true;
}

/// Where a statement is, as file:line:col.
std::string where(const Loaded &L, const Statement &S) {
  std::string Out = L.Arg.Path;
  if (L.L.Source) {
    Position P = L.L.Source->position(S.L.Range.Begin);
    Out += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  }
  return Out;
}

std::string whereOf(const Loaded &L, Span Range) {
  std::string Out = L.Arg.Path;
  if (L.L.Source) {
    Position P = L.L.Source->position(Range.Begin);
    Out += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  }
  return Out;
}

const Loaded &findLoaded(const std::vector<Loaded> &All, StatementRef Ref) {
  unsigned Index = 0;
  for (const Loaded &L : All) {
    if (L.Arg.Role != Ref.Role)
      continue;
    if (Index++ == Ref.PolicyIndex)
      return L;
  }
  llvm_unreachable("statement reference names no loaded policy");
}

void printText(const std::vector<Loaded> &All, const Request &R,
               const Explanation &E, raw_ostream &OS) {
  OS << "decision: " << decisionName(E.Result.D) << '\n';
  OS << "  " << denyReasonText(E.Result.Reason) << '\n';
  OS << "request: " << callerKindName(R.Principal.Kind);
  if (!R.Principal.Id.empty())
    OS << ' ' << R.Principal.Id;
  OS << " -> " << R.Action << " on " << R.Resource
     << (E.SameAccount ? " (same account)" : " (cross-account)") << '\n';
  for (const ContextValue *V : R.Context.sorted()) {
    OS << "  " << V->Name << " = ";
    if (V->MultiValued) {
      OS << '[';
      for (size_t I = 0; I < V->Values.size(); ++I)
        OS << (I ? ", " : "") << '"' << V->Values[I] << '"';
      OS << ']';
    } else {
      OS << '"' << V->Values.front() << '"';
    }
    OS << '\n';
  }
  if (!E.Result.Deciding.empty()) {
    OS << "deciding statements:\n";
    for (StatementRef Ref : E.Result.Deciding) {
      const Loaded &L = findLoaded(All, Ref);
      const Statement &S = L.L.P->Statements[Ref.StatementIndex];
      OS << "  " << where(L, S) << ": " << policyRoleName(Ref.Role) << ' '
         << S.displayName(Ref.StatementIndex) << " ("
         << (S.Eff == Effect::Allow ? "Allow" : "Deny") << ")\n";
    }
  }
  OS << "statements:\n";
  for (const StatementTrace &T : E.Statements) {
    const Loaded &L = findLoaded(All, T.Ref);
    OS << "  " << where(L, *T.S) << ": " << policyRoleName(T.Ref.Role) << ' '
       << T.S->displayName(T.Ref.StatementIndex) << " ("
       << (T.S->Eff == Effect::Allow ? "Allow" : "Deny") << "): ";
    if (T.Unsupported)
      OS << "cannot be decided";
    else if (T.Applies)
      OS << "applies";
    else {
      std::vector<std::string> Why;
      if (!T.ActionMatched)
        Why.push_back("action");
      if (!T.ResourceMatched)
        Why.push_back("resource");
      if (!T.PrincipalMatched)
        Why.push_back("principal");
      if (!T.FailedConditions.empty())
        Why.push_back("conditions");
      OS << "does not apply";
      if (Why.empty() && T.Ref.Role != PolicyRole::Resource &&
          T.Ref.Role != PolicyRole::RCP && !E.SCPsApply)
        OS << " (this policy type does not apply to the caller)";
      else if (!Why.empty())
        OS << " (" << join(Why, ", ") << ")";
    }
    OS << '\n';
    for (unsigned I : T.FailedConditions) {
      const Condition &C = T.S->Conditions[I];
      OS << "    " << whereOf(L, C.OperatorLoc.Range)
         << ": condition failed: " << conditionText(C) << '\n';
    }
    for (unsigned I : T.UnsupportedConditions) {
      const Condition &C = T.S->Conditions[I];
      OS << "    " << whereOf(L, C.OperatorLoc.Range)
         << ": condition cannot be decided: " << conditionText(C) << '\n';
    }
  }
}

void printJson(const std::vector<Loaded> &All, const Request &R,
               const Explanation &E, raw_ostream &OS) {
  using nlohmann::json;
  json Out;
  Out["decision"] = decisionName(E.Result.D).str();
  Out["reason"] = denyReasonText(E.Result.Reason).str();
  Out["sameAccount"] = E.SameAccount;
  json Req;
  Req["principal"] = R.Principal.Id;
  Req["principalKind"] = callerKindName(R.Principal.Kind).str();
  Req["action"] = R.Action;
  Req["resource"] = R.Resource;
  Req["resourceAccount"] =
      R.ResourceAccount.empty() ? R.Principal.Account : R.ResourceAccount;
  json Ctx = json::object();
  for (const ContextValue *V : R.Context.sorted())
    Ctx[V->Name] = V->MultiValued ? json(V->Values) : json(V->Values.front());
  Req["context"] = Ctx;
  Out["request"] = Req;
  auto Ref = [&](StatementRef Ref, const Statement &S) {
    const Loaded &L = findLoaded(All, Ref);
    json J;
    J["policyRole"] = policyRoleName(Ref.Role).str();
    J["policyIndex"] = Ref.PolicyIndex;
    J["statementIndex"] = Ref.StatementIndex;
    J["file"] = L.Arg.Path;
    if (L.L.Source) {
      Position P = L.L.Source->position(S.L.Range.Begin);
      J["line"] = P.Line;
      J["column"] = P.Column;
    }
    if (S.HasSid)
      J["sid"] = S.Sid.str();
    J["effect"] = S.Eff == Effect::Allow ? "Allow" : "Deny";
    return J;
  };
  json Deciding = json::array();
  for (StatementRef SR : E.Result.Deciding) {
    const Loaded &L = findLoaded(All, SR);
    Deciding.push_back(Ref(SR, L.L.P->Statements[SR.StatementIndex]));
  }
  Out["deciding"] = Deciding;
  json Statements = json::array();
  for (const StatementTrace &T : E.Statements) {
    json J = Ref(T.Ref, *T.S);
    J["applies"] = T.Applies;
    J["unsupported"] = T.Unsupported;
    J["actionMatched"] = T.ActionMatched;
    J["resourceMatched"] = T.ResourceMatched;
    J["principalMatched"] = T.PrincipalMatched;
    auto Conds = [&](const std::vector<unsigned> &Indices) {
      json A = json::array();
      const Loaded &L = findLoaded(All, T.Ref);
      for (unsigned I : Indices) {
        const Condition &C = T.S->Conditions[I];
        json CJ;
        CJ["operator"] = C.OperatorText.str();
        CJ["key"] = C.Key.str();
        json Values = json::array();
        for (const ConditionValue &V : C.Values)
          Values.push_back(V.Value.Text.str());
        CJ["values"] = Values;
        CJ["location"] = whereOf(L, C.OperatorLoc.Range);
        A.push_back(CJ);
      }
      return A;
    };
    J["failedConditions"] = Conds(T.FailedConditions);
    J["unsupportedConditions"] = Conds(T.UnsupportedConditions);
    Statements.push_back(J);
  }
  Out["statements"] = Statements;
  OS << Out.dump(2) << '\n';
}

} // namespace

int runEvalCommand(int Argc, const char **Argv) {
  raw_ostream &Err = errs();
  Options O;
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "--help" || StringRef(Argv[I]) == "-h") {
      outs() << Usage;
      return ExitClean;
    }
  if (!parseArgs(Argc, Argv, O, Err))
    return ExitInputError;

  Request R;
  std::string Kind;
  if (O.RequestFile && !readRequestFile(*O.RequestFile, R, Kind, Err))
    return ExitInputError;
  if (O.Principal) {
    std::string Canonical = R.Principal.CanonicalId;
    R.Principal = Caller::fromId(*O.Principal);
    R.Principal.CanonicalId = Canonical;
  }
  if (O.PrincipalKind)
    Kind = *O.PrincipalKind;
  if (!Kind.empty()) {
    Optional<CallerKind> K = parseCallerKind(Kind);
    if (!K) {
      Err << "tollgate eval: unknown principal kind '" << Kind << "'\n";
      return ExitInputError;
    }
    R.Principal.Kind = *K;
  }
  if (O.Action)
    R.Action = *O.Action;
  if (O.Resource)
    R.Resource = *O.Resource;
  if (O.ResourceAccount)
    R.ResourceAccount = *O.ResourceAccount;
  if (R.Action.empty()) {
    Err << "tollgate eval: no action; give --action SERVICE:NAME\n";
    return ExitInputError;
  }
  if (StringRef(R.Action).count(':') != 1) {
    Err << "tollgate eval: the action '" << R.Action
        << "' is not of the form SERVICE:NAME\n";
    return ExitInputError;
  }
  if (R.Resource.empty())
    R.Resource = "*";
  if (R.ResourceAccount.empty()) {
    // An ARN's account field names the owner; S3 ARNs have none.
    SmallVector<StringRef, 6> Fields;
    StringRef(R.Resource).split(Fields, ':', 5);
    if (Fields.size() == 6 && !Fields[4].empty())
      R.ResourceAccount = Fields[4].str();
  }
  // --context KEY=VALUE: a repeated key becomes multivalued.
  std::map<std::string, std::vector<std::string>> Ctx;
  std::vector<std::string> Order;
  for (const std::string &C : O.Context) {
    StringRef Key, Value;
    std::tie(Key, Value) = StringRef(C).split('=');
    if (Key.empty() || Key.size() == C.size()) {
      Err << "tollgate eval: --context wants KEY=VALUE, got '" << C << "'\n";
      return ExitInputError;
    }
    std::string Folded = Key.lower();
    if (!Ctx.count(Folded))
      Order.push_back(Key.str());
    if (Value == "[]")
      Ctx[Folded];
    else
      Ctx[Folded].push_back(Value.str());
  }
  for (const std::string &Key : Order) {
    const std::vector<std::string> &Values = Ctx[StringRef(Key).lower()];
    if (Values.size() == 1)
      R.Context.set(Key, Values.front());
    else
      R.Context.setMulti(Key, Values);
  }

  std::vector<Loaded> All;
  bool InputError = false;
  for (const PolicyArg &A : O.Policies) {
    LoadOptions LO;
    LO.Type = typeFor(A);
    // A resource policy may be a trust policy: let the loader tell.
    if (A.Role == PolicyRole::Resource && !A.Trust)
      LO.Type = None;
    Loaded L{A, loadPolicyFile(A.Path, LO)};
    if (L.L.hasInputError() || !L.L.P) {
      for (const Diagnostic &D : L.L.Diags)
        if (D.Check && D.Check->IsInputError)
          printDiag(L.L, D, Err);
      InputError = true;
      continue;
    }
    // The resource-policy slot takes resource and trust policies; any other
    // detected type there is still read as a resource policy.
    if (A.Role == PolicyRole::Resource && L.L.P->Type != PolicyType::Trust)
      L.L.P->Type = PolicyType::Resource;
    All.push_back(std::move(L));
  }
  if (InputError)
    return ExitInputError;

  PolicySet Set;
  for (const Loaded &L : All) {
    const Policy *P = L.L.P.get();
    switch (L.Arg.Role) {
    case PolicyRole::Identity:
      Set.Identity.push_back(P);
      break;
    case PolicyRole::Resource:
      Set.Resource = P;
      break;
    case PolicyRole::Boundary:
      Set.Boundary = P;
      break;
    case PolicyRole::SCP:
      Set.SCPs.push_back(P);
      break;
    case PolicyRole::RCP:
      Set.RCPs.push_back(P);
      break;
    case PolicyRole::Session:
      Set.Session = P;
      break;
    }
  }
  CompiledPolicySet Compiled(Set);
  Explanation E = Compiled.explain(R);
  // The decision stands as asked, but say where AWS would never send it.
  for (const std::string &V :
       request::RequestModel(Catalog::builtin()).contradictions(R))
    WithColor::warning(errs(), "tollgate eval")
        << "AWS does not send this request: " << V << '\n';
  if (O.Format == "json")
    printJson(All, R, E, outs());
  else
    printText(All, R, E, outs());
  switch (E.Result.D) {
  case Decision::Allow:
    return ExitClean;
  case Decision::ExplicitDeny:
  case Decision::ImplicitDeny:
    return ExitFindings;
  case Decision::Unsupported:
    return ExitUnknown;
  }
  return ExitInputError;
}

} // namespace tollgate
