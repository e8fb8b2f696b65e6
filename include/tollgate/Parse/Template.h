//===- Template.h - Policies inside infrastructure code ---------*- C++ -*-===//
///
/// \file
/// Most policies are not bare JSON files: they live inside CloudFormation
/// templates (JSON or YAML) and Terraform plans. This module finds them and
/// hands each one to the policy parser as a located JSON tree whose spans
/// point into the ORIGINAL file, so findings land on the template's lines.
///
/// CloudFormation intrinsic functions are computed when the stack is
/// deployed, so tollgate cannot know their values. Each becomes a
/// placeholder written as a policy variable, which every check already
/// treats as "any text here":
///
///   `!Ref Name`             -> `${Name}`
///   `!GetAtt Res.Attr`      -> `${Res.Attr}`  (the spelling of `!Sub`)
///   `!Sub 'arn:...${X}...'` -> the template text, `${X}` kept and `${!Lit}`
///                              turned into the literal `${Lit}`
///   `!Sub [T, {X: V}]`      -> the text T with `${X}` replaced by V
///   `!Join [D, [a, !Ref B]]`-> `a` D `${B}`
///   `!ImportValue N`        -> `${ImportValue:N}`
///   `!FindInMap [M, K1, K2]`-> `${FindInMap:M.K1.K2}`
///   `!If [C, A, B]`         -> the branch that is not `AWS::NoValue`, the
///                              true branch when both are values (structure
///                              such as whole statements), or a placeholder
///                              when both are different strings
///   `!Select [I, [...]]`    -> the element when index and list are literal
///
/// A placeholder stands for its expression: two are the same text only when
/// their expressions are the same. Where no literal name says that exactly
/// (`!ImportValue !Sub ...`, `!Join` of computed parts, other functions),
/// the name is the function and a digest of the whole expression:
/// `${Fn::Base64:1A2B...}`.
///
/// A placeholder cannot be mistaken for a literal ARN (`${...}` is not an
/// ARN prefix), and the reference checks read a variable as a wildcard.
/// The spans of computed values are recorded: a finding that lies wholly
/// inside a value whose every character is computed (`!Ref`, `!GetAtt`, ...)
/// is about text tollgate made up and is dropped; inside a partly literal
/// value (`!Sub`, `!Join`) only the findings about policy-variable syntax
/// are dropped.
///
/// Terraform plans (`terraform show -json`) hold each policy as a JSON
/// string inside JSON. Offsets in the decoded string are mapped back
/// through the escapes, so positions are exact in the plan file.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_PARSE_TEMPLATE_H
#define TOLLGATE_PARSE_TEMPLATE_H

#include "tollgate/Json/Reader.h"
#include "tollgate/Json/Value.h"
#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tollgate {

enum class TemplateKind : uint8_t { CloudFormation, TerraformPlan };

/// "CloudFormation template" or "Terraform plan".
llvm::StringRef templateKindName(TemplateKind K);

/// A value of the template that is computed at deployment time.
struct ComputedSpan {
  Span Range;
  /// Every character is computed (`!Ref`, `!GetAtt`); otherwise the value
  /// mixes literal text and placeholders (`!Sub`, `!Join`).
  bool Whole = true;
};

/// A value of the template that exists only under a CloudFormation
/// condition: a branch of `!If [Condition, A, B]`.
struct ConditionalSpan {
  Span Range;
  std::string Condition;
  /// The value of the condition under which the value exists.
  bool Holds = true;
};

/// Values for CloudFormation conditions, by name.
using ConditionAssignment = std::map<std::string, bool>;

/// One policy document found in a template.
struct TemplatePolicy {
  /// `Resources.MyRole.Properties.Policies[0].PolicyDocument`, or the
  /// Terraform address and attribute: `module.app.aws_iam_role.r.policy`.
  std::string Name;
  /// The CloudFormation logical id or the Terraform resource address.
  std::string Resource;
  /// The resource type (`AWS::IAM::Role`, `aws_iam_role`).
  std::string ResourceType;
  PolicyType Type = PolicyType::Identity;
  /// The located tree, spans into the template's text.
  const json::Value *Root = nullptr;
  /// The key that holds the document (`PolicyDocument`, `policy`).
  Span NameRange;
  /// Built from a resource that is not a policy document
  /// (`AWS::Lambda::Permission`, `aws_lambda_permission`).
  bool Synthesized = false;
  /// Problems reading a policy given as a JSON string, at template spans.
  std::vector<json::ReadIssue> Issues;
};

/// A place where a template does not have the structure of its kind (a
/// Terraform plan whose `values` is null): the template cannot be read as
/// a whole.
struct TemplateProblem {
  Span Range;
  std::string Message;
};

/// What a template holds. Owns every tree its policies point into.
struct Template {
  TemplateKind Kind = TemplateKind::CloudFormation;
  std::vector<TemplatePolicy> Policies;
  std::vector<ComputedSpan> Computed;
  std::vector<ConditionalSpan> Conditional;
  /// The conditions that `!If` tests inside the policies, sorted.
  std::vector<std::string> ConditionNames;
  std::vector<TemplateProblem> Problems;
  /// Policies of the template that tollgate does not check, and why (a
  /// policy known only after `terraform apply`).
  std::vector<std::string> Notes;
  /// When set, `!If` takes the branch of each condition named here.
  const ConditionAssignment *Assignment = nullptr;
  /// Placeholders are written `{{Name}}`, as literal text, rather than as
  /// policy variables (see readTemplate()).
  bool LiteralPlaceholders = false;
  /// Set when the file looked like a YAML template but is not valid YAML.
  bool SyntaxError = false;
  enum class ReadError : uint8_t { Syntax, Encoding, TooDeep };
  ReadError ErrorKind = ReadError::Syntax;
  Span ErrorRange;
  std::string ErrorMessage;

  // Storage.
  llvm::BumpPtrAllocator Arena;
  std::vector<std::unique_ptr<json::Document>> Docs;
  std::deque<std::string> Texts;
};

/// True for names that may hold a YAML CloudFormation template
/// (`*.yaml`, `*.yml`, `*.template`).
bool isTemplateFileName(llvm::StringRef Name);

/// Reads \p Text (the file \p Name) as a template. Returns null when it is
/// neither a CloudFormation template nor a Terraform plan: an object with
/// `AWSTemplateFormatVersion` or with `Resources` whose entries have a
/// `Type` of `AWS::...`, or an object with `format_version` and
/// `planned_values`. \p Json is the file read as JSON, if it was JSON;
/// otherwise the text is read as YAML.
///
/// With \p LiteralPlaceholders, computed values are written as the literal
/// text `{{Name}}` instead of `${Name}`. The verifier then compares two
/// versions of a template with each computed value held fixed (the same
/// `!GetAtt Bucket.Arn` is the same unknown ARN in both), where a policy
/// variable would stand for any value of a request.
///
/// With \p Assignment, each `!If` on a condition it names takes the branch
/// of that condition's value (the verifier treats conditions as Boolean
/// parameters of the template); otherwise the true branch, or the one that
/// is not `AWS::NoValue`.
std::unique_ptr<Template>
readTemplate(llvm::StringRef Text, llvm::StringRef Name,
             const json::Value *Json, bool LiteralPlaceholders = false,
             const ConditionAssignment *Assignment = nullptr);

/// True when \p Text looks like a YAML CloudFormation template: a top-level
/// `AWSTemplateFormatVersion:` or `Resources:` key whose entries have a
/// `Type: AWS::` (read cheaply, for directory walks).
bool looksLikeYamlTemplate(llvm::StringRef Text);

} // namespace tollgate

#endif // TOLLGATE_PARSE_TEMPLATE_H
