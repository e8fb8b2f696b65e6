//===- WildcardInPrincipal.cpp - IAM437 wildcard-in-principal -------------===//
///
/// \file
/// A `*` or `?` inside a principal value (`arn:aws:iam::111122223333:role/*`,
/// `*.amazonaws.com`). Principals match exactly; only `"*"` itself, as the
/// whole Principal or as an `AWS` principal, stands for everyone. User
/// docs: rules/docs/wildcard-in-principal.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Glob.h"

using namespace llvm;

namespace tollgate {
namespace {

class WildcardInPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM437")
          .name("wildcard-in-principal")
          .severity(Severity::Error)
          .summary("A wildcard inside a principal value");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      if (!hasWildcard(V) || (V == "*" && P.Kind == PrincipalKind::AWS))
        continue;
      std::string Message;
      if (V == "*")
        Message = ("`\"" + principalKindName(P.Kind) +
                   "\": \"*\"` is not a principal; only `\"AWS\": \"*\"` or "
                   "`\"Principal\": \"*\"` stands for everyone")
                      .str();
      else
        Message = ("principal `" + V +
                   "` holds a wildcard, but principals match exactly; name "
                   "each principal, or allow a wider principal and match "
                   "`aws:PrincipalArn` with `ArnLike` in a Condition")
                      .str();
      Ctx.report(Info, P.Value.L, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(WildcardInPrincipalRule);
} // namespace tollgate
