//===- Propose.cpp - The fixes that findings propose ----------------------===//

#include "tollgate/Fix/Propose.h"
#include "LocatedTree.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>

#include <functional>

using namespace llvm;

namespace tollgate {
namespace {

constexpr StringRef CurrentVersion = "2012-10-17";

/// The bytes of the scalar token at \p Range that hold its text: inside the
/// quotes of a string without escapes, or a whole plain YAML scalar. None
/// when escapes make the token's bytes differ from its text.
std::optional<Span> scalarContent(StringRef Text, Span Range) {
  if (Range.End > Text.size() || Range.empty())
    return std::nullopt;
  StringRef Token = Text.slice(Range.Begin, Range.End);
  char Q = Token.front();
  if (Q == '"' || Q == '\'') {
    if (Token.size() < 2 || Token.back() != Q)
      return std::nullopt;
    StringRef Inner = Token.drop_front().drop_back();
    if (Q == '"' && Inner.contains('\\'))
      return std::nullopt;
    if (Q == '\'' && Inner.contains('\''))
      return std::nullopt;
    return Span(Range.Begin + 1, Range.End - 1);
  }
  // A plain scalar: one line, no flow indicators or comment in it.
  if (Token.find_first_of("\n\"'#{}[],") != StringRef::npos)
    return std::nullopt;
  return Range;
}

/// Whether \p V and \p W hold the same JSON value.
bool sameValue(const json::Value &V, const json::Value &W) {
  if (V.K != W.K)
    return false;
  switch (V.K) {
  case json::Kind::Null:
    return true;
  case json::Kind::Bool:
    return V.BoolValue == W.BoolValue;
  case json::Kind::Number:
  case json::Kind::String:
    return V.Text == W.Text;
  case json::Kind::Array:
    if (V.Elements.size() != W.Elements.size())
      return false;
    for (size_t I = 0; I < V.Elements.size(); ++I)
      if (!sameValue(V.Elements[I], W.Elements[I]))
        return false;
    return true;
  case json::Kind::Object:
    if (V.Members.size() != W.Members.size())
      return false;
    for (size_t I = 0; I < V.Members.size(); ++I)
      if (V.Members[I].Key != W.Members[I].Key ||
          !sameValue(V.Members[I].Val, W.Members[I].Val))
        return false;
    return true;
  }
  return false;
}

size_t lineStart(StringRef Text, size_t At) {
  size_t NL = Text.rfind('\n', At);
  return NL == StringRef::npos ? 0 : NL + 1;
}

/// The edit that removes \p Item from its object or array, with the comma
/// or the line that goes with it. None when it is the only item, or when
/// the text around it is not laid out as expected.
std::optional<Edit> removeItem(StringRef Text, const TreeItem &Item) {
  const json::Value &Parent = *Item.Parent;
  size_t Count =
      Parent.isObject() ? Parent.Members.size() : Parent.Elements.size();
  if (Count < 2)
    return std::nullopt;
  auto SpanOf = [&](size_t I) { return TreeItem{&Parent, I}.span(); };
  Span This = SpanOf(Item.Index);
  if (Parent.Range.Begin >= Text.size())
    return std::nullopt;
  char Open = Text[Parent.Range.Begin];
  if (Open == '{' || Open == '[') {
    // JSON, or YAML flow style: up to the next item, or from the previous.
    if (Item.Index + 1 < Count) {
      Span Next = SpanOf(Item.Index + 1);
      return Edit{This.Begin, Next.Begin - This.Begin, ""};
    }
    Span Prev = SpanOf(Item.Index - 1);
    return Edit{Prev.End, This.End - Prev.End, ""};
  }
  // YAML block style: the item's own lines. Before it on its line only
  // indentation and `- `; after it only blanks or a comment.
  size_t Begin = lineStart(Text, This.Begin);
  StringRef Before = Text.slice(Begin, This.Begin);
  StringRef Lead = Before.ltrim(" ");
  if (!(Lead.empty() || (Parent.isArray() && Lead.rtrim(" ") == "-")))
    return std::nullopt;
  if (Parent.isArray() && Lead.empty())
    return std::nullopt;
  size_t End = Text.find('\n', This.End);
  StringRef After = Text.slice(This.End, End);
  StringRef Rest = After.ltrim(" \t\r");
  if (!Rest.empty() && !Rest.startswith("#"))
    return std::nullopt;
  End = End == StringRef::npos ? Text.size() : End + 1;
  return Edit{uint32_t(Begin), uint32_t(End - Begin), ""};
}

/// Whether the object holds a member named \p Key.
bool hasMember(const json::Value &Object, StringRef Key) {
  for (const json::Member &M : Object.Members)
    if (M.Key == Key)
      return true;
  return false;
}

class Proposer {
public:
  Proposer(StringRef Name, StringRef Text) : Text(Text), Tree(Name, Text) {}

  std::optional<Fix> propose(const Diagnostic &D);
  bool onPlan() const { return Tree.isPlan(); }
  static bool mayFix(StringRef Code) {
    static const StringRef Codes[] = {"IAM005", "IAM006", "IAM010", "IAM014",
                                      "IAM016", "IAM109", "IAM110", "IAM111",
                                      "IAM401", "IAM402", "IAM405", "IAM406"};
    return llvm::is_contained(Codes, Code);
  }

private:
  std::optional<Fix> effectCase(const Diagnostic &D);
  std::optional<Fix> missingVersion(const Diagnostic &D);
  std::optional<Fix> oldVersion(const Diagnostic &D);
  std::optional<Fix> renameKey(const Diagnostic &D, FixSafety Safety);
  std::optional<Fix> replaceValue(const Diagnostic &D);
  std::optional<Fix> removeEntry(const Diagnostic &D);
  std::optional<Fix> duplicateKey(const Diagnostic &D);

  /// Whether the policy document \p Root writes `${`: a policy variable
  /// under 2012-10-17, plain text under 2008-10-17 or without a Version.
  /// In a template's `!Sub`, `${Name}` is the template's own value and
  /// `${!Name}` the policy's text `${Name}`.
  bool usesVariables(const json::Value &Root) const {
    for (size_t At = Text.find("${", Root.Range.Begin);
         At != StringRef::npos && At < Root.Range.End;
         At = Text.find("${", At + 2))
      if (!Tree.computedAt(At) || Text.substr(At + 2).startswith("!"))
        return true;
    return false;
  }

  Fix make(const Diagnostic &D, std::string Title, FixSafety S,
           AccessClaim C) const {
    Fix F;
    F.Code = D.Check->Code;
    F.Title = std::move(Title);
    F.Safety = S;
    F.Claim = C;
    F.Pointer = D.Pointer;
    F.Message = D.Message;
    F.Finding = D.Range;
    return F;
  }

  StringRef Text;
  LocatedTree Tree;
};

std::optional<Fix> Proposer::propose(const Diagnostic &D) {
  StringRef Code = D.Check->Code;
  if (Code == "IAM010")
    return effectCase(D);
  if (Code == "IAM014")
    return missingVersion(D);
  if (Code == "IAM016")
    return oldVersion(D);
  if (Code == "IAM006")
    return renameKey(D, FixSafety::Safe);
  if (Code == "IAM405" || Code == "IAM406")
    return renameKey(D, FixSafety::Unsafe);
  if (Code == "IAM401" || Code == "IAM402")
    return replaceValue(D);
  if (Code == "IAM109" || Code == "IAM110" || Code == "IAM111")
    return removeEntry(D);
  if (Code == "IAM005")
    return duplicateKey(D);
  return std::nullopt;
}

std::optional<Fix> Proposer::effectCase(const Diagnostic &D) {
  std::optional<Span> Content = scalarContent(Text, D.Range);
  if (!Content)
    return std::nullopt;
  StringRef Word = Text.slice(Content->Begin, Content->End);
  StringRef Right = Word.equals_insensitive("allow")  ? "Allow"
                    : Word.equals_insensitive("deny") ? "Deny"
                                                      : "";
  if (Right.empty() || Word == Right)
    return std::nullopt;
  Fix F = make(D, ("change `" + Word + "` to `" + Right + "`").str(),
               FixSafety::Safe, AccessClaim::ChangesAccess);
  F.Edits.push_back({Content->Begin, Content->size(), Right.str()});
  return F;
}

std::optional<Fix> Proposer::missingVersion(const Diagnostic &D) {
  const json::Value *Root = Tree.objectAt(D.Range.Begin);
  if (!Root || Root->Members.empty())
    return std::nullopt;
  bool Variables = usesVariables(*Root);
  Fix F =
      make(D, ("add \"Version\": \"" + CurrentVersion + "\"").str(),
           Variables ? FixSafety::Unsafe : FixSafety::Safe,
           Variables ? AccessClaim::ChangesAccess : AccessClaim::KeepsAccess);
  uint32_t First = Root->Members.front().KeyRange.Begin;
  if (Text[Root->Range.Begin] == '{') {
    // Indented like the first member, or inline after the brace.
    StringRef Gap = Text.slice(Root->Range.Begin + 1, First);
    std::string Insert =
        Gap.find_first_not_of(" \t\r\n") == StringRef::npos ? Gap.str() : " ";
    bool Inline = Insert.empty();
    Insert += ("\"Version\": \"" + CurrentVersion + "\",").str();
    if (Inline)
      Insert += " ";
    F.Edits.push_back({Root->Range.Begin + 1, 0, std::move(Insert)});
    return F;
  }
  // A YAML block mapping: a line of its own before the first key, at the
  // same column.
  size_t Begin = lineStart(Text, First);
  StringRef Before = Text.slice(Begin, First);
  if (Before.find_first_not_of(" -") != StringRef::npos)
    return std::nullopt;
  std::string Insert = ("Version: \"" + CurrentVersion + "\"\n").str();
  Insert.append(Before.size(), ' ');
  F.Edits.push_back({First, 0, std::move(Insert)});
  return F;
}

std::optional<Fix> Proposer::oldVersion(const Diagnostic &D) {
  std::optional<Span> Content = scalarContent(Text, D.Range);
  if (!Content)
    return std::nullopt;
  const TreeItem *Item = Tree.memberWithValueAt(D.Range.Begin);
  bool Variables = !Item || usesVariables(*Item->Parent);
  Fix F =
      make(D, ("change the Version to \"" + CurrentVersion + "\"").str(),
           Variables ? FixSafety::Unsafe : FixSafety::Safe,
           Variables ? AccessClaim::ChangesAccess : AccessClaim::KeepsAccess);
  F.Edits.push_back({Content->Begin, Content->size(), CurrentVersion.str()});
  return F;
}

std::optional<Fix> Proposer::renameKey(const Diagnostic &D, FixSafety Safety) {
  if (D.Suggestion.empty())
    return std::nullopt;
  const TreeItem *Item = Tree.memberAt(D.Range.Begin);
  if (!Item || hasMember(*Item->Parent, D.Suggestion))
    return std::nullopt;
  std::optional<Span> Content = scalarContent(Text, Item->member()->KeyRange);
  if (!Content)
    return std::nullopt;
  StringRef Old = Text.slice(Content->Begin, Content->End);
  Fix F = make(D, ("rename `" + Old + "` to `" + D.Suggestion + "`").str(),
               Safety, AccessClaim::ChangesAccess);
  F.Edits.push_back({Content->Begin, Content->size(), D.Suggestion});
  return F;
}

std::optional<Fix> Proposer::replaceValue(const Diagnostic &D) {
  if (D.Suggestion.empty())
    return std::nullopt;
  std::optional<Span> Content = scalarContent(Text, D.Range);
  if (!Content)
    return std::nullopt;
  StringRef Old = Text.slice(Content->Begin, Content->End);
  Fix F = make(D, ("change `" + Old + "` to `" + D.Suggestion + "`").str(),
               FixSafety::Unsafe, AccessClaim::ChangesAccess);
  F.Edits.push_back({Content->Begin, Content->size(), D.Suggestion});
  return F;
}

std::optional<Fix> Proposer::removeEntry(const Diagnostic &D) {
  const TreeItem *Item = Tree.elementAt(D.Range.Begin);
  if (!Item || Item->value().Range.End != D.Range.End)
    return std::nullopt;
  std::optional<Edit> E = removeItem(Text, *Item);
  if (!E)
    return std::nullopt;
  std::string What = D.Check->Code == StringRef("IAM111")
                         ? "remove the redundant statement"
                         : "remove the redundant entry";
  if (Item->value().isString())
    What = ("remove `" + Item->value().Text + "`").str();
  Fix F = make(D, What, FixSafety::Safe, AccessClaim::KeepsAccess);
  F.Edits.push_back(std::move(*E));
  return F;
}

std::optional<Fix> Proposer::duplicateKey(const Diagnostic &D) {
  if (D.Notes.empty())
    return std::nullopt;
  const TreeItem *Second = Tree.memberAt(D.Range.Begin);
  const TreeItem *First = Tree.memberAt(D.Notes.front().Range.Begin);
  if (!Second || !First || Second->Parent != First->Parent ||
      !sameValue(First->value(), Second->value()))
    return std::nullopt;
  std::optional<Edit> E = removeItem(Text, *Second);
  if (!E)
    return std::nullopt;
  Fix F = make(D,
               ("remove the second `" + Second->member()->Key +
                "`, which repeats the first")
                   .str(),
               FixSafety::Safe, AccessClaim::KeepsAccess);
  F.Edits.push_back(std::move(*E));
  return F;
}

} // namespace

std::vector<Fix> proposeFixes(StringRef Name, StringRef Text,
                              ArrayRef<Diagnostic> Diags) {
  std::vector<Fix> Out;
  // Most findings propose nothing: read the file only when one may.
  if (llvm::none_of(Diags, [](const Diagnostic &D) {
        return D.Check && Proposer::mayFix(D.Check->Code);
      }))
    return Out;
  Proposer P(Name, Text);
  if (P.onPlan())
    return Out;
  for (const Diagnostic &D : Diags)
    if (D.Check)
      if (std::optional<Fix> F = P.propose(D))
        Out.push_back(std::move(*F));
  return Out;
}

} // namespace tollgate
