//===- IpPrefixTests.cpp - CIDR prefixes of every length ------------------===//
///
/// \file
/// `IpAddress` with every prefix length, IPv4 0-32 and IPv6 0-128: a
/// network and its two halves are proved equivalent, a network and one half
/// are told apart by a counterexample that replays, and the encoding agrees
/// with the evaluator on random addresses.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Verify/Encoder.h"
#include "tollgate/Verify/Verify.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <random>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

using Bytes = std::array<uint8_t, 16>;

/// \p A with the bits from \p From on cleared (\p Width bits in all).
Bytes masked(Bytes A, unsigned From, unsigned Width) {
  for (unsigned I = From; I < Width; ++I)
    A[I / 8] &= static_cast<uint8_t>(~(0x80u >> (I % 8)));
  return A;
}

Bytes withBit(Bytes A, unsigned Bit) {
  A[Bit / 8] |= static_cast<uint8_t>(0x80u >> (Bit % 8));
  return A;
}

std::string format(const Bytes &A, bool V6) {
  char Buf[64];
  if (!V6) {
    std::snprintf(Buf, sizeof(Buf), "%u.%u.%u.%u", A[0], A[1], A[2], A[3]);
    return Buf;
  }
  std::string Out;
  for (unsigned I = 0; I < 16; I += 2) {
    std::snprintf(Buf, sizeof(Buf), "%s%x", I ? ":" : "", A[I] << 8 | A[I + 1]);
    Out += Buf;
  }
  return Out;
}

std::string cidr(const Bytes &A, unsigned Prefix, bool V6) {
  return format(A, V6) + "/" + std::to_string(Prefix);
}

std::string ipPolicy(const std::vector<std::string> &Nets) {
  std::string Vals;
  for (const std::string &N : Nets)
    Vals += (Vals.empty() ? "\"" : ",\"") + N + "\"";
  return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
         R"("Action":"s3:GetObject","Resource":"*","Condition":)"
         R"({"IpAddress":{"aws:SourceIp":[)" +
         Vals + "]}}}]}";
}

struct Loaded {
  LoadedPolicy L;
  PolicySet Set;
};

std::unique_ptr<Loaded> load(const std::string &Text) {
  LoadOptions LO;
  LO.Type = PolicyType::Identity;
  auto Out = std::make_unique<Loaded>();
  Out->L = loadPolicyText("p.json", Text, LO);
  REQUIRE(Out->L.P);
  Out->Set.Identity.push_back(Out->L.P.get());
  return Out;
}

Bytes randomBytes(std::mt19937 &Rng) {
  Bytes A{};
  for (uint8_t &B : A)
    B = static_cast<uint8_t>(Rng());
  return A;
}

void checkPrefixes(bool V6) {
  const unsigned Width = V6 ? 128 : 32;
  std::mt19937 Rng(V6 ? 66 : 44);
  Verifier V(Catalog::builtin());
  for (unsigned Prefix = 0; Prefix < Width; ++Prefix) {
    Bytes Net = masked(randomBytes(Rng), Prefix, Width);
    Bytes Low = Net, High = withBit(Net, Prefix);
    std::string Whole = cidr(Net, Prefix, V6);
    INFO("network " << Whole);
    auto A = load(ipPolicy({Whole}));
    auto Halves =
        load(ipPolicy({cidr(Low, Prefix + 1, V6), cidr(High, Prefix + 1, V6)}));
    auto Half = load(ipPolicy({cidr(High, Prefix + 1, V6)}));
    CheckResult R1 = V.exceeds(A->Set, &Halves->Set);
    INFO("network within halves: " << R1.Reason);
    CHECK(R1.V == Verdict::Pass);
    CheckResult R2 = V.exceeds(Halves->Set, &A->Set);
    INFO("halves within network: " << R2.Reason);
    CHECK(R2.V == Verdict::Pass);
    CheckResult R3 = V.exceeds(A->Set, &Half->Set);
    INFO("network within one half: " << R3.Reason);
    REQUIRE(R3.V == Verdict::Fail);
    REQUIRE(R3.Cex);
    // The counterexample replays: an address of the low half.
    const Request &Req = R3.Cex->R;
    CHECK(CompiledPolicySet(A->Set).decide(Req).D == Decision::Allow);
    CHECK(CompiledPolicySet(Half->Set).decide(Req).D != Decision::Allow);
    const ContextValue *Ip = Req.Context.lookup("aws:SourceIp");
    REQUIRE(Ip);
    REQUIRE(Ip->Values.size() == 1);
    auto Addr = parseIpAddress(Ip->Values.front());
    REQUIRE(Addr);
    CHECK(parseIpNetwork(Whole)->contains(*Addr));
    CHECK(parseIpNetwork(cidr(Low, Prefix + 1, V6))->contains(*Addr));
  }
}

} // namespace

TEST_CASE("IPv4 prefixes of every length split into halves", "[verify][ip]") {
  checkPrefixes(/*V6=*/false);
  // A /32 is one address; /0 is every IPv4 address and no IPv6 one.
  Verifier V(Catalog::builtin());
  auto One = load(ipPolicy({"10.1.2.3/32"})),
       Bare = load(ipPolicy({"10.1.2.3"}));
  CHECK(V.exceeds(One->Set, &Bare->Set).V == Verdict::Pass);
  CHECK(V.exceeds(Bare->Set, &One->Set).V == Verdict::Pass);
  auto All = load(ipPolicy({"0.0.0.0/0"}));
  auto Halves = load(ipPolicy({"0.0.0.0/1", "128.0.0.0/1"}));
  CHECK(V.exceeds(All->Set, &Halves->Set).V == Verdict::Pass);
  CHECK(V.exceeds(Halves->Set, &All->Set).V == Verdict::Pass);
  auto All6 = load(ipPolicy({"::/0"}));
  CheckResult R = V.exceeds(All6->Set, &All->Set);
  REQUIRE(R.V == Verdict::Fail);
  REQUIRE(R.Cex);
  CHECK(llvm::StringRef(R.Cex->R.Context.lookup("aws:SourceIp")->Values[0])
            .contains(':'));
}

TEST_CASE("IPv6 prefixes of every length split into halves", "[verify][ip]") {
  checkPrefixes(/*V6=*/true);
  // A /128 is one address.
  Verifier V(Catalog::builtin());
  auto One = load(ipPolicy({"2001:db8::7/128"}));
  auto Bare = load(ipPolicy({"2001:db8::7"}));
  CHECK(V.exceeds(One->Set, &Bare->Set).V == Verdict::Pass);
  CHECK(V.exceeds(Bare->Set, &One->Set).V == Verdict::Pass);
}

TEST_CASE("the IP encoding agrees with the evaluator on random addresses",
          "[verify][ip]") {
  std::mt19937 Rng(7);
  unsigned Compared = 0, Inside = 0;
  for (int Round = 0; Round < 300; ++Round) {
    bool V6 = Rng() % 2;
    unsigned Width = V6 ? 128 : 32;
    unsigned Prefix = Rng() % (Width + 1);
    Bytes Net = masked(randomBytes(Rng), Prefix, Width);
    auto P = load(ipPolicy({cidr(Net, Prefix, V6)}));
    CompiledPolicySet CS(P->Set);
    TermContext Ctx;
    const Policy *Ps[] = {P->L.P.get()};
    Encoder Enc(Ctx, Ps);
    for (int K = 0; K < 8; ++K) {
      // Inside the network, or one bit away from it.
      Bytes Addr = Net;
      Bytes Noise = randomBytes(Rng);
      for (unsigned I = Prefix; I < Width; ++I)
        if (Noise[I / 8] & (0x80u >> (I % 8)))
          Addr = withBit(Addr, I);
      if (Prefix > 0 && K % 2) {
        unsigned Flip = Rng() % Prefix;
        Addr[Flip / 8] ^= static_cast<uint8_t>(0x80u >> (Flip % 8));
      }
      bool OtherFamily = K == 7;
      Request R;
      R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
      R.Action = "s3:GetObject";
      R.Resource = "*";
      R.Context.set("aws:SourceIp",
                    OtherFamily ? (V6 ? "10.0.0.1" : "::1") : format(Addr, V6));
      Coordinate C;
      C.Action = "s3:getobject";
      C.Principal = R.Principal;
      Term T = Enc.allowed(P->Set, C);
      REQUIRE(Ctx.typeError().empty());
      Decision D = CS.decide(R).D;
      INFO("network " << cidr(Net, Prefix, V6) << " address "
                      << R.Context.lookup("aws:SourceIp")->Values[0]);
      CHECK(Ctx.evaluateBool(T, Enc.assignmentFor(R)) ==
            (D == Decision::Allow));
      ++Compared;
      Inside += D == Decision::Allow;
    }
  }
  CHECK(Compared == 2400);
  CHECK(Inside > 600);
  CHECK(Inside < 2000);
}
