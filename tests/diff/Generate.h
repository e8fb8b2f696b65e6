//===- Generate.h - Seeded cases for the differential test ------*- C++ -*-===//
///
/// \file
/// A case is a set of policies in their roles plus one request. Cases come
/// from two generators: one reads real policies and builds requests around
/// their literals (the actions, resources and condition values of each
/// statement, and near misses of each), the other builds random policies
/// that use every condition operator and qualifier over a small vocabulary,
/// so that requests often match.
///
/// Policies are kept as JSON text: the same text goes to the reference
/// simulator and through tollgate's own loader.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_DIFF_GENERATE_H
#define TOLLGATE_TESTS_DIFF_GENERATE_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace tollgate {
namespace diff {

struct ContextEntry {
  std::string Key;
  bool Multi = false;
  std::vector<std::string> Values;
};

struct CaseRequest {
  std::string Principal; ///< "" for anonymous.
  std::string Action;
  std::string Resource;
  std::string ResourceAccount;
  std::vector<ContextEntry> Context;
};

/// Policy roles refer to policies of a PolicyPool by index; -1 is none.
struct Case {
  uint64_t Id = 0;
  std::vector<int> Identity;
  int Resource = -1;
  bool ResourceIsTrust = false;
  int Boundary = -1;
  std::vector<int> SCPs;
  std::vector<int> RCPs;
  int Session = -1;
  CaseRequest Request;
  /// Where the case came from ("random", or the corpus file name).
  std::string Origin;
};

struct PolicyPool {
  /// Compact JSON text of each policy.
  std::vector<std::string> Texts;
  int add(const nlohmann::json &Doc);
  int addText(std::string Text);
};

/// Reads every `*.json` file under \p Dir (sorted by name), keeping up to
/// \p Limit documents that look like policies (0 = no limit).
std::vector<std::pair<std::string, nlohmann::json>>
readCorpus(const std::string &Dir, size_t Limit);

class Generator {
public:
  explicit Generator(uint64_t Seed) : Rng(Seed) {}

  /// About \p PerPolicy requests around the literals of each corpus policy,
  /// which plays the identity role (sometimes boundary, SCP or session).
  void fromCorpus(const std::vector<std::pair<std::string, nlohmann::json>> &C,
                  unsigned PerPolicy, PolicyPool &Pool, std::vector<Case> &Out);

  /// \p Count cases with random policies in random roles.
  void random(unsigned Count, PolicyPool &Pool, std::vector<Case> &Out);

private:
  std::mt19937_64 Rng;
  uint64_t NextId = 1;

  // Helpers (Generate.cpp).
  unsigned pick(unsigned N);
  bool chance(double P);
  template <typename T> const T &oneOf(const std::vector<T> &V) {
    return V[pick(static_cast<unsigned>(V.size()))];
  }
  std::string concretize(const std::string &Pattern, bool ArnField,
                         bool ResourceField);
  std::string nearMiss(const std::string &Text, bool KeepColons);
  std::string concretizeArn(const std::string &Pattern);
  std::string valueNear(const std::string &Op, const std::string &Value,
                        bool Hit, CaseRequest &R);
  std::string resolveVars(const std::string &Text, CaseRequest &R);
  nlohmann::json randomPolicy(bool ResourcePolicy, bool ControlPolicy,
                              bool AllowOnly);
  nlohmann::json randomStatement(bool ResourcePolicy, bool ControlPolicy,
                                 bool AllowOnly);
  nlohmann::json randomCondition();
  CaseRequest randomRequest(const std::string &Caller);
  void addContext(CaseRequest &R, const std::string &Key,
                  std::vector<std::string> Values, bool Multi);
};

/// The JSON line that defines policy \p Id for simulate.mjs.
std::string policyLine(int Id, const std::string &Text);
/// The JSON line for a case, policies by id.
std::string caseLine(const Case &C);
/// A self-contained JSON object for a case (policies inline), for replay.
nlohmann::json caseReplay(const Case &C, const PolicyPool &Pool);
/// Reads a replay object back; policies are added to \p Pool.
bool caseFromReplay(const nlohmann::json &J, PolicyPool &Pool, Case &C);

} // namespace diff
} // namespace tollgate

#endif // TOLLGATE_TESTS_DIFF_GENERATE_H
