//===- TemplateConditions.cpp - Conditions as template parameters ---------===//

#include "tollgate/Parse/TemplateConditions.h"

#include <set>

using namespace llvm;

namespace tollgate {

std::vector<std::string>
testedConditions(ArrayRef<const LoadedPolicy *> Policies) {
  std::set<std::string> Names;
  for (const LoadedPolicy *L : Policies)
    if (L && L->Embedded)
      Names.insert(L->Embedded->ConditionNames.begin(),
                   L->Embedded->ConditionNames.end());
  return std::vector<std::string>(Names.begin(), Names.end());
}

std::vector<ConditionAssignment>
everyAssignment(ArrayRef<std::string> Conditions) {
  std::vector<ConditionAssignment> Out;
  if (Conditions.empty() || Conditions.size() > MaxTemplateConditions)
    return Out;
  for (unsigned Mask = 0; Mask < (1u << Conditions.size()); ++Mask) {
    ConditionAssignment As;
    for (size_t I = 0; I < Conditions.size(); ++I)
      As[Conditions[I]] = Mask & (1u << I);
    Out.push_back(std::move(As));
  }
  return Out;
}

std::string describeAssignment(const ConditionAssignment &As) {
  std::string Out;
  for (const auto &[Name, Value] : As)
    Out += (Out.empty() ? " when the condition " : ", ") + ("`" + Name) +
           "` is " + (Value ? "true" : "false");
  return Out;
}

std::string tooManyConditions(size_t N) {
  return "the template's policies test " + std::to_string(N) +
         " conditions; every assignment of up to " +
         std::to_string(MaxTemplateConditions) + " is checked";
}

} // namespace tollgate
