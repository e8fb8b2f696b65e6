//===- TemplateTerraform.cpp - Policies of Terraform plans ----------------===//
//
// `terraform show -json PLAN` lists the planned resources under
// `planned_values.root_module` and its nested `child_modules`. Policies are
// attributes holding JSON text; a value Terraform cannot know before the
// apply is left out of `values` and marked in `resource_changes`
// (`after_unknown`): such a policy gets a note, as does an
// `aws_iam_policy_document` data source, whose policy is checked where a
// resource uses it. A plan without a plan's structure (`values` null, a
// policy that is not a string) cannot be read as a whole.
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

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

/// "null", "a number", ... for messages.
StringRef describe(const json::Value &V) {
  switch (V.K) {
  case json::Kind::Null:
    return "null";
  case json::Kind::Bool:
    return "a Boolean";
  case json::Kind::Number:
    return "a number";
  case json::Kind::String:
    return "a string";
  case json::Kind::Array:
    return "an array";
  case json::Kind::Object:
    return "an object";
  }
  return "a value";
}

const PolicyAttribute *attributeOf(StringRef Type, StringRef Attribute) {
  for (const PolicyAttribute &A : Attributes)
    if (Type == A.ResourceType && Attribute == A.Attribute)
      return &A;
  return nullptr;
}

class TerraformExtractor {
public:
  TerraformExtractor(StringRef Text, TreeBuilder &B) : Text(Text), B(B) {}

  void module(const json::Value &M, unsigned Depth);
  void resourceChanges(const json::Value &Changes);

private:
  void resource(const json::Value &R);
  void addString(const json::Member &Attr, TemplatePolicy P);
  void addLambdaPermission(const json::Value &Values, StringRef Address,
                           Span NameRange);
  void problem(const json::Value &At, const Twine &Message) {
    B.T.Problems.push_back({At.Range, Message.str()});
  }
  /// Notes a policy document data source once.
  void documentSource(StringRef Address);

  StringRef Text;
  TreeBuilder &B;
  std::set<std::string> NotedSources;
};

void TerraformExtractor::module(const json::Value &M, unsigned Depth) {
  if (Depth > 64)
    return;
  if (!M.isObject())
    return problem(M, "a module of the Terraform plan is " + describe(M) +
                          "; expected an object");
  if (const json::Value *Resources = M.get("resources")) {
    if (!Resources->isArray())
      problem(*Resources, "`resources` is " + describe(*Resources) +
                              "; a Terraform plan lists resources in an "
                              "array");
    else
      for (const json::Value &R : Resources->Elements)
        resource(R);
  }
  if (const json::Value *Children = M.get("child_modules")) {
    if (!Children->isArray())
      problem(*Children, "`child_modules` is " + describe(*Children) +
                             "; a Terraform plan lists modules in an array");
    else
      for (const json::Value &C : Children->Elements)
        module(C, Depth + 1);
  }
}

void TerraformExtractor::documentSource(StringRef Address) {
  if (!NotedSources.insert(Address.str()).second)
    return;
  B.T.Notes.push_back(
      ("`" + Address +
       "` is an aws_iam_policy_document data source: its policy is checked "
       "in the resources whose policy it becomes, not on its own")
          .str());
}

void TerraformExtractor::resource(const json::Value &R) {
  if (!R.isObject())
    return problem(R, "a resource of the Terraform plan is " + describe(R) +
                          "; expected an object");
  const json::Value *Type = R.get("type");
  const json::Value *Address = R.get("address");
  const json::Value *Values = R.get("values");
  const json::Value *Mode = R.get("mode");
  if (!Type || !Type->isString() || !Address || !Address->isString())
    return;
  if (!Values || !Values->isObject())
    return problem(Values ? *Values : R,
                   "`values` of `" + Address->Text + "` is " +
                       (Values ? describe(*Values) : "missing") +
                       "; a Terraform plan gives each resource's attributes "
                       "as an object");
  if (Mode && Mode->isString() && Mode->Text == "data" &&
      Type->Text == "aws_iam_policy_document")
    return documentSource(Address->Text);
  if (Mode && Mode->isString() && Mode->Text != "managed")
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
  if (!Inline || Inline->K == json::Kind::Null)
    return;
  if (!Inline->isArray())
    return problem(*Inline, "`inline_policy` of `" + Address->Text + "` is " +
                                describe(*Inline) +
                                "; a Terraform plan gives the blocks as an "
                                "array");
  for (size_t I = 0; I < Inline->Elements.size(); ++I) {
    const json::Value &E = Inline->Elements[I];
    if (!E.isObject()) {
      problem(E, "a block of `inline_policy` of `" + Address->Text + "` is " +
                     describe(E) + "; expected an object");
      continue;
    }
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
  // Null is no policy, or one known only after apply (resourceChanges()
  // says which).
  if (Attr.Val.K == json::Kind::Null)
    return;
  if (!Attr.Val.isString())
    return problem(Attr.Val, "the policy `" + P.Name + "` is " +
                                 describe(Attr.Val) +
                                 "; a Terraform plan holds a policy as a "
                                 "JSON string");
  // An empty string is "no policy" (an inline_policy block without one).
  if (Attr.Val.Text.trim().empty())
    return;
  P.NameRange = Attr.KeyRange;
  readEmbeddedJson(Attr.Val, Text, P, B);
  if (P.Root || !P.Issues.empty())
    B.T.Policies.push_back(std::move(P));
}

/// The policies that `resource_changes` marks as known only after apply,
/// and the policy document data sources read then.
void TerraformExtractor::resourceChanges(const json::Value &Changes) {
  if (!Changes.isArray())
    return;
  for (const json::Value &C : Changes.Elements) {
    if (!C.isObject())
      continue;
    const json::Value *Type = C.get("type");
    const json::Value *Address = C.get("address");
    const json::Value *Mode = C.get("mode");
    const json::Value *Change = C.get("change");
    if (!Type || !Type->isString() || !Address || !Address->isString())
      continue;
    if (Mode && Mode->isString() && Mode->Text == "data") {
      if (Type->Text == "aws_iam_policy_document")
        documentSource(Address->Text);
      continue;
    }
    const json::Value *Unknown =
        Change && Change->isObject() ? Change->get("after_unknown") : nullptr;
    if (!Unknown || !Unknown->isObject())
      continue;
    auto note = [&](const Twine &Name) {
      B.T.Notes.push_back(("the policy `" + Name +
                           "` is known only after apply, so the plan does "
                           "not hold it and it is not checked")
                              .str());
    };
    for (const json::Member &M : Unknown->Members) {
      bool IsTrue = M.Val.K == json::Kind::Bool && M.Val.BoolValue;
      if (attributeOf(Type->Text, M.Key) && IsTrue)
        note(Address->Text + "." + M.Key);
      if (Type->Text != "aws_iam_role" || M.Key != "inline_policy")
        continue;
      if (IsTrue)
        note(Address->Text + ".inline_policy");
      else if (M.Val.isArray())
        for (size_t I = 0; I < M.Val.Elements.size(); ++I)
          if (const json::Value *P = M.Val.Elements[I].isObject()
                                         ? M.Val.Elements[I].get("policy")
                                         : nullptr)
            if (P->K == json::Kind::Bool && P->BoolValue)
              note(Address->Text + ".inline_policy[" + Twine(I) + "].policy");
    }
  }
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
  TerraformExtractor X(Text, B);
  const json::Value *Planned = Root.get("planned_values");
  if (!Planned || !Planned->isObject()) {
    B.T.Problems.push_back(
        {Planned ? Planned->Range : Root.Range,
         "`planned_values` is " +
             (Planned ? describe(*Planned) : StringRef("missing")).str() +
             "; expected an object"});
    return;
  }
  if (const json::Value *RootModule = Planned->get("root_module"))
    X.module(*RootModule, 0);
  if (const json::Value *Changes = Root.get("resource_changes"))
    X.resourceChanges(*Changes);
}

} // namespace tmpl
} // namespace tollgate
