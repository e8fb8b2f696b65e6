//===- Reader.cpp - Located YAML reader -----------------------------------===//
//
// libyaml reports positions in characters; they are turned into byte
// offsets through a table built only when the text is not ASCII.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Yaml/Reader.h"

#include "llvm/ADT/StringExtras.h"

#include <yaml.h>

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace yaml {

bool Node::isNull() const {
  return Kind == NodeKind::Scalar && Style == ScalarStyle::Plain &&
         Tag.empty() &&
         (Value.empty() || Value == "~" || Value == "null" || Value == "Null" ||
          Value == "NULL");
}

namespace {

/// Owns a libyaml parser.
struct Parser {
  yaml_parser_t P;
  Parser() { yaml_parser_initialize(&P); }
  ~Parser() { yaml_parser_delete(&P); }
};

/// Owns one parser event.
struct Event {
  yaml_event_t E;
  bool Live = false;
  ~Event() { reset(); }
  void reset() {
    if (Live)
      yaml_event_delete(&E);
    Live = false;
  }
};

class TreeBuilder {
public:
  TreeBuilder(StringRef Text, const ReadOptions &Options)
      : Text(Text), Options(Options) {
    // libyaml skips a UTF-8 byte order mark and counts from after it.
    if (Text.startswith("\xEF\xBB\xBF"))
      Base = 3;
    if (llvm::any_of(Text, [](char C) { return (unsigned char)C >= 0x80; })) {
      for (size_t I = Base; I < Text.size(); ++I)
        if (((unsigned char)Text[I] & 0xC0) != 0x80)
          ByteOf.push_back(I);
      ByteOf.push_back(Text.size());
    }
  }

  Stream run();

private:
  uint32_t offset(const yaml_mark_t &M) const {
    if (ByteOf.empty())
      return std::min<size_t>(Base + M.index, Text.size());
    return ByteOf[std::min<size_t>(M.index, ByteOf.size() - 1)];
  }
  void fail(Error::ErrorKind K, uint32_t At, const Twine &Message, Stream &S) {
    Error E;
    E.K = K;
    E.Range = Span(At, At);
    E.Message = Message.str();
    StringRef Before = Text.take_front(At);
    E.Line = 1 + Before.count('\n');
    size_t LineStart = Before.rfind('\n');
    E.Column = 1 + countCodePoints(LineStart == StringRef::npos
                                       ? Before
                                       : Before.drop_front(LineStart + 1));
    S.Err = std::move(E);
  }
  void parserError(const yaml_parser_t &P, Stream &S);
  /// Fills a new node's span, tag and anchor from its start event.
  void startNode(Node &N, const yaml_event_t &E, const yaml_char_t *Tag,
                 const yaml_char_t *Anchor);

  StringRef Text;
  const ReadOptions &Options;
  size_t Base = 0;
  /// The byte offset of each character, when the text is not ASCII.
  std::vector<uint32_t> ByteOf;
};

void TreeBuilder::parserError(const yaml_parser_t &P, Stream &S) {
  std::string Message = P.problem ? P.problem : "invalid YAML";
  if (P.context) {
    Message += std::string(" ") + P.context;
    // Name where the unfinished construct starts, when that is elsewhere.
    if (P.context_mark.line != P.problem_mark.line)
      Message += " that starts at line " +
                 std::to_string(P.context_mark.line + 1) + ", column " +
                 std::to_string(P.context_mark.column + 1);
  }
  if (P.error == YAML_READER_ERROR) {
    // The reader counts bytes of the raw input.
    uint32_t At = std::min<size_t>(P.problem_offset, Text.size());
    fail(Error::Encoding, At, Message, S);
    return;
  }
  uint32_t At = offset(P.problem_mark);
  // At the end of the text, point after its last character rather than at
  // the blank lines that follow it.
  if (Text.drop_front(At).trim().empty()) {
    size_t Last = Text.take_front(At).find_last_not_of(" \t\r\n");
    if (Last != StringRef::npos)
      At = Last + 1;
  }
  fail(Error::Syntax, At, Message, S);
}

void TreeBuilder::startNode(Node &N, const yaml_event_t &E,
                            const yaml_char_t *Tag, const yaml_char_t *Anchor) {
  N.Range = Span(offset(E.start_mark), offset(E.end_mark));
  N.ContentBegin = N.Range.Begin;
  if (Tag)
    N.Tag = reinterpret_cast<const char *>(Tag);
  if (Anchor)
    N.Anchor = reinterpret_cast<const char *>(Anchor);
  if (!Tag && !Anchor)
    return;
  // The properties (`!Tag`, `&anchor`) come first, separated by space.
  size_t I = N.Range.Begin;
  while (I < Text.size() && (Text[I] == '!' || Text[I] == '&')) {
    size_t End = Text.find_first_of(" \t\r\n", I);
    if (End == StringRef::npos)
      End = Text.size();
    if (Text[I] == '!')
      N.TagRange = Span(I, End);
    I = Text.find_first_not_of(" \t\r\n", End);
    if (I == StringRef::npos)
      I = Text.size();
  }
  N.ContentBegin =
      std::max<size_t>(std::min<size_t>(I, N.Range.End), N.Range.Begin);
}

Stream TreeBuilder::run() {
  Stream S;
  if (Text.startswith("\xFF\xFE") || Text.startswith("\xFE\xFF")) {
    fail(Error::Encoding, 0, "the text is UTF-16; save it as UTF-8", S);
    return S;
  }
  Parser P;
  yaml_parser_set_input_string(
      &P.P, reinterpret_cast<const unsigned char *>(Text.data()), Text.size());
  // The collections being read, innermost last. Nodes of later documents
  // are built in Scratch and dropped.
  std::vector<Node *> Open;
  Node Scratch;
  Node First;
  bool HaveFirst = false;
  for (;;) {
    Event E;
    if (!yaml_parser_parse(&P.P, &E.E)) {
      parserError(P.P, S);
      return S;
    }
    E.Live = true;
    const yaml_event_t &Ev = E.E;
    Node *N = nullptr;
    switch (Ev.type) {
    case YAML_STREAM_END_EVENT:
      if (HaveFirst)
        S.Root = std::move(First);
      return S;
    case YAML_DOCUMENT_START_EVENT:
      if (++S.Documents == 2)
        S.SecondDocument = Span(offset(Ev.start_mark), offset(Ev.end_mark));
      continue;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
      Node *C = Open.back();
      Open.pop_back();
      if (C->Flow)
        C->Range.End = offset(Ev.end_mark);
      else if (!C->Items.empty())
        C->Range.End = C->Items.back().Range.End;
      continue;
    }
    case YAML_SCALAR_EVENT:
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
    case YAML_ALIAS_EVENT:
      break;
    default:
      continue;
    }
    // Where the new node goes.
    if (!Open.empty()) {
      Open.back()->Items.emplace_back();
      N = &Open.back()->Items.back();
    } else if (S.Documents == 1) {
      N = &First;
      HaveFirst = true;
    } else {
      Scratch = Node();
      N = &Scratch;
    }
    switch (Ev.type) {
    case YAML_SCALAR_EVENT: {
      const auto &D = Ev.data.scalar;
      startNode(*N, Ev, D.tag, D.anchor);
      N->Value.assign(reinterpret_cast<const char *>(D.value), D.length);
      switch (D.style) {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        N->Style = ScalarStyle::SingleQuoted;
        break;
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        N->Style = ScalarStyle::DoubleQuoted;
        break;
      case YAML_LITERAL_SCALAR_STYLE:
        N->Style = ScalarStyle::Literal;
        break;
      case YAML_FOLDED_SCALAR_STYLE:
        N->Style = ScalarStyle::Folded;
        break;
      default:
        N->Style = ScalarStyle::Plain;
      }
      break;
    }
    case YAML_ALIAS_EVENT:
      N->Kind = NodeKind::Alias;
      startNode(*N, Ev, nullptr, nullptr);
      N->Anchor = reinterpret_cast<const char *>(Ev.data.alias.anchor);
      break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
      bool Seq = Ev.type == YAML_SEQUENCE_START_EVENT;
      if (Open.size() + 1 > Options.MaxDepth) {
        fail(Error::TooDeep, offset(Ev.start_mark),
             "nesting is deeper than " + Twine(Options.MaxDepth) + " levels",
             S);
        return S;
      }
      N->Kind = Seq ? NodeKind::Sequence : NodeKind::Mapping;
      if (Seq) {
        startNode(*N, Ev, Ev.data.sequence_start.tag,
                  Ev.data.sequence_start.anchor);
        N->Flow = Ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
      } else {
        startNode(*N, Ev, Ev.data.mapping_start.tag,
                  Ev.data.mapping_start.anchor);
        N->Flow = Ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
      }
      Open.push_back(N);
      break;
    }
    default:
      break;
    }
  }
}

} // namespace

Stream read(StringRef Text, const ReadOptions &Options) {
  return TreeBuilder(Text, Options).run();
}

} // namespace yaml
} // namespace tollgate
