//===- RedundantResource.cpp - IAM110 redundant-resource ------------------===//
///
/// \file
/// A Resource or NotResource entry that another entry of the same statement
/// already covers (`arn:aws:s3:::b/logs/*` next to `arn:aws:s3:::b/*`, or a
/// duplicate). User docs: rules/docs/redundant-resource.md
///
//===----------------------------------------------------------------------===//

#include "Redundancy.h"

#include "tollgate/Lint/Rule.h"

namespace tollgate {
namespace {

class RedundantResourceRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM110")
          .name("redundant-resource")
          .severity(Severity::Suggestion)
          .summary("A resource entry that another entry already covers");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const char *Element = S.Resource.Negated ? "NotResource" : "Resource";
    for (auto [Covered, By] : redundantResources(S.Resource)) {
      const PolicyString &A = S.Resource.Patterns[Covered];
      const PolicyString &B = S.Resource.Patterns[By];
      reportRedundantEntry(Ctx, Info, Element, A.Text, A.L, B.Text, B.L,
                           A.Text == B.Text);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(RedundantResourceRule);
} // namespace tollgate
