//===- EncoderTests.cpp - The encoding agrees with the evaluator ----------===//
///
/// \file
/// For random small policies (operators, qualifiers, IfExists, variables,
/// NotAction/NotResource, denies) and random requests built from the
/// policies' own literals, the term "the set allows the request", evaluated
/// at the request's values, equals the concrete evaluator's decision.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Encoder.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

const char *Actions[] = {"s3:GetObject",  "s3:Get*", "s3:*",
                         "ec2:Describe*", "*",       "iam:PassRole"};
const char *Resources[] = {"*",
                           "arn:aws:s3:::b/*",
                           "arn:aws:s3:::b/k",
                           "arn:aws:s3:::b/${aws:username}/*",
                           "arn:aws:ec2:*:111122223333:instance/*",
                           "arn:aws:s3:::b/?",
                           "arn:aws:s3:::b/\xC3\xA9*"};
const char *Conditions[] = {
    R"({"StringEquals": {"aws:PrincipalTag/team": "red"}})",
    R"({"StringNotEquals": {"aws:PrincipalTag/team": ["red", "blue"]}})",
    R"({"StringLike": {"s3:prefix": ["home/*", "pub?"]}})",
    R"({"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "RED"}})",
    R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}})",
    R"({"ForAllValues:StringLike": {"aws:TagKeys": "a*"}})",
    R"({"Bool": {"aws:SecureTransport": "true"}})",
    R"({"NumericLessThan": {"s3:max-keys": "10"}})",
    R"({"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})",
    R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})",
    R"({"NotIpAddress": {"aws:SourceIp": ["10.1.0.0/16", "2001:db8::/32"]}})",
    R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:t*"}})",
    R"({"Null": {"aws:PrincipalTag/team": "true"}})",
    R"({"StringEqualsIfExists": {"aws:PrincipalTag/team": "red"}})",
    R"({"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}})",
    R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:${aws:username}*"}})",
    R"({"StringLike": {"s3:prefix": "home/${aws:username}/*/x*"}})",
    R"({"StringNotLike": {"s3:prefix": "*${aws:username}*a*"}})",
    R"({"StringLike": {"aws:PrincipalTag/team": ["d?v", "?\u00e9*"]}})",
    R"({"StringNotLike": {"aws:PrincipalTag/team": "??"}})",
    R"({"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "D\u00c9V"}})",
};

const char *ReqActions[] = {"s3:GetObject", "s3:PutObject", "ec2:DescribeVpcs",
                            "iam:PassRole", "S3:getobject"};
const char *ReqResources[] = {"arn:aws:s3:::b/k",
                              "arn:aws:s3:::b/alice/x",
                              "arn:aws:s3:::c",
                              "*",
                              "arn:aws:ec2:us-east-1:111122223333:instance/i",
                              "arn:aws:s3:::b/\xC3\xA9",
                              "arn:aws:s3:::b/\xF0\x9F\x98\x80",
                              "arn:aws:s3:::b/\xC3\xA9\xE2\x82\xAC"};

struct KeyChoice {
  const char *Key;
  std::vector<const char *> Values;
};
const KeyChoice Keys[] = {
    {"aws:PrincipalTag/team",
     {"red", "RED", "blue", "", "d\xC3\xA9v", "D\xC3\x89V", "d\xC3\x89v",
      "d\xE2\x82\xACv", "d\xF0\x9F\x98\x80v", "dv", "\xC3\xA9\xC3\xA9",
      "x\xC3\xA9"}},
    {"s3:prefix",
     {"home/x", "pubs", "pub", "other", "home/alice/a/x1", "home/alice/x",
      "balicea", "home/bob//x"}},
    {"aws:TagKeys", {"a", "b", "ab", "c"}},
    {"aws:SecureTransport", {"true", "False", "yes"}},
    {"s3:max-keys", {"5", "10", "x"}},
    {"aws:CurrentTime",
     {"2019-05-01T00:00:00Z", "2021-01-01T00:00:00Z", "1700000000"}},
    {"aws:SourceIp", {"10.2.3.4", "10.1.2.3", "192.0.2.1", "2001:db8::1"}},
    {"aws:SourceArn",
     {"arn:aws:sns:us-east-1:111122223333:topic",
      "arn:aws:sns:us-east-1:999999999999:topic",
      "arn:aws:sns:us-east-1:111122223333:alice-t", "arn:aws:sns:x:y"}},
    {"aws:username", {"alice", "bob", ""}},
};

std::string randomStatement(std::mt19937 &Rng) {
  auto pick = [&](size_t N) {
    return std::uniform_int_distribution<size_t>(0, N - 1)(Rng);
  };
  std::string S = "{\"Effect\":\"";
  S += pick(4) == 0 ? "Deny" : "Allow";
  S += "\",\"";
  S += pick(5) == 0 ? "NotAction" : "Action";
  S += "\":[\"" + std::string(Actions[pick(std::size(Actions))]) + "\",\"" +
       Actions[pick(std::size(Actions))] + "\"],\"";
  S += pick(6) == 0 ? "NotResource" : "Resource";
  S += "\":\"" + std::string(Resources[pick(std::size(Resources))]) + "\"";
  if (pick(3) != 0)
    S += ",\"Condition\":" +
         std::string(Conditions[pick(std::size(Conditions))]);
  return S + "}";
}

std::string policyOf(const std::vector<std::string> &Statements) {
  std::string S = R"({"Version":"2012-10-17","Statement":[)";
  for (size_t I = 0; I < Statements.size(); ++I)
    S += (I ? "," : "") + Statements[I];
  return S + "]}";
}

std::string randomPolicy(std::mt19937 &Rng) {
  std::vector<std::string> St;
  size_t N = 1 + std::uniform_int_distribution<size_t>(0, 2)(Rng);
  for (size_t I = 0; I < N; ++I)
    St.push_back(randomStatement(Rng));
  return policyOf(St);
}

Request randomRequest(std::mt19937 &Rng) {
  auto pick = [&](size_t N) {
    return std::uniform_int_distribution<size_t>(0, N - 1)(Rng);
  };
  Request R;
  R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
  R.Action = ReqActions[pick(std::size(ReqActions))];
  R.Resource = ReqResources[pick(std::size(ReqResources))];
  for (const KeyChoice &K : Keys) {
    switch (pick(3)) {
    case 0:
      break;
    case 1:
      R.Context.set(K.Key, K.Values[pick(K.Values.size())]);
      break;
    case 2: {
      std::vector<std::string> Vs;
      size_t N = pick(3);
      for (size_t I = 0; I < N; ++I)
        Vs.push_back(K.Values[pick(K.Values.size())]);
      R.Context.setMulti(K.Key, Vs);
      break;
    }
    }
  }
  return R;
}

} // namespace

TEST_CASE("the encoding agrees with the evaluator on random requests",
          "[verify][encoder]") {
  std::mt19937 Rng(1234);
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  unsigned Compared = 0;
  for (int Round = 0; Round < 300; ++Round) {
    LoadedPolicy L = loadPolicyText("p.json", randomPolicy(Rng), LO);
    REQUIRE(L.P);
    PolicySet Set;
    Set.Identity.push_back(L.P.get());
    CompiledPolicySet CS(Set);
    TermContext Ctx;
    const Policy *Ps[] = {L.P.get()};
    Encoder Enc(Ctx, Ps);
    for (int K = 0; K < 40; ++K) {
      Request R = randomRequest(Rng);
      // Slots bound multivalued keys: skip requests larger than the model.
      bool Fits = true;
      for (const auto &KV : Enc.keys())
        if (const ContextValue *V = R.Context.lookup(KV.first))
          if (V->MultiValued && V->Values.size() > KV.second.Slots.size())
            Fits = false;
      if (!Fits)
        continue;
      Coordinate C;
      C.Action = llvm::StringRef(R.Action).lower();
      C.Principal = R.Principal;
      Term T = Enc.allowed(Set, C);
      if (!Enc.unsupported().empty() || !Enc.opaque().empty())
        break;
      Decision D = CS.decide(R).D;
      if (D == Decision::Unsupported)
        continue;
      bool Formula = Ctx.evaluateBool(T, Enc.assignmentFor(R));
      INFO("policy: " << L.Source->text().str() << "\naction " << R.Action
                      << " resource " << R.Resource);
      CHECK(Formula == (D == Decision::Allow));
      ++Compared;
    }
  }
  CHECK(Compared > 1000);
}

TEST_CASE("containment queries agree with the evaluator on policy pairs",
          "[verify][encoder]") {
  // Two policies drawn from one pool of statements, so that they share
  // statements and differ by a few: the shapes the term layer folds.
  std::mt19937 Rng(99);
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  unsigned Compared = 0, Exceeds = 0;
  for (int Round = 0; Round < 300; ++Round) {
    std::vector<std::string> Pool;
    for (int I = 0; I < 5; ++I)
      Pool.push_back(randomStatement(Rng));
    std::vector<std::string> SA, SB;
    for (const std::string &St : Pool) {
      unsigned Where = Rng() % 4; // both, A only, B only, both
      if (Where != 2)
        SA.push_back(St);
      if (Where != 1)
        SB.push_back(St);
    }
    if (SA.empty() || SB.empty())
      continue;
    LoadedPolicy LA = loadPolicyText("a.json", policyOf(SA), LO);
    LoadedPolicy LB = loadPolicyText("b.json", policyOf(SB), LO);
    REQUIRE(LA.P);
    REQUIRE(LB.P);
    PolicySet A, B;
    A.Identity.push_back(LA.P.get());
    B.Identity.push_back(LB.P.get());
    CompiledPolicySet CA(A), CB(B);
    TermContext Ctx;
    const Policy *Ps[] = {LA.P.get(), LB.P.get()};
    Encoder Enc(Ctx, Ps);
    for (int K = 0; K < 40; ++K) {
      Request R = randomRequest(Rng);
      bool Fits = true;
      for (const auto &KV : Enc.keys())
        if (const ContextValue *V = R.Context.lookup(KV.first))
          if (V->MultiValued && V->Values.size() > KV.second.Slots.size())
            Fits = false;
      if (!Fits)
        continue;
      Coordinate C;
      C.Action = llvm::StringRef(R.Action).lower();
      C.Principal = R.Principal;
      Term Q = Ctx.mkAnd(Enc.allowed(A, C), Ctx.mkNot(Enc.allowed(B, C)));
      if (!Enc.unsupported().empty() || !Enc.opaque().empty())
        break;
      Decision DA = CA.decide(R).D, DB = CB.decide(R).D;
      if (DA == Decision::Unsupported || DB == Decision::Unsupported)
        continue;
      bool Expect = DA == Decision::Allow && DB != Decision::Allow;
      bool Formula = Ctx.evaluateBool(Q, Enc.assignmentFor(R));
      INFO("A: " << LA.Source->text().str()
                 << "\nB: " << LB.Source->text().str() << "\naction "
                 << R.Action << " resource " << R.Resource);
      CHECK(Formula == Expect);
      ++Compared;
      Exceeds += Expect;
    }
  }
  CHECK(Compared > 1000);
  CHECK(Exceeds > 50);
}
