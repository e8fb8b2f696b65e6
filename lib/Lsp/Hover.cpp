//===- Hover.cpp - What the name under the cursor is ----------------------===//

#include "Features.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lsp/CursorContext.h"
#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

static bool contains(Span S, uint32_t Offset) {
  return S.Begin <= Offset && Offset <= S.End && !S.empty();
}

/// The day the catalog's data is of (its date without the time).
static std::string catalogDay(const Catalog &Cat) {
  return Cat.dataDate().take_front(10).str();
}

static std::string code(StringRef S) { return ("`" + S + "`").str(); }

/// "a, b, c and 12 more".
static std::string cappedList(ArrayRef<std::string> Items) {
  std::string Out;
  size_t Shown = std::min(Items.size(), MaxListed);
  for (size_t I = 0; I < Shown; ++I) {
    if (I)
      Out += ", ";
    Out += Items[I];
  }
  if (Items.size() > Shown)
    Out += " and " + std::to_string(Items.size() - Shown) + " more";
  return Out;
}

static std::string describeAction(const ActionInfo &A) {
  std::string Out = "**" + A.FullName.str() + "** (" + A.Service->Name.str() +
                    ")\n\nAccess level: " + accessLevelName(A.Level).str();
  if (A.Resources.empty()) {
    Out += "\n\nResource types: none (the action takes `\"Resource\": "
           "\"*\"`)";
  } else {
    std::vector<std::string> Types;
    for (const ActionResource &R : A.Resources)
      Types.push_back(code(R.Name) + (R.Required ? " (required)" : ""));
    Out += "\n\nResource types: " + cappedList(Types);
  }
  std::vector<std::string> Keys;
  StringSet<> Seen;
  auto Add = [&](StringRef K) {
    if (Seen.insert(K).second)
      Keys.push_back(code(K));
  };
  for (StringRef K : A.ConditionKeys)
    Add(K);
  for (const ActionResource &R : A.Resources)
    for (StringRef K : R.ConditionKeys)
      Add(K);
  if (!Keys.empty())
    Out += "\n\nCondition keys: " + cappedList(Keys);
  if (!A.DependentActions.empty()) {
    std::vector<std::string> Deps;
    for (StringRef D : A.DependentActions)
      Deps.push_back(code(D));
    Out += "\n\nDependent actions: " + cappedList(Deps);
  }
  return Out;
}

static std::string describePattern(StringRef Pattern, const Catalog &Cat) {
  if (!Pattern.contains('*') && !Pattern.contains('?')) {
    if (const ActionInfo *A = Cat.action(Pattern))
      return describeAction(*A);
    std::string Out = "**" + Pattern.str() +
                      "**: not an action in the IAM "
                      "service catalog of " +
                      catalogDay(Cat);
    if (std::optional<StringRef> Near = Cat.suggestAction(Pattern))
      Out += "; did you mean " + code(*Near) + "?";
    return Out;
  }
  std::vector<const ActionInfo *> Matches = Cat.expandActionPattern(Pattern);
  std::string Out = "**" + Pattern.str() + "** matches " +
                    std::to_string(Matches.size()) +
                    (Matches.size() == 1 ? " action" : " actions") +
                    " in the IAM service catalog of " + catalogDay(Cat);
  if (Matches.empty())
    return Out;
  Out += ":\n";
  size_t Shown = std::min(Matches.size(), MaxListed);
  for (size_t I = 0; I < Shown; ++I)
    Out += "\n- " + code(Matches[I]->FullName) + " (" +
           accessLevelName(Matches[I]->Level).str() + ")";
  if (Matches.size() > Shown)
    Out += "\n\nand " + std::to_string(Matches.size() - Shown) + " more";
  return Out;
}

static std::string describeKey(StringRef Key, const Catalog &Cat) {
  const ConditionKeyInfo *K = Cat.conditionKey(Key);
  if (!K) {
    std::string Out = "**" + Key.str() +
                      "**: not a condition key in the IAM "
                      "service catalog of " +
                      catalogDay(Cat);
    if (std::optional<StringRef> Near = Cat.suggestConditionKey(Key))
      Out += "; did you mean " + code(*Near) + "?";
    return Out;
  }
  std::string Out = "**" + Key.str() + "** ";
  if (K->Global)
    Out += "(global condition key" +
           (K->Category.empty() ? std::string()
                                : ", " + K->Category.str() + " category") +
           ")";
  else
    Out += "(condition key of " + K->Service->Name.str() + ")";
  if (K->Template && !K->Name.equals_insensitive(Key))
    Out += "\n\nAn instance of " + code(K->Name);
  Out += "\n\nType: " + conditionKeyTypeName(K->Type).str();
  if (K->MultiValued)
    Out += ", multivalued: test it with `ForAnyValue:` or `ForAllValues:`";
  else
    Out += ", single-valued";
  return Out;
}

namespace {
/// A name in the document that hover knows about.
struct Target {
  enum Kind { Action, Operator, Key } K;
  std::string Text;
  Span Range;
};
} // namespace

static std::optional<Target> targetInPolicy(const Policy &P, uint32_t Offset) {
  for (const Statement &S : P.Statements) {
    if (!contains(S.L.Range, Offset))
      continue;
    for (const ActionPattern &A : S.Action.Patterns)
      if (contains(A.L.Range, Offset))
        return Target{Target::Action, A.Text.str(), A.L.Range};
    for (const Condition &C : S.Conditions) {
      if (contains(C.OperatorLoc.Range, Offset))
        return Target{Target::Operator, C.OperatorText.str(),
                      C.OperatorLoc.Range};
      if (contains(C.KeyLoc.Range, Offset))
        return Target{Target::Key, C.Key.str(), C.KeyLoc.Range};
    }
  }
  return std::nullopt;
}

/// For what the IR does not hold: the scalar around the cursor, placed by
/// the keys above it.
static std::optional<Target> targetInText(StringRef Text, uint32_t Offset) {
  std::optional<CursorContext> Ctx = cursorContext(Text, Offset);
  if (!Ctx)
    return std::nullopt;
  size_t End = Text.find_first_of("\"'\n\r,]", Offset);
  if (End == StringRef::npos)
    End = Text.size();
  std::string Whole = Text.slice(Ctx->PrefixBegin, End).trim().str();
  if (Whole.empty())
    return std::nullopt;
  Span Range(Ctx->PrefixBegin, uint32_t(Ctx->PrefixBegin + Whole.size()));
  StringRef Key = Ctx->parentKey();
  if (!Ctx->IsKey && (Key == "Action" || Key == "NotAction"))
    return Target{Target::Action, Whole, Range};
  if (Ctx->IsKey && Key == "Condition")
    return Target{Target::Operator, Whole, Range};
  if (Ctx->IsKey && Ctx->parentKey(1) == "Condition")
    return Target{Target::Key, Whole, Range};
  return std::nullopt;
}

std::optional<HoverInfo> hoverAt(StringRef Name, StringRef Text,
                                 uint32_t Offset, const LoadOptions &Load,
                                 const Catalog &Cat) {
  std::optional<Target> T;
  for (const LoadedPolicy &L : loadPoliciesText(Name, Text.str(), Load))
    if (L.P && (T = targetInPolicy(*L.P, Offset)))
      break;
  // Text that does not parse, or a statement the parser left out.
  if (!T)
    T = targetInText(Text, Offset);
  if (!T)
    return std::nullopt;
  HoverInfo H;
  H.Range = T->Range;
  switch (T->K) {
  case Target::Action:
    H.Markdown = describePattern(T->Text, Cat);
    break;
  case Target::Key:
    H.Markdown = describeKey(T->Text, Cat);
    break;
  case Target::Operator: {
    std::optional<std::string> D = describeOperator(T->Text);
    if (!D)
      return std::nullopt;
    H.Markdown = std::move(*D);
    break;
  }
  }
  return H;
}

} // namespace lsp
} // namespace tollgate
