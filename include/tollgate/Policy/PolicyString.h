//===- PolicyString.h - Strings with policy variables -----------*- C++ -*-===//
///
/// \file
/// A string from a policy, split into text, escapes and policy variables:
/// `arn:aws:s3:::home/${aws:username}/${*}` is the text `arn:aws:s3:::home/`,
/// the variable `aws:username`, the text `/` and the escape `*` (a literal
/// asterisk, never a wildcard).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_POLICY_POLICYSTRING_H
#define TOLLGATE_POLICY_POLICYSTRING_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace tollgate {

/// Where a node came from: its byte span in the source, and its JSON pointer
/// as an id that Policy::pointer() turns into text.
struct Loc {
  Span Range;
  uint32_t Path = 0;
};

struct StringPart {
  enum PartKind : uint8_t {
    Text,     ///< Literal text; `*` and `?` in it are wildcards where the
              ///< element or operator honours wildcards.
    Escape,   ///< One literal character from `${*}`, `${?}` or `${$}`.
    Variable, ///< `${Key}` or `${Key, 'Default'}`.
  };
  PartKind K = Text;
  /// The text, the escaped character, or the variable's key.
  llvm::StringRef Value;
  bool HasDefault = false;
  llvm::StringRef Default;
};

struct PolicyString {
  /// The decoded JSON string.
  llvm::StringRef Text;
  Loc L;
  /// Empty when the string holds no `${` (or variables are disabled), in
  /// which case the whole Text is one Text part.
  std::vector<StringPart> Parts;

  bool hasVariables() const;
  /// Parts, with the implicit single Text part made explicit.
  std::vector<StringPart> parts() const;
};

} // namespace tollgate

#endif // TOLLGATE_POLICY_POLICYSTRING_H
