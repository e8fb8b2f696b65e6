//===- PairGen.h - Seeded policy pairs over a small universe ----*- C++ -*-===//
///
/// \file
/// A pair is a policy and a second policy derived from it: a rewrite that
/// keeps its meaning on every realistic request, or a mutation that usually
/// changes it. Policies use a few real actions of S3, IAM and SQS, resources
/// with `*`, `?`, non-ASCII characters, policy variables and escapes, Allow
/// and Deny, NotAction, NotResource and NotPrincipal, and conditions over
/// real keys of every family (Known.h).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_PAIRGEN_H
#define TOLLGATE_TESTS_FIDELITY_PAIRGEN_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace tollgate {
namespace fidelity {

struct PolicyPair {
  /// `rewrite:<name>` or `mutation:<name>`.
  std::string Kind;
  bool Rewrite = false;
  /// Both are resource policies (with Principal) rather than identity
  /// policies.
  bool ResourcePolicy = false;
  /// The original and the derived policy.
  nlohmann::json Original, Derived;
};

class PairGenerator {
public:
  explicit PairGenerator(uint64_t Seed) : Rng(Seed) {}
  PolicyPair next();

private:
  std::mt19937_64 Rng;

  unsigned pick(unsigned N) { return N ? unsigned(Rng() % N) : 0; }
  bool chance(double P) {
    return std::uniform_real_distribution<double>(0, 1)(Rng) < P;
  }
  template <typename T> const T &oneOf(const std::vector<T> &V) {
    return V[pick(unsigned(V.size()))];
  }

  nlohmann::json policy(bool ResourcePolicy);
  nlohmann::json statement(bool ResourcePolicy);
  void addCondition(nlohmann::json &S);
  std::string ipLiteral();

  // Transforms; each returns false when it does not apply.
  bool rewrite(nlohmann::json &P, bool ResourcePolicy, std::string &Name);
  bool mutate(nlohmann::json &P, bool ResourcePolicy, std::string &Name);
};

/// The policy as JSON text, with one-element lists written as scalars at
/// random (both forms mean the same).
std::string renderPolicy(const nlohmann::json &P, uint64_t Salt);

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_PAIRGEN_H
