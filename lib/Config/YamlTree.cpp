//===- YamlTree.cpp - A located YAML tree ---------------------------------===//

#include "YamlTree.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace tollgate {

namespace {
class TreeBuilder {
public:
  TreeBuilder(const SourceFile &Src, std::vector<YamlError> &Errors)
      : Text(Src.text()), Errors(Errors) {}

  YamlNode build(yaml::Node *N);
  /// The word that follows `:` after \p Offset.
  Span textAfter(uint32_t Offset) const {
    size_t B = Text.find_first_not_of(": \t", Offset);
    if (B == StringRef::npos)
      return Span(Offset, Offset);
    size_t E = Text.find_first_of(" \t\r\n,]}", B);
    return Span(B, E == StringRef::npos ? Text.size() : E);
  }
  Span span(SMLoc Begin, SMLoc End) const;
  /// The parser starts a flow collection's span after its opening bracket
  /// and ends it with its last item; widen it to both brackets.
  void includeBrackets(Span &Range, char Open, char Close) const {
    size_t B = Text.take_front(Range.Begin).find_last_not_of(" \t\r\n");
    if (B == StringRef::npos || Text[B] != Open)
      return;
    Range.Begin = B;
    size_t E = Text.find_first_not_of(" \t\r\n", Range.End);
    if (E != StringRef::npos && Text[E] == Close)
      Range.End = E + 1;
  }
  void unsupported(const YamlNode &N) {
    error(N.Range, "YAML aliases are not supported in a configuration file");
  }
  void error(Span Range, std::string Message) {
    Errors.push_back({Range, std::move(Message)});
  }

private:
  uint32_t offset(SMLoc L) const {
    const char *P = L.getPointer();
    if (!P || P < Text.begin())
      return 0;
    return P > Text.end() ? Text.size() : P - Text.begin();
  }

  StringRef Text;
  std::vector<YamlError> &Errors;
};
} // namespace

Span TreeBuilder::span(SMLoc Begin, SMLoc End) const {
  uint32_t B = offset(Begin), E = offset(End);
  return Span(B, std::max(B, E));
}

YamlNode TreeBuilder::build(yaml::Node *N) {
  YamlNode Out;
  if (!N)
    return Out;
  Out.Range = span(N->getSourceRange().Start, N->getSourceRange().End);
  StringRef Decoration =
      !N->getAnchor().empty() ? N->getAnchor() : N->getRawTag();
  if (!Decoration.empty()) {
    // Point at the anchor or tag itself when it lies in the text.
    Span At = Out.Range;
    if (Decoration.begin() > Text.begin() && Decoration.end() <= Text.end())
      At = Span(Decoration.begin() - Text.begin() -
                    (N->getAnchor().empty() ? 0 : 1),
                Decoration.end() - Text.begin());
    error(At, "YAML anchors and tags are not supported in a configuration "
              "file");
  }
  switch (N->getType()) {
  case yaml::Node::NK_Null:
    Out.Kind = YamlNode::Null;
    Out.Range = Span(Out.Range.Begin, Out.Range.Begin);
    return Out;
  case yaml::Node::NK_Scalar: {
    Out.Kind = YamlNode::Scalar;
    SmallString<64> Storage;
    Out.Value = cast<yaml::ScalarNode>(N)->getValue(Storage).str();
    return Out;
  }
  case yaml::Node::NK_BlockScalar:
    Out.Kind = YamlNode::Scalar;
    Out.Value = cast<yaml::BlockScalarNode>(N)->getValue().str();
    return Out;
  case yaml::Node::NK_Sequence: {
    Out.Kind = YamlNode::Sequence;
    for (yaml::Node &Item : *cast<yaml::SequenceNode>(N)) {
      Out.Items.push_back(build(&Item));
      if (Out.Items.back().Kind == YamlNode::Unsupported)
        unsupported(Out.Items.back());
      Out.Range.End = std::max(Out.Range.End, Out.Items.back().Range.End);
    }
    includeBrackets(Out.Range, '[', ']');
    return Out;
  }
  case yaml::Node::NK_Mapping: {
    Out.Kind = YamlNode::Mapping;
    for (yaml::KeyValueNode &KV : *cast<yaml::MappingNode>(N)) {
      YamlNode Key = build(KV.getKey());
      YamlNode Value = build(KV.getValue());
      // An empty value sits right after its key; an alias has no span of
      // its own, so it is shown where its text starts.
      if (Value.Kind == YamlNode::Null)
        Value.Range = Span(Key.Range.End, Key.Range.End);
      else if (Value.Kind == YamlNode::Unsupported)
        Value.Range = textAfter(Key.Range.End);
      Out.Range.End = std::max({Out.Range.End, Key.Range.End, Value.Range.End});
      if (Key.Kind == YamlNode::Unsupported)
        unsupported(Key);
      if (Value.Kind == YamlNode::Unsupported)
        unsupported(Value);
      Out.Items.push_back(std::move(Key));
      Out.Items.push_back(std::move(Value));
    }
    includeBrackets(Out.Range, '{', '}');
    return Out;
  }
  case yaml::Node::NK_Alias:
    // Reported by the caller, which knows where the alias is.
    Out.Kind = YamlNode::Unsupported;
    return Out;
  default:
    Out.Kind = YamlNode::Unsupported;
    return Out;
  }
}

YamlDocument readYaml(const SourceFile &Src) {
  YamlDocument Doc;
  SourceMgr SM;
  struct Sink {
    const SourceFile &Src;
    std::vector<YamlError> &Errors;
  } S{Src, Doc.Errors};
  // The parser reports syntax errors through the source manager; they
  // become findings at the byte they point at.
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Context) {
        auto &S = *static_cast<Sink *>(Context);
        StringRef Text = S.Src.text();
        const char *P = D.getLoc().getPointer();
        uint32_t Offset = P && P >= Text.begin() && P <= Text.end()
                              ? P - Text.begin()
                              : Text.size();
        std::string Message = StringRef(D.getMessage()).rtrim("!. ").str();
        if (!Message.empty())
          Message[0] = tolower(Message[0]);
        S.Errors.push_back({Span(Offset, Offset), "invalid YAML: " + Message});
      },
      &S);

  yaml::Stream Stream(Src.text(), SM, /*ShowColors=*/false);
  TreeBuilder Builder(Src, Doc.Errors);
  unsigned Count = 0;
  for (yaml::Document &D : Stream) {
    yaml::Node *Root = D.getRoot();
    if (Stream.failed())
      break;
    if (++Count == 1) {
      Doc.Root = Builder.build(Root);
    } else {
      // Point at the `---` that starts the document.
      StringRef Text = Src.text();
      uint32_t RootAt = Root ? Builder
                                   .span(Root->getSourceRange().Start,
                                         Root->getSourceRange().Start)
                                   .Begin
                             : Text.size();
      size_t Marker = Text.take_front(RootAt).rfind("---");
      Span At = Marker == StringRef::npos ? Span(RootAt, RootAt)
                                          : Span(Marker, Marker + 3);
      Builder.error(At, "a configuration file holds one YAML document; "
                        "remove the `---` that starts another");
      D.skip();
    }
    if (Stream.failed())
      break;
  }
  if (Stream.failed() || !Doc.Errors.empty()) {
    // Keep the first syntax error only: the parser's later ones follow from
    // it.
    if (Stream.failed()) {
      Doc.Root = None;
      for (const YamlError &E : Doc.Errors)
        if (StringRef(E.Message).startswith("invalid YAML")) {
          YamlError First = E;
          Doc.Errors = {First};
          break;
        }
    }
  }
  return Doc;
}

} // namespace tollgate
