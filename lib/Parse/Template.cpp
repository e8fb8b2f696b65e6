//===- Template.cpp - Policies inside infrastructure code -----------------===//
//
// Detection of templates, the tree builder, and policies written as JSON
// strings (Terraform plans, CloudFormation properties that take a string).
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

using namespace llvm;

namespace tollgate {

StringRef templateKindName(TemplateKind K) {
  switch (K) {
  case TemplateKind::CloudFormation:
    return "CloudFormation template";
  case TemplateKind::TerraformPlan:
    return "Terraform plan";
  }
  return "template";
}

bool isTemplateFileName(StringRef Name) {
  return Name.endswith_insensitive(".yaml") ||
         Name.endswith_insensitive(".yml") ||
         Name.endswith_insensitive(".template");
}

bool looksLikeYamlTemplate(StringRef Text) {
  // A cheap look at the top-level keys; the real reading happens at lint
  // time. Either marker must start a line, after any indentation (a
  // document may indent its top-level keys).
  auto atLineStart = [&](StringRef Key) {
    size_t Pos = 0;
    while ((Pos = Text.find(Key, Pos)) != StringRef::npos) {
      // The last character before the key that is not a space.
      size_t Before = Text.find_last_not_of(' ', Pos);
      if (Before == StringRef::npos || Text[Before] == '\n')
        return true;
      Pos += Key.size();
    }
    return false;
  };
  if (atLineStart("AWSTemplateFormatVersion:") ||
      atLineStart("\"AWSTemplateFormatVersion\""))
    return true;
  return atLineStart("Resources:") &&
         (Text.contains("Type: AWS::") || Text.contains("Type: 'AWS::") ||
          Text.contains("Type: \"AWS::"));
}

std::unique_ptr<Template> readTemplate(StringRef Text, StringRef Name,
                                       const json::Value *Json,
                                       bool LiteralPlaceholders,
                                       const ConditionAssignment *Assignment) {
  auto T = std::make_unique<Template>();
  T->LiteralPlaceholders = LiteralPlaceholders;
  T->Assignment = Assignment;
  tmpl::TreeBuilder B(*T);
  if (Json) {
    if (tmpl::isTerraformPlan(*Json)) {
      T->Kind = TemplateKind::TerraformPlan;
      tmpl::extractTerraform(*Json, Text, B);
      return T;
    }
    if (!tmpl::isCloudFormation(*Json))
      return nullptr;
    tmpl::extractCloudFormation(*Json, Text, B);
    return T;
  }
  if (!looksLikeYamlTemplate(Text))
    return nullptr;
  const json::Value *Root = tmpl::readYaml(Text, B);
  if (!Root)
    return T->SyntaxError ? std::move(T) : nullptr;
  if (!tmpl::isCloudFormation(*Root))
    return nullptr;
  tmpl::extractCloudFormation(*Root, Text, B);
  return T;
}

namespace tmpl {

std::string TreeBuilder::placeholder(StringRef Key) const {
  return T.LiteralPlaceholders ? ("{{" + Key + "}}").str()
                               : ("${" + Key + "}").str();
}

std::string TreeBuilder::lambdaArn(StringRef Name) const {
  return ("arn:" + placeholder("AWS::Partition") +
          ":lambda:" + placeholder("AWS::Region") + ":" +
          placeholder("AWS::AccountId") + ":function:" + Name)
      .str();
}

StringRef TreeBuilder::save(StringRef S) {
  if (S.empty())
    return StringRef();
  char *Mem = T.Arena.Allocate<char>(S.size());
  std::copy(S.begin(), S.end(), Mem);
  return StringRef(Mem, S.size());
}

json::Value TreeBuilder::string(StringRef S, Span Range) {
  json::Value V;
  V.K = json::Kind::String;
  V.Text = save(S);
  V.Range = Range;
  return V;
}

json::Value TreeBuilder::array(const std::vector<json::Value> &Elements,
                               Span Range) {
  json::Value V;
  V.K = json::Kind::Array;
  V.Range = Range;
  if (!Elements.empty()) {
    json::Value *Mem = T.Arena.Allocate<json::Value>(Elements.size());
    std::uninitialized_copy(Elements.begin(), Elements.end(), Mem);
    V.Elements = makeArrayRef(Mem, Elements.size());
  }
  return V;
}

json::Value TreeBuilder::object(const std::vector<json::Member> &Members,
                                Span Range) {
  json::Value V;
  V.K = json::Kind::Object;
  V.Range = Range;
  if (!Members.empty()) {
    json::Member *Mem = T.Arena.Allocate<json::Member>(Members.size());
    std::uninitialized_copy(Members.begin(), Members.end(), Mem);
    V.Members = makeArrayRef(Mem, Members.size());
  }
  return V;
}

json::Value *TreeBuilder::copy(const json::Value &V) {
  json::Value *Mem = T.Arena.Allocate<json::Value>();
  new (Mem) json::Value(V);
  return Mem;
}

json::Value TreeBuilder::remap(const json::Value &V,
                               function_ref<uint32_t(uint32_t)> Map) {
  Span R(Map(V.Range.Begin), Map(V.Range.End));
  switch (V.K) {
  case json::Kind::Array: {
    std::vector<json::Value> Elements;
    for (const json::Value &E : V.Elements)
      Elements.push_back(remap(E, Map));
    return array(Elements, R);
  }
  case json::Kind::Object: {
    std::vector<json::Member> Members;
    for (const json::Member &M : V.Members)
      Members.push_back({save(M.Key),
                         Span(Map(M.KeyRange.Begin), Map(M.KeyRange.End)),
                         remap(M.Val, Map)});
    return object(Members, R);
  }
  default: {
    json::Value Out = V;
    Out.Text = save(V.Text);
    Out.Range = R;
    return Out;
  }
  }
}

/// Decodes the JSON string literal \p Raw (without its quotes), which
/// starts at byte \p Base of the file. \p Map receives, for every decoded
/// byte, the offset of the source character it came from, and one more
/// entry for the end.
static std::string decodeWithMap(StringRef Raw, uint32_t Base,
                                 std::vector<uint32_t> &Map) {
  std::string Out;
  auto emit = [&](StringRef Bytes, uint32_t From) {
    Out += Bytes;
    Map.insert(Map.end(), Bytes.size(), From);
  };
  for (size_t I = 0; I < Raw.size();) {
    uint32_t From = Base + I;
    if (Raw[I] != '\\' || I + 1 >= Raw.size()) {
      emit(Raw.substr(I, 1), From);
      ++I;
      continue;
    }
    char E = Raw[I + 1];
    if (E != 'u') {
      char C;
      switch (E) {
      case 'n':
        C = '\n';
        break;
      case 't':
        C = '\t';
        break;
      case 'r':
        C = '\r';
        break;
      case 'b':
        C = '\b';
        break;
      case 'f':
        C = '\f';
        break;
      default:
        C = E;
      }
      emit(StringRef(&C, 1), From);
      I += 2;
      continue;
    }
    unsigned Code = 0;
    size_t Len = 6;
    if (I + 6 > Raw.size() || Raw.substr(I + 2, 4).getAsInteger(16, Code)) {
      emit(Raw.substr(I, 1), From);
      ++I;
      continue;
    }
    if (Code >= 0xD800 && Code < 0xDC00 && I + 12 <= Raw.size() &&
        Raw.substr(I + 6, 2) == "\\u") {
      unsigned Low = 0;
      if (!Raw.substr(I + 8, 4).getAsInteger(16, Low) && Low >= 0xDC00 &&
          Low < 0xE000) {
        Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
        Len = 12;
      }
    }
    char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *Ptr = Buf;
    if (!ConvertCodePointToUTF8(Code, Ptr))
      Ptr = Buf;
    emit(StringRef(Buf, Ptr - Buf), From);
    I += Len;
  }
  Map.push_back(Base + Raw.size());
  return Out;
}

void readEmbeddedJson(const json::Value &V, StringRef Text, TemplatePolicy &P,
                      TreeBuilder &B) {
  std::vector<uint32_t> Map;
  std::string Decoded;
  if (V.Range.size() >= 2 && Text.size() >= V.Range.End &&
      Text[V.Range.Begin] == '"') {
    Decoded = decodeWithMap(Text.slice(V.Range.Begin + 1, V.Range.End - 1),
                            V.Range.Begin + 1, Map);
  } else {
    // A YAML scalar: its decoded text does not map to the source byte for
    // byte, so every position is the scalar's start.
    Decoded = V.Text.str();
    Map.assign(Decoded.size() + 1, V.Range.Begin);
  }
  if (Decoded != V.Text) {
    Decoded = V.Text.str();
    Map.assign(Decoded.size() + 1, V.Range.Begin);
  }
  auto MapOffset = [&](uint32_t Off) {
    return Map[std::min<size_t>(Off, Map.size() - 1)];
  };
  B.T.Texts.push_back(std::move(Decoded));
  json::ReadResult R = json::read(B.T.Texts.back());
  for (json::ReadIssue I : R.Issues) {
    I.Range = Span(MapOffset(I.Range.Begin), MapOffset(I.Range.End));
    I.Previous = Span(MapOffset(I.Previous.Begin), MapOffset(I.Previous.End));
    P.Issues.push_back(std::move(I));
  }
  if (!R.Doc)
    return;
  P.Root = B.copy(B.remap(R.Doc->root(), MapOffset));
}

} // namespace tmpl
} // namespace tollgate
