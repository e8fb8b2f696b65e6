//===- TemplateCloudFormation.cpp - Policies of CloudFormation templates --===//
//
// Finds the policy documents of a template's resources and replaces the
// intrinsic functions in them by placeholders (see Template.h for the
// forms and why).
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

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
  /// True when \p V is literal text (no intrinsic in it), in \p Out.
  static bool literal(const json::Value &V, std::string &Out) {
    if (!V.isString())
      return false;
    Out = V.Text.str();
    return true;
  }
  /// The name of a placeholder for the call \p In when no literal name
  /// describes it exactly: the function and a digest of the whole
  /// expression, so that two placeholders are the same text only when
  /// their expressions are the same.
  static std::string exprName(StringRef Prefix, const json::Value &In) {
    std::string Canonical;
    writeCanonical(In, Canonical);
    return (Prefix + ":" + utohexstr(xxHash64(Canonical), true)).str();
  }
  static void writeCanonical(const json::Value &V, std::string &Out);
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

void IntrinsicResolver::writeCanonical(const json::Value &V, std::string &Out) {
  switch (V.K) {
  case json::Kind::Null:
    Out += "null";
    return;
  case json::Kind::Bool:
    Out += V.BoolValue ? "true" : "false";
    return;
  case json::Kind::Number:
    Out += V.Text;
    return;
  case json::Kind::String:
    // Length-prefixed, so that no text can imitate structure.
    Out += "\"" + std::to_string(V.Text.size()) + ":";
    Out += V.Text;
    return;
  case json::Kind::Array:
    Out += "[";
    for (const json::Value &E : V.Elements) {
      writeCanonical(E, Out);
      Out += ",";
    }
    Out += "]";
    return;
  case json::Kind::Object:
    Out += "{";
    for (const json::Member &M : V.Members) {
      Out += std::to_string(M.Key.size()) + ":";
      Out += M.Key;
      writeCanonical(M.Val, Out);
      Out += ",";
    }
    Out += "}";
    return;
  }
}

bool IntrinsicResolver::resolveCall(const json::Value &In, StringRef Fn,
                                    json::Value &Out) {
  const json::Value &Arg = In.Members[0].Val;
  Span Range = In.Range;
  if (Fn == "Ref") {
    if (Arg.isString() && Arg.Text == "AWS::NoValue")
      return false;
    Out = placeholder(Arg.isString() ? Arg.Text.str() : exprName("Ref", In),
                      Range);
    return true;
  }
  if (Fn == "Fn::GetAtt") {
    // `Res.Attr` and `[Res, Attr]` are the same expression and the same
    // name as `${Res.Attr}` in a `!Sub`.
    std::string Name, Part;
    bool Literal = Arg.isString() || (Arg.isArray() && !Arg.Elements.empty());
    if (Arg.isString())
      Name = Arg.Text.str();
    else if (Arg.isArray())
      for (const json::Value &E : Arg.Elements) {
        Literal &= literal(E, Part);
        Name += (Name.empty() ? "" : ".") + Part;
      }
    Out = placeholder(Literal ? Name : exprName("Fn::GetAtt", In), Range);
    return true;
  }
  if (Fn == "Fn::Sub") {
    const json::Value *Body = &Arg;
    const json::Value *Vars = nullptr;
    if (Arg.isArray() && !Arg.Elements.empty())
      Body = &Arg.Elements[0];
    if (Arg.isArray() && Arg.Elements.size() == 2)
      Vars = &Arg.Elements[1];
    if (!Body->isString() || (Arg.isArray() && Arg.Elements.size() != 2) ||
        (Vars && !Vars->isObject())) {
      Out = placeholder(exprName("Fn::Sub", In), Range);
      return true;
    }
    // `${!Literal}` is the literal `${Literal}`, an IAM policy variable;
    // `${Name}` is the value the variable map gives it, else the
    // placeholder of the resource or parameter it names.
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
        StringRef Name = S.slice(I + 2, Close);
        const json::Value *Given = Vars ? Vars->get(Name) : nullptr;
        json::Value Value;
        if (!Given)
          Text += B.placeholder(sanitize(Name));
        else if (resolve(*Given, Value) && Value.isString())
          Text += Value.Text;
        else
          Text += B.placeholder(sanitize(exprName("Fn::Sub", *Given)));
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
        Text += R.isString() ? R.Text.str()
                             : B.placeholder(exprName("Fn::Join", E));
      }
      B.T.Computed.push_back({Range, false});
      Out = B.string(Text, Range);
      return true;
    }
    Out = placeholder(exprName("Fn::Join", In), Range);
    return true;
  }
  if (Fn == "Fn::If") {
    if (!Arg.isArray() || Arg.Elements.size() != 3) {
      Out = placeholder(exprName("Fn::If", In), Range);
      return true;
    }
    std::string Cond;
    bool Named = literal(Arg.Elements[0], Cond);
    if (Named)
      B.T.ConditionNames.push_back(Cond);
    // The branch taken exists only under its value of the condition.
    auto take = [&](unsigned Branch, json::Value &Value) {
      if (Named)
        B.T.Conditional.push_back(
            {Arg.Elements[Branch].Range, Cond, Branch == 1});
      Out = Value;
      return true;
    };
    if (Named && B.T.Assignment) {
      auto It = B.T.Assignment->find(Cond);
      if (It != B.T.Assignment->end()) {
        unsigned Branch = It->second ? 1 : 2;
        json::Value V;
        if (!resolve(Arg.Elements[Branch], V))
          return false;
        return take(Branch, V);
      }
    }
    json::Value A, Bv;
    bool HasA = resolve(Arg.Elements[1], A);
    bool HasB = resolve(Arg.Elements[2], Bv);
    if (!HasA && !HasB)
      return false;
    if (!HasA || !HasB)
      return HasA ? take(1, A) : take(2, Bv);
    if (A.isString() && Bv.isString() && A.Text != Bv.Text) {
      Out = placeholder(exprName(Named ? "If:" + Cond : "If", In), Range);
      return true;
    }
    return take(1, A);
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
    Out = placeholder(exprName("Fn::Select", In), Range);
    return true;
  }
  if (Fn == "Fn::ImportValue") {
    std::string Name;
    Out = placeholder(literal(Arg, Name) ? "ImportValue:" + Name
                                         : exprName("ImportValue", In),
                      Range);
    return true;
  }
  if (Fn == "Fn::FindInMap") {
    std::string Name = "FindInMap:", Part;
    bool Literal = Arg.isArray() && Arg.Elements.size() == 3;
    for (size_t I = 0; Literal && I < 3; ++I) {
      Literal &= literal(Arg.Elements[I], Part);
      Name += (I ? "." : "") + Part;
    }
    Out = placeholder(Literal ? Name : exprName("FindInMap", In), Range);
    return true;
  }
  Out = placeholder(exprName(Fn, In), Range);
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
  std::vector<std::string> &Names = B.T.ConditionNames;
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
}

} // namespace tmpl
} // namespace tollgate
