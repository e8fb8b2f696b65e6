//===- YamlTree.h - A located YAML tree -------------------------*- C++ -*-===//
///
/// \file
/// The configuration's view of the project's YAML reader (Yaml/Reader.h):
/// scalars, lists and mappings with their byte spans, and everything a
/// configuration file does not take (anchors, aliases, tags, a second
/// document) reported as an error.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_CONFIG_YAMLTREE_H
#define TOLLGATE_LIB_CONFIG_YAMLTREE_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/Optional.h"

#include <string>
#include <vector>

namespace tollgate {

struct YamlNode {
  enum NodeKind { Null, Scalar, Sequence, Mapping, Unsupported };
  NodeKind Kind = Null;
  Span Range;
  /// A scalar's value, escapes resolved.
  std::string Value;
  /// A sequence's items; a mapping's keys and values alternate.
  std::vector<YamlNode> Items;

  size_t mappingSize() const { return Items.size() / 2; }
  const YamlNode &key(size_t I) const { return Items[2 * I]; }
  const YamlNode &value(size_t I) const { return Items[2 * I + 1]; }
};

struct YamlError {
  Span Range;
  std::string Message;
};

struct YamlDocument {
  /// None when the text holds no document or could not be parsed.
  llvm::Optional<YamlNode> Root;
  std::vector<YamlError> Errors;
};

/// Reads the one YAML document of \p Src. Syntax errors, a second document,
/// anchors and tags come back as errors.
YamlDocument readYaml(const SourceFile &Src);

} // namespace tollgate

#endif // TOLLGATE_LIB_CONFIG_YAMLTREE_H
