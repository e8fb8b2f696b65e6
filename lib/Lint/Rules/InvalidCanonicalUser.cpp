//===- InvalidCanonicalUser.cpp - IAM435 invalid-canonical-user -----------===//
///
/// \file
/// A `CanonicalUser` principal that is not a canonical user id: 64
/// hexadecimal digits for an account, 96 for a CloudFront origin access
/// identity. User docs: rules/docs/invalid-canonical-user.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidCanonicalUserRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM435")
          .name("invalid-canonical-user")
          .severity(Severity::Error)
          .summary("A CanonicalUser principal that is not a canonical user id");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      if (P.Kind != PrincipalKind::CanonicalUser || hasWildcard(V) ||
          V.contains("${"))
        continue;
      if ((V.size() == 64 || V.size() == 96) && all_of(V, isHexDigit))
        continue;
      Ctx.report(Info, P.Value.L,
                 "`" + V +
                     "` is not a canonical user id, which is 64 hexadecimal "
                     "digits (96 for a CloudFront origin access identity); "
                     "to name an account, use an `AWS` principal");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidCanonicalUserRule);
} // namespace tollgate
