//===- Fixes.cpp - Edits that resolve a finding ---------------------------===//

#include "tollgate/Lsp/Fixes.h"

#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

/// The text between the first \p Quote after \p From and the next one.
static Optional<StringRef> quoted(StringRef S, char Quote, size_t From = 0) {
  size_t Open = S.find(Quote, From);
  if (Open == StringRef::npos)
    return None;
  size_t Close = S.find(Quote, Open + 1);
  if (Close == StringRef::npos)
    return None;
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
  Optional<StringRef> New = quoted(Message, Quote, Hint);
  Optional<StringRef> Old = quoted(Message.take_front(Hint), Quote);
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
  return {};
}

std::vector<Fix> allFixes(const SourceFile &File, const Diagnostic &D) {
  std::vector<Fix> Out = didYouMeanFixes(File, D);
  std::vector<Fix> More = fixesForFinding(File, D);
  // Where the library offers fixes, none is the single obvious one.
  if (!More.empty())
    for (Fix &F : Out)
      F.Preferred = false;
  Out.insert(Out.end(), More.begin(), More.end());
  return Out;
}

} // namespace lsp
} // namespace tollgate
