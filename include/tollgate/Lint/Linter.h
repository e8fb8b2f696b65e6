//===- Linter.h - Linting policy files --------------------------*- C++ -*-===//

#ifndef TOLLGATE_LINT_LINTER_H
#define TOLLGATE_LINT_LINTER_H

#include "tollgate/Config/ConfigSet.h"
#include "tollgate/Lint/RuleOptions.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Support/Findings.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tollgate {

class Catalog;

struct LintOptions {
  LoadOptions Load;
  /// The catalog the rules hold names against; null for the built-in one.
  const Catalog *Cat = nullptr;
  /// Worker threads; 0 means one per hardware thread.
  unsigned Jobs = 0;
  /// `--config`: this file configures every policy. Otherwise each policy's
  /// nearest `.tollgate.yaml` does (see ConfigSet.h).
  std::string ConfigFile;
  /// `--select` and `--ignore`, which replace the configuration's lists.
  SelectionOverrides Overrides;
  /// Files read as Load says even when Load.SkipNonPolicies is set (files
  /// named on the command line with `--type`).
  std::set<std::string> ReadAsIs;
};

/// One lint run: the rules, made once, and the configuration of every file,
/// each configuration file read once.
class Linter {
public:
  /// Fails when `--select` or `--ignore` names no check or the `--config`
  /// file cannot be read.
  static llvm::Expected<std::unique_ptr<Linter>>
  create(const LintOptions &Options);
  ~Linter();

  /// The configuration of the current directory (or `--config`), which
  /// gives the run its defaults (`fail-on`, `format`); null when there is
  /// no configuration file.
  const Config *runConfig();

  /// Lints every file, in parallel, and returns the findings in the order
  /// of \p Paths whatever order the work finishes in, preceded by the
  /// findings on the configuration files the run read (mistakes, unused
  /// suppressions), in the order read. With LoadOptions::SkipNonPolicies,
  /// a file that is not a policy gives an entry with FileFindings::Skipped
  /// set.
  std::vector<FileFindings> lint(llvm::ArrayRef<std::string> Paths);

  /// Lints \p Text as the content of the file at \p Path (an editor's
  /// unsaved buffer, a fixed file read again before it is written) with that
  /// path's configuration, as lint() would lint the file (a text over
  /// LoadOptions::MaxFileSize is refused as the file would be). Returns the
  /// file's findings only; leaves the suppression bookkeeping alone.
  FileFindings lintText(llvm::StringRef Path, std::string Text);

private:
  struct Impl;
  friend FileFindings lintFile(llvm::StringRef Path,
                               const LintOptions &Options);
  explicit Linter(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> I;
};

/// Reads and checks one policy file ("-" for standard input) with every
/// check at its default severity, without configuration.
FileFindings lintFile(llvm::StringRef Path, const LintOptions &Options);

/// Runs every lint rule on \p P, a policy read elsewhere (as the account
/// reader reads the documents of an account file), each rule with
/// \p Options, against \p Cat; appends the findings to \p Out.
void lintPolicy(const Policy &P, const RuleOptions &Options, const Catalog &Cat,
                std::vector<Diagnostic> &Out);

/// Every check that lint can report, in code order.
llvm::ArrayRef<const CheckInfo *> allLintChecks();

} // namespace tollgate

#endif // TOLLGATE_LINT_LINTER_H
