//===- AllowList.h - New access a repository allows -------------*- C++ -*-===//
///
/// \file
/// The gate's allow-list (`.tollgate-gate.yaml`): actions a changed policy
/// may newly grant, each entry with the files it covers and a reason.
///
///   allow-new-access:
///     - path: roles/ci/*.json
///       policy: DeployPolicy        # optional: one policy of a template
///       actions: [s3:PutObject]
///       reason: the deploy job uploads artifacts
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_ALLOWLIST_H
#define TOLLGATE_CONFIG_ALLOWLIST_H

#include "tollgate/Config/PathGlob.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tollgate {

/// One entry of the allow-list.
struct Allowance {
  PathGlob Path;
  /// The policy's name in a template; empty for every policy of the file.
  std::string Policy;
  std::vector<std::string> Actions;
  std::string Reason;

  /// True when the entry covers policy \p PolicyName of file \p File.
  bool covers(llvm::StringRef File, llvm::StringRef PolicyName) const;
};

/// Reads the allow-list in \p Text (the file \p Name). The error says where
/// and what is wrong: `NAME:LINE:COL: why`.
llvm::Expected<std::vector<Allowance>> parseAllowList(llvm::StringRef Name,
                                                      llvm::StringRef Text);

/// Reads the allow-list file \p File.
llvm::Expected<std::vector<Allowance>> readAllowList(llvm::StringRef File);

} // namespace tollgate

#endif // TOLLGATE_CONFIG_ALLOWLIST_H
