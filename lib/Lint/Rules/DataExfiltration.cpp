//===- DataExfiltration.cpp - IAM204 data-exfiltration -===//
///
/// \file
/// Actions that read stored data or secrets, on every resource, in an identity
/// or session policy, with no condition that restricts them. The analysis is
/// shared with the other categories (UnscopedGrant.h). User docs:
/// rules/docs/data-exfiltration.md
///
//===----------------------------------------------------------------------===//

#include "UnscopedGrant.h"

namespace tollgate {
namespace {

class DataExfiltrationRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM204")
          .name("data-exfiltration")
          .severity(Severity::Warning)
          .summary(
              "Actions that read stored data or secrets, on every resource");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    reportUnscopedCategory(Info, ActionCategory::DataExfiltration,
                           "actions that read data or secrets",
                           "can read the data or secrets of all of them", S,
                           Ctx);
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(DataExfiltrationRule);
} // namespace tollgate
