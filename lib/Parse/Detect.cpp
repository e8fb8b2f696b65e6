//===- Detect.cpp - Telling policies from other files ---------------------===//

#include "tollgate/Parse/Detect.h"
#include "TemplateTree.h"
#include "tollgate/Parse/Template.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace tollgate {

/// Keys of a policy document or a statement, matched in any case: a
/// misspelt `statement` is still a broken policy.
static const char *const PolicyKeys[] = {
    "Statement", "Sid",         "Effect",    "Action",       "NotAction",
    "Resource",  "NotResource", "Principal", "NotPrincipal", "Condition"};

bool isPolicyFileName(StringRef Name) {
  return Name.endswith_insensitive(".json") || isTemplateFileName(Name);
}

static bool isPolicyKey(const json::Member &M) {
  for (const char *K : PolicyKeys)
    if (M.Key.equals_insensitive(K))
      return true;
  // `version` is common outside policies (package.json); a policy's
  // version is written `Version` or holds a policy version date.
  if (M.Key == "Version")
    return true;
  return M.Key.equals_insensitive("Version") && M.Val.isString() &&
         (M.Val.Text == "2012-10-17" || M.Val.Text == "2008-10-17");
}

/// True when \p Text holds `"Key"` followed by a colon.
static bool hasQuotedKey(StringRef Text, StringRef Key) {
  std::string Needle = ("\"" + Key + "\"").str();
  for (size_t Pos = Text.find(Needle); Pos != StringRef::npos;
       Pos = Text.find(Needle, Pos + 1))
    if (Text.substr(Pos + Needle.size()).ltrim(" \t\r\n").startswith(":"))
      return true;
  return false;
}

/// True when \p Text, not valid JSON, still has the keys of a JSON
/// template or plan.
static bool hasTemplateKeys(StringRef Text) {
  return hasQuotedKey(Text, "AWSTemplateFormatVersion") ||
         (hasQuotedKey(Text, "Resources") && Text.contains("\"AWS::")) ||
         (hasQuotedKey(Text, "format_version") &&
          hasQuotedKey(Text, "planned_values"));
}

std::optional<std::string> notAPolicy(StringRef Name, StringRef Text,
                                      const json::ReadResult &Read) {
  for (const json::ReadIssue &I : Read.Issues)
    if (I.K == json::ReadIssue::TooDeep || I.K == json::ReadIssue::NumberRange)
      return std::nullopt;
  const json::Value *Json = Read.Doc ? &Read.Doc->root() : nullptr;
  // `bucket-policy.json` is meant as a policy whatever it holds; YAML names
  // are left out (`network-policy.yaml` is a Kubernetes manifest).
  if (!isTemplateFileName(Name) &&
      sys::path::filename(Name).contains_insensitive("policy"))
    return std::nullopt;
  if (Json) {
    if (!Json->isObject())
      return std::string("JSON whose top-level value is not an object");
    if (tmpl::isCloudFormation(*Json) || tmpl::isTerraformPlan(*Json))
      return std::nullopt;
    if (any_of(Json->Members, isPolicyKey))
      return std::nullopt;
    return std::string("JSON without a policy element (`Statement`, "
                       "`Version`, ...) at its top level, and not a "
                       "CloudFormation template or Terraform plan");
  }
  if (looksLikeYamlTemplate(Text) || hasTemplateKeys(Text))
    return std::nullopt;
  if (isTemplateFileName(Name))
    return std::string("YAML that is not a CloudFormation template");
  std::string Folded = Text.lower();
  for (const char *K : PolicyKeys)
    if (hasQuotedKey(Folded, StringRef(K).lower()))
      return std::nullopt;
  if (hasQuotedKey(Text, "Version"))
    return std::nullopt;
  return std::string("not JSON, and nothing in it names a policy element");
}

std::optional<std::string> notAPolicy(StringRef Name, StringRef Text) {
  return notAPolicy(Name, Text, json::read(Text));
}

} // namespace tollgate
