//===- TemplateCloudFormation.cpp - Policies of CloudFormation templates --===//
//
// Finds the policy documents of a template's resources and replaces the
// intrinsic functions in them by placeholders (see Template.h for the
// forms and why).
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace tmpl {

bool isCloudFormation(const json::Value &Root) {
  if (!Root.isObject())
    return false;
  if (Root.get("AWSTemplateFormatVersion"))
    return true;
  const json::Value *Resources = Root.get("Resources");
  if (!Resources || !Resources->isObject())
    return false;
  for (const json::Member &M : Resources->Members)
    if (M.Val.isObject())
      if (const json::Value *Type = M.Val.get("Type"))
        if (Type->isString() && Type->Text.startswith("AWS::"))
          return true;
  return false;
}

namespace {

/// Replaces intrinsic functions by placeholder strings.
class IntrinsicResolver {
public:
  IntrinsicResolver(TreeBuilder &B) : B(B) {}

  /// Resolves \p In into \p Out; false when it is `AWS::NoValue` (the
  /// element or member is left out).
  bool resolve(const json::Value &In, json::Value &Out);

private:
  /// The function name of an intrinsic call (`Ref`, `Fn::Sub`), or "".
  static StringRef functionOf(const json::Value &V) {
    if (!V.isObject() || V.Members.size() != 1)
      return "";
    StringRef Key = V.Members[0].Key;
    if (Key == "Ref" || Key.startswith("Fn::"))
      return Key;
    return "";
  }
  bool resolveCall(const json::Value &In, StringRef Fn, json::Value &Out);
  /// The text of a resolved scalar argument, for placeholder names.
  std::string argText(const json::Value &V);
  json::Value placeholder(StringRef Key, Span Range) {
    B.T.Computed.push_back({Range, true});
    return B.string(B.placeholder(sanitize(Key)), Range);
  }
  static std::string sanitize(StringRef Key) {
    std::string Out;
    for (char C : Key)
      Out += isAlnum(C) || StringRef(":/._-@").contains(C) ? C : '_';
    return Out.empty() ? std::string("_") : Out;
  }

  TreeBuilder &B;
};

bool IntrinsicResolver::resolve(const json::Value &In, json::Value &Out) {
  StringRef Fn = functionOf(In);
  if (!Fn.empty())
    return resolveCall(In, Fn, Out);
  if (In.isArray()) {
    std::vector<json::Value> Elements;
    for (const json::Value &E : In.Elements) {
      json::Value R;
      if (resolve(E, R))
        Elements.push_back(R);
    }
    Out = B.array(Elements, In.Range);
    return true;
  }
  if (In.isObject()) {
    std::vector<json::Member> Members;
    for (const json::Member &M : In.Members) {
      json::Value R;
      if (resolve(M.Val, R))
        Members.push_back({M.Key, M.KeyRange, R});
    }
    Out = B.object(Members, In.Range);
    return true;
  }
  Out = In;
  return true;
}

std::string IntrinsicResolver::argText(const json::Value &V) {
  json::Value R;
  if (!resolve(V, R) || !R.isString())
    return "_";
  StringRef T = R.Text;
  if ((T.startswith("${") && T.endswith("}")) ||
      (T.startswith("{{") && T.endswith("}}")))
    T = T.drop_front(2).drop_back(T.endswith("}}") ? 2 : 1);
  return T.str();
}

bool IntrinsicResolver::resolveCall(const json::Value &In, StringRef Fn,
                                    json::Value &Out) {
  const json::Value &Arg = In.Members[0].Val;
  Span Range = In.Range;
  if (Fn == "Ref") {
    if (Arg.isString() && Arg.Text == "AWS::NoValue")
      return false;
    Out = placeholder(Arg.isString() ? Arg.Text : "Ref", Range);
    return true;
  }
  if (Fn == "Fn::GetAtt") {
    std::string Name;
    if (Arg.isString())
      Name = Arg.Text.str();
    else if (Arg.isArray())
      for (const json::Value &E : Arg.Elements)
        Name += (Name.empty() ? "" : ".") + argText(E);
    Out = placeholder(Name.empty() ? "Fn::GetAtt" : StringRef(Name), Range);
    return true;
  }
  if (Fn == "Fn::Sub") {
    const json::Value *Body = &Arg;
    if (Arg.isArray() && !Arg.Elements.empty())
      Body = &Arg.Elements[0];
    if (!Body->isString()) {
      Out = placeholder("Fn::Sub", Range);
      return true;
    }
    // `${!Literal}` is the literal `${Literal}`, an IAM policy variable;
    // `${Name}` stays as the placeholder of the value it names.
    std::string Text;
    StringRef S = Body->Text;
    bool Computed = false;
    for (size_t I = 0; I < S.size(); ++I) {
      if (S.substr(I).startswith("${!")) {
        Text += "${";
        I += 2;
        continue;
      }
      size_t Close = S.find('}', I);
      if (S.substr(I).startswith("${") && Close != StringRef::npos) {
        Computed = true;
        Text += B.placeholder(S.slice(I + 2, Close));
        I = Close;
        continue;
      }
      Text += S[I];
    }
    if (Computed)
      B.T.Computed.push_back({Range, false});
    Out = B.string(Text, Range);
    return true;
  }
  if (Fn == "Fn::Join") {
    if (Arg.isArray() && Arg.Elements.size() == 2 &&
        Arg.Elements[0].isString() && Arg.Elements[1].isArray()) {
      std::string Text;
      bool First = true;
      for (const json::Value &E : Arg.Elements[1].Elements) {
        json::Value R;
        if (!resolve(E, R))
          continue;
        if (!First)
          Text += Arg.Elements[0].Text;
        First = false;
        Text += R.isString() ? R.Text.str() : B.placeholder("Fn::Join");
      }
      B.T.Computed.push_back({Range, false});
      Out = B.string(Text, Range);
      return true;
    }
    Out = placeholder("Fn::Join", Range);
    return true;
  }
  if (Fn == "Fn::If") {
    if (!Arg.isArray() || Arg.Elements.size() != 3) {
      Out = placeholder("Fn::If", Range);
      return true;
    }
    json::Value A, Bv;
    bool HasA = resolve(Arg.Elements[1], A);
    bool HasB = resolve(Arg.Elements[2], Bv);
    if (!HasA && !HasB)
      return false;
    if (!HasA || !HasB) {
      Out = HasA ? A : Bv;
      return true;
    }
    if (A.isString() && Bv.isString() && A.Text != Bv.Text) {
      Out = placeholder("If:" + argText(Arg.Elements[0]), Range);
      return true;
    }
    Out = A;
    return true;
  }
  if (Fn == "Fn::Select") {
    if (Arg.isArray() && Arg.Elements.size() == 2 &&
        Arg.Elements[1].isArray()) {
      json::Value Index;
      unsigned N = 0;
      if (resolve(Arg.Elements[0], Index) &&
          (Index.isString() || Index.K == json::Kind::Number) &&
          !Index.Text.getAsInteger(10, N) &&
          N < Arg.Elements[1].Elements.size())
        return resolve(Arg.Elements[1].Elements[N], Out);
    }
    Out = placeholder("Fn::Select", Range);
    return true;
  }
  if (Fn == "Fn::ImportValue") {
    Out = placeholder("ImportValue:" + argText(Arg), Range);
    return true;
  }
  if (Fn == "Fn::FindInMap") {
    std::string Name = "FindInMap:";
    if (Arg.isArray())
      for (size_t I = 0; I < Arg.Elements.size() && I < 3; ++I)
        Name += (I ? "." : "") + argText(Arg.Elements[I]);
    Out = placeholder(Name, Range);
    return true;
  }
  Out = placeholder(Fn, Range);
  return true;
}

/// Where a resource type keeps its policies.
struct PolicyProperty {
  const char *ResourceType;
  const char *Property;
  PolicyType Type;
  /// A list of `{PolicyName, PolicyDocument}` (roles, users, groups).
  bool InlineList;
};

const PolicyProperty Properties[] = {
    {"AWS::IAM::Policy", "PolicyDocument", PolicyType::Identity, false},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyType::Identity, false},
    {"AWS::IAM::RolePolicy", "PolicyDocument", PolicyType::Identity, false},
    {"AWS::IAM::UserPolicy", "PolicyDocument", PolicyType::Identity, false},
    {"AWS::IAM::GroupPolicy", "PolicyDocument", PolicyType::Identity, false},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyType::Trust, false},
    {"AWS::IAM::Role", "Policies", PolicyType::Identity, true},
    {"AWS::IAM::User", "Policies", PolicyType::Identity, true},
    {"AWS::IAM::Group", "Policies", PolicyType::Identity, true},
    {"AWS::S3::BucketPolicy", "PolicyDocument", PolicyType::Resource, false},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", PolicyType::Resource, false},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", PolicyType::Resource, false},
    {"AWS::KMS::Key", "KeyPolicy", PolicyType::Resource, false},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy",
     PolicyType::Resource, false},
    {"AWS::ECR::Repository", "RepositoryPolicyText", PolicyType::Resource,
     false},
    {"AWS::EFS::FileSystem", "FileSystemPolicy", PolicyType::Resource, false},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", PolicyType::Resource,
     false},
    {"AWS::Elasticsearch::Domain", "AccessPolicies", PolicyType::Resource,
     false},
    {"AWS::Logs::ResourcePolicy", "PolicyDocument", PolicyType::Resource,
     false},
    {"AWS::Backup::BackupVault", "AccessPolicy", PolicyType::Resource, false},
    {"AWS::S3::AccessPoint", "Policy", PolicyType::Resource, false},
};

class CloudFormationExtractor {
public:
  CloudFormationExtractor(StringRef Text, TreeBuilder &B)
      : Text(Text), B(B), Resolver(B) {}

  void run(const json::Value &Root);

private:
  void addDocument(const json::Member &Doc, TemplatePolicy P);
  void addServerlessPolicies(StringRef Id, StringRef Type,
                             const json::Value &Props);
  void addLambdaPermission(const json::Member &Resource,
                           const json::Value &Props);

  StringRef Text;
  TreeBuilder &B;
  IntrinsicResolver Resolver;
};

void CloudFormationExtractor::run(const json::Value &Root) {
  const json::Value *Resources = Root.get("Resources");
  if (!Resources || !Resources->isObject())
    return;
  for (const json::Member &R : Resources->Members) {
    if (!R.Val.isObject())
      continue;
    const json::Value *Type = R.Val.get("Type");
    const json::Value *Props = R.Val.get("Properties");
    if (!Type || !Type->isString() || !Props || !Props->isObject())
      continue;
    std::string Base = ("Resources." + R.Key + ".Properties.").str();
    if (Type->Text == "AWS::Lambda::Permission") {
      addLambdaPermission(R, *Props);
      continue;
    }
    if (Type->Text == "AWS::Serverless::Function" ||
        Type->Text == "AWS::Serverless::StateMachine") {
      addServerlessPolicies(R.Key, Type->Text, *Props);
      continue;
    }
    for (const PolicyProperty &PP : Properties) {
      if (Type->Text != PP.ResourceType)
        continue;
      for (const json::Member &M : Props->Members) {
        if (M.Key != PP.Property)
          continue;
        TemplatePolicy P;
        P.Resource = R.Key.str();
        P.ResourceType = Type->Text.str();
        P.Type = PP.Type;
        if (!PP.InlineList) {
          P.Name = Base + PP.Property;
          addDocument(M, std::move(P));
          continue;
        }
        if (!M.Val.isArray())
          continue;
        for (size_t I = 0; I < M.Val.Elements.size(); ++I) {
          const json::Value &E = M.Val.Elements[I];
          if (!E.isObject())
            continue;
          for (const json::Member &D : E.Members)
            if (D.Key == "PolicyDocument") {
              TemplatePolicy Q = P;
              Q.Name = Base + PP.Property + "[" + std::to_string(I) +
                       "].PolicyDocument";
              addDocument(D, std::move(Q));
            }
        }
      }
    }
  }
}

/// A SAM function's `Policies` mixes managed policy names, SAM policy
/// templates (`S3ReadPolicy: {...}`) and inline policy documents; only the
/// documents (objects with a `Statement`) are policies tollgate can read.
void CloudFormationExtractor::addServerlessPolicies(StringRef Id,
                                                    StringRef Type,
                                                    const json::Value &Props) {
  for (const json::Member &M : Props.Members) {
    if (M.Key != "Policies")
      continue;
    std::string Base = ("Resources." + Id + ".Properties.Policies").str();
    TemplatePolicy P;
    P.Resource = Id.str();
    P.ResourceType = Type.str();
    P.Type = PolicyType::Identity;
    if (M.Val.isObject() && M.Val.get("Statement")) {
      P.Name = Base;
      addDocument(M, std::move(P));
      continue;
    }
    if (!M.Val.isArray())
      continue;
    for (size_t I = 0; I < M.Val.Elements.size(); ++I) {
      const json::Value &E = M.Val.Elements[I];
      if (!E.isObject() || !E.get("Statement"))
        continue;
      TemplatePolicy Q = P;
      Q.Name = Base + "[" + std::to_string(I) + "]";
      json::Member Doc{M.Key, M.KeyRange, E};
      addDocument(Doc, std::move(Q));
    }
  }
}

void CloudFormationExtractor::addDocument(const json::Member &Doc,
                                          TemplatePolicy P) {
  P.NameRange = Doc.KeyRange;
  json::Value Resolved;
  if (!Resolver.resolve(Doc.Val, Resolved))
    return;
  if (Resolved.isString() && Doc.Val.isString()) {
    // Some properties take the document as a JSON string.
    readEmbeddedJson(Doc.Val, Text, P, B);
    if (P.Root || !P.Issues.empty())
      B.T.Policies.push_back(std::move(P));
    return;
  }
  P.Root = B.copy(Resolved);
  B.T.Policies.push_back(std::move(P));
}

/// Builds the resource-policy statement that an `AWS::Lambda::Permission`
/// adds to the function's policy. Each element takes the span of the
/// property it comes from.
void CloudFormationExtractor::addLambdaPermission(const json::Member &Resource,
                                                  const json::Value &Props) {
  StringRef Id = Resource.Key;
  auto prop = [&](StringRef Name, json::Value &Out) {
    for (const json::Member &M : Props.Members)
      if (M.Key == Name)
        return Resolver.resolve(M.Val, Out);
    return false;
  };
  json::Value Action, Function, Principal;
  if (!prop("Action", Action) || !prop("FunctionName", Function) ||
      !prop("Principal", Principal))
    return;
  Span Whole = Props.Range;
  std::vector<json::Member> Statement;
  auto member = [&](StringRef Key, json::Value V) {
    Statement.push_back({B.save(Key), V.Range, V});
  };
  member("Sid", B.string(Id, Whole));
  member("Effect", B.string("Allow", Whole));
  if (Principal.isString() && Principal.Text == "*") {
    member("Principal", Principal);
  } else {
    bool Service =
        Principal.isString() && (Principal.Text.endswith(".amazonaws.com") ||
                                 Principal.Text.endswith(".amazon.com"));
    member("Principal",
           B.object({json::Member{B.save(Service ? "Service" : "AWS"),
                                  Principal.Range, Principal}},
                    Principal.Range));
  }
  member("Action", Action);
  if (Function.isString() && !Function.Text.startswith("arn:") &&
      !Function.Text.startswith("${") && !Function.Text.startswith("{{")) {
    // A function name or a partial ARN: the function of this account and
    // region.
    StringRef Name = Function.Text;
    if (Name.count(':') == 2) // 123456789012:function:name
      Name = Name.rsplit(':').second;
    B.T.Computed.push_back({Function.Range, false});
    Function = B.string(B.lambdaArn(Name), Function.Range);
  }
  member("Resource", Function);
  std::vector<json::Member> ArnLike, Equals;
  json::Value V;
  if (prop("SourceArn", V))
    ArnLike.push_back({B.save("AWS:SourceArn"), V.Range, V});
  if (prop("SourceAccount", V))
    Equals.push_back({B.save("AWS:SourceAccount"), V.Range, V});
  if (prop("PrincipalOrgID", V))
    Equals.push_back({B.save("aws:PrincipalOrgID"), V.Range, V});
  if (prop("EventSourceToken", V))
    Equals.push_back({B.save("lambda:EventSourceToken"), V.Range, V});
  if (prop("FunctionUrlAuthType", V))
    Equals.push_back({B.save("lambda:FunctionUrlAuthType"), V.Range, V});
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
  P.Name = ("Resources." + Id).str();
  P.Resource = Id.str();
  P.ResourceType = "AWS::Lambda::Permission";
  P.Type = PolicyType::Resource;
  P.Root = B.copy(Doc);
  P.Synthesized = true;
  // The note points at the resource's logical id.
  P.NameRange = Resource.KeyRange;
  B.T.Policies.push_back(std::move(P));
}

} // namespace

void extractCloudFormation(const json::Value &Root, StringRef Text,
                           TreeBuilder &B) {
  B.T.Kind = TemplateKind::CloudFormation;
  CloudFormationExtractor(Text, B).run(Root);
}

} // namespace tmpl
} // namespace tollgate
