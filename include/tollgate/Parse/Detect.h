//===- Detect.h - Telling policies from other files -------------*- C++ -*-===//
///
/// \file
/// A repository holds many JSON and YAML files that are not policies
/// (`package.json`, CI workflows, Kubernetes manifests). Directory walks,
/// files named on the command line and the gate all decide with this one
/// rule which files tollgate reads:
///
/// - a file whose name contains `policy` is read, unless it is a `*.yaml`,
///   `*.yml` or `*.template` file (`network-policy.yaml` is a Kubernetes
///   manifest);
/// - a file that is not JSON is read when it looks like a CloudFormation
///   template (looksLikeYamlTemplate(), or the keys of a JSON template or
///   plan), valid YAML or not; other `*.yaml`, `*.yml` and `*.template`
///   files are not read;
/// - a file that is JSON is read when its top-level value is an object that
///   is a CloudFormation template or a Terraform plan, or that has a key of
///   the policy grammar: `Statement`, `Sid`, `Effect`, `Action`,
///   `NotAction`, `Resource`, `NotResource`, `Principal`, `NotPrincipal` or
///   `Condition` in any case, or `Version` as written (or in any case with a
///   policy version date as its value);
/// - any other file that is not valid JSON (or not UTF-8) is read when its
///   text holds one of those keys as a quoted JSON key (`"Statement":`).
///
/// So a broken policy is always reported, and a file that only happens to
/// be JSON or YAML is skipped. Reading errors (a missing file, one over the
/// size limit, JSON nested deeper than the reader goes) are reported
/// whatever the file is.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_DETECT_H
#define TOLLGATE_PARSE_DETECT_H

#include "tollgate/Json/Reader.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace tollgate {

/// True for the names that directory walks and the gate consider:
/// `*.json`, `*.yaml`, `*.yml` and `*.template`.
bool isPolicyFileName(llvm::StringRef Name);

/// Why the file \p Name with text \p Text is not read as a policy,
/// template or plan (see the rule above); nullopt when it is read. \p Read
/// is the text read as JSON. Text the JSON reader stopped on at a limit
/// (nesting, numbers) is read, so that the limit is reported.
std::optional<std::string> notAPolicy(llvm::StringRef Name,
                                      llvm::StringRef Text,
                                      const json::ReadResult &Read);

/// notAPolicy() for text not yet read as JSON.
std::optional<std::string> notAPolicy(llvm::StringRef Name,
                                      llvm::StringRef Text);

} // namespace tollgate

#endif // TOLLGATE_PARSE_DETECT_H
