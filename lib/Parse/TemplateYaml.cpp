//===- TemplateYaml.cpp - YAML to a located JSON tree ---------------------===//
//
// LLVM's YAML parser keeps pointers into the input, so every node's span is
// its offset in the original text. Scalars become strings, except the plain
// `true` and `false` (booleans, as condition values) and `null`/`~`; numbers
// stay strings, since CloudFormation hands policy values to IAM as text.
//
//===----------------------------------------------------------------------===//

#include "TemplateTree.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace tollgate {
namespace tmpl {
namespace {

/// Stands for a `:` inside a plain scalar of a flow collection: a
/// character the scanner takes inside a plain scalar.
const char HiddenColon = '^';

class YamlConverter {
public:
  YamlConverter(StringRef Text, TreeBuilder &B) : Text(Text), B(B) {}

  json::Value convert(yaml::Node *N, uint32_t Fallback);

private:
  uint32_t offset(const char *P) const {
    if (!P || P < Text.begin() || P > Text.end())
      return 0;
    return uint32_t(P - Text.begin());
  }
  json::Value convertUntagged(yaml::Node *N, uint32_t Fallback);

  StringRef Text;
  TreeBuilder &B;
  unsigned Depth = 0;
};

/// The long-form key of a short-form intrinsic tag (`!GetAtt`), or "".
StringRef intrinsicKey(StringRef Tag, std::string &Storage) {
  if (!Tag.startswith("!") || Tag.startswith("!!") || Tag.size() < 2)
    return "";
  StringRef Name = Tag.drop_front();
  if (Name == "Ref" || Name == "Condition")
    return Name;
  Storage = ("Fn::" + Name).str();
  return Storage;
}

} // namespace

json::Value YamlConverter::convert(yaml::Node *N, uint32_t Fallback) {
  if (++Depth > 256) {
    --Depth;
    return B.string("", Span(Fallback, Fallback));
  }
  json::Value V = convertUntagged(N, Fallback);
  std::string Storage;
  StringRef Key = N ? intrinsicKey(N->getRawTag(), Storage) : StringRef();
  if (!Key.empty()) {
    // `!GetAtt Bucket.Arn` is `{"Fn::GetAtt": "Bucket.Arn"}`, spanning the
    // tag and its value.
    uint32_t Begin = offset(N->getRawTag().begin());
    Span Whole(Begin, std::max(Begin, V.Range.End));
    Span TagRange(Begin, Begin + N->getRawTag().size());
    V = B.object({json::Member{B.save(Key), TagRange, V}}, Whole);
  }
  --Depth;
  return V;
}

json::Value YamlConverter::convertUntagged(yaml::Node *N, uint32_t Fallback) {
  if (!N || isa<yaml::NullNode>(N)) {
    json::Value V;
    V.Range = Span(Fallback, Fallback);
    return V;
  }
  if (auto *S = dyn_cast<yaml::ScalarNode>(N)) {
    SMRange R = S->getSourceRange();
    Span Range(offset(R.Start.getPointer()), offset(R.End.getPointer()));
    SmallString<64> Storage;
    StringRef Value = S->getValue(Storage);
    StringRef Raw = S->getRawValue();
    bool Plain = !Raw.startswith("\"") && !Raw.startswith("'");
    bool Tagged = !S->getRawTag().empty();
    std::string Restored;
    if (Plain && Value.contains(HiddenColon) && Value.size() == Range.size()) {
      Restored = Value.str();
      for (size_t I = 0; I < Restored.size(); ++I)
        if (Range.Begin + I < B.HiddenColons.size() &&
            B.HiddenColons[Range.Begin + I])
          Restored[I] = ':';
      Value = Restored;
    }
    json::Value V = B.string(Value, Range);
    if (Plain && !Tagged) {
      if (Value == "true" || Value == "True" || Value == "TRUE" ||
          Value == "false" || Value == "False" || Value == "FALSE") {
        V.K = json::Kind::Bool;
        V.BoolValue = Value.front() == 't' || Value.front() == 'T';
      } else if (Value == "null" || Value == "Null" || Value == "NULL" ||
                 Value == "~") {
        V.K = json::Kind::Null;
        V.Text = StringRef();
      }
    }
    return V;
  }
  if (auto *S = dyn_cast<yaml::BlockScalarNode>(N)) {
    SMRange R = S->getSourceRange();
    Span Range(offset(R.Start.getPointer()), offset(R.End.getPointer()));
    return B.string(S->getValue(), Range);
  }
  if (auto *M = dyn_cast<yaml::MappingNode>(N)) {
    std::vector<json::Member> Members;
    uint32_t Begin = Fallback, End = Fallback;
    bool First = true;
    for (yaml::KeyValueNode &KV : *M) {
      json::Value Key = convert(KV.getKey(), End);
      json::Value Val = convert(KV.getValue(), Key.Range.End);
      if (First)
        Begin = Key.Range.Begin;
      First = false;
      End = std::max(Val.Range.End, Key.Range.End);
      Members.push_back({Key.Text, Key.Range, Val});
    }
    return B.object(Members, Span(Begin, End));
  }
  if (auto *Seq = dyn_cast<yaml::SequenceNode>(N)) {
    std::vector<json::Value> Elements;
    uint32_t Begin = Fallback, End = Fallback;
    bool First = true;
    for (yaml::Node &E : *Seq) {
      json::Value V = convert(&E, End);
      if (First)
        Begin = V.Range.Begin;
      First = false;
      End = std::max(End, V.Range.End);
      Elements.push_back(V);
    }
    return B.array(Elements, Span(Begin, End));
  }
  // Aliases: CloudFormation does not take them; read them as empty text.
  return B.string("", Span(Fallback, Fallback));
}

namespace {

/// LLVM's scanner rejects a `:` inside a plain scalar of a flow collection
/// (`Action: [s3:GetObject, s3:PutObject]`), which YAML 1.2 allows and
/// templates often hold. Such colons are hidden from it, in a copy of the
/// same length so that offsets do not move, and restored in the values.
std::string hideFlowColons(StringRef Text, std::vector<bool> &Hidden) {
  Hidden.assign(Text.size(), false);
  std::string Out = Text.str();
  unsigned Flow = 0;
  char Quote = 0;
  for (size_t I = 0; I < Out.size(); ++I) {
    char C = Out[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      else if (C == '\\' && Quote == '"')
        ++I;
      continue;
    }
    if (C == '#' && (I == 0 || Out[I - 1] == ' ' || Out[I - 1] == '\t' ||
                     Out[I - 1] == '\n')) {
      while (I < Out.size() && Out[I] != '\n')
        ++I;
      continue;
    }
    if ((C == '"' || C == '\'') &&
        (I == 0 || StringRef(" \t\n[{,:").contains(Out[I - 1]))) {
      Quote = C;
      continue;
    }
    if (C == '[' || C == '{')
      ++Flow;
    else if ((C == ']' || C == '}') && Flow)
      --Flow;
    else if (C == ':' && Flow && I > 0 && I + 1 < Out.size() &&
             (isAlnum(Out[I - 1]) ||
              StringRef("-_.*/?").contains(Out[I - 1])) &&
             !StringRef(" \t\r\n,]}").contains(Out[I + 1])) {
      Out[I] = HiddenColon;
      Hidden[I] = true;
    }
  }
  return Out;
}

} // namespace

const json::Value *readYaml(StringRef Original, TreeBuilder &B) {
  std::string Copy = hideFlowColons(Original, B.HiddenColons);
  StringRef Text = Copy;
  SourceMgr SM;
  struct ErrorState {
    bool Failed = false;
    const char *Where = nullptr;
    std::string Message;
  } Error;
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Ctx) {
        auto *E = static_cast<ErrorState *>(Ctx);
        if (E->Failed)
          return;
        E->Failed = true;
        E->Where = D.getLoc().getPointer();
        E->Message = D.getMessage().str();
      },
      &Error);
  yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
  YamlConverter C(Text, B);
  json::Value Root;
  yaml::document_iterator DI = Stream.begin();
  if (DI != Stream.end())
    Root = C.convert(DI->getRoot(), 0);
  if (Error.Failed || Stream.failed()) {
    B.T.SyntaxError = true;
    uint32_t Off =
        Error.Where && Error.Where >= Text.begin() && Error.Where <= Text.end()
            ? uint32_t(Error.Where - Text.begin())
            : 0;
    B.T.ErrorRange = Span(Off, Off);
    B.T.ErrorMessage = Error.Message.empty() ? "invalid YAML" : Error.Message;
    return nullptr;
  }
  return B.copy(Root);
}

} // namespace tmpl
} // namespace tollgate
