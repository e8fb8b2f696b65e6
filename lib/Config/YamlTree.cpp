//===- YamlTree.cpp - A located YAML tree ---------------------------------===//

#include "YamlTree.h"

#include "tollgate/Yaml/Reader.h"

using namespace llvm;

namespace tollgate {

namespace {
class TreeBuilder {
public:
  TreeBuilder(StringRef Text, std::vector<YamlError> &Errors)
      : Text(Text), Errors(Errors) {}

  /// The reader bounds the depth, so this recursion is bounded too.
  YamlNode build(const yaml::Node &N);
  void error(Span Range, std::string Message) {
    Errors.push_back({Range, std::move(Message)});
  }

private:
  /// The `&anchor` or `!tag` that starts \p N.
  Span decoration(const yaml::Node &N) const {
    size_t End = Text.find_first_of(" \t\r\n", N.Range.Begin);
    if (End == StringRef::npos || End > N.Range.End)
      End = N.Range.End;
    return Span(N.Range.Begin, End);
  }

  StringRef Text;
  std::vector<YamlError> &Errors;
};
} // namespace

YamlNode TreeBuilder::build(const yaml::Node &N) {
  YamlNode Out;
  Out.Range = N.Range;
  if (N.Kind == yaml::NodeKind::Alias) {
    error(N.Range, "YAML aliases are not supported in a configuration file");
    Out.Kind = YamlNode::Unsupported;
    return Out;
  }
  if (!N.Anchor.empty() || !N.Tag.empty())
    error(decoration(N), "YAML anchors and tags are not supported in a "
                         "configuration file");
  switch (N.Kind) {
  case yaml::NodeKind::Scalar:
    if (N.isNull()) {
      Out.Kind = YamlNode::Null;
      Out.Range = Span(N.Range.Begin, N.Range.Begin);
      return Out;
    }
    Out.Kind = YamlNode::Scalar;
    Out.Value = N.Value;
    return Out;
  case yaml::NodeKind::Sequence:
    Out.Kind = YamlNode::Sequence;
    for (const yaml::Node &Item : N.Items)
      Out.Items.push_back(build(Item));
    return Out;
  case yaml::NodeKind::Mapping:
    Out.Kind = YamlNode::Mapping;
    for (size_t I = 0; I < N.mappingSize(); ++I) {
      YamlNode Key = build(N.key(I));
      YamlNode Value = build(N.value(I));
      // An empty value sits right after its key.
      if (Value.Kind == YamlNode::Null)
        Value.Range = Span(Key.Range.End, Key.Range.End);
      Out.Items.push_back(std::move(Key));
      Out.Items.push_back(std::move(Value));
    }
    return Out;
  case yaml::NodeKind::Alias:
    break;
  }
  Out.Kind = YamlNode::Unsupported;
  return Out;
}

YamlDocument readYaml(const SourceFile &Src) {
  YamlDocument Doc;
  yaml::Stream S = yaml::read(Src.text());
  if (S.Err) {
    std::string Message = S.Err->Message;
    if (S.Err->K == yaml::Error::Syntax)
      Message = "invalid YAML: " + Message;
    else if (S.Err->K == yaml::Error::Encoding)
      Message = "invalid YAML text: " + Message;
    Doc.Errors.push_back({S.Err->Range, Message});
    return Doc;
  }
  TreeBuilder Builder(Src.text(), Doc.Errors);
  if (S.Root)
    Doc.Root = Builder.build(*S.Root);
  if (S.Documents > 1)
    Builder.error(S.SecondDocument,
                  "a configuration file holds one YAML document; "
                  "remove the `---` that starts another");
  return Doc;
}

} // namespace tollgate
