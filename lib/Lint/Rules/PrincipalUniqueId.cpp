//===- PrincipalUniqueId.cpp - IAM436 principal-unique-id -----------------===//
///
/// \file
/// An `AWS` principal given as a user or role unique id (`AIDA...`,
/// `AROA...`) instead of an ARN. IAM shows a principal this way when the
/// user or role it named was deleted; a new user or role of the same name
/// gets a new id and does not match. User docs:
/// rules/docs/principal-unique-id.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

using namespace llvm;

namespace tollgate {
namespace {

class PrincipalUniqueIdRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM436")
          .name("principal-unique-id")
          .severity(Severity::Warning)
          .summary("A principal given as a user or role unique id, not an ARN");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      if (P.Kind != PrincipalKind::AWS || !reference::isUniqueId(V))
        continue;
      StringRef Kind = V.startswith("AIDA")   ? "user"
                       : V.startswith("AROA") ? "role"
                                              : "";
      if (Kind.empty())
        continue;
      Ctx.report(Info, P.Value.L,
                 "principal `" + V + "` is the unique id of an IAM " + Kind +
                     ", not its ARN; IAM writes principals this way when the " +
                     Kind + " was deleted, and a new " + Kind +
                     " of the same name does not match it; name the " + Kind +
                     " by ARN");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PrincipalUniqueIdRule);
} // namespace tollgate
