//===- Parser.h - JSON document to policy IR --------------------*- C++ -*-===//

#ifndef TOLLGATE_PARSE_PARSER_H
#define TOLLGATE_PARSE_PARSER_H

#include "tollgate/Json/Value.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Diagnostic.h"

#include <memory>
#include <string>
#include <vector>

namespace tollgate {

/// Builds the IR of the policy document \p Root, read from \p Source, and
/// appends every grammar finding to \p Diags. Elements that are malformed
/// are left out of the IR after they are reported, and so is a statement
/// that lacks a required element or has an invalid Effect: IAM rejects it.
std::unique_ptr<Policy> parsePolicy(const json::Value &Root,
                                    SourceFileRef Source, PolicyType Type,
                                    std::vector<Diagnostic> &Diags);

/// Guesses the type of the policy document \p Root from its content, and
/// says why in \p Reason.
PolicyType detectPolicyType(const json::Value &Root, std::string &Reason);

} // namespace tollgate

#endif // TOLLGATE_PARSE_PARSER_H
