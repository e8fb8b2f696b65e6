//===- WitnessTests.cpp - Counterexamples found without the solver --------===//
///
/// \file
/// The witness search finds the access a `Resource: "*"` statement adds in
/// the other partitions, and the access a `NotAction` adds to actions AWS
/// may add; KMS key actions allowed by identity policies alone need no
/// solver to be proved; a list of changed access has one example per action
/// group and kind of caller. Every example replays through the evaluator.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringRef.h"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

struct Loaded {
  LoadedPolicy L;
  PolicySet Set;
};

std::unique_ptr<Loaded> load(const std::string &Statements) {
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  auto Out = std::make_unique<Loaded>();
  Out->L = loadPolicyText(
      "p.json", R"({"Version":"2012-10-17","Statement":[)" + Statements + "]}",
      LO);
  REQUIRE(Out->L.P);
  Out->Set.Identity.push_back(Out->L.P.get());
  return Out;
}

/// \p Cx is a request that \p A allows and \p B does not.
void replays(const Counterexample &Cx, const Loaded &A, const Loaded &B) {
  INFO("action " << Cx.R.Action << ", resource " << Cx.R.Resource);
  CHECK(CompiledPolicySet(A.Set).decide(Cx.R).D == Decision::Allow);
  CHECK(CompiledPolicySet(B.Set).decide(Cx.R).D != Decision::Allow);
}

} // namespace

TEST_CASE("a resource of another partition is a witness", "[verify][witness]") {
  auto Old = load(R"({"Effect":"Allow","Action":"ec2:DeleteVolume",
                      "Resource":"arn:aws:ec2:*:*:volume/*"})");
  auto New = load(R"({"Effect":"Allow","Action":"ec2:DeleteVolume",
                      "Resource":"*"})");
  Verifier V(Catalog::builtin());
  CheckResult R = V.exceeds(New->Set, &Old->Set);
  REQUIRE(R.V == Verdict::Fail);
  REQUIRE(R.Cex);
  CHECK(R.Stats.WitnessHits == 1);
  CHECK(R.Stats.SolverCalls == 0);
  CHECK_FALSE(llvm::StringRef(R.Cex->R.Resource).startswith("arn:aws:"));
  replays(*R.Cex, *New, *Old);
  // The other way round nothing is gained.
  CHECK(V.exceeds(Old->Set, &New->Set).V == Verdict::Pass);
}

TEST_CASE("actions AWS may add in a service the baseline does not name",
          "[verify][witness]") {
  auto Old = load(R"({"Effect":"Allow","Action":["ec2:*","s3:Get*"],
                      "Resource":"*"})");
  auto New = load(R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
                     {"Effect":"Allow","Action":["ec2:*","s3:Get*"],
                      "Resource":"*"})");
  Verifier V(Catalog::builtin());
  CheckResult Summary;
  std::vector<Counterexample> All =
      V.regions(New->Set, &Old->Set, 100000, Summary);
  CHECK(Summary.Reason.empty());
  const Counterexample *Future = nullptr;
  for (const Counterexample &Cx : All)
    if (Cx.FutureAction)
      Future = &Cx;
  REQUIRE(Future);
  CHECK_FALSE(Future->FromSolver);
  CHECK(Catalog::builtin().action(Future->R.Action) == nullptr);
  // The example reads as AWS would send it: an ARN of the action's service.
  llvm::StringRef Service = llvm::StringRef(Future->R.Action).split(':').first;
  CHECK(llvm::StringRef(Future->R.Resource)
            .startswith(("arn:aws:" + Service + ":").str()));
  replays(*Future, *New, *Old);
}

TEST_CASE("identity policies alone grant nothing on KMS keys, without the "
          "solver",
          "[verify][witness]") {
  auto None = load(R"({"Effect":"Allow","Action":"s3:GetObject",
                       "Resource":"*"})");
  auto Keys = load(R"({"Effect":"Allow","Action":["kms:Decrypt",
                       "kms:Encrypt"],"Resource":"*"})");
  Verifier V(Catalog::builtin());
  CheckResult R = V.exceeds(Keys->Set, &None->Set);
  CHECK(R.V == Verdict::Pass);
  CHECK(R.Stats.SolverCalls == 0);
}

TEST_CASE("a list of changed access has one example per action group and "
          "kind of caller",
          "[verify][regions]") {
  // The condition on the caller's account makes the verifier consider
  // callers of several accounts, and of two kinds (users, role sessions).
  auto Old = load(R"({"Effect":"Allow","Action":"s3:GetObject",
                      "Resource":"*","Condition":{"StringEquals":
                      {"aws:PrincipalAccount":"444455556666"}}})");
  auto New = load(R"({"Effect":"Allow","Action":["s3:GetObject",
                      "sqs:SendMessage","sns:Publish"],"Resource":"*"})");
  Verifier V(Catalog::builtin());
  CheckResult Summary;
  std::vector<Counterexample> All =
      V.regions(New->Set, &Old->Set, 100000, Summary);
  REQUIRE(Summary.V == Verdict::Fail);
  std::map<std::pair<std::string, CallerKind>, unsigned> PerGroupAndKind;
  std::set<std::string> Groups;
  for (const Counterexample &Cx : All) {
    replays(Cx, *New, *Old);
    REQUIRE_FALSE(Cx.GroupActions.empty());
    ++PerGroupAndKind[{Cx.GroupActions.front(), Cx.R.Principal.Kind}];
    Groups.insert(Cx.GroupActions.front());
  }
  for (const auto &KV : PerGroupAndKind) {
    INFO("group of " << KV.first.first);
    CHECK(KV.second == 1);
  }
  CHECK(Groups.size() >= 3);

  // --max counts action groups, not examples.
  std::vector<Counterexample> Two = V.regions(New->Set, &Old->Set, 2, Summary);
  std::set<std::string> Listed;
  for (const Counterexample &Cx : Two)
    Listed.insert(Cx.GroupActions.front());
  CHECK(Listed.size() == 2);
  CHECK(llvm::StringRef(Summary.Reason).contains("at most 2 action groups"));
}
