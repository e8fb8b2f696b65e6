//===- OidcClaims.cpp - Which claims pin a web identity provider ----------===//

#include "OidcClaims.h"
#include "ConditionStrength.h"

#include "tollgate/Support/Glob.h"

using namespace llvm;

namespace tollgate {

bool isGitHubActionsHost(StringRef Host) {
  return Host == "token.actions.githubusercontent.com" ||
         Host.startswith("token.actions.githubusercontent.com/");
}

ArrayRef<const char *> requiredClaims(StringRef Host) {
  static const char *const Sub[] = {"sub"};
  static const char *const Aud[] = {"aud"};
  static const char *const Google[] = {"aud", "sub", "oaud"};
  static const char *const AppId[] = {"app_id", "user_id", "id"};
  static const char *const Any[] = {"sub", "aud"};
  if (isGitHubActionsHost(Host) || Host.startswith("oidc.eks.") ||
      Host.contains("gitlab") || Host == "app.terraform.io")
    return Sub;
  if (Host == "cognito-identity.amazonaws.com")
    return Aud;
  if (Host == "accounts.google.com")
    return Google;
  if (Host == "www.amazon.com" || Host == "graph.facebook.com")
    return AppId;
  return Any;
}

/// The claim that \p Key names for provider \p Host (`sub` for
/// `token.actions.githubusercontent.com:sub`), or "".
static StringRef claimOf(StringRef Key, StringRef Host) {
  if (Key.size() <= Host.size() + 1 || !Key.startswith_insensitive(Host) ||
      Key[Host.size()] != ':')
    return "";
  return Key.substr(Host.size() + 1);
}

std::optional<std::string> weakClaimCondition(const Condition &C,
                                              StringRef Host) {
  StringRef Claim = claimOf(C.Key, Host);
  if (Claim.empty())
    return std::nullopt;
  if (std::optional<std::string> Why =
          whyConditionIsWeak(C, ConditionKinds::FederatedClaim))
    return Why;
  if (isGitHubActionsHost(Host) && Claim.equals_insensitive("sub"))
    for (const ConditionValue &V : C.Values) {
      StringRef Text = V.Value.Text;
      if (!Text.startswith("repo:"))
        continue;
      StringRef Owner = Text.drop_front(5).split('/').first;
      if (Owner.empty() || hasWildcard(Owner) || !Text.contains('/'))
        return "`" + Text.str() + "` admits repositories of any owner";
    }
  return std::nullopt;
}

const Condition *pinningCondition(const Statement &S, StringRef Host) {
  for (const Condition &C : S.Conditions) {
    StringRef Claim = claimOf(C.Key, Host);
    if (Claim.empty())
      continue;
    bool Required = false;
    for (const char *R : requiredClaims(Host))
      Required |= Claim.equals_insensitive(R);
    if (Required && !weakClaimCondition(C, Host))
      return &C;
  }
  return nullptr;
}

} // namespace tollgate
