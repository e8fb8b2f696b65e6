//===- InvalidServicePrincipal.cpp - IAM433 invalid-service-principal -----===//
///
/// \file
/// A `Service` principal that is not a service principal name: lower-case
/// labels ending in `amazonaws.com` (`amazonaws.com.cn` in China,
/// `amazonaws.eu` in the European Sovereign Cloud, `c2s.ic.gov` and
/// `sc2s.sgov.gov` in the ISO partitions) or `amazon.com` (Alexa). User
/// docs: rules/docs/invalid-service-principal.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

bool isServicePrincipal(StringRef V) {
  static const StringRef Domains[] = {".amazonaws.com", ".amazonaws.com.cn",
                                      ".amazonaws.eu",  ".c2s.ic.gov",
                                      ".sc2s.sgov.gov", ".amazon.com"};
  for (StringRef Domain : Domains) {
    if (!V.endswith(Domain) || V.size() == Domain.size())
      continue;
    StringRef Name = V.drop_back(Domain.size());
    return reference::isLowerAscii(Name.front()) || isDigit(Name.front())
               ? all_of(Name,
                        [](char C) {
                          return reference::isLowerAscii(C) || isDigit(C) ||
                                 C == '-' || C == '.';
                        })
               : false;
  }
  return false;
}

class InvalidServicePrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM433")
          .name("invalid-service-principal")
          .severity(Severity::Error)
          .summary("A Service principal that is not a service principal name");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      if (P.Kind != PrincipalKind::Service || hasWildcard(V) ||
          V.contains("${") || isServicePrincipal(V))
        continue;
      std::string Message = ("`" + V + "` is not a service principal").str();
      std::string Lower = V.lower();
      if (isServicePrincipal(Lower))
        Message += "; service principals are lower case: `" + Lower + "`";
      else if (Ctx.catalog().service(V))
        Message += ("; did you mean `" + Lower + ".amazonaws.com`?");
      else
        Message += "; write the service's principal name, such as "
                   "`lambda.amazonaws.com`";
      Ctx.report(Info, P.Value.L, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidServicePrincipalRule);
} // namespace tollgate
