//===- Diff.cpp - Two snapshots of an account -----------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Diff.h"
#include "tollgate/Account/Output.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {
namespace account {

bool AccountDiff::changed() const {
  if (!Added.empty() || !Removed.empty())
    return true;
  for (const PrincipalDiff &D : Changed)
    for (const AccessChange *C :
         {&D.Gained, &D.Lost, &D.TrustGained, &D.TrustLost})
      if (C->C == Change::Yes)
        return true;
  return false;
}

bool AccountDiff::unknown() const {
  for (const PrincipalDiff &D : Changed)
    for (const AccessChange *C :
         {&D.Gained, &D.Lost, &D.TrustGained, &D.TrustLost})
      if (C->C == Change::Unknown)
        return true;
  return false;
}

namespace {

/// The text of the policies that decide a principal's access, in a stable
/// order: equal text, equal access.
std::string fingerprint(const Account &A, const EffectivePolicies &E) {
  std::vector<std::string> Parts;
  for (const AppliedPolicy &AP : E.Identity) {
    // The document's own bytes in the file.
    const Policy &P = *AP.P;
    if (P.Statements.empty()) {
      Parts.push_back("{}");
      continue;
    }
    uint32_t B = P.Statements.front().L.Range.Begin;
    uint32_t End = P.Statements.back().L.Range.End;
    std::string S = A.Source->text().substr(B, End - B).str();
    S += "|" + P.Version.str();
    Parts.push_back(std::move(S));
  }
  std::sort(Parts.begin(), Parts.end());
  std::string Out;
  for (const std::string &S : Parts)
    Out += S + "\x1f";
  if (E.Boundary && !E.Boundary->P->Statements.empty()) {
    const Policy &P = *E.Boundary->P;
    uint32_t B = P.Statements.front().L.Range.Begin;
    uint32_t End = P.Statements.back().L.Range.End;
    Out += "boundary:" + A.Source->text().substr(B, End - B).str();
  } else if (E.Boundary) {
    Out += "boundary:{}";
  }
  for (const std::string &M : E.Missing)
    Out += "missing:" + M;
  return Out;
}

std::string trustText(const Account &A, const Principal &P) {
  if (!P.Trust || !P.Trust->P)
    return "";
  const Policy &T = *P.Trust->P;
  if (T.Statements.empty())
    return "{}";
  uint32_t B = T.Statements.front().L.Range.Begin;
  uint32_t End = T.Statements.back().L.Range.End;
  return A.Source->text().substr(B, End - B).str();
}

/// Is there a request (matching \p Scope, when given) that \p More
/// allows and \p Less does not? The example is made the principal's own
/// request (\p As) when it still tells the two apart.
AccessChange compare(const PolicySet &More, const PolicySet &Less,
                     const AnalysisOptions &Options, const Caller *As,
                     const Policy *Scope = nullptr) {
  AccessChange Out;
  verify::VerifyOptions VO;
  VO.TimeoutMs = Options.TimeoutMs;
  verify::Verifier V(Catalog::builtin(), VO);
  verify::CheckResult R = V.exceeds(More, &Less, Scope);
  if (R.V == verify::Verdict::Pass)
    return Out;
  if (R.V == verify::Verdict::Fail && R.Cex) {
    Out.C = Change::Yes;
    Out.Example = R.Cex->R;
    Out.ShownKeys = R.Cex->ReadKeys;
    if (As) {
      Request Own = R.Cex->R;
      Own.Principal = *As;
      Own.ResourceAccount.clear();
      request::RequestModel(Catalog::builtin()).complete(Own);
      if (decide(Own, More).D == Decision::Allow &&
          decide(Own, Less).D != Decision::Allow)
        Out.Example = std::move(Own);
    }
    return Out;
  }
  Out.C = Change::Unknown;
  Out.Reason = R.Reason.empty() ? "the verifier could not decide" : R.Reason;
  return Out;
}

} // namespace

AccountDiff diffAccounts(const Account &Old, const Account &New,
                         const Guardrails &G, const AnalysisOptions &Options) {
  AccountDiff D;
  for (const Principal *P : Old.principals())
    if (!New.principalByArn(P->Arn))
      D.Removed.push_back(P->label());
  std::vector<std::pair<const Principal *, const Principal *>> Both;
  for (const Principal *P : New.principals()) {
    const Principal *Before = Old.principalByArn(P->Arn);
    if (!Before)
      D.Added.push_back(P->label());
    else
      Both.push_back({Before, P});
  }

  LoadedPolicy AllowAll = allowOnly("*", "*");
  std::vector<std::optional<PrincipalDiff>> Per(Both.size());
  parallelFor(Both.size(), Options.Jobs, [&](size_t I) {
    const auto [OP, NP] = Both[I];
    PrincipalAccess OA(Old, *OP, G), NA(New, *NP, G);
    bool SamePolicies =
        fingerprint(Old, OA.effective()) == fingerprint(New, NA.effective());
    std::string OT = trustText(Old, *OP), NT = trustText(New, *NP);
    if (SamePolicies && OT == NT)
      return;
    PrincipalDiff PD;
    PD.Label = NP->label();
    PD.Arn = NP->Arn;
    if (!SamePolicies) {
      PD.Gained =
          compare(NA.policySet(), OA.policySet(), Options, &NA.caller());
      PD.Lost = compare(OA.policySet(), NA.policySet(), Options, &NA.caller());
    }
    if (OT != NT) {
      // Who may assume the role: the trust policy as the resource policy,
      // the callers' own side allowing everything.
      auto TrustSet = [&](const Principal &R) {
        PolicySet S;
        S.Identity.push_back(AllowAll.P.get());
        S.Resource = R.Trust && R.Trust->P ? R.Trust->P.get() : nullptr;
        S.Trust = ResourceTrust::Explicit;
        return S;
      };
      PolicySet OS = TrustSet(*OP), NS = TrustSet(*NP);
      LoadedPolicy Scope = allowOnly("sts:*", NP->Arn);
      PD.TrustGained = compare(NS, OS, Options, nullptr, Scope.P.get());
      PD.TrustLost = compare(OS, NS, Options, nullptr, Scope.P.get());
    }
    Per[I] = std::move(PD);
  });
  for (auto &P : Per) {
    if (P)
      D.Changed.push_back(std::move(*P));
    else
      ++D.Unchanged;
  }
  return D;
}

void writeDiffText(const Account &Old, const Account &New, const AccountDiff &D,
                   raw_ostream &OS) {
  // Grouped by what changed, each principal with its example request.
  using Member = AccessChange PrincipalDiff::*;
  const std::pair<const char *, Member> Groups[] = {
      {"gained access", &PrincipalDiff::Gained},
      {"lost access", &PrincipalDiff::Lost},
      {"more callers may assume it", &PrincipalDiff::TrustGained},
      {"fewer callers may assume it", &PrincipalDiff::TrustLost},
  };
  if (!D.Added.empty())
    OS << "added:\n";
  for (const std::string &L : D.Added)
    OS << "  " << L << "\n";
  if (!D.Removed.empty())
    OS << "removed:\n";
  for (const std::string &L : D.Removed)
    OS << "  " << L << "\n";
  for (Change Kind : {Change::Yes, Change::Unknown}) {
    for (const auto &[Title, Field] : Groups) {
      bool First = true;
      for (const PrincipalDiff &P : D.Changed) {
        const AccessChange &C = P.*Field;
        if (C.C != Kind)
          continue;
        if (First)
          OS << (Kind == Change::Unknown ? "unknown whether " : "") << Title
             << ":\n";
        First = false;
        OS << "  " << P.Label << "\n";
        if (C.Example)
          OS << "    for example " << requestText(*C.Example, &C.ShownKeys)
             << "\n";
        if (!C.Reason.empty())
          OS << "    " << C.Reason << "\n";
      }
    }
  }
  OS << "account " << New.Id << ": " << D.Added.size() << " added, "
     << D.Removed.size() << " removed, " << D.Changed.size()
     << " with changed policies, " << D.Unchanged << " unchanged\n";
}

static Json changeJson(const AccessChange &C) {
  Json J = {{"change", C.C == Change::None  ? "no"
                       : C.C == Change::Yes ? "yes"
                                            : "unknown"}};
  if (C.Example) {
    const Request &R = *C.Example;
    Json Ctx = Json::object();
    for (const ContextValue *V : R.Context.sorted())
      Ctx[V->Name] = V->MultiValued ? Json(V->Values) : Json(V->Values[0]);
    J["example"] = {{"principal", R.Principal.Id},
                    {"action", R.Action},
                    {"resource", R.Resource},
                    {"context", Ctx}};
  }
  if (!C.Reason.empty())
    J["reason"] = C.Reason;
  return J;
}

void writeDiffJson(const Account &Old, const Account &New, const AccountDiff &D,
                   raw_ostream &OS) {
  Json J = {{"command", "diff"},
            {"account", New.Id},
            {"file", New.Source->name().str()},
            {"old", Old.Source->name().str()},
            {"added", D.Added},
            {"removed", D.Removed},
            {"unchanged", D.Unchanged}};
  Json Cs = Json::array();
  for (const PrincipalDiff &P : D.Changed)
    Cs.push_back({{"principal", P.Label},
                  {"arn", P.Arn},
                  {"gained", changeJson(P.Gained)},
                  {"lost", changeJson(P.Lost)},
                  {"trustGained", changeJson(P.TrustGained)},
                  {"trustLost", changeJson(P.TrustLost)}});
  J["changed"] = Cs;
  OS << J.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace account
} // namespace tollgate
