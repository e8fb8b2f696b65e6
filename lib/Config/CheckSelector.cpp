//===- CheckSelector.cpp - Naming checks in configuration -----------------===//

#include "tollgate/Config/CheckSelector.h"
#include "tollgate/Support/Spelling.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace tollgate {

bool selectorMatches(StringRef Selector, const CheckInfo &Check) {
  if (Selector.empty())
    return false;
  if (Selector == "ALL" || Selector == Check.Name)
    return true;
  StringRef Code = Check.Code;
  return Code.take_front(Selector.size()).equals_insensitive(Selector);
}

std::string didYouMeanCheck(StringRef Word,
                            ArrayRef<const CheckInfo *> Checks) {
  std::vector<StringRef> Candidates;
  for (const CheckInfo *C : Checks) {
    Candidates.push_back(C->Code);
    Candidates.push_back(C->Name);
  }
  if (std::optional<StringRef> Best = closestSpelling(Word, Candidates))
    return (Twine("; did you mean `") + *Best + "`?").str();
  return "";
}

std::string checkSelector(StringRef Selector,
                          ArrayRef<const CheckInfo *> Checks) {
  if (Selector.empty())
    return "empty check name; use a code (`IAM101`), a code prefix (`IAM1`), "
           "a name (`allow-all`) or `ALL`";
  for (const CheckInfo *C : Checks)
    if (selectorMatches(Selector, *C))
      return "";
  std::string Hint = didYouMeanCheck(Selector, Checks);
  if (Hint.empty())
    Hint = "; `tollgate rules` lists the checks";
  return (Twine("no check is named `") + Selector + "`" + Hint).str();
}

const CheckInfo *findCheck(StringRef CodeOrName,
                           ArrayRef<const CheckInfo *> Checks) {
  for (const CheckInfo *C : Checks)
    if (StringRef(C->Code).equals_insensitive(CodeOrName) ||
        CodeOrName == C->Name)
      return C;
  return nullptr;
}

std::vector<std::string> splitSelectorList(StringRef List) {
  SmallVector<StringRef, 8> Parts;
  List.split(Parts, ',');
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

} // namespace tollgate
