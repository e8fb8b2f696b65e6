//===- FuzzVerify.cpp - Fuzz the verifier on two small policies -----------===//
//
// The input is two identity policies separated by a NUL byte. When both
// are valid, the verifier decides whether the first grants anything the
// second does not. Invariants: the verdict is Pass, Fail or Unknown and
// never an internal error, and a Fail's counterexample replays through the
// evaluator (allowed by the first policy, not by the second).
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace tollgate;
using namespace tollgate::verify;

static bool usable(const LoadedPolicy &L) {
  if (!L.P || L.hasInputError())
    return false;
  for (const Diagnostic &D : L.Diags)
    if (D.Level == Severity::Error)
      return false;
  return true;
}

static void fail(const char *What, const CheckResult &R) {
  llvm::errs() << "invariant broken: " << What << " (" << verdictName(R.V)
               << ": " << R.Reason << ")\n";
  std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // Small policies only: the target is the verifier, not the reader.
  if (Size > 4096)
    return 0;
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  size_t Nul = Input.find('\0');
  if (Nul == llvm::StringRef::npos)
    return 0;
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  LoadedPolicy A = loadPolicyText("a.json", Input.take_front(Nul).str(), LO);
  LoadedPolicy B =
      loadPolicyText("b.json", Input.drop_front(Nul + 1).str(), LO);
  if (!usable(A) || !usable(B))
    return 0;
  PolicySet SA, SB;
  SA.Identity.push_back(A.P.get());
  SB.Identity.push_back(B.P.get());

  VerifyOptions VO;
  VO.TimeoutMs = 2000;
  static Verifier V(Catalog::builtin(), VO);
  CheckResult R = V.exceeds(SA, &SB);
  if (R.InternalError)
    fail("a counterexample did not replay", R);
  switch (R.V) {
  case Verdict::Pass:
  case Verdict::Unknown:
    if (R.Cex)
      fail("a counterexample without a refutation", R);
    break;
  case Verdict::Fail: {
    if (!R.Cex)
      fail("a refutation without a counterexample", R);
    if (decide(R.Cex->R, SA).D != Decision::Allow)
      fail("the counterexample is not allowed by the first policy", R);
    if (decide(R.Cex->R, SB).D == Decision::Allow)
      fail("the counterexample is allowed by the second policy", R);
    break;
  }
  default:
    fail("a verdict that is none of Pass, Fail, Unknown", R);
  }
  return 0;
}
