//===- Policy.h - The policy intermediate representation --------*- C++ -*-===//
///
/// \file
/// The IR of an IAM policy document: the only thing that crosses module
/// boundaries. It is independent of any JSON library. Every node keeps a Loc:
/// its byte span in the source and its JSON pointer.
///
/// Strings are StringRefs into the source text or into the policy's own
/// arena (for strings that had JSON escapes), so a Policy owns both.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_POLICY_POLICY_H
#define TOLLGATE_POLICY_POLICY_H

#include "tollgate/Policy/Condition.h"
#include "tollgate/Policy/PolicyString.h"
#include "tollgate/Support/Source.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include <optional>

#include <string>
#include <vector>

namespace tollgate {

/// What a policy document is attached to; it decides which elements are
/// required or allowed and how the policy combines with others.
enum class PolicyType : uint8_t {
  Identity, ///< Attached to a user, group or role.
  Resource, ///< Attached to a resource (bucket, key, queue, ...).
  Trust,    ///< A role's trust policy (who may assume it).
  SCP,      ///< An AWS Organizations service control policy.
  RCP,      ///< An AWS Organizations resource control policy.
  Boundary, ///< A permissions boundary.
  Session,  ///< A session policy passed to AssumeRole or GetFederationToken.
};

llvm::StringRef policyTypeName(PolicyType T);
std::optional<PolicyType> parsePolicyType(llvm::StringRef Name);
/// Types whose statements name a Principal.
inline bool hasPrincipals(PolicyType T) {
  return T == PolicyType::Resource || T == PolicyType::Trust;
}

enum class Effect : uint8_t { Allow, Deny };

/// One entry of Action or NotAction, as written (`s3:Get*`).
struct ActionPattern {
  llvm::StringRef Text;
  Loc L;

  /// The part before the first colon (`s3`), or the whole text when there
  /// is no colon (`*`).
  llvm::StringRef service() const { return Text.split(':').first; }
  /// The part after the first colon, or "" when there is none.
  llvm::StringRef name() const { return Text.split(':').second; }
};

struct ActionElement {
  bool Present = false;
  bool Negated = false; ///< NotAction.
  Loc L;
  std::vector<ActionPattern> Patterns;
};

struct ResourceElement {
  bool Present = false;
  bool Negated = false; ///< NotResource.
  Loc L;
  std::vector<PolicyString> Patterns;
};

enum class PrincipalKind : uint8_t { AWS, Service, Federated, CanonicalUser };

llvm::StringRef principalKindName(PrincipalKind K);

struct PrincipalValue {
  PrincipalKind Kind;
  PolicyString Value;
};

struct PrincipalElement {
  bool Present = false;
  bool Negated = false; ///< NotPrincipal.
  /// The bare string form `"Principal": "*"` (everyone, anonymous included).
  bool Everyone = false;
  Loc L;
  std::vector<PrincipalValue> Values;
};

struct Statement {
  Loc L;
  bool HasSid = false;
  llvm::StringRef Sid;
  Loc SidLoc;
  Effect Eff = Effect::Allow;
  Loc EffectLoc;
  ActionElement Action;
  ResourceElement Resource;
  PrincipalElement Principal;
  bool HasCondition = false;
  Loc ConditionLoc;
  std::vector<Condition> Conditions;

  /// "Sid `X`" or "statement 3" (counting from 1), for messages.
  std::string displayName(size_t Index) const;
};

/// \p Key as one RFC 6901 reference token (`~` as `~0`, `/` as `~1`).
std::string escapePointerToken(llvm::StringRef Key);

/// One step of a JSON pointer: an object key or an array index.
struct PathStep {
  uint32_t Parent;
  int32_t Index; ///< -1 for a key step.
  llvm::StringRef Key;
};

class Policy {
public:
  Policy();
  Policy(Policy &&) = default;
  Policy &operator=(Policy &&) = default;

  /// The source the policy was read from; null for policies built in code.
  SourceFileRef Source;
  PolicyType Type = PolicyType::Identity;

  bool HasVersion = false;
  llvm::StringRef Version;
  Loc VersionLoc;
  bool HasId = false;
  llvm::StringRef Id;
  Loc IdLoc;
  std::vector<Statement> Statements;

  /// True when the policy language version supports policy variables
  /// (2012-10-17). Under 2008-10-17, or with no Version, `${...}` is text.
  bool variablesEnabled() const { return Version == "2012-10-17"; }

  /// Interns \p S in the policy's arena unless it already lives in the
  /// source text.
  llvm::StringRef own(llvm::StringRef S);

  /// Adds a pointer step below \p Parent and returns its id.
  uint32_t addPathKey(uint32_t Parent, llvm::StringRef Key);
  uint32_t addPathIndex(uint32_t Parent, int32_t Index);
  /// The RFC 6901 pointer for a path id ("" for the root).
  std::string pointer(uint32_t Path) const;

private:
  llvm::BumpPtrAllocator Arena;
  std::vector<PathStep> Paths;
};

} // namespace tollgate

#endif // TOLLGATE_POLICY_POLICY_H
