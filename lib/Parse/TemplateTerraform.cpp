//===- TemplateTerraform.cpp - Policies of Terraform plans ----------------===//
//
// `terraform show -json PLAN` lists the planned resources under
// `planned_values.root_module` and its nested `child_modules`. Policies are
// attributes holding JSON text; a value Terraform cannot know before the
// apply is left out of `values`, so such a policy is not linted.
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace tmpl {

bool isTerraformPlan(const json::Value &Root) {
  return Root.isObject() && Root.get("format_version") &&
         Root.get("planned_values");
}

namespace {

struct PolicyAttribute {
  const char *ResourceType;
  const char *Attribute;
  PolicyType Type;
};

const PolicyAttribute Attributes[] = {
    {"aws_iam_policy", "policy", PolicyType::Identity},
    {"aws_iam_role", "assume_role_policy", PolicyType::Trust},
    {"aws_iam_role_policy", "policy", PolicyType::Identity},
    {"aws_iam_user_policy", "policy", PolicyType::Identity},
    {"aws_iam_group_policy", "policy", PolicyType::Identity},
    {"aws_s3_bucket_policy", "policy", PolicyType::Resource},
    {"aws_sqs_queue_policy", "policy", PolicyType::Resource},
    {"aws_sns_topic_policy", "policy", PolicyType::Resource},
    {"aws_kms_key", "policy", PolicyType::Resource},
    {"aws_secretsmanager_secret_policy", "policy", PolicyType::Resource},
    {"aws_ecr_repository_policy", "policy", PolicyType::Resource},
    {"aws_efs_file_system_policy", "policy", PolicyType::Resource},
    {"aws_opensearch_domain_policy", "access_policies", PolicyType::Resource},
    {"aws_elasticsearch_domain_policy", "access_policies",
     PolicyType::Resource},
    {"aws_cloudwatch_log_resource_policy", "policy_document",
     PolicyType::Resource},
    {"aws_backup_vault_policy", "policy", PolicyType::Resource},
    {"aws_s3_access_point", "policy", PolicyType::Resource},
    {"aws_glacier_vault", "access_policy", PolicyType::Resource},
};

class TerraformExtractor {
public:
  TerraformExtractor(StringRef Text, TreeBuilder &B) : Text(Text), B(B) {}

  void module(const json::Value &M, unsigned Depth);

private:
  void resource(const json::Value &R);
  void addString(const json::Member &Attr, TemplatePolicy P);
  void addLambdaPermission(const json::Value &Values, StringRef Address,
                           Span NameRange);

  StringRef Text;
  TreeBuilder &B;
};

void TerraformExtractor::module(const json::Value &M, unsigned Depth) {
  if (!M.isObject() || Depth > 64)
    return;
  if (const json::Value *Resources = M.get("resources"))
    if (Resources->isArray())
      for (const json::Value &R : Resources->Elements)
        resource(R);
  if (const json::Value *Children = M.get("child_modules"))
    if (Children->isArray())
      for (const json::Value &C : Children->Elements)
        module(C, Depth + 1);
}

void TerraformExtractor::resource(const json::Value &R) {
  if (!R.isObject())
    return;
  const json::Value *Type = R.get("type");
  const json::Value *Address = R.get("address");
  const json::Value *Values = R.get("values");
  const json::Value *Mode = R.get("mode");
  if (!Type || !Type->isString() || !Address || !Address->isString() ||
      !Values || !Values->isObject() ||
      (Mode && Mode->isString() && Mode->Text != "managed"))
    return;
  Span AddressRange = Address->Range;
  if (Type->Text == "aws_lambda_permission") {
    addLambdaPermission(*Values, Address->Text, AddressRange);
    return;
  }
  for (const PolicyAttribute &A : Attributes) {
    if (Type->Text != A.ResourceType)
      continue;
    for (const json::Member &M : Values->Members) {
      if (M.Key != A.Attribute)
        continue;
      TemplatePolicy P;
      P.Name = (Address->Text + "." + A.Attribute).str();
      P.Resource = Address->Text.str();
      P.ResourceType = Type->Text.str();
      P.Type = A.Type;
      addString(M, std::move(P));
    }
  }
  if (Type->Text != "aws_iam_role")
    return;
  const json::Value *Inline = Values->get("inline_policy");
  if (!Inline || !Inline->isArray())
    return;
  for (size_t I = 0; I < Inline->Elements.size(); ++I) {
    const json::Value &E = Inline->Elements[I];
    if (!E.isObject())
      continue;
    for (const json::Member &M : E.Members) {
      if (M.Key != "policy")
        continue;
      TemplatePolicy P;
      P.Name =
          (Address->Text + ".inline_policy[" + Twine(I) + "].policy").str();
      P.Resource = Address->Text.str();
      P.ResourceType = Type->Text.str();
      P.Type = PolicyType::Identity;
      addString(M, std::move(P));
    }
  }
}

void TerraformExtractor::addString(const json::Member &Attr, TemplatePolicy P) {
  // An empty string is "no policy" (an inline_policy block without one).
  if (!Attr.Val.isString() || Attr.Val.Text.trim().empty())
    return;
  P.NameRange = Attr.KeyRange;
  readEmbeddedJson(Attr.Val, Text, P, B);
  if (P.Root || !P.Issues.empty())
    B.T.Policies.push_back(std::move(P));
}

/// The statement an `aws_lambda_permission` adds to the function's policy;
/// each element takes the span of the attribute it comes from.
void TerraformExtractor::addLambdaPermission(const json::Value &Values,
                                             StringRef Address,
                                             Span NameRange) {
  auto attr = [&](StringRef Name) -> const json::Value * {
    const json::Value *V = Values.get(Name);
    return V && V->isString() && !V->Text.empty() ? V : nullptr;
  };
  const json::Value *Action = attr("action");
  const json::Value *Function = attr("function_name");
  const json::Value *Principal = attr("principal");
  if (!Action || !Function || !Principal)
    return;
  Span Whole = Values.Range;
  std::vector<json::Member> Statement;
  auto member = [&](StringRef Key, json::Value V) {
    Statement.push_back({B.save(Key), V.Range, V});
  };
  // A Sid takes letters and digits only.
  std::string Sid;
  for (char C : Address)
    if (isAlnum(C))
      Sid += C;
  member("Sid", B.string(Sid, Whole));
  member("Effect", B.string("Allow", Whole));
  if (Principal->Text == "*") {
    member("Principal", *Principal);
  } else {
    bool Service = Principal->Text.endswith(".amazonaws.com") ||
                   Principal->Text.endswith(".amazon.com");
    member("Principal",
           B.object({json::Member{B.save(Service ? "Service" : "AWS"),
                                  Principal->Range, *Principal}},
                    Principal->Range));
  }
  member("Action", *Action);
  json::Value Resource = *Function;
  if (!Function->Text.startswith("arn:")) {
    B.T.Computed.push_back({Function->Range, false});
    Resource = B.string(B.lambdaArn(Function->Text), Function->Range);
  }
  if (const json::Value *Q = attr("qualifier"))
    if (Resource.Text.count(':') == 6)
      Resource =
          B.string((Resource.Text + ":" + Q->Text).str(), Resource.Range);
  member("Resource", Resource);
  std::vector<json::Member> ArnLike, Equals;
  if (const json::Value *V = attr("source_arn"))
    ArnLike.push_back({B.save("AWS:SourceArn"), V->Range, *V});
  if (const json::Value *V = attr("source_account"))
    Equals.push_back({B.save("AWS:SourceAccount"), V->Range, *V});
  if (const json::Value *V = attr("principal_org_id"))
    Equals.push_back({B.save("aws:PrincipalOrgID"), V->Range, *V});
  if (const json::Value *V = attr("event_source_token"))
    Equals.push_back({B.save("lambda:EventSourceToken"), V->Range, *V});
  if (const json::Value *V = attr("function_url_auth_type"))
    Equals.push_back({B.save("lambda:FunctionUrlAuthType"), V->Range, *V});
  if (!ArnLike.empty() || !Equals.empty()) {
    std::vector<json::Member> Ops;
    if (!ArnLike.empty())
      Ops.push_back({B.save("ArnLike"), Whole, B.object(ArnLike, Whole)});
    if (!Equals.empty())
      Ops.push_back({B.save("StringEquals"), Whole, B.object(Equals, Whole)});
    member("Condition", B.object(Ops, Whole));
  }
  json::Value Doc = B.object(
      {json::Member{B.save("Version"), Whole, B.string("2012-10-17", Whole)},
       json::Member{B.save("Statement"), Whole,
                    B.array({B.object(Statement, Whole)}, Whole)}},
      Whole);
  TemplatePolicy P;
  P.Name = Address.str();
  P.Resource = Address.str();
  P.ResourceType = "aws_lambda_permission";
  P.Type = PolicyType::Resource;
  P.Root = B.copy(Doc);
  P.Synthesized = true;
  P.NameRange = NameRange;
  B.T.Policies.push_back(std::move(P));
}

} // namespace

void extractTerraform(const json::Value &Root, StringRef Text, TreeBuilder &B) {
  B.T.Kind = TemplateKind::TerraformPlan;
  const json::Value *Planned = Root.get("planned_values");
  if (!Planned || !Planned->isObject())
    return;
  if (const json::Value *RootModule = Planned->get("root_module"))
    TerraformExtractor(Text, B).module(*RootModule, 0);
}

} // namespace tmpl
} // namespace tollgate
