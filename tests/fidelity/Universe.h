//===- Universe.h - The finite universe of realistic requests ---*- C++ -*-===//
///
/// \file
/// The requests that can tell two policies apart, built from their
/// literals: every caller of Known.h; the core actions, plus the first and
/// last catalog action each action pattern matches, plus one action no
/// pattern names; for each action, a resource of each of its resource types
/// (in both accounts) and the instances of every resource pattern that have
/// one of its ARN formats (wildcards filled with ASCII and non-ASCII runs,
/// variables with each value they can take, near misses); and contexts that
/// combine, for every key the policies name, absence and the values at and
/// around each literal. The request-model rules hold for every request (the
/// harness checks this with Realism.h).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_UNIVERSE_H
#define TOLLGATE_TESTS_FIDELITY_UNIVERSE_H

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Request.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace tollgate {
namespace fidelity {

class Universe {
public:
  /// \p Policies in the normal form of PairGen. For identity policies
  /// (\p IdentityPolicies) the callers are the principals such a policy can
  /// be attached to, IAM users and role sessions, and the resources those
  /// of their own account: without a resource policy, no cross-account
  /// request is allowed.
  Universe(const std::vector<nlohmann::json> &Policies, bool IdentityPolicies,
           const Catalog &Cat);

  /// The number of requests.
  uint64_t size() const;
  /// Calls \p Fn on every request when there are at most \p Cap, else on
  /// \p Cap requests drawn with \p Rng (every caller, action and resource
  /// at least once when they fit). Stops when \p Fn returns false.
  /// Returns true when every request was visited.
  bool forEach(uint64_t Cap, std::mt19937_64 &Rng,
               llvm::function_ref<bool(const Request &)> Fn) const;

private:
  struct Dim {
    std::string Key;
    bool Multi = false;
    bool TagKey = false;     ///< Only for callers with tags.
    bool ServiceKey = false; ///< Only for the actions that support it.
    /// None: absent.
    std::vector<std::optional<std::vector<std::string>>> Options;
  };
  struct Target {
    std::string Action;
    const ActionInfo *Info = nullptr;
    std::vector<std::pair<std::string, std::string>>
        Resources; ///< ARN, account
  };

  std::vector<Caller> Callers;
  std::vector<Target> Targets;
  std::vector<int64_t> Instants;
  std::vector<std::string> SecureTransport;
  std::vector<Dim> Dims;
  bool IdentityPolicies = false;

  bool applies(const Dim &D, const Caller &C, const Target &T) const;
  bool usable(const Caller &C, const Target &T, size_t ResIdx) const;
  /// Sets the request's caller, action and resource.
  void start(const Caller &C, const Target &T, size_t ResIdx,
             Request &Out) const;
  /// Sets the context keys that vary.
  void vary(const Caller &C, const Target &T, size_t Instant, size_t Secure,
            const std::vector<size_t> &Choice, Request &Out) const;
};

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_UNIVERSE_H
