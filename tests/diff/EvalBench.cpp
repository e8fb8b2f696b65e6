//===- EvalBench.cpp - Decisions per second, tollgate and iam-simulate ----===//
///
/// \file
/// Builds requests around the literals of every corpus policy (the same
/// generator as the differential test), then measures on one thread:
///  - tollgate: CompiledPolicySet::decide() over all requests, policies
///    compiled beforehand (compilation is timed separately);
///  - iam-simulate: the same cases through simulate.mjs, timed inside node
///    (start-up and input parsing excluded; each policy loaded once).
/// Each side runs several times; the table shows min and median throughput
/// and their ratio.
///
///   bench-eval --corpus DIR --simulate tests/diff/simulate.mjs
///              --modules DIR [--per-policy N] [--runs N] [--sim-runs N]
///              [--decisions FILE] [--random N]
///
/// --decisions writes every request's decision, reason and deciding
/// statements, and what explain() says of each statement, one line each:
/// two builds that must decide alike compare these files. --random adds N
/// cases of the differential test's random generator (every operator and
/// policy role) after the corpus ones.
///
//===----------------------------------------------------------------------===//

#include "Generate.h"

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <unistd.h>

using namespace tollgate;
using namespace tollgate::diff;
using Json = nlohmann::json;

namespace {

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

double median(std::vector<double> V) {
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : (V[N / 2 - 1] + V[N / 2]) / 2;
}

double threadCpuSeconds() {
  timespec T;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T);
  return T.tv_sec + T.tv_nsec / 1e9;
}

std::string key(const Case &C) {
  std::string K;
  for (int Id : C.Identity)
    K += "i" + std::to_string(Id);
  K += "r" + std::to_string(C.Resource) + (C.ResourceIsTrust ? "t" : "") + "b" +
       std::to_string(C.Boundary) + "s" + std::to_string(C.Session);
  for (int Id : C.SCPs)
    K += "c" + std::to_string(Id);
  for (int Id : C.RCPs)
    K += "p" + std::to_string(Id);
  return K;
}

} // namespace

int main(int Argc, char **Argv) {
  std::string Corpus, Simulate, Modules, Node = "node", Work = "/tmp",
                                         DecisionsFile;
  unsigned PerPolicy = 40, Runs = 5, SimRuns = 3, Random = 0;
  for (int I = 1; I < Argc; ++I) {
    std::string K = Argv[I];
    auto Next = [&]() -> std::string {
      if (I + 1 >= Argc) {
        std::cerr << "bench-eval: " << K << " needs a value\n";
        exit(2);
      }
      return Argv[++I];
    };
    if (K == "--corpus")
      Corpus = Next();
    else if (K == "--simulate")
      Simulate = Next();
    else if (K == "--modules")
      Modules = Next();
    else if (K == "--node")
      Node = Next();
    else if (K == "--work")
      Work = Next();
    else if (K == "--per-policy")
      PerPolicy = std::stoul(Next());
    else if (K == "--runs")
      Runs = std::stoul(Next());
    else if (K == "--sim-runs")
      SimRuns = std::stoul(Next());
    else if (K == "--decisions")
      DecisionsFile = Next();
    else if (K == "--random")
      Random = std::stoul(Next());
    else {
      std::cerr << "bench-eval: unknown argument " << K << "\n";
      return 2;
    }
  }
  if (Corpus.empty()) {
    std::cerr << "bench-eval: --corpus DIR is required\n";
    return 2;
  }

  PolicyPool Pool;
  std::vector<Case> Cases;
  Generator G(1);
  G.fromCorpus(readCorpus(Corpus, 0), PerPolicy, Pool, Cases);
  if (Random)
    G.random(Random, Pool, Cases);

  // Load and compile every distinct policy set once.
  auto TLoad = std::chrono::steady_clock::now();
  std::map<std::pair<int, PolicyType>, LoadedPolicy> Loaded;
  auto Get = [&](int Id, PolicyType T) -> const Policy * {
    auto K = std::make_pair(Id, T);
    auto It = Loaded.find(K);
    if (It == Loaded.end()) {
      LoadOptions O;
      O.Type = T;
      It = Loaded.emplace(K, loadPolicyText("p", Pool.Texts[Id], O)).first;
    }
    return It->second.P.get();
  };
  std::map<std::string, std::unique_ptr<CompiledPolicySet>> Sets;
  std::vector<const CompiledPolicySet *> SetOf;
  std::vector<Request> Requests;
  double CompileSeconds = 0;
  for (const Case &C : Cases) {
    std::string K = key(C);
    auto It = Sets.find(K);
    if (It == Sets.end()) {
      PolicySet S;
      bool Loaded = true;
      auto Add = [&](int Id, PolicyType T) {
        const Policy *P = Get(Id, T);
        Loaded &= P != nullptr;
        return P;
      };
      for (int Id : C.Identity)
        S.Identity.push_back(Add(Id, PolicyType::Identity));
      if (C.Resource >= 0)
        S.Resource = Add(C.Resource, C.ResourceIsTrust ? PolicyType::Trust
                                                       : PolicyType::Resource);
      if (C.Boundary >= 0)
        S.Boundary = Add(C.Boundary, PolicyType::Boundary);
      if (C.Session >= 0)
        S.Session = Add(C.Session, PolicyType::Session);
      for (int Id : C.SCPs)
        S.SCPs.push_back(Add(Id, PolicyType::SCP));
      for (int Id : C.RCPs)
        S.RCPs.push_back(Add(Id, PolicyType::RCP));
      if (!Loaded)
        continue; // a random policy the loader rejects
      auto T0 = std::chrono::steady_clock::now();
      auto CS = std::make_unique<CompiledPolicySet>(S);
      CompileSeconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
              .count();
      It = Sets.emplace(K, std::move(CS)).first;
    }
    SetOf.push_back(It->second.get());
    Request R;
    R.Principal = Caller::fromId(C.Request.Principal);
    R.Action = C.Request.Action;
    R.Resource = C.Request.Resource;
    R.ResourceAccount = C.Request.ResourceAccount;
    for (const ContextEntry &E : C.Request.Context) {
      if (E.Multi)
        R.Context.setMulti(E.Key, E.Values);
      else
        R.Context.set(E.Key, E.Values.front());
    }
    Requests.push_back(std::move(R));
  }
  double LoadSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - TLoad)
          .count();

  // tollgate: several passes over all requests.
  // Wall time, and this thread's CPU time, which on a shared machine does
  // not count the time other processes hold the core.
  std::vector<double> Ours, OursCpu;
  size_t Allowed = 0;
  for (unsigned Run = 0; Run < Runs; ++Run) {
    Allowed = 0;
    double C0 = threadCpuSeconds();
    auto T0 = std::chrono::steady_clock::now();
    for (size_t I = 0; I < Requests.size(); ++I)
      Allowed += SetOf[I]->decide(Requests[I]).D == Decision::Allow;
    double S =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
            .count();
    double C = threadCpuSeconds() - C0;
    Ours.push_back(Requests.size() / S);
    OursCpu.push_back(Requests.size() / C);
  }

  if (!DecisionsFile.empty()) {
    std::ofstream F(DecisionsFile);
    for (size_t I = 0; I < Requests.size(); ++I) {
      DecideResult D = SetOf[I]->decide(Requests[I]);
      F << decisionName(D.D).str() << ' ' << static_cast<int>(D.Reason);
      for (const StatementRef &Ref : D.Deciding)
        F << ' ' << policyRoleName(Ref.Role).str() << Ref.PolicyIndex << '.'
          << Ref.StatementIndex;
      Explanation E = SetOf[I]->explain(Requests[I]);
      F << " | " << decisionName(E.Result.D).str();
      for (const StatementTrace &T : E.Statements) {
        F << ' ' << T.ActionMatched << T.ResourceMatched << T.PrincipalMatched
          << T.Applies << T.Unsupported;
        for (unsigned K : T.FailedConditions)
          F << 'f' << K;
        for (unsigned K : T.UnsupportedConditions)
          F << 'u' << K;
      }
      F << '\n';
    }
    if (!F) {
      std::cerr << "bench-eval: cannot write " << DecisionsFile << "\n";
      return 2;
    }
  }

  // iam-simulate: the same cases, timed inside node.
  std::vector<double> Theirs;
  if (!Simulate.empty()) {
    std::string In = Work + "/bench-eval-in." + std::to_string(getpid());
    std::string Out = Work + "/bench-eval-out." + std::to_string(getpid());
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
        Send(C.Boundary);
        Send(C.Session);
        for (int Id : C.SCPs)
          Send(Id);
        F << caseLine(C) << '\n';
      }
    }
    std::string Cmd = "TZ=UTC ";
    if (!Modules.empty())
      Cmd += "IAM_SIMULATE_DIR=" + shellQuote(Modules) + " ";
    Cmd += shellQuote(Node) + " " + shellQuote(Simulate) + " < " +
           shellQuote(In) + " > " + shellQuote(Out);
    for (unsigned Run = 0; Run < SimRuns; ++Run) {
      if (std::system(Cmd.c_str()) != 0) {
        std::cerr << "bench-eval: the simulator failed\n";
        return 2;
      }
      std::ifstream F(Out);
      std::string Line, Last;
      while (std::getline(F, Line))
        if (Line.find("\"type\":\"stats\"") != std::string::npos)
          Last = Line;
      Json J = Json::parse(Last, nullptr, false);
      if (J.is_discarded()) {
        std::cerr << "bench-eval: no timing from the simulator\n";
        return 2;
      }
      Theirs.push_back(J["cases"].get<double>() /
                       (J["ms"].get<double>() / 1000));
    }
    std::remove(In.c_str());
    std::remove(Out.c_str());
  }

  std::cout << "bench-eval: " << Requests.size() << " requests (" << Allowed
            << " allowed) over " << Sets.size() << " policy sets from "
            << Corpus << "\n"
            << "  loading " << LoadSeconds << " s (of which compiling "
            << CompileSeconds << " s)\n";
  auto Row = [&](const char *Name, double Us, double Them) {
    std::cout << "  " << std::left << std::setw(26) << Name << std::right
              << std::setw(14) << std::fixed << std::setprecision(0) << Us;
    if (!Theirs.empty())
      std::cout << std::setw(16) << Them << std::setw(10)
                << std::setprecision(1) << Us / Them << "x";
    std::cout << "\n";
  };
  std::cout << "  " << std::left << std::setw(26) << "decisions/s, one thread"
            << std::right << std::setw(14) << "tollgate";
  if (!Theirs.empty())
    std::cout << std::setw(16) << "iam-simulate" << std::setw(11) << "ratio";
  std::cout << "\n";
  double TheirMin =
      Theirs.empty() ? 1 : *std::min_element(Theirs.begin(), Theirs.end());
  double TheirMed = Theirs.empty() ? 1 : median(Theirs);
  Row("min", *std::min_element(Ours.begin(), Ours.end()), TheirMin);
  Row("median", median(Ours), TheirMed);
  std::cout << "  " << std::left << std::setw(26) << "median per CPU second"
            << std::right << std::setw(14) << median(OursCpu) << "\n";
  std::cout << "  runs: tollgate " << Runs << ", iam-simulate " << Theirs.size()
            << "\n";
  return 0;
}
