//===- ResourceEffectivelyStar.cpp - IAM106 resource-effectively-star -----===//
///
/// \file
/// A Resource pattern that is `*` in disguise (`arn:aws:*:*:*:*`, `arn:*`):
/// every field that selects a resource is a wildcard. User docs:
/// rules/docs/resource-effectively-star.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "ResourceFacts.h"
#include "RuleScope.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class ResourceEffectivelyStarRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM106")
          .name("resource-effectively-star")
          .severity(Severity::Warning)
          .summary("A Resource pattern that matches every resource, like `*`");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (S.Eff != Effect::Allow || !S.Resource.Present || S.Resource.Negated ||
        !grantsToIdentity(Ctx.policy().Type))
      return;
    for (const PolicyString &R : S.Resource.Patterns) {
      if (!isEffectivelyStar(R))
        continue;
      Ctx.report(Info, R.L,
                 "`" + R.Text +
                     "` matches every resource of every service, as `*` "
                     "does; name the resources the statement needs");
      return;
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ResourceEffectivelyStarRule);
} // namespace tollgate
