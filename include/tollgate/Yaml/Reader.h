//===- Reader.h - Located YAML reader ---------------------------*- C++ -*-===//
///
/// \file
/// Reads YAML 1.1/1.2 (libyaml's event parser) into a tree in which every
/// node keeps its byte span, for CloudFormation templates, the lint
/// configuration and the gate's allow-list. The tree is built from parser
/// events with an explicit stack, and nesting deeper than
/// ReadOptions::MaxDepth stops the reader, so no input can exhaust the call
/// stack. Tags are kept as written (`!Ref`, `!GetAtt`) for the callers to
/// give them meaning.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_YAML_READER_H
#define TOLLGATE_YAML_READER_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace yaml {

enum class NodeKind : uint8_t { Scalar, Sequence, Mapping, Alias };

enum class ScalarStyle : uint8_t {
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
  Folded
};

struct Node {
  NodeKind Kind = NodeKind::Scalar;
  ScalarStyle Style = ScalarStyle::Plain;
  /// A collection written `[...]` or `{...}`.
  bool Flow = false;
  /// The node's bytes, its tag and anchor included.
  Span Range;
  /// The tag as written and resolved: `!Ref`, `tag:yaml.org,2002:str`.
  std::string Tag;
  Span TagRange;
  /// The anchor of the node, or the name an alias refers to.
  std::string Anchor;
  /// A scalar's value, escapes and folding resolved.
  std::string Value;
  /// A sequence's items; a mapping's keys and values alternate.
  std::vector<Node> Items;

  /// Where the content starts, after the tag and the anchor.
  uint32_t ContentBegin = 0;

  bool isScalar() const { return Kind == NodeKind::Scalar; }
  bool isSequence() const { return Kind == NodeKind::Sequence; }
  bool isMapping() const { return Kind == NodeKind::Mapping; }
  /// An untagged plain scalar that YAML reads as null: empty, `~`, `null`.
  bool isNull() const;
  size_t mappingSize() const { return Items.size() / 2; }
  const Node &key(size_t I) const { return Items[2 * I]; }
  const Node &value(size_t I) const { return Items[2 * I + 1]; }
};

struct Error {
  enum ErrorKind {
    Syntax,   ///< Not YAML.
    Encoding, ///< Not UTF-8 text.
    TooDeep,  ///< Nesting beyond ReadOptions::MaxDepth.
  };
  ErrorKind K = Syntax;
  Span Range;
  /// Line and column (from 1, the column in code points) of Range.Begin.
  unsigned Line = 1, Column = 1;
  /// Lower case, without a final period: `did not find expected key while
  /// parsing a block mapping`.
  std::string Message;
};

struct ReadOptions {
  /// The same limit as the JSON reader's.
  unsigned MaxDepth = 256;
};

struct Stream {
  /// The first document's root; none for an empty stream or on an error.
  std::optional<Node> Root;
  /// The number of documents in the stream.
  unsigned Documents = 0;
  /// Where the second document starts (its `---`), when there is one.
  Span SecondDocument;
  std::optional<Error> Err;
};

/// Reads every document of \p Text (below 4 GiB) and keeps the first.
Stream read(llvm::StringRef Text, const ReadOptions &Options = {});

} // namespace yaml
} // namespace tollgate

#endif // TOLLGATE_YAML_READER_H
