//===- VerifyBench.cpp - Verifier benchmark on the managed-policy corpus --===//
///
/// \file
/// verify-bench pairs CORPUS [--direct|--no-witness|--no-groups] [--limit N]
///   no-new-access on every consecutive version pair (CORPUS/pairs.tsv).
/// verify-bench rewrite CORPUS [--limit N]
///   every version against a rewrite of itself that means the same
///   (statements shuffled, action lists split, action case changed): must be
///   proven equivalent; and against a mutant with one action removed:
///   refuted with a replayed counterexample, or proven when another entry
///   covers the removed one.
/// Prints decided/unknown counts, p50/p90/p99/max per query, total time and
/// peak RSS. Asserts nothing.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sys/resource.h>

using namespace llvm;
using namespace tollgate;
using namespace tollgate::verify;

namespace {

struct Tally {
  std::vector<double> Ms;
  unsigned Pass = 0, Fail = 0, Unknown = 0, Internal = 0, Unexpected = 0;
  unsigned WitnessHits = 0, SolverCalls = 0, Syntactic = 0;
  std::vector<std::string> UnknownNames;
  /// Checks slower than this (ms) are listed on stderr.
  double SlowMs = 1e30;

  void add(const CheckResult &R, double T, StringRef Name) {
    Ms.push_back(T);
    WitnessHits += R.Stats.WitnessHits;
    SolverCalls += R.Stats.SolverCalls;
    Syntactic += R.Stats.SyntacticProofs;
    if (T > SlowMs)
      errs() << formatv("slow {0:f0} ms {1}: {2}, groups {3}, syntactic {4}, "
                        "witness {5}, solver {6} (unsat {7}, unknown {8})\n",
                        T, Name, verdictName(R.V), R.Stats.ActionGroups,
                        R.Stats.SyntacticProofs, R.Stats.WitnessHits,
                        R.Stats.SolverCalls, R.Stats.SolverUnsat,
                        R.Stats.SolverUnknown);
    if (R.InternalError)
      ++Internal;
    switch (R.V) {
    case Verdict::Pass:
      ++Pass;
      break;
    case Verdict::Fail:
      ++Fail;
      break;
    case Verdict::Unknown:
      ++Unknown;
      if (UnknownNames.size() < 40)
        UnknownNames.push_back((Name + ": " + R.Reason).str());
      break;
    }
  }

  void print(StringRef Title, double TotalS) {
    std::vector<double> S = Ms;
    std::sort(S.begin(), S.end());
    auto pct = [&](double P) {
      if (S.empty())
        return 0.0;
      size_t I = static_cast<size_t>(P * (S.size() - 1) + 0.5);
      return S[std::min(I, S.size() - 1)];
    };
    struct rusage RU;
    getrusage(RUSAGE_SELF, &RU);
    outs() << "== " << Title << " ==\n";
    outs() << formatv("queries {0}: pass {1}, fail {2}, unknown {3}, internal "
                      "errors {4}, unexpected {5}\n",
                      S.size(), Pass, Fail, Unknown, Internal, Unexpected);
    outs() << formatv("per query ms: p50 {0:f2}  p90 {1:f2}  p99 {2:f2}  max "
                      "{3:f2}\n",
                      pct(0.5), pct(0.9), pct(0.99), S.empty() ? 0 : S.back());
    outs() << formatv("total {0:f2} s; groups proved from the text {1}, "
                      "witness hits {2}, solver calls {3}; peak RSS {4} MB\n",
                      TotalS, Syntactic, WitnessHits, SolverCalls,
                      RU.ru_maxrss / 1024);
    for (const std::string &N : UnknownNames)
      outs() << "  unknown: " << N << '\n';
  }
};

double msSince(std::chrono::steady_clock::time_point T0) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - T0)
      .count();
}

PolicySet identitySet(const Policy *P) {
  PolicySet S;
  S.Identity.push_back(P);
  return S;
}

/// Changes the case of an action name at random (actions compare without
/// case).
std::string recase(const std::string &A, std::mt19937 &Rng) {
  std::string Out = A;
  switch (Rng() % 3) {
  case 0:
    return StringRef(A).upper();
  case 1:
    return StringRef(A).lower();
  default:
    for (char &C : Out)
      if (Rng() % 2)
        C = static_cast<char>(toupper(static_cast<unsigned char>(C)));
    return Out;
  }
}

/// A rewrite that means the same: Allow statements that differ only in
/// their actions merged, action lists split into one statement per half,
/// the case of every action changed, and the statements shuffled.
std::string rewrite(const nlohmann::json &Doc, std::mt19937 &Rng) {
  nlohmann::json D = Doc;
  nlohmann::json St = D["Statement"];
  if (St.is_object())
    St = nlohmann::json::array({St});
  // Merge: same statement but for Action (and Sid).
  nlohmann::json Merged = nlohmann::json::array();
  std::map<std::string, size_t> ByRest;
  for (auto S : St) {
    if (!S.is_object() || !S.contains("Action")) {
      Merged.push_back(S);
      continue;
    }
    nlohmann::json Rest = S;
    Rest.erase("Action");
    Rest.erase("Sid");
    std::string Key = Rest.dump();
    nlohmann::json Acts = S["Action"].is_array()
                              ? S["Action"]
                              : nlohmann::json::array({S["Action"]});
    auto It = ByRest.find(Key);
    if (It == ByRest.end()) {
      S["Action"] = Acts;
      ByRest[Key] = Merged.size();
      Merged.push_back(S);
      continue;
    }
    nlohmann::json &Into = Merged[It->second];
    Into.erase("Sid");
    for (auto &A : Acts)
      Into["Action"].push_back(A);
  }
  nlohmann::json Out = nlohmann::json::array();
  for (auto &S : Merged) {
    if (!S.is_object() || !S.contains("Action")) {
      Out.push_back(S);
      continue;
    }
    nlohmann::json A = nlohmann::json::array();
    for (auto &X : S["Action"])
      A.push_back(X.is_string() ? nlohmann::json(recase(X, Rng)) : X);
    std::shuffle(A.begin(), A.end(), Rng);
    if (A.size() > 1) {
      size_t Half = A.size() / 2;
      nlohmann::json S1 = S, S2 = S;
      S1["Action"] = nlohmann::json(
          std::vector<nlohmann::json>(A.begin(), A.begin() + Half));
      S2["Action"] = nlohmann::json(
          std::vector<nlohmann::json>(A.begin() + Half, A.end()));
      S1.erase("Sid");
      S2.erase("Sid");
      Out.push_back(S1);
      Out.push_back(S2);
      continue;
    }
    S["Action"] = A;
    Out.push_back(S);
  }
  std::shuffle(Out.begin(), Out.end(), Rng);
  D["Statement"] = Out;
  return D.dump();
}

/// Removes one entry of an Allow statement: with \p Resource the first
/// resource of the largest Resource list, otherwise the first action of
/// the largest Action list. Returns false when there is none to remove.
bool mutate(const nlohmann::json &Doc, bool Resource, std::string &Out) {
  nlohmann::json D = Doc;
  nlohmann::json &St = D["Statement"];
  if (St.is_object())
    St = nlohmann::json::array({St});
  const char *Key = Resource ? "Resource" : "Action";
  nlohmann::json *Best = nullptr;
  for (auto &S : St)
    if (S.is_object() && S.value("Effect", "") == "Allow" && S.contains(Key) &&
        S[Key].is_array() && S[Key].size() > 1 &&
        (!Best || S[Key].size() > (*Best)[Key].size()))
      Best = &S;
  if (!Best)
    return false;
  (*Best)[Key].erase(0);
  Out = D.dump();
  return true;
}

} // namespace

int main(int Argc, const char **Argv) {
  if (Argc < 3) {
    errs() << "usage: verify-bench pairs|rewrite CORPUS [--direct] "
              "[--no-witness] [--no-groups] [--no-syntactic] [--textual] "
              "[--slow MS] "
              "[--limit N] "
              "[--timeout S]\n";
    return 2;
  }
  std::string Mode = Argv[1], Corpus = Argv[2];
  VerifyOptions VO;
  size_t Limit = SIZE_MAX;
  double SlowMs = 1e30;
  std::string Only; ///< Only the pairs or files whose path contains this.
  for (int I = 3; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (A == "--direct") {
      VO.GroupActions = false;
      VO.Witnesses = false;
      VO.Syntactic = false;
      VO.FoldImplied = false;
    } else if (A == "--textual") {
      VO.Requests = request::ModelKind::Textual;
    } else if (A == "--no-fold") {
      VO.FoldImplied = false;
    } else if (A == "--no-witness") {
      VO.Witnesses = false;
    } else if (A == "--no-groups") {
      VO.GroupActions = false;
    } else if (A == "--no-syntactic") {
      VO.Syntactic = false;
    } else if (A == "--dump-smt2" && I + 1 < Argc) {
      VO.DumpDir = Argv[++I];
    } else if (A == "--only" && I + 1 < Argc) {
      Only = Argv[++I];
    } else if (A == "--slow" && I + 1 < Argc) {
      SlowMs = std::stod(Argv[++I]);
    } else if (A == "--limit" && I + 1 < Argc) {
      Limit = std::stoul(Argv[++I]);
    } else if (A == "--timeout" && I + 1 < Argc) {
      VO.TimeoutMs = static_cast<unsigned>(std::stoul(Argv[++I])) * 1000;
    }
  }
  const Catalog &Cat = Catalog::builtin();
  Verifier V(Cat, VO);
  LoadOptions LO;
  LO.Type = PolicyType::Identity;

  if (Mode == "pairs") {
    auto Buf = MemoryBuffer::getFile(Corpus + "/pairs.tsv");
    if (!Buf) {
      errs() << "cannot read " << Corpus << "/pairs.tsv\n";
      return 2;
    }
    SmallVector<StringRef, 0> Lines;
    (*Buf)->getBuffer().split(Lines, '\n', -1, false);
    Tally T;
    T.SlowMs = SlowMs;
    auto T0 = std::chrono::steady_clock::now();
    for (size_t I = 0; I < Lines.size() && I < Limit; ++I) {
      auto Cols = Lines[I].split('\t');
      if (!Only.empty() && !Cols.second.contains(Only))
        continue;
      LoadedPolicy Old = loadPolicyFile(Corpus + "/" + Cols.first.str(), LO);
      LoadedPolicy New = loadPolicyFile(Corpus + "/" + Cols.second.str(), LO);
      if (!Old.P || !New.P)
        continue;
      PolicySet SO = identitySet(Old.P.get()), SN = identitySet(New.P.get());
      auto Q0 = std::chrono::steady_clock::now();
      CheckResult R = V.exceeds(SN, &SO);
      T.add(R, msSince(Q0), Cols.second);
    }
    std::string Title = "no-new-access";
    if (!VO.GroupActions && !VO.Witnesses && !VO.Syntactic && !VO.FoldImplied)
      Title += ", direct encoding (no levers)";
    else if (VO.GroupActions && VO.Witnesses && VO.Syntactic && VO.FoldImplied)
      Title += ", all levers";
    else
      Title += std::string(", without:") + (VO.GroupActions ? "" : " groups") +
               (VO.Witnesses ? "" : " witnesses") +
               (VO.Syntactic ? "" : " text-proofs") +
               (VO.FoldImplied ? "" : " implication-folding");
    T.print(Title, msSince(T0) / 1000);
    return 0;
  }

  if (Mode == "rewrite") {
    // Every version: CORPUS/versions/<Policy>/vN.json.
    std::vector<std::string> Files;
    {
      std::error_code EC;
      for (sys::fs::directory_iterator P(Corpus + "/versions", EC), E;
           P != E && !EC; P.increment(EC)) {
        std::error_code EC2;
        for (sys::fs::directory_iterator F(P->path(), EC2), FE; F != FE && !EC2;
             F.increment(EC2))
          if (StringRef(F->path()).endswith(".json"))
            Files.push_back(
                StringRef(F->path()).drop_front(Corpus.size() + 1).str());
      }
      std::sort(Files.begin(), Files.end());
    }
    std::mt19937 Rng(42);
    Tally Eq, Mut, MutBack;
    Eq.SlowMs = Mut.SlowMs = MutBack.SlowMs = SlowMs;
    auto T0 = std::chrono::steady_clock::now();
    for (size_t I = 0; I < Files.size() && I < Limit; ++I) {
      if (!Only.empty() && !StringRef(Files[I]).contains(Only))
        continue;
      auto Text = MemoryBuffer::getFile(Corpus + "/" + Files[I]);
      if (!Text)
        continue;
      nlohmann::json Doc =
          nlohmann::json::parse((*Text)->getBuffer().begin(),
                                (*Text)->getBuffer().end(), nullptr, false);
      if (Doc.is_discarded() || !Doc.contains("Statement"))
        continue;
      LoadedPolicy Orig =
          loadPolicyText(Files[I], (*Text)->getBuffer().str(), LO);
      LoadedPolicy Re = loadPolicyText("rewrite", rewrite(Doc, Rng), LO);
      if (!Orig.P || !Re.P)
        continue;
      PolicySet SA = identitySet(Orig.P.get()), SB = identitySet(Re.P.get());
      auto Q0 = std::chrono::steady_clock::now();
      CheckResult R1 = V.exceeds(SA, &SB);
      Eq.add(R1, msSince(Q0), Files[I]);
      Q0 = std::chrono::steady_clock::now();
      CheckResult R2 = V.exceeds(SB, &SA);
      Eq.add(R2, msSince(Q0), Files[I]);
      if (R1.V == Verdict::Fail || R2.V == Verdict::Fail)
        ++Eq.Unexpected;
      std::string MText;
      if (!mutate(Doc, I % 2 == 1, MText) && !mutate(Doc, I % 2 == 0, MText))
        continue;
      LoadedPolicy M = loadPolicyText("mutant", MText, LO);
      if (!M.P)
        continue;
      PolicySet SM = identitySet(M.P.get());
      Q0 = std::chrono::steady_clock::now();
      CheckResult R3 = V.exceeds(SA, &SM);
      Mut.add(R3, msSince(Q0), Files[I]);
      // Removing an entry never grants more.
      Q0 = std::chrono::steady_clock::now();
      CheckResult R4 = V.exceeds(SM, &SA);
      MutBack.add(R4, msSince(Q0), Files[I]);
      if (R4.V == Verdict::Fail)
        ++MutBack.Unexpected;
    }
    double Total = msSince(T0) / 1000;
    Eq.print("version vs. rewrite (equivalent, both directions)", Total);
    Mut.print("version vs. mutant with one action or resource removed "
              "(fail: refuted with a replayed counterexample; pass: another "
              "entry covers it)",
              Total);
    MutBack.print("mutant vs. version (must pass)", Total);
    return 0;
  }
  errs() << "unknown mode " << Mode << '\n';
  return 2;
}
