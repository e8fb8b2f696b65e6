//===- TemplateTree.h - Building located JSON trees -------------*- C++ -*-===//
///
/// \file
/// Helpers shared by the template readers: building json::Value trees in a
/// template's arena, reading YAML into such a tree, and finding the
/// policies of CloudFormation templates and Terraform plans.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_PARSE_TEMPLATETREE_H
#define TOLLGATE_LIB_PARSE_TEMPLATETREE_H

#include "tollgate/Parse/Template.h"

#include "llvm/ADT/STLFunctionalExtras.h"

namespace tollgate {
namespace tmpl {

/// Makes values that live in a template's arena.
class TreeBuilder {
public:
  explicit TreeBuilder(Template &T) : T(T) {}

  llvm::StringRef save(llvm::StringRef S);
  /// `${Key}`, or `{{Key}}` for literal placeholders.
  std::string placeholder(llvm::StringRef Key) const;
  /// The ARN of the function \p Name of the template's account and region.
  std::string lambdaArn(llvm::StringRef Name) const;
  json::Value string(llvm::StringRef S, Span Range);
  json::Value array(const std::vector<json::Value> &Elements, Span Range);
  json::Value object(const std::vector<json::Member> &Members, Span Range);
  json::Value *copy(const json::Value &V);
  /// A deep copy of \p V with every span passed through \p Map.
  json::Value remap(const json::Value &V,
                    llvm::function_ref<uint32_t(uint32_t)> Map);

  Template &T;
};

/// Reads \p Text as YAML into a located tree. Tags of CloudFormation
/// short-form intrinsics (`!Ref X`) become the long form (`{"Ref": "X"}`).
/// Returns null and sets the template's error on invalid YAML.
const json::Value *readYaml(llvm::StringRef Text, TreeBuilder &B);

/// True when \p Root has the shape of a CloudFormation template.
bool isCloudFormation(const json::Value &Root);
/// True when \p Root has the shape of a Terraform plan.
bool isTerraformPlan(const json::Value &Root);

void extractCloudFormation(const json::Value &Root, llvm::StringRef Text,
                           TreeBuilder &B);
void extractTerraform(const json::Value &Root, llvm::StringRef Text,
                      TreeBuilder &B);

/// Reads the JSON string value \p V of the file \p Text as a policy
/// document, mapping spans through the string's escapes. Sets P.Root (null
/// when the text is not JSON) and P.Issues.
void readEmbeddedJson(const json::Value &V, llvm::StringRef Text,
                      TemplatePolicy &P, TreeBuilder &B);

} // namespace tmpl
} // namespace tollgate

#endif // TOLLGATE_LIB_PARSE_TEMPLATETREE_H
