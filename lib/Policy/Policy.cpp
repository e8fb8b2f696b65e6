//===- Policy.cpp - The policy intermediate representation ----------------===//

#include "tollgate/Policy/Policy.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

StringRef policyTypeName(PolicyType T) {
  switch (T) {
  case PolicyType::Identity:
    return "identity";
  case PolicyType::Resource:
    return "resource";
  case PolicyType::Trust:
    return "trust";
  case PolicyType::SCP:
    return "scp";
  case PolicyType::RCP:
    return "rcp";
  case PolicyType::Boundary:
    return "boundary";
  case PolicyType::Session:
    return "session";
  }
  return "identity";
}

std::optional<PolicyType> parsePolicyType(StringRef Name) {
  return StringSwitch<std::optional<PolicyType>>(Name.lower())
      .Case("identity", PolicyType::Identity)
      .Case("resource", PolicyType::Resource)
      .Case("trust", PolicyType::Trust)
      .Case("scp", PolicyType::SCP)
      .Case("rcp", PolicyType::RCP)
      .Case("boundary", PolicyType::Boundary)
      .Case("session", PolicyType::Session)
      .Default(std::nullopt);
}

StringRef principalKindName(PrincipalKind K) {
  switch (K) {
  case PrincipalKind::AWS:
    return "AWS";
  case PrincipalKind::Service:
    return "Service";
  case PrincipalKind::Federated:
    return "Federated";
  case PrincipalKind::CanonicalUser:
    return "CanonicalUser";
  }
  return "AWS";
}

std::string Statement::displayName(size_t Index) const {
  if (HasSid && !Sid.empty())
    return "statement `" + Sid.str() + "`";
  return "statement " + std::to_string(Index + 1);
}

Policy::Policy() { Paths.push_back({0, -1, StringRef()}); }

StringRef Policy::own(StringRef S) {
  if (Source) {
    StringRef Text = Source->text();
    if (S.begin() >= Text.begin() && S.end() <= Text.end())
      return S;
  }
  char *Mem = Arena.Allocate<char>(S.size());
  std::copy(S.begin(), S.end(), Mem);
  return StringRef(Mem, S.size());
}

uint32_t Policy::addPathKey(uint32_t Parent, StringRef Key) {
  Paths.push_back({Parent, -1, own(Key)});
  return static_cast<uint32_t>(Paths.size() - 1);
}

uint32_t Policy::addPathIndex(uint32_t Parent, int32_t Index) {
  Paths.push_back({Parent, Index, StringRef()});
  return static_cast<uint32_t>(Paths.size() - 1);
}

std::string Policy::pointer(uint32_t Path) const {
  SmallVector<uint32_t, 8> Chain;
  for (uint32_t P = Path; P != 0 && P < Paths.size(); P = Paths[P].Parent)
    Chain.push_back(P);
  std::string Out;
  for (uint32_t P : llvm::reverse(Chain)) {
    Out += '/';
    const PathStep &Step = Paths[P];
    if (Step.Index >= 0) {
      Out += std::to_string(Step.Index);
      continue;
    }
    Out += escapePointerToken(Step.Key);
  }
  return Out;
}

std::string escapePointerToken(StringRef Key) {
  std::string Out;
  for (char C : Key) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

} // namespace tollgate
