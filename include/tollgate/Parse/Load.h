//===- Load.h - Reading policy documents ------------------------*- C++ -*-===//
///
/// \file
/// The front door of every subcommand: reads a file (or standard input) and
/// returns the policy IR together with every grammar finding. Input that
/// cannot be read as a policy at all yields findings of an input-error check
/// and no IR.
///
/// A file may also be a CloudFormation template or a Terraform plan, which
/// holds any number of policies (Template.h). loadPolicies() returns each
/// of them, with spans into the template; loadPolicyFile() accepts
/// `FILE#NAME` to pick one of them, and a template that holds exactly one
/// policy stands for it.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_LOAD_H
#define TOLLGATE_PARSE_LOAD_H

#include "tollgate/Parse/Template.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {

struct LoadOptions {
  /// The policy type; detected from the content when not given.
  std::optional<PolicyType> Type;
  /// Larger files are refused before they are read.
  uint64_t MaxFileSize = 16u << 20;
  /// Write the computed values of templates as literal `{{Name}}` text
  /// rather than as policy variables (see readTemplate()): for comparing
  /// two versions of a template.
  bool LiteralPlaceholders = false;
  /// Values for the CloudFormation conditions of templates (see
  /// readTemplate()).
  const ConditionAssignment *Conditions = nullptr;
  /// Leave out a file that is not a policy, template or plan (Detect.h)
  /// instead of reporting it as a broken policy. Standard input is always
  /// read.
  bool SkipNonPolicies = false;
};

/// Where a policy found in a template sits.
struct EmbeddedPolicy {
  TemplateKind Kind = TemplateKind::CloudFormation;
  /// `Resources.MyRole.Properties.Policies[0].PolicyDocument`, or the
  /// Terraform address and attribute.
  std::string Name;
  std::string Resource, ResourceType;
  /// The key that holds the document, for the note that names the policy.
  Span NameRange;
  bool Synthesized = false;
  /// The template's computed values (shared by its policies).
  std::shared_ptr<const std::vector<ComputedSpan>> Computed;
  /// The values that exist only under a condition, and the conditions
  /// that `!If` tests in the template's policies.
  std::shared_ptr<const std::vector<ConditionalSpan>> Conditional;
  std::vector<std::string> ConditionNames;
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
  /// Set for a policy found in a template.
  std::optional<EmbeddedPolicy> Embedded;
  /// Notes about the file as a whole (policies of a template that are not
  /// checked), on the first entry of a file.
  std::vector<std::string> FileNotes;
  /// With LoadOptions::SkipNonPolicies, why the file was left out: it is
  /// not a policy, template or plan. Such an entry has no findings.
  std::optional<std::string> Skipped;

  bool hasInputError() const;
};

/// Prints \p D of \p L as one line, `FILE:LINE:COL: error: MESSAGE [CODE
/// name]`, as the commands that refuse a policy with errors report it.
/// \p Path names the input when it could not be read.
void printLoadError(const LoadedPolicy &L, llvm::StringRef Path,
                    const Diagnostic &D, llvm::raw_ostream &OS);

/// Reads the file at \p Path; "-" reads standard input.
LoadedPolicy loadPolicyFile(llvm::StringRef Path, const LoadOptions &Options);

/// Parses \p Text as the policy named \p Name.
LoadedPolicy loadPolicyText(llvm::StringRef Name, std::string Text,
                            const LoadOptions &Options);

/// Reads every policy of the file at \p Path: one entry for a policy file,
/// one per policy for a template (templates ignore Options.Type: each
/// resource says what its policies are). A template without policies, or
/// one that cannot be read, gives one entry without a policy. Every entry
/// shares the file's SourceFile.
std::vector<LoadedPolicy> loadPolicies(llvm::StringRef Path,
                                       const LoadOptions &Options);

/// loadPolicies() for text already in memory.
std::vector<LoadedPolicy> loadPoliciesText(llvm::StringRef Name,
                                           std::string Text,
                                           const LoadOptions &Options);

/// Finishes findings on a policy found in a template: drops those about
/// values the template computes (see Template.h) and adds a note that names
/// the policy. Does nothing for a policy file. loadPolicies() has done this
/// for the loader's own findings; call it on the findings of later checks.
void placeEmbeddedFindings(const LoadedPolicy &L,
                           std::vector<Diagnostic> &Diags);

} // namespace tollgate

#endif // TOLLGATE_PARSE_LOAD_H
