//===- ConditionKeys.cpp - Condition key lookup and key templates ---------===//

#include "tollgate/Catalog/Catalog.h"

#include "SortedNames.h"

#include "tollgate/Support/Pattern.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

using namespace llvm;

namespace tollgate {

namespace {

/// A placeholder's place in a key name: `${TagKey}` or `<key>`.
struct Placeholder {
  size_t Begin = StringRef::npos;
  size_t End = StringRef::npos;
  bool found() const { return Begin != StringRef::npos; }
};

} // namespace

static Placeholder findPlaceholder(StringRef Name, size_t From = 0) {
  // A plain loop rather than find_first_of, which builds a character set on
  // every call: this runs for every key of every condition.
  for (size_t I = From; I < Name.size(); ++I) {
    if (Name[I] != '$' && Name[I] != '<')
      continue;
    if (Name[I] == '$' && (I + 1 >= Name.size() || Name[I + 1] != '{'))
      continue;
    size_t Close = Name.find(Name[I] == '$' ? '}' : '>', I + 1);
    if (Close != StringRef::npos)
      return {I, Close + 1};
  }
  return {};
}

/// The template as a pattern that ignores case: a placeholder is one or
/// more characters.
static Pattern keyTemplatePattern(StringRef Template) {
  Pattern Out;
  size_t I = 0;
  for (Placeholder P = findPlaceholder(Template); P.found();
       P = findPlaceholder(Template, I)) {
    Out.addLit(Template.slice(I, P.Begin), /*Fold=*/true);
    Out.addAny();
    Out.addStar();
    I = P.End;
  }
  Out.addLit(Template.substr(I), /*Fold=*/true);
  return Out;
}

/// How many characters of \p Template are not placeholders: the more, the
/// more specific the template.
static size_t literalLength(StringRef Template) {
  size_t Length = Template.size();
  for (Placeholder P = findPlaceholder(Template); P.found();
       P = findPlaceholder(Template, P.End))
    Length -= P.End - P.Begin;
  return Length;
}

/// Which entry speaks for a key several records define: the global one,
/// then the one of the service whose prefix the key carries.
static int authority(const ConditionKeyInfo &K) {
  if (K.Global)
    return 0;
  if (K.Service && K.Name.size() > K.Service->Prefix.size() &&
      K.Name.startswith_insensitive(K.Service->Prefix) &&
      K.Name[K.Service->Prefix.size()] == ':')
    return 1;
  return 2;
}

bool hasKeyPlaceholder(StringRef Name) { return findPlaceholder(Name).found(); }

bool conditionKeyMatches(StringRef Documented, StringRef Key) {
  Placeholder First = findPlaceholder(Documented);
  if (!First.found())
    return Documented.equals_insensitive(Key);
  if (!Key.startswith_insensitive(Documented.take_front(First.Begin)))
    return false;
  // The key is a name, not a pattern: `*` in it is just a character.
  return keyTemplatePattern(Documented).matches(Key);
}

void Catalog::buildKeyIndex() const {
  KeyIndex.reserve(Keys.size());
  for (const ConditionKeyInfo &K : Keys)
    KeyIndex.push_back(&K);
  llvm::stable_sort(KeyIndex,
                    [](const ConditionKeyInfo *A, const ConditionKeyInfo *B) {
                      if (int C = A->Name.compare_insensitive(B->Name))
                        return C < 0;
                      return authority(*A) < authority(*B);
                    });
  KeyIndex.erase(
      std::unique(KeyIndex.begin(), KeyIndex.end(),
                  [](const ConditionKeyInfo *A, const ConditionKeyInfo *B) {
                    return A->Name.equals_insensitive(B->Name);
                  }),
      KeyIndex.end());
  for (const ConditionKeyInfo *K : KeyIndex)
    if (K->Template)
      KeyTemplates.push_back(K);
}

const ConditionKeyInfo *Catalog::conditionKey(StringRef Key) const {
  std::call_once(KeyIndexOnce, [this] { buildKeyIndex(); });
  if (const ConditionKeyInfo *const *Found =
          findByName(makeArrayRef(KeyIndex), Key,
                     [](const ConditionKeyInfo *K) { return K->Name; }))
    return *Found;
  std::string Folded = Key.lower();
  {
    std::lock_guard<std::mutex> Lock(TemplateHitsLock);
    auto It = TemplateHits.find(Folded);
    if (It != TemplateHits.end())
      return It->second;
  }
  const ConditionKeyInfo *Best = nullptr;
  size_t BestLength = 0;
  for (const ConditionKeyInfo *T : KeyTemplates) {
    if (!conditionKeyMatches(T->Name, Key))
      continue;
    size_t Length = literalLength(T->Name);
    if (!Best || Length > BestLength) {
      Best = T;
      BestLength = Length;
    }
  }
  std::lock_guard<std::mutex> Lock(TemplateHitsLock);
  TemplateHits[Folded] = Best;
  return Best;
}

bool Catalog::isConditionKeyForAction(const ActionInfo &Action,
                                      StringRef Key) const {
  const ConditionKeyInfo *Info = conditionKey(Key);
  if (Info && Info->Global)
    return true;
  auto Listed = [&](ArrayRef<StringRef> Names) {
    return any_of(
        Names, [&](StringRef Name) { return conditionKeyMatches(Name, Key); });
  };
  auto Compute = [&] {
    return Listed(Action.ConditionKeys) ||
           any_of(Action.Resources, [&](const ActionResource &R) {
             return Listed(R.ConditionKeys) ||
                    (R.Type && Listed(R.Type->ConditionKeys));
           });
  };
  ArrayRef<ActionInfo> All = actions();
  std::less<const ActionInfo *> Before;
  if (Before(&Action, All.begin()) || !Before(&Action, All.end()))
    return Compute(); // not one of this catalog's actions
  SmallString<64> Lower(Key);
  for (char &C : Lower)
    C = toLower(C);
  std::unique_lock<std::mutex> Lock(TemplateHitsLock);
  uint64_t Id = uint64_t(KeyIds.try_emplace(Lower, KeyIds.size()).first->second)
                    << 32 |
                uint64_t(&Action - All.begin());
  auto It = KeyForActionHits.find(Id);
  if (It != KeyForActionHits.end())
    return It->second;
  Lock.unlock();
  bool Found = Compute();
  Lock.lock();
  KeyForActionHits.try_emplace(Id, Found);
  return Found;
}

} // namespace tollgate
