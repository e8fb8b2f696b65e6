//===- DiffEval.cpp - Differential test against iam-simulate --------------===//
///
/// \file
/// Generates seeded cases (from a directory of real policies and at random),
/// decides each with tollgate's evaluator and with @cloud-copilot/iam-simulate
/// (run as a separate node program, simulate.mjs), and reports every
/// disagreement with the case printed as one JSON line for replay.
///
/// A disagreement is allow-listed when one of the known deviations of the
/// simulator from the AWS documentation (allowlist.txt) explains it: each
/// deviation has a detector here that recognises the construct in the case.
/// Any other disagreement fails the run.
///
///   diff-eval --simulate tests/diff/simulate.mjs --modules DIR
///             [--corpus DIR] [--per-policy N] [--random N] [--seed S]
///             [--allowlist FILE] [--work DIR] [--show N]
///   diff-eval --replay FILE --simulate ... --modules DIR
///
//===----------------------------------------------------------------------===//

#include "Generate.h"

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Eval/Principal.h"
#include "tollgate/Parse/Load.h"

#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace tollgate;
using namespace tollgate::diff;
using Json = nlohmann::json;

namespace {

struct Args {
  std::string Simulate, Modules, Corpus, Allowlist, Work = "/tmp", Replay;
  std::string Node = "node";
  unsigned PerPolicy = 40, Random = 60000, Show = 10;
  size_t CorpusLimit = 0;
  uint64_t Seed = 1;
};

bool parseArgs(int Argc, char **Argv, Args &A) {
  for (int I = 1; I < Argc; ++I) {
    std::string K = Argv[I];
    auto Next = [&]() -> std::string {
      if (I + 1 >= Argc) {
        std::cerr << "diff-eval: " << K << " needs a value\n";
        exit(2);
      }
      return Argv[++I];
    };
    if (K == "--simulate")
      A.Simulate = Next();
    else if (K == "--modules")
      A.Modules = Next();
    else if (K == "--corpus")
      A.Corpus = Next();
    else if (K == "--corpus-limit")
      A.CorpusLimit = std::stoul(Next());
    else if (K == "--allowlist")
      A.Allowlist = Next();
    else if (K == "--work")
      A.Work = Next();
    else if (K == "--replay")
      A.Replay = Next();
    else if (K == "--node")
      A.Node = Next();
    else if (K == "--per-policy")
      A.PerPolicy = std::stoul(Next());
    else if (K == "--random")
      A.Random = std::stoul(Next());
    else if (K == "--seed")
      A.Seed = std::stoull(Next());
    else if (K == "--show")
      A.Show = std::stoul(Next());
    else {
      std::cerr << "diff-eval: unknown argument " << K << "\n";
      return false;
    }
  }
  if (A.Simulate.empty()) {
    std::cerr << "diff-eval: --simulate PATH/simulate.mjs is required\n";
    return false;
  }
  return true;
}

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

/// Policies parsed by tollgate's loader, per (pool index, type).
class IrCache {
public:
  explicit IrCache(const PolicyPool &Pool) : Pool(Pool) {}
  const Policy *get(int Id, PolicyType T) {
    auto Key = std::make_pair(Id, T);
    auto It = Cache.find(Key);
    if (It != Cache.end())
      return It->second.P.get();
    LoadOptions O;
    O.Type = T;
    LoadedPolicy L =
        loadPolicyText("policy-" + std::to_string(Id), Pool.Texts[Id], O);
    const Policy *P = L.P.get();
    Cache.emplace(Key, std::move(L));
    return P;
  }

private:
  const PolicyPool &Pool;
  std::map<std::pair<int, PolicyType>, LoadedPolicy> Cache;
};

Request toRequest(const CaseRequest &CR) {
  Request R;
  R.Principal = Caller::fromId(CR.Principal);
  R.Action = CR.Action;
  R.Resource = CR.Resource;
  R.ResourceAccount = CR.ResourceAccount;
  for (const ContextEntry &E : CR.Context) {
    if (E.Multi)
      R.Context.setMulti(E.Key, E.Values);
    else
      R.Context.set(E.Key, E.Values.front());
  }
  return R;
}

bool buildSet(const Case &C, IrCache &Ir, PolicySet &S) {
  auto Get = [&](int Id, PolicyType T) { return Ir.get(Id, T); };
  for (int Id : C.Identity)
    S.Identity.push_back(Get(Id, PolicyType::Identity));
  if (C.Resource >= 0)
    S.Resource = Get(C.Resource, C.ResourceIsTrust ? PolicyType::Trust
                                                   : PolicyType::Resource);
  if (C.Boundary >= 0)
    S.Boundary = Get(C.Boundary, PolicyType::Boundary);
  if (C.Session >= 0)
    S.Session = Get(C.Session, PolicyType::Session);
  for (int Id : C.SCPs)
    S.SCPs.push_back(Get(Id, PolicyType::SCP));
  for (int Id : C.RCPs)
    S.RCPs.push_back(Get(Id, PolicyType::RCP));
  auto Null = [](const Policy *P) { return P == nullptr; };
  return std::none_of(S.Identity.begin(), S.Identity.end(), Null) &&
         std::none_of(S.SCPs.begin(), S.SCPs.end(), Null) &&
         std::none_of(S.RCPs.begin(), S.RCPs.end(), Null) &&
         (C.Resource < 0 || S.Resource) && (C.Boundary < 0 || S.Boundary) &&
         (C.Session < 0 || S.Session);
}

Decision fromSim(const std::string &R, bool &Ok) {
  Ok = true;
  if (R == "Allowed")
    return Decision::Allow;
  if (R == "ExplicitlyDenied")
    return Decision::ExplicitDeny;
  if (R == "ImplicitlyDenied")
    return Decision::ImplicitDeny;
  Ok = false;
  return Decision::Unsupported;
}

//===----------------------------------------------------------------------===//
// Detectors of the simulator's known deviations (see allowlist.txt).
//===----------------------------------------------------------------------===//

std::vector<const Policy *> allPolicies(const PolicySet &S) {
  std::vector<const Policy *> Ps(S.Identity.begin(), S.Identity.end());
  for (const Policy *P : {S.Resource, S.Boundary, S.Session})
    if (P)
      Ps.push_back(P);
  Ps.insert(Ps.end(), S.SCPs.begin(), S.SCPs.end());
  Ps.insert(Ps.end(), S.RCPs.begin(), S.RCPs.end());
  return Ps;
}

template <typename Fn> bool anyCondition(const PolicySet &S, Fn F) {
  for (const Policy *P : allPolicies(S))
    for (const Statement &St : P->Statements)
      for (const Condition &C : St.Conditions)
        if (F(C))
          return true;
  return false;
}

bool unresolvedVariable(const PolicyString &S, const RequestContext &Ctx) {
  for (const StringPart &P : S.Parts) {
    if (P.K != StringPart::Variable || P.HasDefault)
      continue;
    const ContextValue *V = Ctx.lookup(P.Value.trim());
    if (!V || V->MultiValued || V->Values.empty() || V->Values[0].empty())
      return true;
  }
  return false;
}

bool isEpoch(llvm::StringRef S) {
  llvm::StringRef D = S;
  D.consume_front("-");
  return !D.empty() && llvm::all_of(D, llvm::isDigit);
}

std::vector<std::string> detect(const PolicySet &S, const Request &R,
                                const Explanation &E, Decision Theirs) {
  std::vector<std::string> Ids;
  const RequestContext &Ctx = R.Context;
  // The simulator makes a negated operator false when one of its values
  // holds a variable without a value.
  if (anyCondition(S, [&](const Condition &C) {
        if (!isNegatedOperator(C.Op) || !Ctx.lookup(C.Key))
          return false;
        for (const ConditionValue &V : C.Values)
          if (unresolvedVariable(V.Value, Ctx))
            return true;
        return false;
      }))
    Ids.push_back("unresolved-variable-negated");
  // ForAnyValue:...IfExists on an absent key is false in the simulator.
  if (anyCondition(S, [&](const Condition &C) {
        return C.IfExists && C.Qualifier == SetQualifier::ForAnyValue &&
               !Ctx.lookup(C.Key);
      }))
    Ids.push_back("ifexists-set-operator-absent");
  // The simulator reads a single empty string as a set of one.
  if (anyCondition(S, [&](const Condition &C) {
        const ContextValue *V = Ctx.lookup(C.Key);
        return C.Qualifier != SetQualifier::None && V && !V->MultiValued &&
               V->Values.front().empty();
      }))
    Ids.push_back("set-operator-empty-string");
  // Epoch seconds against ISO dates (milliseconds) in the simulator.
  if (anyCondition(S, [&](const Condition &C) {
        const ContextValue *V = Ctx.lookup(C.Key);
        if (operatorFamily(C.Op) != OperatorFamily::Date || !V)
          return false;
        for (const std::string &RV : V->Values)
          for (const ConditionValue &PV : C.Values)
            if (isEpoch(RV) != isEpoch(PV.Value.Text))
              return true;
        return false;
      }))
    Ids.push_back("date-mixed-forms");
  // A session policy limits even grants made to the session itself.
  // Only when tollgate allows through a resource-policy statement that
  // applies and the simulator finds no grant.
  CallerKind K = R.Principal.Kind;
  bool ResourceGrant = false;
  for (const StatementTrace &T : E.Statements)
    ResourceGrant |= T.Ref.Role == PolicyRole::Resource && T.Applies &&
                     T.S->Eff == Effect::Allow;
  if (S.Session && ResourceGrant && E.Result.D == Decision::Allow &&
      Theirs == Decision::ImplicitDeny &&
      (K == CallerKind::RoleSession || K == CallerKind::FederatedUser))
    Ids.push_back("session-policy-direct-grant");
  // An unresolved variable in NotResource: the simulator does not invert.
  for (const Policy *P : allPolicies(S))
    for (const Statement &St : P->Statements)
      if (St.Resource.Negated)
        for (const PolicyString &Pat : St.Resource.Patterns)
          if (P->variablesEnabled() && unresolvedVariable(Pat, Ctx)) {
            Ids.push_back("unresolved-variable-notresource");
            goto DoneNotResource;
          }
DoneNotResource:
  // 0.0.0.0/0 in the simulator holds only 0.0.0.0.
  if (anyCondition(S, [&](const Condition &C) {
        if (operatorFamily(C.Op) != OperatorFamily::Ip)
          return false;
        for (const ConditionValue &V : C.Values)
          if (V.Value.Text.endswith("/0") && !V.Value.Text.contains(':'))
            return true;
        return false;
      }))
    Ids.push_back("ipv4-zero-prefix");
  // A bare IPv4 address under NotIpAddress against another family.
  if (anyCondition(S, [&](const Condition &C) {
        const ContextValue *V = Ctx.lookup(C.Key);
        if (C.Op != ConditionOp::NotIpAddress || !V)
          return false;
        bool V6Request = false;
        for (const std::string &RV : V->Values)
          V6Request |= llvm::StringRef(RV).contains(':');
        for (const ConditionValue &PV : C.Values)
          if (!PV.Value.Text.contains('/') &&
              PV.Value.Text.contains(':') != V6Request)
            return true;
        return false;
      }))
    Ids.push_back("ip-bare-address-other-family");
  // An escape (`${*}`, `${?}`, `${$}`) in a condition value.
  if (anyCondition(S, [&](const Condition &C) {
        for (const ConditionValue &PV : C.Values)
          for (const StringPart &P : PV.Value.Parts)
            if (P.K == StringPart::Escape)
              return true;
        return false;
      }))
    Ids.push_back("escape-in-condition");
  // A variable inside an ARN condition value.
  if (anyCondition(S, [&](const Condition &C) {
        if (operatorFamily(C.Op) != OperatorFamily::Arn)
          return false;
        for (const ConditionValue &PV : C.Values)
          if (PV.Value.hasVariables())
            return true;
        return false;
      }))
    Ids.push_back("arn-condition-variable");
  // The simulator matches the resource type ("product") prefix literally;
  // only statements whose action matches can be affected.
  for (const StatementTrace &T : E.Statements)
    if (T.ActionMatched)
      for (const PolicyString &Pat : T.S->Resource.Patterns) {
        llvm::SmallVector<llvm::StringRef, 6> F;
        Pat.Text.split(F, ':', 5);
        if (F.size() < 6)
          continue;
        if (F[2] == "s3" && F[3].empty() && F[4].empty())
          continue;
        size_t Sep = F[5].find_first_of("/:");
        if (Sep != llvm::StringRef::npos &&
            F[5].substr(0, Sep).find_first_of("*?") != llvm::StringRef::npos) {
          Ids.push_back("resource-product-wildcard");
          goto DoneProduct;
        }
      }
DoneProduct:
  // An account in NotPrincipal: the simulator exempts every identity of the
  // account, tollgate the account principal only.
  if (K != CallerKind::Root)
    for (const Policy *P : allPolicies(S))
      for (const Statement &St : P->Statements)
        if (St.Principal.Negated)
          for (const PrincipalValue &V : St.Principal.Values) {
            PrincipalEntry PE = classifyPrincipal(V);
            if (PE.Kind == PrincipalEntry::Account &&
                PE.Value == R.Principal.Account) {
              Ids.push_back("notprincipal-account");
              return Ids;
            }
          }
  return Ids;
}

struct AllowEntry {
  std::string Id;
  std::string Text;
};

std::map<std::string, AllowEntry> readAllowlist(const std::string &Path) {
  std::map<std::string, AllowEntry> Out;
  if (Path.empty())
    return Out;
  std::ifstream In(Path);
  if (!In) {
    std::cerr << "diff-eval: cannot read allow-list " << Path << "\n";
    exit(2);
  }
  std::string Line, Current;
  while (std::getline(In, Line)) {
    if (Line.size() > 2 && Line.front() == '[' && Line.back() == ']') {
      Current = Line.substr(1, Line.size() - 2);
      Out[Current].Id = Current;
    } else if (!Current.empty()) {
      Out[Current].Text += Line + "\n";
    }
  }
  return Out;
}

/// Runs the simulator over \p Cases; returns id -> result text.
std::map<uint64_t, std::string> runSimulator(const Args &A,
                                             const PolicyPool &Pool,
                                             const std::vector<Case> &Cases,
                                             double &Seconds) {
  std::string In =
      A.Work + "/diff-eval-in." + std::to_string(getpid()) + ".jsonl";
  std::string Out =
      A.Work + "/diff-eval-out." + std::to_string(getpid()) + ".jsonl";
  {
    std::ofstream F(In);
    std::vector<bool> Sent(Pool.Texts.size(), false);
    auto Send = [&](int Id) {
      if (Id >= 0 && !Sent[Id]) {
        F << policyLine(Id, Pool.Texts[Id]) << '\n';
        Sent[Id] = true;
      }
    };
    for (const Case &C : Cases) {
      for (int Id : C.Identity)
        Send(Id);
      Send(C.Resource);
      Send(C.Boundary);
      Send(C.Session);
      for (int Id : C.SCPs)
        Send(Id);
      for (int Id : C.RCPs)
        Send(Id);
      F << caseLine(C) << '\n';
    }
  }
  std::string Cmd = "TZ=UTC ";
  if (!A.Modules.empty())
    Cmd += "IAM_SIMULATE_DIR=" + shellQuote(A.Modules) + " ";
  Cmd += shellQuote(A.Node) + " " + shellQuote(A.Simulate) + " < " +
         shellQuote(In) + " > " + shellQuote(Out);
  auto Start = std::chrono::steady_clock::now();
  int Rc = std::system(Cmd.c_str());
  Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  if (Rc != 0) {
    std::cerr << "diff-eval: the simulator failed (" << Cmd << ")\n";
    exit(2);
  }
  std::map<uint64_t, std::string> Results;
  std::ifstream F(Out);
  std::string Line;
  while (std::getline(F, Line)) {
    Json J = Json::parse(Line, nullptr, false);
    if (J.is_discarded() || !J.contains("id") || J["id"].is_null())
      continue;
    std::string R = J.value("result", "error");
    if (R == "error")
      R += ": " + J.value("error", "");
    Results[J["id"].get<uint64_t>()] = R;
  }
  std::remove(In.c_str());
  std::remove(Out.c_str());
  return Results;
}

void printExplanation(const CompiledPolicySet &C, const Request &R) {
  Explanation E = C.explain(R);
  std::cout << "  tollgate: " << decisionName(E.Result.D).str() << " ("
            << denyReasonText(E.Result.Reason).str() << ")\n";
  for (const StatementTrace &T : E.Statements) {
    std::cout << "    " << policyRoleName(T.Ref.Role).str() << "["
              << T.Ref.PolicyIndex << "] statement " << T.Ref.StatementIndex
              << ": "
              << (T.Unsupported ? "undecided"
                  : T.Applies   ? "applies"
                                : "no")
              << " action=" << T.ActionMatched
              << " resource=" << T.ResourceMatched
              << " principal=" << T.PrincipalMatched;
    for (unsigned I : T.FailedConditions)
      std::cout << " failed:" << T.S->Conditions[I].OperatorText.str() << "("
                << T.S->Conditions[I].Key.str() << ")";
    std::cout << "\n";
  }
}

} // namespace

int main(int Argc, char **Argv) {
  Args A;
  if (!parseArgs(Argc, Argv, A))
    return 2;
  PolicyPool Pool;
  std::vector<Case> Cases;
  if (!A.Replay.empty()) {
    std::ifstream In(A.Replay);
    std::string Line;
    uint64_t Id = 1;
    while (std::getline(In, Line)) {
      Json J = Json::parse(Line, nullptr, false);
      Case C;
      if (J.is_discarded() || !caseFromReplay(J, Pool, C))
        continue;
      C.Id = Id++;
      Cases.push_back(C);
    }
  } else {
    Generator G(A.Seed);
    if (!A.Corpus.empty()) {
      auto Corpus = readCorpus(A.Corpus, A.CorpusLimit);
      std::cerr << "diff-eval: " << Corpus.size() << " corpus policies\n";
      G.fromCorpus(Corpus, A.PerPolicy, Pool, Cases);
    }
    G.random(A.Random, Pool, Cases);
  }
  std::cerr << "diff-eval: " << Cases.size() << " cases, " << Pool.Texts.size()
            << " policies\n";

  IrCache Ir(Pool);
  std::vector<Decision> Ours(Cases.size(), Decision::Unsupported);
  std::vector<bool> Valid(Cases.size(), false);
  auto T0 = std::chrono::steady_clock::now();
  for (size_t I = 0; I < Cases.size(); ++I) {
    PolicySet S;
    if (!buildSet(Cases[I], Ir, S))
      continue;
    Valid[I] = true;
    Ours[I] = decide(toRequest(Cases[I].Request), S).D;
  }
  double OurSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
          .count();
  double SimSeconds = 0;
  auto Sim = runSimulator(A, Pool, Cases, SimSeconds);

  auto Allow = readAllowlist(A.Allowlist);
  size_t Compared = 0, Unsupported = 0, SimErrors = 0, LoadErrors = 0,
         Disagree = 0, Unexplained = 0;
  std::map<std::string, size_t> Explained;
  std::map<std::string, size_t> ByOutcome;
  std::vector<size_t> Shown;
  size_t ShownExplained = 0;
  for (size_t I = 0; I < Cases.size(); ++I) {
    const Case &C = Cases[I];
    if (!Valid[I]) {
      ++LoadErrors;
      continue;
    }
    auto It = Sim.find(C.Id);
    bool Ok = false;
    Decision Theirs =
        It == Sim.end() ? Decision::Unsupported : fromSim(It->second, Ok);
    if (!Ok) {
      ++SimErrors;
      if (SimErrors <= 3)
        std::cout << "simulator error on case " << C.Id << ": "
                  << (It == Sim.end() ? "no answer" : It->second) << "\n"
                  << "  replay: " << caseReplay(C, Pool).dump() << "\n";
      continue;
    }
    if (Ours[I] == Decision::Unsupported) {
      ++Unsupported;
      continue;
    }
    ++Compared;
    ++ByOutcome[decisionName(Ours[I]).str()];
    if (Ours[I] == Theirs)
      continue;
    ++Disagree;
    PolicySet S;
    buildSet(C, Ir, S);
    Request R = toRequest(C.Request);
    std::vector<std::string> Ids =
        detect(S, R, CompiledPolicySet(S).explain(R), Theirs);
    std::string Hit;
    for (const std::string &Id : Ids)
      if (Allow.count(Id)) {
        Hit = Id;
        break;
      }
    bool Print = false;
    if (Hit.empty()) {
      ++Unexplained;
      Print = Shown.size() < A.Show;
      if (Print)
        Shown.push_back(I);
    } else {
      ++Explained[Hit];
      Print = !A.Replay.empty();
      ++ShownExplained;
    }
    if (Print || !A.Replay.empty()) {
      std::cout << (Hit.empty() ? "DISAGREEMENT" : "allow-listed (" + Hit + ")")
                << " case " << C.Id << " [" << C.Origin << "]: tollgate "
                << decisionName(Ours[I]).str() << ", iam-simulate "
                << decisionName(Theirs).str() << "\n";
      std::cout << "  replay: " << caseReplay(C, Pool).dump() << "\n";
      printExplanation(CompiledPolicySet(S), R);
    }
  }
  std::cout << "diff-eval: " << Compared << " cases compared ("
            << ByOutcome["Allow"] << " Allow, " << ByOutcome["ExplicitDeny"]
            << " ExplicitDeny, " << ByOutcome["ImplicitDeny"]
            << " ImplicitDeny), " << Disagree << " disagreements, "
            << (Disagree - Unexplained) << " allow-listed, " << Unexplained
            << " unexplained; " << Unsupported
            << " undecidable by tollgate (not compared), " << SimErrors
            << " simulator errors, " << LoadErrors << " load errors\n";
  for (const auto &E : Explained)
    std::cout << "  allow-listed " << E.first << ": " << E.second << "\n";
  std::cout << "  time: tollgate " << OurSeconds << " s, iam-simulate "
            << SimSeconds << " s (including node start-up)\n";
  return Unexplained || SimErrors || LoadErrors ? 1 : 0;
}
