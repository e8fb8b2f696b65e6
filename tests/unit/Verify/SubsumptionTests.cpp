//===- SubsumptionTests.cpp - Containment proved from the policy text -----===//
///
/// \file
/// SyntacticCover proves "NEW allows nothing OLD does not" for one action
/// from the text: every proof must hold on concrete requests, the index of
/// covering statements must find the one statement that covers another
/// among thousands, and past its deadline it proves nothing.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Subsumption.h"

#include "llvm/ADT/StringExtras.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

std::string statement(llvm::StringRef Effect, llvm::StringRef Action,
                      llvm::StringRef ResourceJson,
                      llvm::StringRef Condition = "") {
  std::string S = "{\"Effect\":\"" + Effect.str() + "\",\"Action\":\"" +
                  Action.str() + "\"";
  if (!ResourceJson.empty())
    S += "," + ResourceJson.str();
  if (!Condition.empty())
    S += ",\"Condition\":" + Condition.str();
  return S + "}";
}

std::string policyOf(const std::vector<std::string> &Statements) {
  return "{\"Version\":\"2012-10-17\",\"Statement\":[" +
         llvm::join(Statements, ",") + "]}";
}

LoadedPolicy load(const std::string &Text) {
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  LoadedPolicy L = loadPolicyText("p.json", Text, LO);
  REQUIRE(L.P);
  return L;
}

bool proves(const std::vector<std::string> &New,
            const std::vector<std::string> &Old,
            llvm::StringRef Action = "s3:getobject",
            Deadline Limit = Deadline()) {
  LoadedPolicy LN = load(policyOf(New)), LO = load(policyOf(Old));
  PolicySet N, O;
  N.Identity.push_back(LN.P.get());
  O.Identity.push_back(LO.P.get());
  SyntacticCover Cover(N, O, Limit);
  REQUIRE(Cover.usable());
  return Cover.provesAction(Action);
}

const char *Resources[] = {
    "",
    R"("Resource":"*")",
    R"("Resource":"arn:aws:s3:::b/*")",
    R"("Resource":"arn:aws:s3:::b/k*")",
    R"("Resource":"arn:aws:s3:::b/k")",
    R"("Resource":["arn:aws:s3:::b/k","arn:aws:s3:::c/*"])",
    R"("Resource":"arn:aws:s3:::c/*")",
    R"("Resource":"arn:aws:s3:::b/${aws:username}")",
    R"("NotResource":"arn:aws:s3:::b/k")",
    R"("NotResource":["arn:aws:s3:::b/k","arn:aws:s3:::c/*"])",
    R"("NotResource":[])",
};
const char *Actions[] = {"s3:GetObject", "s3:Get*", "s3:*", "s3:PutObject"};
const char *Conditions[] = {
    "", R"({"StringEquals":{"aws:PrincipalTag/team":"red"}})",
    R"({"Bool":{"aws:SecureTransport":"true"}})"};
const char *ReqResources[] = {"arn:aws:s3:::b/k", "arn:aws:s3:::b/kx",
                              "arn:aws:s3:::b/alice", "arn:aws:s3:::c/x",
                              "arn:aws:s3:::d"};

} // namespace

TEST_CASE("a syntactic proof holds on random requests", "[verify][cover]") {
  std::mt19937 Rng(7);
  auto pick = [&](size_t N) {
    return std::uniform_int_distribution<size_t>(0, N - 1)(Rng);
  };
  auto randomStatement = [&]() {
    return statement(pick(4) ? "Allow" : "Deny", Actions[pick(4)],
                     Resources[pick(std::size(Resources))],
                     Conditions[pick(std::size(Conditions))]);
  };
  unsigned Proofs = 0, Checked = 0;
  for (int Round = 0; Round < 2000; ++Round) {
    // Two policies from one pool, so that statements often cover others.
    std::vector<std::string> Pool, New, Old;
    for (int I = 0; I < 4; ++I)
      Pool.push_back(randomStatement());
    for (const std::string &S : Pool) {
      unsigned Where = pick(4);
      if (Where != 2)
        New.push_back(S);
      if (Where != 1)
        Old.push_back(S);
    }
    if (New.empty() || Old.empty())
      continue;
    LoadedPolicy LN = load(policyOf(New)), LO = load(policyOf(Old));
    PolicySet N, O;
    N.Identity.push_back(LN.P.get());
    O.Identity.push_back(LO.P.get());
    SyntacticCover Cover(N, O);
    REQUIRE(Cover.usable());
    if (!Cover.provesAction("s3:getobject"))
      continue;
    ++Proofs;
    CompiledPolicySet CN(N), CO(O);
    for (const char *Rsrc : ReqResources)
      for (const char *Team : {"", "red", "blue"})
        for (const char *Secure : {"true", "false"}) {
          Request R;
          R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
          R.Action = "s3:GetObject";
          R.Resource = Rsrc;
          R.Context.set("aws:SecureTransport", Secure);
          if (*Team)
            R.Context.set("aws:PrincipalTag/team", Team);
          INFO("new: " << policyOf(New) << "\nold: " << policyOf(Old)
                       << "\nresource " << Rsrc);
          if (CN.decide(R).D == Decision::Allow)
            CHECK(CO.decide(R).D == Decision::Allow);
          ++Checked;
        }
  }
  // Enough proofs that the index is exercised, not bypassed.
  CHECK(Proofs > 200);
  CHECK(Checked > 1000);
}

TEST_CASE("the covering statement is found among many", "[verify][cover]") {
  std::vector<std::string> Old, New;
  for (int I = 0; I < 5000; ++I)
    Old.push_back(statement("Allow", "s3:GetObject",
                            "\"Resource\":\"arn:aws:s3:::bucket-" +
                                std::to_string(I) + "/*\""));
  for (int I = 0; I < 5000; I += 3)
    New.push_back(statement("Allow", "s3:GetObject",
                            "\"Resource\":\"arn:aws:s3:::bucket-" +
                                std::to_string(I) + "/key\""));
  // Equal text and a prefix of the resource: covered.
  New.push_back(statement("Allow", "s3:GetObject",
                          R"("Resource":"arn:aws:s3:::bucket-17/*")"));
  CHECK(proves(New, Old));
  // One resource no statement covers is enough to prove nothing.
  std::vector<std::string> Wider = New;
  Wider.push_back(statement("Allow", "s3:GetObject",
                            R"("Resource":"arn:aws:s3:::bucket-5000/key")"));
  CHECK_FALSE(proves(Wider, Old));
  // Every resource of a statement needs a cover, not only the first.
  std::vector<std::string> Two = New;
  Two.push_back(statement(
      "Allow", "s3:GetObject",
      R"("Resource":["arn:aws:s3:::bucket-1/a","arn:aws:s3:::other/a"])"));
  CHECK_FALSE(proves(Two, Old));
}

TEST_CASE("NotResource covers by the resources it leaves out",
          "[verify][cover]") {
  auto notResource = [](const char *List) {
    return statement("Allow", "s3:GetObject",
                     std::string("\"NotResource\":") + List);
  };
  std::vector<std::string> Old;
  for (int I = 0; I < 100; ++I)
    Old.push_back(notResource(
        ("[\"arn:aws:s3:::x-" + std::to_string(I) + "\"]").c_str()));
  Old.push_back(notResource(R"(["arn:aws:s3:::a","arn:aws:s3:::b"])"));
  // Leaves out more than an old statement does: allows less.
  CHECK(proves(
      {notResource(R"(["arn:aws:s3:::b","arn:aws:s3:::c","arn:aws:s3:::a"])")},
      Old));
  // Leaves out less: may allow more.
  CHECK_FALSE(proves({notResource(R"(["arn:aws:s3:::a"])")}, Old));
}

TEST_CASE("past its deadline the cover proves nothing", "[verify][cover]") {
  std::vector<std::string> Same = {
      statement("Allow", "s3:GetObject", R"("Resource":"arn:aws:s3:::b/*")")};
  CHECK(proves(Same, Same));
  CHECK_FALSE(proves(Same, Same, "s3:getobject", Deadline::in(0)));
}
