//===- RequestPolicies.cpp - The policies one request is decided by -------===//

#include "tollgate/Request/RequestPolicies.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {

Error checkPolicyRoles(ArrayRef<PolicyInput> Inputs) {
  for (PolicyRole Single :
       {PolicyRole::Resource, PolicyRole::Boundary, PolicyRole::Session})
    if (count_if(Inputs,
                 [&](const PolicyInput &P) { return P.Role == Single; }) > 1)
      return createStringError(inconvertibleErrorCode(),
                               "at most one " + policyRoleName(Single) +
                                   " policy");
  return Error::success();
}

std::optional<PolicyType> readingType(const PolicyInput &In) {
  switch (In.Role) {
  case PolicyRole::Identity:
    return PolicyType::Identity;
  case PolicyRole::Resource:
    // A resource policy may be a trust policy: the loader tells.
    if (In.Trust)
      return PolicyType::Trust;
    return std::nullopt;
  case PolicyRole::Boundary:
    return PolicyType::Boundary;
  case PolicyRole::SCP:
    return PolicyType::SCP;
  case PolicyRole::RCP:
    return PolicyType::RCP;
  case PolicyRole::Session:
    return PolicyType::Session;
  }
  return PolicyType::Identity;
}

PolicySet RequestPolicies::set() const {
  PolicySet Set;
  for (const auto &[In, L] : zip(Inputs, Loaded)) {
    const Policy *P = L.P.get();
    switch (In.Role) {
    case PolicyRole::Identity:
      Set.Identity.push_back(P);
      break;
    case PolicyRole::Resource:
      Set.Resource = P;
      break;
    case PolicyRole::Boundary:
      Set.Boundary = P;
      break;
    case PolicyRole::SCP:
      Set.SCPs.push_back(P);
      break;
    case PolicyRole::RCP:
      Set.RCPs.push_back(P);
      break;
    case PolicyRole::Session:
      Set.Session = P;
      break;
    }
  }
  return Set;
}

std::optional<RequestPolicies> readRequestPolicies(ArrayRef<PolicyInput> Inputs,
                                                   raw_ostream &Err,
                                                   PolicyLoader Load) {
  RequestPolicies Out;
  bool InputError = false;
  for (const PolicyInput &In : Inputs) {
    LoadOptions LO;
    if (std::optional<PolicyType> T = readingType(In))
      LO.Type = *T;
    LoadedPolicy L = Load(In.Path, LO);
    if (L.hasInputError() || !L.P) {
      for (const Diagnostic &D : L.Diags)
        if (D.Check && D.Check->IsInputError)
          printLoadError(L, In.Path, D, Err);
      InputError = true;
      continue;
    }
    // The resource role takes resource and trust policies; any other
    // detected type there is still read as a resource policy.
    if (In.Role == PolicyRole::Resource && L.P->Type != PolicyType::Trust)
      L.P->Type = PolicyType::Resource;
    Out.Inputs.push_back(In);
    Out.Loaded.push_back(std::move(L));
  }
  if (InputError)
    return std::nullopt;
  return std::move(Out);
}

} // namespace tollgate
