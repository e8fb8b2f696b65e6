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
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Allocator.h"
#include <optional>

#include <array>
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

struct CompiledAction {
  /// The pattern folded to lower case.
  llvm::StringRef Folded;
  /// Folded as a pattern, when it has wildcards.
  Pattern Glob;
  /// The service prefix when it has no wildcard ("" otherwise): a cheap
  /// filter before the glob.
  llvm::StringRef Service;
  bool HasWildcard = false;
  bool MatchesAll = false;
};

struct CompiledResource {
  /// The pattern, for patterns without variables or escapes.
  llvm::StringRef Text;
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

/// The action patterns of a statement with many of them, grouped by
/// service so that a request looks at its own service's patterns only.
struct ActionIndex {
  struct Bucket {
    /// Patterns without wildcards, folded: a set lookup.
    llvm::StringSet<> Exact;
    /// Indices of the patterns with wildcards after the service prefix.
    std::vector<unsigned> Globs;
  };
  llvm::StringMap<Bucket> ByService;
  /// Indices of the patterns whose service prefix has a wildcard.
  std::vector<unsigned> AnyService;
  bool MatchesAll = false;
};

struct CompiledStatement {
  const Statement *S = nullptr;
  StatementRef Ref;
  Effect Eff = Effect::Allow;
  /// Neither Action nor NotAction: the statement cannot be decided.
  bool MissingAction = false;
  bool ActionNegated = false;
  std::vector<CompiledAction> Actions;
  /// Built when there are many actions (ReadOnlyAccess lists thousands).
  std::unique_ptr<ActionIndex> Index;
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
  bool ResourceIsArn = false;
  std::array<llvm::StringRef, 6> ResourceFields;
  std::string ParentArn; ///< Caller::parentArn(), computed once.
  bool HasBoundary = false;
};

/// Evaluates one condition; \p Failed is set when it is definitely false.
Tri evalCondition(const CompiledCondition &C, const RequestContext &Ctx);

bool matchAction(const CompiledStatement &S, const RequestView &V);
bool matchResource(const CompiledStatement &S, const RequestView &V,
                   const EvalOptions &Options);
PrincipalMatch matchPrincipal(const CompiledStatement &S, const RequestView &V);

/// Compiles one policy's statements, interning folded strings in \p Arena.
CompiledPolicy compilePolicy(const Policy &P, PolicyRole Role, uint16_t Index,
                             llvm::BumpPtrAllocator &Arena);

} // namespace eval
} // namespace tollgate

#endif // TOLLGATE_LIB_EVAL_COMPILED_H
