//===- Compiled.h - Policies prepared for evaluation ------------*- C++ -*-===//
///
/// \file
/// The evaluator's private form of a policy: every pattern and condition
/// value read once (folded, split into ARN fields, parsed as a number, date
/// or network), so that deciding a request only compares.
///
/// Strings point into the policy IR (which outlives the compiled set) or
/// into the compiled set's own arena, never into std::strings that may move.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_EVAL_COMPILED_H
#define TOLLGATE_LIB_EVAL_COMPILED_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Eval/Principal.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"
#include <optional>

#include <array>
#include <cstring>
#include <memory>
#include <vector>

namespace tollgate {
namespace eval {

/// Three-valued truth: Unknown comes from constructs the evaluator cannot
/// decide.
enum class Tri : uint8_t { False, True, Unknown };

inline Tri triAnd(Tri A, Tri B) {
  if (A == Tri::False || B == Tri::False)
    return Tri::False;
  if (A == Tri::Unknown || B == Tri::Unknown)
    return Tri::Unknown;
  return Tri::True;
}

/// A string from a policy. Most strings are plain text; those with policy
/// variables or escapes keep their parts and are resolved per request.
struct CompiledString {
  llvm::StringRef Text;
  /// Text folded to lower case (for IgnoreCase operators and actions).
  llvm::StringRef Folded;
  /// Non-null when the string has variables or escapes.
  const std::vector<StringPart> *Parts = nullptr;
  bool HasWildcard = false;
};

/// A string after substituting policy variables: the text and, for each
/// character, whether it is a wildcard (only `*` and `?` written as text
/// are; those from escapes and variable values are literal).
struct ResolvedString {
  llvm::SmallString<128> Text;
  llvm::SmallVector<bool, 128> Wild;
  bool HasWildcard = false;
};

/// Substitutes the variables of \p Parts from \p Ctx into \p Out. Returns
/// false when a variable has no value and no default: then the string
/// matches nothing.
bool resolveParts(const std::vector<StringPart> &Parts,
                  const RequestContext &Ctx, ResolvedString &Out);

/// A hash of a string, for the evaluator's string indexes: the request's
/// action and service are hashed once per decision, not once per statement.
/// Eight bytes at a time, with a final mix so that every bit depends on
/// every byte (the indexes use the low bits, the service filter the high).
inline uint64_t hashString(llvm::StringRef S) {
  constexpr uint64_t K1 = 0xbf58476d1ce4e5b9ULL, K2 = 0x94d049bb133111ebULL;
  const char *P = S.data();
  size_t N = S.size();
  uint64_t H = 0x9e3779b97f4a7c15ULL ^ (N * K2);
  for (; N >= 8; P += 8, N -= 8) {
    uint64_t W;
    std::memcpy(&W, P, 8);
    H = (H ^ W) * K1;
    H ^= H >> 31;
  }
  if (N) {
    // The last bytes: the final eight (overlapping the words above), or two
    // overlapping halves, or single bytes; the length is in H already.
    uint64_t W = 0;
    if (S.size() >= 8) {
      std::memcpy(&W, S.data() + S.size() - 8, 8);
    } else if (N >= 4) {
      uint32_t Lo, Hi;
      std::memcpy(&Lo, P, 4);
      std::memcpy(&Hi, P + N - 4, 4);
      W = (static_cast<uint64_t>(Hi) << 32) | Lo;
    } else {
      W = static_cast<uint8_t>(P[0]) |
          static_cast<uint64_t>(static_cast<uint8_t>(P[N / 2])) << 8 |
          static_cast<uint64_t>(static_cast<uint8_t>(P[N - 1])) << 16;
    }
    H = (H ^ W) * K1;
    H ^= H >> 31;
  }
  H = (H ^ (H >> 29)) * K2;
  return H ^ (H >> 32);
}

/// The bit of a service's hash in a statement's service filter.
inline uint64_t serviceBit(uint64_t ServiceHash) {
  return uint64_t(1) << (ServiceHash >> 58);
}

/// Distinct strings, found by a hash computed once by the caller: a linear
/// scan of the hashes for few strings, an open-addressing table for many.
class StringIndex {
public:
  /// \p Keys must be distinct and outlive the index.
  void build(std::vector<llvm::StringRef> Keys);
  /// The position in the keys of \p S, whose hash is \p Hash, or -1.
  int find(llvm::StringRef S, uint64_t Hash) const {
    if (!Slots.empty())
      return probe(S, Hash);
    for (size_t I = 0, E = Hashes.size(); I != E; ++I)
      if (Hashes[I] == Hash && Keys[I] == S)
        return static_cast<int>(I);
    return -1;
  }
  size_t size() const { return Keys.size(); }

private:
  int probe(llvm::StringRef S, uint64_t Hash) const;

  std::vector<llvm::StringRef> Keys;
  std::vector<uint64_t> Hashes;
  /// Position + 1 of the key in each slot, 0 for none (many keys only).
  std::vector<uint32_t> Slots;
};

/// The Action or NotAction patterns of a statement, folded to lower case
/// and grouped so that a request looks at its own service's patterns only.
struct ActionMatcher {
  bool MatchesAll = false;
  /// Patterns without wildcards.
  StringIndex Exact;
  /// The services of the patterns with a wildcard after a literal service
  /// prefix; position K holds Globs[ServiceGlobs[K].first, .second).
  StringIndex Services;
  std::vector<std::pair<uint32_t, uint32_t>> ServiceGlobs;
  /// The patterns with wildcards, by service; from AnyServiceBegin on, those
  /// whose service prefix has a wildcard (or that have no colon).
  std::vector<Pattern> Globs;
  uint32_t AnyServiceBegin = 0;
  /// The serviceBit() of every service a pattern names; all bits when a
  /// pattern's service has a wildcard.
  uint64_t ServiceBits = 0;
};

struct CompiledResource {
  /// The pattern, for patterns without variables or escapes.
  ArnPatternText Arn;
  /// Non-null for patterns with variables or escapes.
  const PolicyString *Source = nullptr;
};

using CompiledPrincipal = PrincipalEntry;

struct CompiledValue {
  CompiledString Str;
  std::optional<double> Number;
  std::optional<int64_t> Date;
  std::optional<bool> Boolean;
  std::optional<IpNetwork> Network;
  /// An ARN value without variables that has all six fields.
  bool ArnValid = false;
  /// Its fields, when ArnValid.
  ArnPatternText Arn;
};

struct CompiledCondition {
  unsigned Index = 0;
  ConditionOp Op = ConditionOp::Unknown;
  OperatorFamily Family = OperatorFamily::Unknown;
  bool Negated = false;
  SetQualifier Qualifier = SetQualifier::None;
  bool IfExists = false;
  /// The condition cannot be decided (unknown operator, Null with a
  /// qualifier or IfExists).
  bool Unsupported = false;
  llvm::StringRef FoldedKey;
  std::vector<CompiledValue> Values;
};

struct CompiledStatement {
  const Statement *S = nullptr;
  StatementRef Ref;
  Effect Eff = Effect::Allow;
  /// Neither Action nor NotAction: the statement cannot be decided.
  bool MissingAction = false;
  bool ActionNegated = false;
  ActionMatcher Actions;
  /// A request whose serviceBit() is not set here cannot match the action
  /// element (all bits for NotAction and a missing Action).
  uint64_t ServiceFilter = ~uint64_t(0);
  bool ResourcePresent = false;
  bool ResourceNegated = false;
  std::vector<CompiledResource> Resources;
  bool PrincipalPresent = false;
  bool PrincipalNegated = false;
  std::vector<CompiledPrincipal> Principals;
  std::vector<CompiledCondition> Conditions;
};

struct CompiledPolicy {
  const Policy *P = nullptr;
  PolicyRole Role = PolicyRole::Identity;
  uint16_t Index = 0;
  std::vector<CompiledStatement> Statements;
};

/// The request, taken apart once per decision.
struct RequestView {
  const Request *R = nullptr;
  llvm::SmallString<64> Action; ///< Folded to lower case.
  llvm::StringRef ActionService;
  uint64_t ActionHash = 0, ServiceHash = 0; ///< hashString() of the two.
  uint64_t ServiceBit = 0;                  ///< serviceBit(ServiceHash).
  /// Whether the resource is an ARN, and its fields: split on first use,
  /// since many statements say `*`.
  bool resourceIsArn() const {
    splitResource();
    return ResourceIsArn;
  }
  const std::array<llvm::StringRef, 6> &resourceFields() const {
    splitResource();
    return ResourceFields;
  }
  /// Caller::parentArn(), computed once when a resource policy may need it.
  std::string ParentArn;
  bool HasBoundary = false;

private:
  void splitResource() const {
    if (!Split)
      ResourceIsArn = splitArn(R->Resource, ResourceFields);
    Split = true;
  }
  mutable bool Split = false, ResourceIsArn = false;
  mutable std::array<llvm::StringRef, 6> ResourceFields;
};

/// Evaluates one condition; \p Failed is set when it is definitely false.
Tri evalCondition(const CompiledCondition &C, const RequestContext &Ctx);

bool anyGlobMatches(const ActionMatcher &M, const RequestView &V);

/// Inline: it runs for most statements of every decision.
inline bool matchAction(const CompiledStatement &S, const RequestView &V) {
  const ActionMatcher &M = S.Actions;
  bool Any = M.MatchesAll || M.Exact.find(V.Action, V.ActionHash) >= 0 ||
             (!M.Globs.empty() && anyGlobMatches(M, V));
  return S.ActionNegated ? !Any : Any;
}
bool matchResource(const CompiledStatement &S, const RequestView &V,
                   const EvalOptions &Options);
PrincipalMatch matchPrincipal(const CompiledStatement &S, const RequestView &V);

/// Compiles one policy's statements, interning folded strings in \p Arena.
CompiledPolicy compilePolicy(const Policy &P, PolicyRole Role, uint16_t Index,
                             llvm::BumpPtrAllocator &Arena);

} // namespace eval
} // namespace tollgate

#endif // TOLLGATE_LIB_EVAL_COMPILED_H
