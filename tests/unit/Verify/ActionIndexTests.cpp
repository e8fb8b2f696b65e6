//===- ActionIndexTests.cpp - Statements by the actions they can match ----===//
///
/// \file
/// ActionIndex::candidates() may leave out only statements that cannot
/// match the action: on random Action and NotAction lists (wildcards in
/// service prefixes and names, mixed case) every statement that
/// statementAppliesTo() says applies is a candidate, and statements of
/// other services are not; applying() gives exactly those that apply.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/ActionIndex.h"
#include "tollgate/Verify/Subsumption.h"

#include "llvm/ADT/StringExtras.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

LoadedPolicy load(const std::vector<std::string> &Statements) {
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  LoadedPolicy L =
      loadPolicyText("p.json",
                     "{\"Version\":\"2012-10-17\",\"Statement\":[" +
                         llvm::join(Statements, ",") + "]}",
                     LO);
  REQUIRE(L.P);
  return L;
}

std::string quoted(const std::vector<std::string> &Vs) {
  std::string Out = "[";
  for (size_t I = 0; I < Vs.size(); ++I)
    Out += (I ? ",\"" : "\"") + Vs[I] + "\"";
  return Out + "]";
}

} // namespace

TEST_CASE("the action index lists the statements of the action's service") {
  LoadedPolicy L =
      load({R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})",
            R"({"Effect":"Allow","Action":["EC2:Describe*","S3:Put*"],
                "Resource":"*"})",
            R"({"Effect":"Allow","Action":"iam:*","Resource":"*"})",
            R"({"Effect":"Allow","NotAction":"s3:*","Resource":"*"})",
            R"({"Effect":"Allow","Action":"s?:List*","Resource":"*"})",
            R"({"Effect":"Deny","Action":"*","Resource":"*"})"});
  ActionIndex Index(*L.P);
  CHECK(Index.size() == 6);
  auto candidates = [&](llvm::StringRef A) {
    llvm::ArrayRef<uint32_t> C = Index.candidates(A);
    return std::vector<uint32_t>(C.begin(), C.end());
  };
  CHECK(candidates("s3:getobject") == std::vector<uint32_t>{0, 1, 3, 4, 5});
  CHECK(candidates("ec2:describeinstances") ==
        std::vector<uint32_t>{1, 3, 4, 5});
  CHECK(candidates("iam:createuser") == std::vector<uint32_t>{2, 3, 4, 5});
  CHECK(candidates("sqs:sendmessage") == std::vector<uint32_t>{3, 4, 5});
  // The answer does not depend on the questions asked before it.
  CHECK(candidates("S3:PutObject") == std::vector<uint32_t>{0, 1, 3, 4, 5});
}

TEST_CASE("every statement that applies to an action is a candidate") {
  std::mt19937 Rng(7);
  const char *Services[] = {"s3", "S3", "ec2", "iam", "s?", "*", "e*", "sqs"};
  const char *Names[] = {"GetObject", "get*", "*",    "Describe?nstances",
                         "PutObject", "?",    "List*"};
  const char *Actions[] = {
      "s3:getobject",  "s3:putobject",   "ec2:describeinstances",
      "iam:listusers", "sqs:list",       "s3:x",
      "ecr:getobject", "s4:listbuckets", "nocolon"};
  for (unsigned Round = 0; Round < 200; ++Round) {
    std::vector<std::string> Statements;
    unsigned N = 1 + Rng() % 12;
    for (unsigned I = 0; I < N; ++I) {
      std::vector<std::string> Patterns;
      unsigned K = Rng() % 4;
      for (unsigned J = 0; J < K; ++J)
        Patterns.push_back(std::string(Services[Rng() % 8]) + ":" +
                           Names[Rng() % 7]);
      if (Rng() % 10 == 0)
        Patterns.push_back("*");
      const char *Element = Rng() % 4 == 0 ? "NotAction" : "Action";
      Statements.push_back("{\"Effect\":\"Allow\",\"" + std::string(Element) +
                           "\":" + quoted(Patterns) + ",\"Resource\":\"*\"}");
    }
    LoadedPolicy L = load(Statements);
    ActionIndex Index(*L.P);
    for (const char *A : Actions) {
      std::vector<uint32_t> Applying;
      for (uint32_t I = 0; I < L.P->Statements.size(); ++I)
        if (statementAppliesTo(L.P->Statements[I], A))
          Applying.push_back(I);
      llvm::ArrayRef<uint32_t> Got = Index.applying(A);
      CHECK(std::vector<uint32_t>(Got.begin(), Got.end()) == Applying);
      llvm::ArrayRef<uint32_t> C = Index.candidates(A);
      REQUIRE(std::is_sorted(C.begin(), C.end()));
      for (uint32_t I = 0; I < L.P->Statements.size(); ++I) {
        bool Applies = statementAppliesTo(L.P->Statements[I], A);
        bool Candidate = std::binary_search(C.begin(), C.end(), I);
        INFO("statement " << Statements[I] << ", action " << A);
        CHECK((!Applies || Candidate));
        CHECK(Index.applyingFlags(A)[I] == Applies);
      }
    }
  }
}
