//===- TemplateYaml.cpp - YAML to a located JSON tree ---------------------===//
//
// Every node keeps the byte span of its YAML text. Scalars become strings,
// except the plain `true` and `false` (booleans, as condition values) and
// YAML's nulls; numbers stay strings, since CloudFormation hands policy
// values to IAM as text.
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "tollgate/Yaml/Reader.h"

using namespace llvm;

namespace tollgate {
namespace tmpl {
namespace {

/// The long-form key of a short-form intrinsic tag (`!GetAtt`), or "".
StringRef intrinsicKey(StringRef Tag, std::string &Storage) {
  if (!Tag.startswith("!") || Tag.size() < 2)
    return "";
  StringRef Name = Tag.drop_front();
  if (Name == "Ref" || Name == "Condition")
    return Name;
  Storage = "Fn::" + Name.str();
  return Storage;
}

bool isPlainBool(const yaml::Node &N, bool &Value) {
  if (N.Style != yaml::ScalarStyle::Plain || !N.Tag.empty())
    return false;
  StringRef V = N.Value;
  if (V == "true" || V == "True" || V == "TRUE")
    Value = true;
  else if (V == "false" || V == "False" || V == "FALSE")
    Value = false;
  else
    return false;
  return true;
}

class Converter {
public:
  explicit Converter(TreeBuilder &B) : B(B) {}

  /// The reader bounds the depth, so this recursion is bounded too.
  json::Value convert(const yaml::Node &N) {
    json::Value V = convertUntagged(N);
    std::string Storage;
    StringRef Key = intrinsicKey(N.Tag, Storage);
    if (Key.empty())
      return V;
    // `!GetAtt Bucket.Arn` is `{"Fn::GetAtt": "Bucket.Arn"}`, spanning the
    // tag and its value.
    return B.object({json::Member{B.save(Key), N.TagRange, V}}, N.Range);
  }

private:
  json::Value convertUntagged(const yaml::Node &N) {
    Span Content(N.ContentBegin, std::max(N.ContentBegin, N.Range.End));
    switch (N.Kind) {
    case yaml::NodeKind::Scalar: {
      json::Value V = B.string(N.Value, Content);
      bool Bool;
      if (N.isNull()) {
        V.K = json::Kind::Null;
        V.Text = StringRef();
      } else if (isPlainBool(N, Bool)) {
        V.K = json::Kind::Bool;
        V.BoolValue = Bool;
      }
      return V;
    }
    case yaml::NodeKind::Sequence: {
      std::vector<json::Value> Elements;
      for (const yaml::Node &E : N.Items)
        Elements.push_back(convert(E));
      return B.array(Elements, Content);
    }
    case yaml::NodeKind::Mapping: {
      std::vector<json::Member> Members;
      for (size_t I = 0; I < N.mappingSize(); ++I) {
        const yaml::Node &K = N.key(I);
        StringRef Key = K.isScalar() ? B.save(K.Value) : StringRef();
        Members.push_back({Key, K.Range, convert(N.value(I))});
      }
      return B.object(Members, Content);
    }
    case yaml::NodeKind::Alias:
      break;
    }
    // CloudFormation does not take aliases; read them as empty text.
    return B.string("", Content);
  }

  TreeBuilder &B;
};

} // namespace

const json::Value *readYaml(StringRef Text, TreeBuilder &B) {
  yaml::Stream S = yaml::read(Text);
  if (S.Err) {
    B.T.SyntaxError = true;
    B.T.ErrorRange = S.Err->Range;
    B.T.ErrorMessage = S.Err->Message;
    B.T.ErrorKind =
        S.Err->K == yaml::Error::TooDeep    ? Template::ReadError::TooDeep
        : S.Err->K == yaml::Error::Encoding ? Template::ReadError::Encoding
                                            : Template::ReadError::Syntax;
    return nullptr;
  }
  if (!S.Root) {
    json::Value Null;
    return B.copy(Null);
  }
  return B.copy(Converter(B).convert(*S.Root));
}

} // namespace tmpl
} // namespace tollgate
