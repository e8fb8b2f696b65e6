//===- PolicyVariables.cpp - Splitting strings at policy variables --------===//
//
// Grammar (IAM User Guide, "IAM policy elements: Variables and tags"):
//   variable := '${' key [ ',' ' '* quoted-default ] ' '* '}'
//   escape   := '${*}' | '${?}' | '${$}'
// A default is single-quoted; a quote inside it is written twice.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/PolicyVariables.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {

static bool isKeyChar(char C) {
  return isAlnum(C) || C == ':' || C == '/' || C == '.' || C == '_' ||
         C == '-' || C == '@';
}

namespace {
class VariableSplitter {
public:
  VariableSplitter(StringRef Text, std::vector<StringPart> &Parts,
                   VariableError &Error)
      : Text(Text), Parts(Parts), Error(Error) {}

  bool split() {
    size_t TextBegin = 0;
    size_t Pos = 0;
    while ((Pos = Text.find("${", Pos)) != StringRef::npos) {
      if (Pos > TextBegin)
        addPart(StringPart::Text, Text.slice(TextBegin, Pos));
      size_t End;
      if (!readVariable(Pos, End))
        return false;
      Pos = TextBegin = End;
    }
    if (TextBegin < Text.size())
      addPart(StringPart::Text, Text.substr(TextBegin));
    return true;
  }

private:
  void addPart(StringPart::PartKind K, StringRef Value) {
    StringPart P;
    P.K = K;
    P.Value = Value;
    Parts.push_back(P);
  }

  bool fail(size_t Begin, size_t End, const Twine &Message) {
    Error.Begin = Begin;
    Error.End = End;
    Error.Message = Message.str();
    return false;
  }

  /// Reads the variable that starts at \p Begin (at `${`) and sets \p End
  /// past its `}`.
  bool readVariable(size_t Begin, size_t &End) {
    size_t Close = Text.find('}', Begin);
    size_t NextOpen = Text.find("${", Begin + 2);
    if (Close == StringRef::npos || NextOpen < Close)
      return fail(Begin, std::min(NextOpen, Text.size()),
                  "policy variable is missing its closing '}'");
    End = Close + 1;
    StringRef Body = Text.slice(Begin + 2, Close);
    if (Body.empty())
      return fail(Begin, End, "empty policy variable '${}'");
    if (Body == "*" || Body == "?" || Body == "$") {
      addPart(StringPart::Escape, Body);
      return true;
    }
    size_t KeyEnd = 0;
    while (KeyEnd < Body.size() && isKeyChar(Body[KeyEnd]))
      ++KeyEnd;
    StringRef Key = Body.take_front(KeyEnd);
    StringRef Rest = Body.drop_front(KeyEnd);
    size_t RestBegin = Begin + 2 + KeyEnd;
    if (Key.empty() || (!Rest.empty() && Rest.front() != ',')) {
      char Bad = Rest.empty() ? Body.front() : Rest.front();
      if (Bad == ' ')
        return fail(RestBegin, RestBegin + 1,
                    "space in policy variable '${" + Body +
                        "}' (only after the comma before a default)");
      return fail(RestBegin, RestBegin + 1,
                  "unsupported character '" + Twine(Bad) +
                      "' in policy variable '${" + Body + "}'");
    }
    StringPart Var;
    Var.K = StringPart::Variable;
    Var.Value = Key;
    if (!Rest.empty() && !readDefault(Rest.drop_front(), RestBegin + 1, Var))
      return false;
    Parts.push_back(Var);
    return true;
  }

  /// Reads ` 'default' ` (after the comma) into \p Var.
  bool readDefault(StringRef Rest, size_t RestBegin, StringPart &Var) {
    StringRef Trimmed = Rest.ltrim(' ');
    size_t QuoteAt = RestBegin + (Rest.size() - Trimmed.size());
    Trimmed = Trimmed.rtrim(' ');
    if (Trimmed.size() < 2 || Trimmed.front() != '\'' || Trimmed.back() != '\'')
      return fail(QuoteAt, QuoteAt + std::max<size_t>(Trimmed.size(), 1),
                  "the default value of a policy variable must be in single "
                  "quotes, as in ${aws:username, 'none'}");
    StringRef Inner = Trimmed.drop_front().drop_back();
    // A quote inside the default is written twice; a lone one ends it early.
    for (size_t I = 0; I < Inner.size(); ++I) {
      if (Inner[I] != '\'')
        continue;
      if (I + 1 < Inner.size() && Inner[I + 1] == '\'') {
        ++I;
        continue;
      }
      return fail(QuoteAt + 1 + I, QuoteAt + 2 + I,
                  "a quote inside a default value must be written twice");
    }
    Var.HasDefault = true;
    Var.Default = Inner;
    return true;
  }

  StringRef Text;
  std::vector<StringPart> &Parts;
  VariableError &Error;
};
} // namespace

bool splitPolicyVariables(StringRef Text, std::vector<StringPart> &Parts,
                          VariableError &Error) {
  return VariableSplitter(Text, Parts, Error).split();
}

} // namespace tollgate
