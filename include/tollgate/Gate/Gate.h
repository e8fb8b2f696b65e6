//===- Gate.h - Changed policies: lint and no new access --------*- C++ -*-===//
///
/// \file
/// The check a pull request or a commit needs: the policy files and
/// templates changed since a revision are linted, and every changed policy
/// is proved to grant no access its version at the revision did not. New
/// access fails the gate unless an allow-list entry covers it.
///
/// A policy that did not exist at the base is compared with no policy at
/// all, so every access it grants is new. CloudFormation conditions that a
/// template's `!If`s test are Boolean parameters: the change must grant
/// nothing new under any assignment of them.
///
/// The gate's verdicts are diagnostics of two checks of their own
/// (`new-access`, `new-access-unknown`) placed on the statement that grants
/// the counterexample request, so that every reporter shows them like lint
/// findings.
///
/// The gate works on paths relative to the current directory, which is the
/// repository's root.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_GATE_GATE_H
#define TOLLGATE_GATE_GATE_H

#include "tollgate/Config/AllowList.h"
#include "tollgate/Gate/ChangeSource.h"
#include "tollgate/Lint/Checks.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Support/Findings.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {

/// True for the gate's own checks (not lint findings).
inline bool isGateCheck(const CheckInfo *C) {
  return C == &gate::NewAccess || C == &gate::NewAccessUnknown;
}

struct GateOptions {
  /// The revision to compare with, as the user named it (for messages).
  std::string Base;
  /// Only these files (relative to the root), when any are given.
  std::vector<std::string> Restrict;
  /// The lint configuration for every file; empty for discovery.
  std::string ConfigFile;
  /// The lint severity that fails the gate; else the configuration's, else
  /// security.
  std::optional<Severity> FailOn;
  bool Lint = true;
  /// Say which changed files were skipped as not policies.
  bool Verbose = false;
  unsigned TimeoutS = 10;
  /// VerifyOptions::SolverWork.
  unsigned SolverWork = 0;
  request::ModelKind Requests = request::ModelKind::Realistic;
  std::vector<Allowance> Allow;
};

/// The verdict on one changed policy.
struct PolicyOutcome {
  std::string File;
  /// The policy's name in a template; empty for a policy file.
  std::string Name;
  bool New = false;     ///< No version at the base.
  unsigned Groups = 0;  ///< Groups of new access found.
  bool Invalid = false; ///< Grammar errors, or not readable: not verified.
  verify::CheckResult R;
  std::vector<const Allowance *> Allowed;
  /// An example request of each group of new access, for a reader.
  std::string CexText;

  std::string display() const {
    return Name.empty() ? File : File + "#" + Name;
  }
  bool failed() const { return Invalid || R.V == verify::Verdict::Fail; }
  bool undecided() const { return !Invalid && R.V == verify::Verdict::Unknown; }
};

struct GateResult {
  std::string BaseCommit;
  /// The changed policy files, templates and plans that were checked.
  std::vector<std::string> Changed;
  std::vector<PolicyOutcome> Outcomes;
  /// Lint and gate findings per file, sorted.
  std::vector<FileFindings> Findings;
  Severity FailOn = Severity::Security;
  /// A lint finding at or above FailOn.
  bool LintFailed = false;
  /// An unreadable or invalid input (exit 2).
  bool InputError = false;
  /// A counterexample that did not replay (exit 4).
  bool Internal = false;
  /// The policies read, kept alive for the findings' sources.
  std::vector<std::vector<LoadedPolicy>> Loaded;

  bool failed() const;
  bool undecided() const;
};

/// Runs the gate over the changes \p Changes reports since \p Options.Base.
/// Notes (skipped files) and messages for files that lint does not report
/// go to \p Err; an error means the gate could not run.
llvm::Expected<GateResult> runGate(ChangeSource &Changes,
                                   const GateOptions &Options,
                                   llvm::raw_ostream &Err);

} // namespace tollgate

#endif // TOLLGATE_GATE_GATE_H
