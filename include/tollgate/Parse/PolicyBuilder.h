//===- PolicyBuilder.h - Policies built rather than read --------*- C++ -*-===//
///
/// \file
/// Policies that a command states rather than reads: the identity policy
/// that allows everything (the callers of a resource policy), the one that
/// allows nothing (a policy that did not exist), and scopes that limit a
/// question to some actions and resources. They are built as IR directly,
/// with the reader's rules for policy variables in resources.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_POLICYBUILDER_H
#define TOLLGATE_PARSE_POLICYBUILDER_H

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {

/// One statement of a built policy.
struct StatementSpec {
  Effect Eff = Effect::Allow;
  /// NotAction rather than Action.
  bool NotAction = false;
  /// Action patterns; none stands for `*`.
  std::vector<std::string> Actions;
  /// Resource patterns (policy variables allowed); none stands for `*`.
  std::vector<std::string> Resources;
};

/// A policy of version 2012-10-17 with \p Statements, named \p Name where
/// a location is shown. The error names an empty pattern, an action with a
/// policy variable, or a malformed variable.
llvm::Expected<std::unique_ptr<Policy>>
buildPolicy(llvm::StringRef Name, PolicyType Type,
            llvm::ArrayRef<StatementSpec> Statements);

/// `Allow` (or `Deny`) every action on every resource.
std::unique_ptr<Policy> everythingPolicy(llvm::StringRef Name, Effect Eff);

} // namespace tollgate

#endif // TOLLGATE_PARSE_POLICYBUILDER_H
