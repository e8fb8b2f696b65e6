//===- ResourceStar.cpp - IAM105 resource-star ----------------------------===//
///
/// \file
/// `"Resource": "*"` for actions that can be scoped to resources, in an
/// identity or session policy, with no condition that restricts them.
/// Actions that take only `*` are never reported, nor the sensitive
/// categories that IAM202-IAM205 report (UnscopedGrant.h). User docs:
/// rules/docs/resource-star.md
///
//===----------------------------------------------------------------------===//

#include "UnscopedGrant.h"

#include "tollgate/Catalog/Records.h"

namespace tollgate {
namespace {

class ResourceStarRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM105")
          .name("resource-star")
          .severity(Severity::Warning)
          .summary("Resource `*` for actions that can be scoped to resources");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    UnscopedGrant G;
    unsigned Other = unsigned(ActionCategory::Other);
    if (!analyzeUnscopedGrant(S, Ctx, G) || !G.Star || G.Star->Text != "*" ||
        !G.First[Other])
      return;
    const ActionInfo &Example = *G.Examples[Other].front();
    std::string Format;
    for (const ActionResource &Row : Example.Resources)
      if (Row.Type && !Row.Type->ArnFormats.empty()) {
        Format = ", such as `" + Row.Type->ArnFormats.front().str() + "`";
        break;
      }
    Ctx.report(Info, G.Star->L,
               "`Resource` `*` applies " + listActions(G.Examples[Other]) +
                   " to every resource, though they can be scoped to "
                   "resources; name the resources" +
                   Format);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ResourceStarRule);
} // namespace tollgate
