//===- Fixes.cpp - Edits that resolve a finding ---------------------------===//

#include "tollgate/Lsp/Fixes.h"

#include "tollgate/Fix/Propose.h"

#include "llvm/ADT/Twine.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace lsp {

/// The text between the first \p Quote after \p From and the next one.
static std::optional<StringRef> quoted(StringRef S, char Quote,
                                       size_t From = 0) {
  size_t Open = S.find(Quote, From);
  if (Open == StringRef::npos)
    return std::nullopt;
  size_t Close = S.find(Quote, Open + 1);
  if (Close == StringRef::npos)
    return std::nullopt;
  return S.slice(Open + 1, Close);
}

std::vector<Fix> didYouMeanFixes(const SourceFile &File, const Diagnostic &D) {
  std::vector<Fix> Out;
  StringRef Message = D.Message;
  size_t Hint = Message.find("did you mean ");
  if (Hint == StringRef::npos || Hint + 13 >= Message.size())
    return Out;
  // Names are quoted with backticks; the Effect check quotes its values
  // with double quotes.
  char Quote = Message[Hint + 13];
  if (Quote != '`' && Quote != '"')
    return Out;
  std::optional<StringRef> New = quoted(Message, Quote, Hint);
  std::optional<StringRef> Old = quoted(Message.take_front(Hint), Quote);
  if (!New || !Old || Old->empty() || *Old == *New)
    return Out;
  StringRef Text = File.text();
  if (D.Range.End > Text.size() || D.Range.empty())
    return Out;
  StringRef Written = Text.slice(D.Range.Begin, D.Range.End);
  size_t At = Written.find(*Old);
  if (At == StringRef::npos)
    return Out;
  Fix F;
  F.Title = (Twine("Replace `") + *Old + "` with `" + *New + "`").str();
  uint32_t Begin = D.Range.Begin + uint32_t(At);
  F.Edits.push_back({Span(Begin, Begin + uint32_t(Old->size())), New->str()});
  F.Preferred = true;
  Out.push_back(std::move(F));
  return Out;
}

std::vector<Fix> fixesForFinding(const SourceFile &File, const Diagnostic &D) {
  std::vector<Fix> Out;
  for (const tollgate::Fix &F : proposeFixes(File.name(), File.text(), D)) {
    Fix L;
    // `lint --fix` proves a fix's claim before it applies it; an editor's
    // code action is the proposal alone, so it says what kind of fix it is.
    L.Title =
        F.Title + (F.Safety == FixSafety::Unsafe ? " (unsafe: a guess)"
                   : F.Claim == AccessClaim::ChangesAccess ? " (changes access)"
                                                           : "");
    for (const Edit &E : F.Edits)
      L.Edits.push_back({Span(E.Offset, E.end()), E.Replacement});
    Out.push_back(std::move(L));
  }
  return Out;
}

static bool sameEdits(const Fix &A, const Fix &B) {
  return A.Edits.size() == B.Edits.size() &&
         std::equal(A.Edits.begin(), A.Edits.end(), B.Edits.begin(),
                    [](const TextEdit &X, const TextEdit &Y) {
                      return X.Range.Begin == Y.Range.Begin &&
                             X.Range.End == Y.Range.End &&
                             X.NewText == Y.NewText;
                    });
}

std::vector<Fix> allFixes(const SourceFile &File, const Diagnostic &D) {
  std::vector<Fix> Out = didYouMeanFixes(File, D);
  size_t Named = Out.size();
  for (Fix &F : fixesForFinding(File, D))
    if (std::none_of(Out.begin(), Out.begin() + Named,
                     [&](const Fix &G) { return sameEdits(F, G); }))
      Out.push_back(std::move(F));
  // Where the library offers other fixes, none is the single obvious one.
  if (Out.size() > Named)
    for (Fix &F : Out)
      F.Preferred = false;
  return Out;
}

} // namespace lsp
} // namespace tollgate
