//===- InfrastructureModification.cpp - IAM205 infrastructure-modification
//-===//
///
/// \file
/// Write actions on every resource, in an identity or session policy, with no
/// condition that restricts them. The analysis is shared with the other
/// categories (UnscopedGrant.h). User docs:
/// rules/docs/infrastructure-modification.md
///
//===----------------------------------------------------------------------===//

#include "UnscopedGrant.h"

namespace tollgate {
namespace {

class InfrastructureModificationRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM205")
          .name("infrastructure-modification")
          .severity(Severity::Warning)
          .summary("Write actions on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportUnscopedCategory(Info, ActionCategory::InfrastructureModification,
                           "write actions", "can change or delete all of them",
                           S, Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InfrastructureModificationRule);
} // namespace tollgate
