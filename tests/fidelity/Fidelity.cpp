//===- Fidelity.cpp - Are the verifier's verdicts right? ------------------===//
///
/// \file
/// The fidelity harness: seeded policy pairs, each decided by the verifier
/// for `equivalent` and `no-new-access`, and each verdict checked against
/// the concrete evaluator on realistic requests.
///
/// The pairs (PairGen.h). A policy over a few real actions (s3:GetObject,
/// s3:PutObject, s3:ListBucket, iam:PassRole, iam:GetRole,
/// sqs:SendMessage and the catalog actions their patterns match), resources
/// with `*`, `?`, non-ASCII characters (é, 日, 😀), policy variables with
/// and without defaults and escapes (`${*}`), Allow and Deny, NotAction,
/// NotResource, resource policies with Principal and Deny with NotPrincipal,
/// and conditions over real keys (aws:SourceIp with prefixes of every
/// length, IPv4 and IPv6; Bool and ...IfExists on aws:SecureTransport and
/// aws:MultiFactorAuthPresent; Null; dates on aws:CurrentTime and
/// aws:EpochTime; numbers on s3:max-keys; ForAllValues/ForAnyValue on
/// aws:TagKeys; the principal keys aws:PrincipalArn, aws:PrincipalAccount,
/// aws:username, aws:PrincipalType, aws:PrincipalTag/team; s3:prefix). The
/// second policy of a pair is a rewrite that keeps the meaning on realistic
/// requests (statements and lists split or reordered, a condition moved
/// into a Deny with the negated operator, Null as StringLike "*", a
/// variable default as a Null split, a CIDR as its two halves, ...) or a
/// mutation (a Deny dropped, a pattern widened, a prefix length changed, a
/// Bool flipped, a condition removed, a principal added, ...).
///
/// The checks. no-new-access is "the derived policy allows nothing the
/// original does not"; equivalent is that and its converse. For each:
///  - PASS is checked by enumerating the request universe (Universe.h)
///    through CompiledPolicySet::decide: a request the one side allows and
///    the other does not makes it a wrong PASS. Universes larger than
///    --cap are sampled (reported apart).
///  - FAIL: the counterexample must replay (the one side allows, the other
///    does not) and be a request AWS can send by the rules of Realism.h,
///    which this harness writes down on its own: single-valued keys hold one
///    value of their type, the principal keys follow from the caller and
///    are absent for anonymous and service callers, aws:CurrentTime,
///    aws:EpochTime and aws:SecureTransport are always present, service
///    keys only on the actions that support them, the resource has one of
///    the action's ARN formats, the action is spelt as in the catalog and
///    every string is valid UTF-8.
///  - UNKNOWN is counted by reason; a solver error or an internal error is
///    a failure.
/// The universe's own requests are checked against Realism.h for the first
/// --self-check pairs, so the two definitions cannot drift apart unseen, and
/// Realism.h is run on a real request and on one breach of each rule
/// (SelfTest.h) before anything else.
///
/// What the enumeration cannot see: the universe holds catalog actions
/// only, so a FAIL whose only separating requests name an action AWS has
/// not released yet is reported as "no universe request separates" (not a
/// failure); and the evaluator is the oracle, so where the evaluator and the
/// verifier share a mistake (a wildcard rule, say) no PASS here is wrong:
/// confirm-with-simulator.py checks the evaluator on the same requests with
/// an independent simulator.
///
/// Exit status: 0 when there is no wrong PASS, no unrealistic or
/// non-replaying counterexample, no FAIL without a counterexample, no
/// solver-error or internal-error UNKNOWN and no generated policy that does
/// not load; 1 otherwise; 2 on bad arguments.
///
///   fidelity [--pairs N] [--seed S] [--cap REQUESTS] [--timeout-ms MS]
///            [--solver-work UNITS] [--show N] [--self-check N] [-j|--jobs N]
///            [--emit-replay FILE [--replay-per-pair N]]
///
/// Pairs are checked on N worker threads (0, the default: one per hardware
/// thread), each pair with a verifier and a sampling generator of its own;
/// the outcomes are reported in pair order, so the report is the same for
/// any N. Only the time limit is read from the clock: a query that takes
/// about --timeout-ms can be decided in one run and UNKNOWN in another, and
/// more likely so on a busy machine. --solver-work bounds each solver query
/// by work instead (Z3's resource units), which gives the same verdicts on
/// any machine and under any load; --timeout-ms then only guards the rest.
///
/// The enumeration of a universe stops once a request of each direction
/// separates the policies (nothing the report says depends on the rest),
/// unless the realism self-check or --emit-replay needs every request.
///
/// --emit-replay writes every counterexample (once with each side's
/// policies) and a sample of each universe as the replay lines of
/// tests/diff/DiffEval.cpp, for confirm-with-simulator.sh.
///
//===----------------------------------------------------------------------===//

#include "Known.h"
#include "PairGen.h"
#include "Realism.h"
#include "SelfTest.h"
#include "Tally.h"
#include "Universe.h"

#include "../diff/Generate.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

using namespace tollgate;
using namespace tollgate::fidelity;
using namespace tollgate::verify;
using nlohmann::json;

namespace {

struct Args {
  unsigned Pairs = 5000;
  /// Unrealistic counterexamples tolerated (a ceiling for CI while the
  /// request model is completed; 0 means none).
  unsigned MaxUnrealistic = 0;
  uint64_t Seed = 1;
  uint64_t Cap = 10000;
  unsigned TimeoutMs = 5000;
  unsigned SolverWork = 0;
  unsigned Show = 3;
  unsigned SelfCheck = 30;
  /// Worker threads; 0 means one per hardware thread.
  unsigned Jobs = 0;
  std::string EmitReplay;
  unsigned ReplayPerPair = 2;
  /// Check only this pair (the generator still runs up to it).
  int Only = -1;
};

bool parseArgs(int Argc, char **Argv, Args &A) {
  for (int I = 1; I < Argc; ++I) {
    std::string K = Argv[I];
    auto Next = [&]() -> std::string {
      if (I + 1 >= Argc) {
        std::cerr << "fidelity: " << K << " needs a value\n";
        exit(2);
      }
      return Argv[++I];
    };
    if (K == "--pairs")
      A.Pairs = std::stoul(Next());
    else if (K == "--max-unrealistic")
      A.MaxUnrealistic = std::stoul(Next());
    else if (K == "--seed")
      A.Seed = std::stoull(Next());
    else if (K == "--cap")
      A.Cap = std::stoull(Next());
    else if (K == "--timeout-ms")
      A.TimeoutMs = std::stoul(Next());
    else if (K == "--solver-work")
      A.SolverWork = std::stoul(Next());
    else if (K == "--jobs" || K == "-j")
      A.Jobs = std::stoul(Next());
    else if (K == "--show")
      A.Show = std::stoul(Next());
    else if (K == "--self-check")
      A.SelfCheck = std::stoul(Next());
    else if (K == "--emit-replay")
      A.EmitReplay = Next();
    else if (K == "--replay-per-pair")
      A.ReplayPerPair = std::stoul(Next());
    else if (K == "--only")
      A.Only = std::stoi(Next());
    else {
      std::cerr << "fidelity: unknown argument " << K << "\n";
      return false;
    }
  }
  return true;
}

const char *AllowAllText =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

/// \p S, with the bytes of invalid UTF-8 as \xNN.
std::string printable(const std::string &S) {
  if (isValidUtf8(S))
    return S;
  std::string Out;
  for (unsigned char C : S) {
    if (C < 0x80) {
      Out += char(C);
    } else {
      char Buf[8];
      snprintf(Buf, sizeof(Buf), "\\x%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

std::string describeRaw(const Request &R);

std::string describe(const Request &R) { return printable(describeRaw(R)); }

std::string describeRaw(const Request &R) {
  std::string S =
      "caller=" +
      (R.Principal.Id.empty() ? std::string("(anonymous)") : R.Principal.Id) +
      " action=" + R.Action + " resource=" + R.Resource +
      " resourceAccount=" + R.ResourceAccount;
  for (const ContextValue *V : R.Context.sorted()) {
    S += " " + V->Name + "=";
    if (V->MultiValued) {
      S += "[";
      for (size_t I = 0; I < V->Values.size(); ++I)
        S += (I ? ",\"" : "\"") + V->Values[I] + "\"";
      S += "]";
    } else {
      S += "\"" + V->Values.front() + "\"";
    }
  }
  return S;
}

std::string unknownCategory(const CheckResult &R) {
  llvm::StringRef Why = R.Reason;
  if (R.InternalError)
    return "internal error";
  if (Why.startswith("solver error"))
    return Why.contains("BitVec") ? "solver error: bit-vector sorts differ"
                                  : "solver error";
  if (Why.startswith("not encoded yet: "))
    return ("not encoded yet: " + Why.drop_front(17).take_front(60)).str();
  if (Why.startswith("a counterexample could not be written"))
    return "a counterexample could not be written";
  if (Why.contains("timed out"))
    return "the solver timed out";
  if (Why.startswith("the solver gave up"))
    return "the solver gave up";
  return Why.take_front(80).str();
}

/// A policy set as `tollgate check` builds it.
PolicySet setFor(const Policy *P, const Policy *AllowAll) {
  PolicySet S;
  if (P->Type == PolicyType::Resource) {
    S.Resource = P;
    S.Identity.push_back(AllowAll);
  } else {
    S.Identity.push_back(P);
  }
  return S;
}

diff::CaseRequest toCaseRequest(const Request &R) {
  diff::CaseRequest C;
  C.Principal = R.Principal.Id;
  C.Action = R.Action;
  C.Resource = R.Resource;
  C.ResourceAccount = R.ResourceAccount;
  for (const ContextValue *V : R.Context.sorted())
    C.Context.push_back({V->Name, V->MultiValued, V->Values});
  return C;
}

/// What every pair shares: read-only once the workers start.
struct Shared {
  const Args &A;
  const Catalog &Cat;
  VerifyOptions VO;
  const Policy *AllowAll = nullptr;
};

/// A pair as the generator made it, with its two texts.
struct PairInput {
  unsigned No = 0;
  PolicyPair Pair;
  std::string TextO, TextD;
};

/// Checks one pair: both verdicts of the verifier against the universe.
/// Touches nothing but \p Out, so pairs can be checked on any thread; the
/// verifier (with its own solver context) and the sampling generator are
/// the pair's own, so the outcome does not depend on which pairs ran
/// before on the same thread.
void checkPair(const Shared &Sh, const PairInput &In, PairOutcome &Out) {
  const Args &A = Sh.A;
  const Catalog &Cat = Sh.Cat;
  const PolicyPair &Pair = In.Pair;
  const unsigned PairNo = In.No;
  const std::string &TextO = In.TextO, &TextD = In.TextD;
  Report &Rep = Out.Rep;
  Rep.Show = A.Show;
  Out.Rewrite = Pair.Rewrite;
  Out.ResourcePolicy = Pair.ResourcePolicy;
  Out.KindGroup = Pair.Kind.substr(0, Pair.Kind.find('+'));
  std::string PairText = "pair " + std::to_string(PairNo) + " (" + Pair.Kind +
                         ")\n    original: " + TextO +
                         "\n    derived:  " + TextD;
  LoadOptions LO;
  LO.Type = Pair.ResourcePolicy ? PolicyType::Resource : PolicyType::Identity;
  LoadedPolicy LoadO = loadPolicyText("original.json", TextO, LO);
  LoadedPolicy LoadD = loadPolicyText("derived.json", TextD, LO);
  auto Bad = [](const LoadedPolicy &L) {
    if (!L.P || L.hasInputError())
      return std::string("cannot load");
    for (const Diagnostic &D : L.Diags)
      if (D.Level == Severity::Error)
        return D.Message;
    return std::string();
  };
  std::string Err = Bad(LoadO);
  if (Err.empty())
    Err = Bad(LoadD);
  if (!Err.empty()) {
    Out.LoadError = true;
    Rep.example("load error", Err, PairText);
    return;
  }
  PolicySet SO = setFor(LoadO.P.get(), Sh.AllowAll);
  PolicySet SD = setFor(LoadD.P.get(), Sh.AllowAll);

  // The verifier, both directions.
  auto Q0 = std::chrono::steady_clock::now();
  Verifier V(Cat, Sh.VO);
  CheckResult Fwd = V.exceeds(SD, &SO);  // derived allows more?
  CheckResult Back = V.exceeds(SO, &SD); // original allows more?
  Out.VerifySeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Q0)
          .count();

  // The universe.
  Q0 = std::chrono::steady_clock::now();
  std::mt19937_64 Sample(A.Seed * 7919 + 1 +
                         0x9E3779B97F4A7C15ull * (uint64_t(PairNo) + 1));
  CompiledPolicySet CO(SO), CD(SD);
  Universe U({Pair.Original, Pair.Derived}, !Pair.ResourcePolicy, Cat);
  Out.UniverseSize = U.size();
  std::optional<Request> SepFwd, SepBack;
  // Two reservoir samples for the simulator: of every request, and of
  // those with a non-ASCII character (where `?` and case rules bite).
  std::vector<Request> ReplaySample, ReplayWide;
  uint64_t Seen = 0, SeenWide = 0;
  bool SelfCheck = PairNo < A.SelfCheck;
  bool Replay = !A.EmitReplay.empty();
  bool Full = U.forEach(A.Cap, Sample, [&](const Request &R) {
    ++Seen;
    if (SelfCheck) {
      std::vector<Violation> Vs =
          checkRealism(R, false, !Pair.ResourcePolicy, Cat);
      if (!Vs.empty()) {
        ++Out.SelfCheckViolations;
        Rep.example("universe request breaks a realism rule",
                    Vs.front().Rule + ": " + Vs.front().Detail, describe(R));
      }
    }
    Decision DO = CO.decide(R).D, DD = CD.decide(R).D;
    if (DO == Decision::Unsupported || DD == Decision::Unsupported) {
      ++Out.UnsupportedRequests;
      return true;
    }
    if (DD == Decision::Allow && DO != Decision::Allow && !SepFwd)
      SepFwd = R;
    if (DO == Decision::Allow && DD != Decision::Allow && !SepBack)
      SepBack = R;
    if (Replay) {
      auto Keep = [&](std::vector<Request> &V, uint64_t N) {
        if (V.size() < A.ReplayPerPair)
          V.push_back(R);
        else if (Sample() % N < A.ReplayPerPair)
          V[Sample() % A.ReplayPerPair] = R;
      };
      Keep(ReplaySample, Seen);
      auto NonAscii = [](const std::string &X) {
        return std::any_of(X.begin(), X.end(), [](char C) { return C & 0x80; });
      };
      bool Wide = NonAscii(R.Resource);
      for (const ContextValue *V : R.Context.sorted())
        for (const std::string &X : V->Values)
          Wide |= NonAscii(X);
      if (Wide)
        Keep(ReplayWide, ++SeenWide);
      return true;
    }
    // A request of each direction answers every question the report
    // asks of the universe; the rest is needed only for the samples and
    // the realism self-check.
    return SelfCheck || !SepFwd || !SepBack;
  });
  Out.Requests = Seen;
  // A stop after both separating requests decides as much as a full pass.
  Out.Exhaustive = Full || (SepFwd && SepBack && U.size() <= A.Cap);
  Full = Out.Exhaustive;
  Out.EnumSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Q0)
          .count();

  auto emit = [&](const std::string &Text, const Request &R,
                  const std::string &Origin) {
    if (Replay)
      Out.Replay.push_back({Text, Pair.ResourcePolicy, R, Origin});
  };

  // One direction's FAIL: its counterexample must replay and be
  // realistic. Returns true when the counterexample replays and is realistic.
  auto checkCex = [&](const std::string &Check, CheckTally &T,
                      const CheckResult &R, const CompiledPolicySet &Allows,
                      const CompiledPolicySet &DoesNot,
                      const std::string &AllowsText,
                      const std::string &DoesNotText, const char *Dir) {
    if (!R.Cex) {
      ++T.NoCex;
      Rep.example("FAIL without a counterexample", Check, PairText);
      return false;
    }
    const Request &Q = R.Cex->R;
    Decision DA = Allows.decide(Q).D, DB = DoesNot.decide(Q).D;
    bool Replays = DA == Decision::Allow && DB != Decision::Allow &&
                   DB != Decision::Unsupported;
    if (!Replays) {
      ++T.ReplayFailures;
      Rep.example("counterexample does not replay",
                  Check + " (" + Dir + "): " + decisionName(DA).str() + " / " +
                      decisionName(DB).str(),
                  PairText + "\n    request:  " + describe(Q));
    }
    std::vector<Violation> Vs =
        checkRealism(Q, R.Cex->FutureAction, !Pair.ResourcePolicy, Cat);
    std::string Origin = std::string(Vs.empty() ? "realistic" : "unrealistic") +
                         " counterexample of " + Check + ", pair " +
                         std::to_string(PairNo);
    emit(AllowsText, Q, Origin);
    emit(DoesNotText, Q, Origin);
    if (!Vs.empty()) {
      ++T.Unrealistic;
      std::set<std::string> Rules;
      for (const Violation &X : Vs)
        Rules.insert(X.Rule);
      for (const std::string &Rule : Rules)
        ++T.ByRule[Rule];
      T.OnlyAlwaysPresent += Rules.size() == 1 && Rules.count("always-present");
      for (const Violation &X : Vs)
        Rep.example("unrealistic: " + X.Rule, Check + ": " + X.Detail,
                    PairText + "\n    request:  " + describe(Q));
    }
    return Replays && Vs.empty();
  };

  auto record = [&](const std::string &Check, bool Both) {
    CheckTally &T = Rep.Checks[Check];
    bool AnyFail = Fwd.V == Verdict::Fail || (Both && Back.V == Verdict::Fail);
    bool AllPass = Fwd.V == Verdict::Pass && (!Both || Back.V == Verdict::Pass);
    if (AnyFail) {
      ++T.Fail;
      T.FailOnRewrite += Pair.Rewrite;
      bool Sound = false;
      if (Fwd.V == Verdict::Fail)
        Sound |= checkCex(Check, T, Fwd, CD, CO, TextD, TextO,
                          "derived over original");
      if (Both && Back.V == Verdict::Fail)
        Sound |= checkCex(Check, T, Back, CO, CD, TextO, TextD,
                          "original over derived");
      bool Separated = SepFwd || (Both && SepBack);
      const CheckResult &Failed = Fwd.V == Verdict::Fail ? Fwd : Back;
      std::string CexText =
          Failed.Cex ? "\n    request:  " + describe(Failed.Cex->R) : "";
      if (Sound && Pair.Rewrite) {
        ++T.SoundFailOnRewrite;
        Rep.example("FAIL on a rewrite with a realistic counterexample (" +
                        Check + ")",
                    Pair.Kind, PairText + CexText);
      }
      // The universe holds catalog actions only.
      if (Sound && !Separated && Full && Failed.Cex &&
          !Failed.Cex->FutureAction) {
        ++T.UniverseGaps;
        Rep.example("realistic counterexample missing from the universe (" +
                        Check + ")",
                    Pair.Kind, PairText + CexText);
      }
      if (!Separated && Full) {
        ++T.NotSeparated;
        T.NotSeparatedFuture += Failed.Cex && Failed.Cex->FutureAction;
        Rep.example("FAIL, but no universe request separates (" + Check + ")",
                    Pair.Kind,
                    PairText + "\n    request:  " +
                        (Fwd.Cex    ? describe(Fwd.Cex->R)
                         : Back.Cex ? describe(Back.Cex->R)
                                    : ""));
      }
    } else if (AllPass) {
      ++T.Pass;
      T.PassOnMutation += !Pair.Rewrite;
      T.PassSampled += !Full;
      std::optional<Request> &Sep = SepFwd ? SepFwd : SepBack;
      if (SepFwd || (Both && SepBack)) {
        ++T.WrongPass;
        Rep.example(
            "wrong PASS (" + Check + ")",
            std::string(SepFwd ? "the derived policy" : "the original") +
                " alone allows",
            PairText + "\n    request:  " + describe(*Sep));
      }
    } else {
      ++T.Unknown;
      for (const CheckResult *R : {&Fwd, &Back}) {
        if (R->V != Verdict::Unknown || (!Both && R == &Back))
          continue;
        std::string Cat = unknownCategory(*R);
        ++T.ByUnknown[Cat];
        if (llvm::StringRef(Cat).startswith("solver error"))
          ++T.SolverErrors;
        if (Cat == "internal error")
          ++T.Internal;
        Rep.example("unknown: " + Cat, R->Reason, PairText);
        break;
      }
    }
  };
  record("no-new-access", false);
  record("equivalent", true);
  if (Fwd.V == Verdict::Pass || Back.V == Verdict::Pass) {
    std::string Origin = "PASS universe, pair " + std::to_string(PairNo);
    for (const auto *Set : {&ReplaySample, &ReplayWide})
      for (const Request &R : *Set) {
        emit(TextO, R, Origin);
        emit(TextD, R, Origin);
      }
  }
}

} // namespace

int main(int Argc, char **Argv) {
  Args A;
  if (!parseArgs(Argc, Argv, A))
    return 2;
  auto T0 = std::chrono::steady_clock::now();
  const Catalog &Cat = Catalog::builtin();

  // The universe's key table against the catalog: same type and
  // cardinality, or the harness itself is wrong.
  for (const KeySpec &K : universeKeys()) {
    const ConditionKeyInfo *CK = Cat.conditionKey(K.Name);
    if (!CK || CK->MultiValued != K.Multi) {
      std::cerr << "fidelity: the catalog disagrees on " << K.Name << "\n";
      return 1;
    }
  }

  std::vector<std::string> SelfTestFailures = selfTestRealism(Cat);
  for (const std::string &W : SelfTestFailures)
    std::cerr << "fidelity: the realism checker is wrong on " << W << "\n";
  if (!SelfTestFailures.empty())
    return 1;

  LoadOptions AllowLO;
  AllowLO.Type = PolicyType::Identity;
  LoadedPolicy AllowAll = loadPolicyText("<allow-all>", AllowAllText, AllowLO);
  Shared Sh{A, Cat, VerifyOptions(), AllowAll.P.get()};
  Sh.VO.TimeoutMs = A.TimeoutMs;
  Sh.VO.SolverWork = A.SolverWork;

  // The pairs, in the generator's order.
  std::vector<PairInput> Inputs(A.Pairs);
  {
    PairGenerator Gen(A.Seed);
    for (unsigned PairNo = 0; PairNo < A.Pairs; ++PairNo) {
      PairInput &In = Inputs[PairNo];
      In.No = PairNo;
      In.Pair = Gen.next();
      In.TextO = renderPolicy(In.Pair.Original, A.Seed + 2 * PairNo);
      In.TextD = renderPolicy(In.Pair.Derived, A.Seed + 2 * PairNo + 1);
    }
  }

  // Each pair on its own, on as many threads as asked.
  std::vector<PairOutcome> Outcomes(A.Pairs);
  unsigned Jobs =
      A.Jobs ? A.Jobs : llvm::hardware_concurrency().compute_thread_count();
  Jobs = std::max(1u, std::min(Jobs, A.Pairs));
  {
    std::atomic<unsigned> Next{0};
    auto work = [&] {
      for (unsigned I; (I = Next++) < A.Pairs;)
        if (A.Only < 0 || unsigned(A.Only) == I)
          checkPair(Sh, Inputs[I], Outcomes[I]);
    };
    std::vector<std::thread> Workers;
    for (unsigned J = 1; J < Jobs; ++J)
      Workers.emplace_back(work);
    work();
    for (std::thread &W : Workers)
      W.join();
  }

  // The outcomes, in pair order.
  Report Rep;
  Rep.Show = A.Show;
  unsigned Rewrites = 0, Mutations = 0, ResourcePairs = 0, LoadErrors = 0;
  unsigned Exhaustive = 0, Sampled = 0, SelfCheckViolations = 0;
  uint64_t Requests = 0, UnsupportedRequests = 0, MaxUniverse = 0;
  double VerifySeconds = 0, EnumSeconds = 0;
  std::map<std::string, unsigned> KindCount;
  std::ofstream Replay;
  diff::PolicyPool Pool;
  uint64_t ReplayId = 1;
  if (!A.EmitReplay.empty())
    Replay.open(A.EmitReplay);
  for (const PairOutcome &O : Outcomes) {
    ++(O.Rewrite ? Rewrites : Mutations);
    ResourcePairs += O.ResourcePolicy;
    ++KindCount[O.KindGroup];
    Rep.add(O.Rep);
    if (O.LoadError) {
      ++LoadErrors;
      continue;
    }
    SelfCheckViolations += O.SelfCheckViolations;
    Requests += O.Requests;
    UnsupportedRequests += O.UnsupportedRequests;
    MaxUniverse = std::max(MaxUniverse, O.UniverseSize);
    ++(O.Exhaustive ? Exhaustive : Sampled);
    VerifySeconds += O.VerifySeconds;
    EnumSeconds += O.EnumSeconds;
    for (const ReplayLine &L : O.Replay) {
      if (!Replay)
        break;
      diff::Case C;
      C.Id = ReplayId++;
      C.Origin = L.Origin;
      int P = Pool.addText(L.PolicyText);
      if (L.ResourcePolicy) {
        C.Resource = P;
        C.Identity.push_back(Pool.addText(AllowAllText));
      } else {
        C.Identity.push_back(P);
      }
      C.Request = toCaseRequest(L.R);
      // A request with invalid UTF-8 (already counted as unrealistic)
      // cannot be written as JSON.
      try {
        Replay << diff::caseReplay(C, Pool).dump() << '\n';
      } catch (const nlohmann::json::exception &) {
      }
    }
  }

  double Total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
          .count();

  // The report.
  std::cout << "fidelity: seed " << A.Seed << ", " << A.Pairs << " pairs ("
            << Rewrites << " rewrites, " << Mutations << " mutations; "
            << ResourcePairs << " of resource policies), " << LoadErrors
            << " that did not load\n";
  std::cout << "  kinds:";
  for (const auto &K : KindCount)
    std::cout << " " << K.first << "=" << K.second;
  std::cout << "\n";
  std::cout << "universe: " << Requests << " requests decided (" << Exhaustive
            << " pairs decided in full, " << Sampled << " sampled at " << A.Cap
            << "; largest universe " << MaxUniverse << "), "
            << UnsupportedRequests << " requests the evaluator cannot decide; "
            << SelfCheckViolations << " universe requests of the first "
            << A.SelfCheck << " pairs break a realism rule\n";
  unsigned WrongPass = 0, Unrealistic = 0, ReplayFail = 0, SolverErr = 0,
           NoCex = 0;
  for (const auto &KV : Rep.Checks) {
    const CheckTally &T = KV.second;
    std::cout << "check " << KV.first << ": PASS " << T.Pass << " (wrong "
              << T.WrongPass << ", on sampled universes " << T.PassSampled
              << ", on mutations " << T.PassOnMutation << "), FAIL " << T.Fail
              << " (unrealistic counterexample " << T.Unrealistic
              << ", not replaying " << T.ReplayFailures
              << ", without counterexample " << T.NoCex
              << ", no universe request separates " << T.NotSeparated
              << " of which with a future action " << T.NotSeparatedFuture
              << ", on rewrites " << T.FailOnRewrite << " of which realistic "
              << T.SoundFailOnRewrite
              << ", realistic but missing from the universe " << T.UniverseGaps
              << "), UNKNOWN " << T.Unknown << " (solver errors "
              << T.SolverErrors << ", internal errors " << T.Internal << ")\n";
    std::cout << "  unrealistic counterexamples (one per failing direction): "
              << T.Unrealistic << ", of which only by always-present keys "
              << T.OnlyAlwaysPresent << "\n";
    for (const auto &R : T.ByRule)
      std::cout << "  unrealistic by rule: " << R.first << " " << R.second
                << "\n";
    for (const auto &R : T.ByUnknown)
      std::cout << "  unknown by reason: " << R.first << " " << R.second
                << "\n";
    WrongPass += T.WrongPass;
    Unrealistic += T.Unrealistic;
    ReplayFail += T.ReplayFailures;
    SolverErr += T.SolverErrors + T.Internal;
    NoCex += T.NoCex;
  }
  std::cout << "examples:\n";
  for (const auto &KV : Rep.Examples) {
    std::cout << "== " << KV.first << "\n";
    for (const Example &E : KV.second)
      std::cout << "  " << E.Title << "\n    " << E.Text << "\n";
  }
  char Buf[240];
  snprintf(Buf, sizeof(Buf),
           "time: %.1f s in all on %u threads, %.1f s of CPU (summed over "
           "pairs: verifier %.1f s, universe %.1f s)\n",
           Total, Jobs, double(std::clock()) / CLOCKS_PER_SEC, VerifySeconds,
           EnumSeconds);
  std::cout << Buf;
  std::vector<unsigned> Slowest(A.Pairs);
  for (unsigned I = 0; I < A.Pairs; ++I)
    Slowest[I] = I;
  std::sort(Slowest.begin(), Slowest.end(), [&](unsigned L, unsigned R) {
    return Outcomes[L].VerifySeconds > Outcomes[R].VerifySeconds;
  });
  std::cout << "slowest pairs for the verifier (rerun one with --only N):";
  for (unsigned I = 0; I < std::min(A.Pairs, 8u); ++I) {
    snprintf(Buf, sizeof(Buf), " %u (%.2f s)", Slowest[I],
             Outcomes[Slowest[I]].VerifySeconds);
    std::cout << Buf;
  }
  std::cout << "\n";
  if (A.Only >= 0 && unsigned(A.Only) < A.Pairs)
    std::cout << "pair " << A.Only << "\n  original: " << Inputs[A.Only].TextO
              << "\n  derived:  " << Inputs[A.Only].TextD << "\n";
  // Unrealistic counterexamples are held to a ceiling that only comes down
  // (--max-unrealistic, 0 by default); every other failure counts at once.
  bool Ok = !WrongPass && Unrealistic <= A.MaxUnrealistic && !ReplayFail &&
            !SolverErr && !NoCex && !LoadErrors && !SelfCheckViolations;
  std::cout << "fidelity: " << (Ok ? "OK" : "FAILED") << " (" << WrongPass
            << " wrong PASS, " << Unrealistic
            << " unrealistic counterexamples, " << ReplayFail
            << " not replaying, " << NoCex << " FAIL without counterexample, "
            << SolverErr << " solver or internal errors, " << LoadErrors
            << " load errors, " << SelfCheckViolations
            << " unrealistic universe requests)\n";
  return Ok ? 0 : 1;
}
