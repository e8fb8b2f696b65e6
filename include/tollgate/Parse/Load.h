//===- Load.h - Reading policy documents ------------------------*- C++ -*-===//
///
/// \file
/// The front door of every subcommand: reads a file (or standard input) and
/// returns the policy IR together with every grammar finding. Input that
/// cannot be read as a policy at all yields findings of an input-error check
/// and no IR.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_LOAD_H
#define TOLLGATE_PARSE_LOAD_H

#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {

struct LoadOptions {
  /// The policy type; detected from the content when not given.
  llvm::Optional<PolicyType> Type;
  /// Larger files are refused before they are read.
  uint64_t MaxFileSize = 16u << 20;
};

struct LoadedPolicy {
  SourceFileRef Source;
  /// Null when the input could not be read as a policy document.
  std::unique_ptr<Policy> P;
  std::vector<Diagnostic> Diags;
  /// True when the type was detected rather than given.
  bool TypeAssumed = false;
  /// Why the detected type was chosen (for the note that says so).
  std::string TypeReason;

  bool hasInputError() const;
};

/// Reads the file at \p Path; "-" reads standard input.
LoadedPolicy loadPolicyFile(llvm::StringRef Path, const LoadOptions &Options);

/// Parses \p Text as the policy named \p Name.
LoadedPolicy loadPolicyText(llvm::StringRef Name, std::string Text,
                            const LoadOptions &Options);

} // namespace tollgate

#endif // TOLLGATE_PARSE_LOAD_H
