//===- RcpRestriction.cpp - IAM270 rcp-restriction ------------------------===//
///
/// \file
/// The rules that resource control policies add to the policy grammar, as
/// AWS Organizations states them today: only `RCPFullAWSAccess` may
/// `Allow`; `Principal` must be `"*"` (no `NotPrincipal`); no `NotAction`;
/// no `"*"` action; and only the services that support RCPs. User docs:
/// rules/docs/rcp-restriction.md
///
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Rule.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

/// The service prefixes whose resources RCPs apply to.
const char *const RcpServices[] = {
    "aoss", "cognito-identity", "cognito-idp", "dynamodb", "ecr", "kms", "logs",
    "s3",   "secretsmanager",   "sqs",         "sts"};

bool isFullAccessStatement(const Statement &S) {
  return S.Principal.Everyone && !S.HasCondition && !S.Action.Negated &&
         S.Action.Patterns.size() == 1 && S.Action.Patterns[0].Text == "*" &&
         !S.Resource.Negated && S.Resource.Patterns.size() == 1 &&
         S.Resource.Patterns[0].Text == "*";
}

class RcpRestrictionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM270")
          .name("rcp-restriction")
          .severity(Severity::Error)
          .summary("An element or value that resource control policies do not "
                   "accept");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (Ctx.policy().Type != PolicyType::RCP)
      return;
    if (S.Eff == Effect::Allow) {
      if (!isFullAccessStatement(S))
        Ctx.report(Info, S.EffectLoc,
                   "an RCP statement must be `Deny`: `Allow` is reserved for "
                   "the AWS managed `RCPFullAWSAccess` policy");
      return;
    }
    if (S.Principal.Present && S.Principal.Negated)
      Ctx.report(Info, S.Principal.L,
                 "RCPs do not support `NotPrincipal`; use `\"Principal\": "
                 "\"*\"` with an `aws:PrincipalArn` condition");
    else if (S.Principal.Present && !S.Principal.Everyone)
      Ctx.report(Info, S.Principal.L,
                 "the `Principal` of an RCP must be `\"*\"`; narrow it with "
                 "conditions such as `aws:PrincipalOrgID` instead");
    if (S.Action.Negated) {
      Ctx.report(Info, S.Action.L,
                 "RCPs do not support `NotAction`; list the denied actions "
                 "in `Action`");
      return;
    }
    for (const ActionPattern &P : S.Action.Patterns) {
      StringRef Service = P.service();
      if (P.Text.find_first_not_of('*') == StringRef::npos) {
        Ctx.report(Info, P.L,
                   "an RCP cannot deny `*`; name the actions of the services "
                   "RCPs support, such as `s3:*`");
        continue;
      }
      bool Supported = false;
      for (const char *R : RcpServices)
        Supported |= globMatch(Service, R, CaseMode::Insensitive);
      if (!Supported)
        Ctx.report(Info, P.L,
                   "`" + P.Text +
                       "` is not an action of a service that supports RCPs "
                       "(" +
                       join(std::vector<StringRef>(std::begin(RcpServices),
                                                   std::end(RcpServices)),
                            ", ") +
                       "); the statement has no effect on it");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RcpRestrictionRule);
} // namespace tollgate
