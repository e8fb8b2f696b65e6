//===- Rule.cpp - Lint rules and their registry ---------------------------===//

#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cstring>
#include <mutex>

using namespace llvm;

namespace tollgate {

Rule::~Rule() = default;

Diagnostic &RuleContext::report(const CheckInfo &Check, const Loc &Where,
                                const Twine &Message) {
  Diagnostic D;
  D.Check = &Check;
  D.Level = Check.DefaultSeverity;
  D.Message = Message.str();
  D.Range = Where.Range;
  D.Pointer = P.pointer(Where.Path);
  Out.push_back(std::move(D));
  return Out.back();
}

void RuleContext::note(Diagnostic &D, const Loc &Where, const Twine &Message) {
  D.Notes.push_back({Where.Range, Message.str()});
}

std::vector<std::string> defaultValues(const CheckOption &O) {
  StringRef Text = StringRef(O.Default).trim();
  std::vector<std::string> Out;
  if (!Text.consume_front("[")) {
    if (!Text.empty())
      Out.push_back(Text.str());
    return Out;
  }
  Text.consume_back("]");
  SmallVector<StringRef, 4> Items;
  Text.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Item : Items)
    if (!Item.trim().empty())
      Out.push_back(Item.trim().str());
  return Out;
}

std::vector<std::string> RuleOptions::list(const CheckOption &O) const {
  auto It = Values.find(O.Name);
  return It == Values.end() ? defaultValues(O) : It->second;
}

std::string RuleOptions::string(const CheckOption &O) const {
  std::vector<std::string> V = list(O);
  return V.empty() ? std::string() : V.front();
}

bool RuleOptions::flag(const CheckOption &O) const {
  return string(O) == "true";
}

namespace {
/// Rules register from static initialisers, in link order; the first
/// lookup sorts them by code once.
struct Registry {
  std::vector<RuleFactory> Factories;
  std::vector<const CheckInfo *> Checks;
  std::once_flag Sorted;

  void sort() {
    std::call_once(Sorted, [this] {
      std::vector<std::pair<const CheckInfo *, RuleFactory>> Pairs;
      for (RuleFactory F : Factories)
        Pairs.emplace_back(&F()->info(), F);
      std::sort(Pairs.begin(), Pairs.end(), [](const auto &A, const auto &B) {
        return std::strcmp(A.first->Code, B.first->Code) < 0;
      });
      Factories.clear();
      for (auto &[Info, F] : Pairs) {
        Checks.push_back(Info);
        Factories.push_back(F);
      }
    });
  }
};
Registry &registry() {
  static Registry R;
  return R;
}
} // namespace

void detail::registerRule(RuleFactory Factory) {
  registry().Factories.push_back(Factory);
}

ArrayRef<RuleFactory> registeredRules() {
  registry().sort();
  return registry().Factories;
}

ArrayRef<const CheckInfo *> ruleChecks() {
  registry().sort();
  return registry().Checks;
}

} // namespace tollgate
