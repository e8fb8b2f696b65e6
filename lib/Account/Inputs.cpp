//===- Inputs.cpp - What the account questions read besides the account ---===//

#include "tollgate/Account/Inputs.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace account {

Expected<LoadedPolicy> readPolicyAs(StringRef Path, PolicyType Type) {
  LoadOptions O;
  O.Type = Type;
  LoadedPolicy L = loadPolicyFile(Path, O);
  if (!L.P || L.hasInputError())
    return createStringError(inconvertibleErrorCode(),
                             "cannot read " + Path + " as a policy");
  return std::move(L);
}

Expected<Guardrails> readGuardrails(ArrayRef<std::string> SCPs,
                                    ArrayRef<std::string> RCPs) {
  Guardrails G;
  for (auto [Paths, Type, Out] : {std::tuple(SCPs, PolicyType::SCP, &G.SCPs),
                                  std::tuple(RCPs, PolicyType::RCP, &G.RCPs)})
    for (const std::string &Path : Paths) {
      Expected<LoadedPolicy> L = readPolicyAs(Path, Type);
      if (!L)
        return L.takeError();
      Out->push_back(std::move(*L));
    }
  return std::move(G);
}

Expected<ContextList> parseContext(ArrayRef<std::string> Items) {
  ContextList Out;
  for (StringRef Item : Items) {
    auto [Key, Value] = Item.split('=');
    if (Key.empty() || !Item.contains('='))
      return createStringError(inconvertibleErrorCode(),
                               "takes KEY=VALUE, not `" + Item + "`");
    auto It = find_if(Out, [&](const auto &KV) { return KV.first == Key; });
    if (It == Out.end())
      Out.push_back({Key.str(), {Value.str()}});
    else
      It->second.push_back(Value.str());
  }
  return std::move(Out);
}

} // namespace account
} // namespace tollgate
