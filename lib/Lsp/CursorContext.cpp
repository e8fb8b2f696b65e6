//===- CursorContext.cpp - What the cursor is in --------------------------===//

#include "tollgate/Lsp/CursorContext.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

namespace {
struct Frame {
  bool Object = false;
  bool ExpectKey = false;
  std::string Key;
};
} // namespace

/// Nesting deeper than this is not a policy being typed; the scan gives up
/// rather than grow without bound.
static constexpr size_t MaxDepth = 256;

static std::optional<CursorContext> jsonContext(StringRef Text,
                                                uint32_t Offset) {
  std::vector<Frame> Stack;
  size_t I = 0;
  while (I < Offset) {
    char C = Text[I];
    switch (C) {
    case '{':
    case '[':
      if (Stack.size() == MaxDepth)
        return std::nullopt;
      Stack.push_back({C == '{', C == '{', ""});
      break;
    case '}':
    case ']':
      if (!Stack.empty())
        Stack.pop_back();
      break;
    case ':':
      if (!Stack.empty() && Stack.back().Object)
        Stack.back().ExpectKey = false;
      break;
    case ',':
      if (!Stack.empty() && Stack.back().Object) {
        Stack.back().ExpectKey = true;
        Stack.back().Key.clear();
      }
      break;
    case '"': {
      size_t Begin = I + 1, J = Begin;
      while (J < Text.size() && Text[J] != '"' && Text[J] != '\n') {
        if (Text[J] == '\\')
          ++J;
        ++J;
      }
      bool IsKey =
          !Stack.empty() && Stack.back().Object && Stack.back().ExpectKey;
      // The cursor is in this string: after its opening quote and not
      // after its closing one.
      if (Offset <= J || J >= Text.size()) {
        CursorContext Ctx;
        Ctx.PrefixBegin = uint32_t(Begin);
        Ctx.Prefix = Text.slice(Begin, Offset).str();
        Ctx.IsKey = IsKey;
        for (size_t F = 0; F < Stack.size(); ++F)
          if (Stack[F].Object && (F + 1 < Stack.size() || !IsKey))
            Ctx.Path.push_back(Stack[F].Key);
        return Ctx;
      }
      if (IsKey)
        Stack.back().Key = Text.slice(Begin, J).str();
      I = J;
      break;
    }
    default:
      break;
    }
    ++I;
  }
  return std::nullopt;
}

static StringRef unquote(StringRef S) {
  S = S.trim();
  if (S.size() >= 2 && (S.front() == '"' || S.front() == '\'') &&
      S.back() == S.front())
    return S.drop_front().drop_back();
  return S;
}

/// One line of YAML taken apart: its indentation, whether it is a list
/// item, and its key, if it has one.
struct YamlLine {
  size_t Indent = 0;
  bool Dash = false;
  /// The text after the indentation and the dash.
  StringRef Content;
  size_t ContentBegin = 0;
};

static YamlLine splitLine(StringRef Line) {
  YamlLine L;
  L.Indent = Line.find_first_not_of(' ');
  if (L.Indent == StringRef::npos)
    L.Indent = Line.size();
  size_t At = L.Indent;
  if (Line.substr(At).startswith("- ") || Line.substr(At) == "-") {
    L.Dash = true;
    At = Line.find_first_not_of(' ', At + 1);
    if (At == StringRef::npos)
      At = Line.size();
  }
  L.ContentBegin = At;
  L.Content = Line.substr(At);
  return L;
}

/// The key of "Key: value" or "Key:", or "" when the text is not a
/// mapping entry. Only a colon followed by a space (or ending the text)
/// separates a key, so `s3:GetObject` is a scalar.
static std::optional<size_t> keyColon(StringRef Content) {
  for (size_t I = 0; I < Content.size(); ++I) {
    if (Content[I] == '"' || Content[I] == '\'') {
      size_t Close = Content.find(Content[I], I + 1);
      if (Close == StringRef::npos)
        return std::nullopt;
      I = Close;
      continue;
    }
    if (Content[I] == ':' && (I + 1 == Content.size() || Content[I + 1] == ' '))
      return I;
  }
  return std::nullopt;
}

static std::optional<CursorContext> yamlContext(StringRef Text,
                                                uint32_t Offset) {
  size_t LineBegin = Text.rfind('\n', Offset);
  LineBegin = LineBegin == StringRef::npos ? 0 : LineBegin + 1;
  StringRef Line = Text.slice(LineBegin, Offset);
  YamlLine Here = splitLine(Line);
  if (Here.Content.startswith("#"))
    return std::nullopt;

  CursorContext Ctx;
  StringRef Scalar = Here.Content;
  size_t ScalarBegin = LineBegin + Here.ContentBegin;
  std::optional<size_t> Colon = keyColon(Here.Content);
  // A colon right at the cursor is part of what is being typed (`s3:`).
  if (Colon && *Colon + 1 == Here.Content.size())
    Colon.reset();
  std::string OwnKey;
  if (Colon) {
    OwnKey = unquote(Here.Content.take_front(*Colon)).str();
    size_t ValueBegin = Here.Content.find_first_not_of(' ', *Colon + 1);
    if (ValueBegin == StringRef::npos)
      ValueBegin = Here.Content.size();
    Scalar = Here.Content.substr(ValueBegin);
    ScalarBegin += ValueBegin;
    Ctx.IsKey = false;
  } else {
    Ctx.IsKey = !Here.Dash;
  }
  // A flow sequence: `[s3:GetObject, s3:Put`.
  size_t Flow = Scalar.find_last_of("[,");
  if (Flow != StringRef::npos) {
    size_t Next = Scalar.find_first_not_of(' ', Flow + 1);
    if (Next == StringRef::npos)
      Next = Scalar.size();
    ScalarBegin += Next;
    Scalar = Scalar.substr(Next);
  }
  if (!Scalar.empty() && (Scalar.front() == '"' || Scalar.front() == '\'')) {
    Scalar = Scalar.drop_front();
    ++ScalarBegin;
  }
  Ctx.Prefix = Scalar.str();
  Ctx.PrefixBegin = uint32_t(ScalarBegin);

  // The parents: each earlier line whose key sits left of the one below
  // it. A list may sit at its key's indentation, and the key of an item
  // `- Key: value` sits right of the dash.
  std::vector<std::string> Parents;
  size_t Threshold = Here.Indent;
  bool InList = Here.Dash;
  size_t End = LineBegin;
  while (End > 0 && (Threshold > 0 || InList)) {
    size_t Begin = Text.rfind('\n', End - 1);
    Begin = Begin == StringRef::npos ? 0 : Begin + 1;
    StringRef Prev = Text.slice(Begin, End - 1);
    if (Prev.endswith("\r"))
      Prev = Prev.drop_back();
    End = Begin;
    YamlLine P = splitLine(Prev);
    if (P.Content.empty() || P.Content.startswith("#"))
      continue;
    std::optional<size_t> C = keyColon(P.Content);
    if (P.Dash) {
      if (P.Indent >= Threshold)
        continue;
      // `- Key:` above holds this line in Key's value; `- Sibling: x`
      // only says that this line is in a list item.
      if (P.ContentBegin < Threshold && C)
        Parents.push_back(unquote(P.Content.take_front(*C)).str());
      Threshold = P.Indent;
      InList = true;
      continue;
    }
    if (P.Indent < Threshold || (InList && P.Indent == Threshold)) {
      if (C)
        Parents.push_back(unquote(P.Content.take_front(*C)).str());
      Threshold = P.Indent;
      InList = false;
    }
  }
  Ctx.Path.assign(Parents.rbegin(), Parents.rend());
  if (Colon)
    Ctx.Path.push_back(OwnKey);
  return Ctx;
}

std::optional<CursorContext> cursorContext(StringRef Text, uint32_t Offset) {
  if (Offset > Text.size())
    return std::nullopt;
  StringRef Start = Text.ltrim();
  if (Start.startswith("{") || Start.startswith("["))
    return jsonContext(Text, Offset);
  return yamlContext(Text, Offset);
}

} // namespace lsp
} // namespace tollgate
