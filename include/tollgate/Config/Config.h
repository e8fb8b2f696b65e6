//===- Config.h - The .tollgate.yaml configuration file ---------*- C++ -*-===//
///
/// \file
/// A configuration file says which checks run, at what severity, with what
/// options, and which findings a team has accepted, with a reason:
///
/// \code
///   select: [ALL]
///   ignore: [IAM016, empty-value]
///   severity: {IAM101: warning}
///   per-path-ignores: {"legacy/**/*.json": [IAM016]}
///   suppress:
///     - path: break-glass/admin.json
///       sid: BreakGlass
///       rules: [IAM101]
///       reason: audited emergency access, reviewed quarterly
///   rule-options: {IAM255: {known-accounts: ["111122223333"]}}
///   fail-on: warning
///   format: github
/// \endcode
///
/// Every mistake in the file is a finding of IAM901 at its line and column;
/// the valid parts of the file still apply.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_CONFIG_H
#define TOLLGATE_CONFIG_CONFIG_H

#include "tollgate/Config/PathGlob.h"
#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Source.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include <string>
#include <utility>
#include <vector>

namespace tollgate {

namespace config {
/// IAM900 unused-suppression: a suppression that matched no finding.
extern const CheckInfo UnusedSuppression;
/// IAM901 invalid-config: a mistake in a configuration file (exit status 2).
extern const CheckInfo InvalidConfig;
/// Both, in code order.
llvm::ArrayRef<const CheckInfo *> allChecks();
} // namespace config

/// The file that tollgate looks for in a policy's directory and above.
constexpr const char ConfigFileName[] = ".tollgate.yaml";

/// A string of the configuration, with where it is written.
struct ConfigItem {
  std::string Text;
  Span Range;
};

/// One entry of `per-path-ignores`.
struct PathIgnore {
  PathGlob Glob;
  std::vector<ConfigItem> Checks;
};

/// One entry of `suppress`.
struct Suppression {
  enum TargetKind : uint8_t {
    WholeFile, ///< Neither `sid` nor `pointer`: the whole document.
    Sid,       ///< The statements with this Sid.
    Pointer,   ///< The node at this JSON pointer and everything below it.
  };
  PathGlob Path;
  TargetKind Target = WholeFile;
  std::string TargetText;
  std::vector<ConfigItem> Rules;
  std::string Reason;
  /// The entry in the configuration file (its first key).
  Span Range;
};

/// One check's `rule-options`: option names with their values (a scalar is
/// a list of one).
struct RuleOptionValues {
  const CheckInfo *Check = nullptr;
  std::vector<std::pair<std::string, std::vector<std::string>>> Options;
};

struct Config {
  /// The file as read; null for the built-in defaults.
  SourceFileRef Source;
  /// The absolute directory the file's globs are relative to.
  std::string Dir;

  std::optional<std::vector<ConfigItem>> Select;
  std::optional<std::vector<ConfigItem>> Ignore;
  std::vector<std::pair<const CheckInfo *, Severity>> Severities;
  std::vector<PathIgnore> PerPathIgnores;
  std::vector<Suppression> Suppressions;
  std::vector<RuleOptionValues> RuleOptions;
  std::optional<Severity> FailOn;
  std::optional<std::string> Format;
  /// `help-base-url`: where SARIF links the check pages to.
  std::optional<std::string> HelpBaseUrl;

  /// IAM901 findings, in the order found.
  std::vector<Diagnostic> Diags;
};

/// Parses the configuration text \p Source, whose globs are relative to the
/// absolute directory \p Dir. \p Checks are the checks it may name;
/// `rule-options` is checked against the options each check declares.
Config parseConfig(SourceFileRef Source, llvm::StringRef Dir,
                   llvm::ArrayRef<const CheckInfo *> Checks);

/// Reads the configuration file at \p Path and parses it; the findings name
/// the file \p DisplayName. A file that cannot be read yields one IAM901
/// finding without a position.
Config loadConfig(llvm::StringRef Path, llvm::StringRef DisplayName,
                  llvm::ArrayRef<const CheckInfo *> Checks);

/// Why \p Url cannot be the base URL of the check pages (it must be an
/// absolute http or https URL without white space), or None.
std::optional<std::string> helpBaseUrlProblem(llvm::StringRef Url);

/// True when the RFC 6901 pointer \p Pointer is \p Scope or below it.
bool pointerWithin(llvm::StringRef Pointer, llvm::StringRef Scope);

} // namespace tollgate

#endif // TOLLGATE_CONFIG_CONFIG_H
