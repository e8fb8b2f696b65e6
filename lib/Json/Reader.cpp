//===- Reader.cpp - Located JSON reader -----------------------------------===//

#include "tollgate/Json/Reader.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace llvm;

namespace tollgate {
namespace json {

StringRef kindName(Kind K) {
  switch (K) {
  case Kind::Null:
    return "null";
  case Kind::Bool:
    return "boolean";
  case Kind::Number:
    return "number";
  case Kind::String:
    return "string";
  case Kind::Array:
    return "array";
  case Kind::Object:
    return "object";
  }
  return "value";
}

const Value *Value::get(StringRef Key) const {
  for (const Member &M : llvm::reverse(Members))
    if (M.Key == Key)
      return &M.Val;
  return nullptr;
}

namespace {

/// A recursive-descent reader. On a fatal error it records the issue and
/// unwinds by returning false from every level.
class Reader {
public:
  Reader(StringRef Text, const ReadOptions &Options, Document &Doc,
         std::vector<ReadIssue> &Issues)
      : Text(Text), Options(Options), Doc(Doc), Issues(Issues) {}

  bool readDocument(Value &Root);

private:
  bool readValue(Value &Out, unsigned Depth);
  bool readString(Value &Out);
  bool readStringBody(StringRef &Decoded, Span &Range);
  bool readNumber(Value &Out);
  /// Reads the items of an array or object up to \p Close, with the depth
  /// limit, separators and bracket errors; \p ReadItem reads one item.
  template <typename ItemFn>
  bool readSequence(unsigned Depth, char Close, StringRef ItemNoun,
                    StringRef Where, ItemFn ReadItem);
  bool readArray(Value &Out, unsigned Depth);
  bool readObject(Value &Out, unsigned Depth);
  bool readLiteral(Value &Out, StringRef Word, Kind K, bool BoolValue);
  void checkDuplicateKeys(ArrayRef<Member> Members);

  void skipSpace() {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (C != ' ' && C != '\t' && C != '\n' && C != '\r')
        return;
      ++Pos;
    }
  }
  bool atEnd() const { return Pos >= Text.size(); }
  char peek() const { return atEnd() ? '\0' : Text[Pos]; }

  bool fail(ReadIssue::IssueKind K, size_t Begin, size_t End,
            const Twine &Message) {
    ReadIssue I;
    I.K = K;
    I.Range = Span(Begin, End);
    I.Message = Message.str();
    Issues.push_back(std::move(I));
    return false;
  }
  bool failHere(const Twine &Expected);
  std::string describeHere() const;

  template <typename T> ArrayRef<T> copyToArena(ArrayRef<T> Items) {
    if (Items.empty())
      return {};
    T *Mem = Doc.Arena.Allocate<T>(Items.size());
    std::uninitialized_copy(Items.begin(), Items.end(), Mem);
    return ArrayRef<T>(Mem, Items.size());
  }

  StringRef Text;
  const ReadOptions &Options;
  Document &Doc;
  std::vector<ReadIssue> &Issues;
  size_t Pos = 0;
};

std::string Reader::describeHere() const {
  if (atEnd())
    return "end of file";
  unsigned char C = Text[Pos];
  if (C >= 0x20 && C < 0x7F) {
    std::string S = "'";
    S += static_cast<char>(C);
    return S + "'";
  }
  std::string S;
  raw_string_ostream OS(S);
  OS << "byte " << format_hex(C, 4);
  return OS.str();
}

bool Reader::failHere(const Twine &Expected) {
  size_t End = atEnd() ? Pos : Pos + 1;
  return fail(ReadIssue::Syntax, Pos, End,
              "expected " + Expected + ", found " + describeHere());
}

bool Reader::readDocument(Value &Root) {
  if (Text.startswith("\xEF\xBB\xBF"))
    Pos = 3;
  skipSpace();
  if (atEnd())
    return fail(ReadIssue::Syntax, Pos, Pos,
                "the document is empty; expected a JSON object");
  if (!readValue(Root, 0))
    return false;
  skipSpace();
  if (!atEnd())
    return failHere("end of file after the top-level value");
  return true;
}

bool Reader::readValue(Value &Out, unsigned Depth) {
  skipSpace();
  switch (peek()) {
  case '{':
    return readObject(Out, Depth + 1);
  case '[':
    return readArray(Out, Depth + 1);
  case '"':
    return readString(Out);
  case 't':
    return readLiteral(Out, "true", Kind::Bool, true);
  case 'f':
    return readLiteral(Out, "false", Kind::Bool, false);
  case 'n':
    return readLiteral(Out, "null", Kind::Null, false);
  default:
    if (peek() == '-' || isDigit(peek()))
      return readNumber(Out);
    return failHere("a JSON value");
  }
}

bool Reader::readLiteral(Value &Out, StringRef Word, Kind K, bool BoolValue) {
  size_t Begin = Pos;
  if (!Text.substr(Pos).startswith(Word)) {
    size_t End = Pos;
    while (End < Text.size() && isAlnum(Text[End]))
      ++End;
    return fail(ReadIssue::Syntax, Begin, std::max(End, Begin + 1),
                "expected a JSON value, found '" + Text.slice(Begin, End) +
                    "' (strings need double quotes)");
  }
  Pos += Word.size();
  Out.K = K;
  Out.BoolValue = BoolValue;
  Out.Range = Span(Begin, Pos);
  return true;
}

bool Reader::readNumber(Value &Out) {
  size_t Begin = Pos;
  auto Digits = [&] {
    size_t Start = Pos;
    while (!atEnd() && isDigit(peek()))
      ++Pos;
    return Pos > Start;
  };
  if (peek() == '-')
    ++Pos;
  if (peek() == '0') {
    ++Pos;
    if (isDigit(peek()))
      return failHere("no leading zeros in a number: a digit after '0' is");
  } else if (!Digits()) {
    return failHere("a digit");
  }
  if (peek() == '.') {
    ++Pos;
    if (!Digits())
      return failHere("a digit after the decimal point");
  }
  if (peek() == 'e' || peek() == 'E') {
    ++Pos;
    if (peek() == '+' || peek() == '-')
      ++Pos;
    if (!Digits())
      return failHere("a digit in the exponent");
  }
  Out.K = Kind::Number;
  Out.Range = Span(Begin, Pos);
  Out.Text = Text.slice(Begin, Pos);
  // Underflow to zero is harmless; overflow to infinity is not a number
  // any condition operator can compare.
  SmallString<64> Copy(Out.Text);
  if (!std::isfinite(std::strtod(Copy.c_str(), nullptr)))
    return fail(ReadIssue::NumberRange, Begin, Pos,
                "number is too large for a 64-bit float");
  return true;
}

static void appendUtf8(SmallVectorImpl<char> &Out, uint32_t CodePoint) {
  char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char *Ptr = Buf;
  ConvertCodePointToUTF8(CodePoint, Ptr);
  Out.append(Buf, Ptr);
}

bool Reader::readString(Value &Out) {
  Out.K = Kind::String;
  return readStringBody(Out.Text, Out.Range);
}

bool Reader::readStringBody(StringRef &Decoded, Span &Range) {
  size_t Begin = Pos++;
  size_t ChunkBegin = Pos;
  SmallString<64> Buffer;
  bool Escaped = false;
  while (true) {
    // Skip plain ASCII (no quote, backslash or control character) eight
    // bytes at a time: most of a policy is such text.
    constexpr uint64_t Ones = 0x0101010101010101ULL;
    constexpr uint64_t Highs = 0x8080808080808080ULL;
    while (Pos + 8 <= Text.size()) {
      uint64_t W;
      std::memcpy(&W, Text.data() + Pos, 8);
      uint64_t Quote = W ^ (Ones * '"'), Back = W ^ (Ones * '\\');
      uint64_t Stop = ((Quote - Ones) & ~Quote) | ((Back - Ones) & ~Back) |
                      ((W - Ones * 0x20) & ~W) | W;
      if (Stop & Highs)
        break;
      Pos += 8;
    }
    if (atEnd())
      return fail(ReadIssue::Syntax, Begin, Pos,
                  "unterminated string: expected '\"' before end of file");
    unsigned char C = Text[Pos];
    if (C == '"')
      break;
    if (C < 0x20)
      return fail(ReadIssue::Syntax, Pos, Pos + 1,
                  C == '\n'
                      ? Twine("unterminated string: a newline in a "
                              "string must be written as \\n")
                      : Twine("control character 0x") + Twine(utohexstr(C)) +
                            " must be escaped in a string");
    if (C >= 0x80) {
      const UTF8 *Src = reinterpret_cast<const UTF8 *>(Text.data() + Pos);
      unsigned Len = getNumBytesForUTF8(C);
      if (Pos + Len > Text.size() || !isLegalUTF8Sequence(Src, Src + Len))
        return fail(ReadIssue::Encoding, Pos, Pos + 1,
                    "invalid UTF-8 byte 0x" + Twine(utohexstr(C)) +
                        " in a string; policies must be UTF-8");
      Pos += Len;
      continue;
    }
    if (C != '\\') {
      ++Pos;
      continue;
    }
    // An escape: flush the plain run before it, then decode.
    Escaped = true;
    Buffer.append(Text.begin() + ChunkBegin, Text.begin() + Pos);
    size_t EscBegin = Pos++;
    char E = peek();
    ++Pos;
    switch (E) {
    case '"':
    case '\\':
    case '/':
      Buffer.push_back(E);
      break;
    case 'b':
      Buffer.push_back('\b');
      break;
    case 'f':
      Buffer.push_back('\f');
      break;
    case 'n':
      Buffer.push_back('\n');
      break;
    case 'r':
      Buffer.push_back('\r');
      break;
    case 't':
      Buffer.push_back('\t');
      break;
    case 'u': {
      auto Hex4 = [&](uint32_t &V) {
        if (Pos + 4 > Text.size())
          return false;
        V = 0;
        for (int I = 0; I < 4; ++I) {
          unsigned D = hexDigitValue(Text[Pos + I]);
          if (D == -1U)
            return false;
          V = V * 16 + D;
        }
        Pos += 4;
        return true;
      };
      uint32_t CP;
      if (!Hex4(CP))
        return fail(ReadIssue::Syntax, EscBegin, std::min(Pos + 4, Text.size()),
                    "\\u must be followed by four hex digits");
      if (CP >= 0xD800 && CP <= 0xDBFF) {
        uint32_t Low;
        if (!Text.substr(Pos).startswith("\\u") || (Pos += 2, !Hex4(Low)) ||
            Low < 0xDC00 || Low > 0xDFFF)
          return fail(ReadIssue::Encoding, EscBegin, Pos,
                      "unpaired UTF-16 surrogate in \\u escape");
        CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
      } else if (CP >= 0xDC00 && CP <= 0xDFFF) {
        return fail(ReadIssue::Encoding, EscBegin, Pos,
                    "unpaired UTF-16 surrogate in \\u escape");
      }
      appendUtf8(Buffer, CP);
      break;
    }
    default: {
      size_t Length;
      std::string Found = quotedCharAt(Text, EscBegin + 1, Length);
      Pos = EscBegin + 1;
      return fail(ReadIssue::Syntax, EscBegin, EscBegin + 1 + Length,
                  "invalid escape sequence '\\" + Found + "' in a string");
    }
    }
    ChunkBegin = Pos;
  }
  Range = Span(Begin, Pos + 1);
  if (!Escaped) {
    Decoded = Text.slice(Begin + 1, Pos);
  } else {
    Buffer.append(Text.begin() + ChunkBegin, Text.begin() + Pos);
    char *Mem = Doc.Arena.Allocate<char>(Buffer.size());
    std::copy(Buffer.begin(), Buffer.end(), Mem);
    Decoded = StringRef(Mem, Buffer.size());
  }
  ++Pos;
  return true;
}

template <typename ItemFn>
bool Reader::readSequence(unsigned Depth, char Close, StringRef ItemNoun,
                          StringRef Where, ItemFn ReadItem) {
  if (Depth > Options.MaxDepth)
    return fail(ReadIssue::TooDeep, Pos, Pos + 1,
                "nesting is deeper than " + Twine(Options.MaxDepth) +
                    " levels");
  ++Pos;
  skipSpace();
  if (peek() == Close) {
    ++Pos;
    return true;
  }
  while (true) {
    if (!ReadItem())
      return false;
    skipSpace();
    if (peek() == ',') {
      ++Pos;
      skipSpace();
      if (peek() == Close)
        return failHere("a " + ItemNoun +
                        " after ',' (JSON has no trailing "
                        "commas)");
      continue;
    }
    if (peek() == Close) {
      ++Pos;
      return true;
    }
    return failHere("',' or '" + Twine(Close) + "' in the " + Where);
  }
}

bool Reader::readArray(Value &Out, unsigned Depth) {
  size_t Begin = Pos;
  SmallVector<Value, 8> Items;
  if (!readSequence(Depth, ']', "value", "array", [&] {
        Items.emplace_back();
        return readValue(Items.back(), Depth);
      }))
    return false;
  Out.K = Kind::Array;
  Out.Range = Span(Begin, Pos);
  Out.Elements = copyToArena<Value>(Items);
  return true;
}

bool Reader::readObject(Value &Out, unsigned Depth) {
  size_t Begin = Pos;
  SmallVector<Member, 8> Members;
  if (!readSequence(Depth, '}', "key", "object", [&] {
        skipSpace();
        if (peek() != '"')
          return failHere(Members.empty() ? "'\"' to begin a key or '}'"
                                          : "'\"' to begin a key");
        Members.emplace_back();
        Member &M = Members.back();
        if (!readStringBody(M.Key, M.KeyRange))
          return false;
        skipSpace();
        if (peek() != ':')
          return failHere("':' after the key");
        ++Pos;
        return readValue(M.Val, Depth);
      }))
    return false;
  Out.K = Kind::Object;
  Out.Range = Span(Begin, Pos);
  Out.Members = copyToArena<Member>(Members);
  checkDuplicateKeys(Out.Members);
  return true;
}

void Reader::checkDuplicateKeys(ArrayRef<Member> Members) {
  auto Report = [&](const Member &First, const Member &Again) {
    ReadIssue I;
    I.K = ReadIssue::DuplicateKey;
    I.Range = Again.KeyRange;
    I.Previous = First.KeyRange;
    I.Message = ("duplicate key \"" + Again.Key + "\"").str();
    Issues.push_back(std::move(I));
  };
  if (Members.size() <= 16) {
    for (size_t I = 1; I < Members.size(); ++I)
      for (size_t J = 0; J < I; ++J)
        if (Members[I].Key == Members[J].Key) {
          Report(Members[J], Members[I]);
          break;
        }
    return;
  }
  DenseMap<StringRef, size_t> Seen;
  for (size_t I = 0; I < Members.size(); ++I) {
    auto Inserted = Seen.try_emplace(Members[I].Key, I);
    if (!Inserted.second)
      Report(Members[Inserted.first->second], Members[I]);
  }
}

} // namespace

ReadResult read(StringRef Text, const ReadOptions &Options) {
  ReadResult Result;
  auto Doc = std::make_unique<Document>();
  Reader R(Text, Options, *Doc, Result.Issues);
  if (R.readDocument(Doc->Root))
    Result.Doc = std::move(Doc);
  return Result;
}

} // namespace json
} // namespace tollgate
