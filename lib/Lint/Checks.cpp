//===- Checks.cpp - Every check tollgate reports --------------------------===//

#include "tollgate/Lint/Checks.h"
#include "tollgate/Lint/Linter.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace tollgate {

namespace gate {
const CheckInfo NewAccess =
    CheckInfo::declare()
        .code("IAM950")
        .name("new-access")
        .severity(Severity::Error)
        .impact(SecurityImpact::High)
        .summary("A changed policy grants access that its previous version "
                 "did not");
const CheckInfo NewAccessUnknown =
    CheckInfo::declare()
        .code("IAM951")
        .name("new-access-unknown")
        .severity(Severity::Warning)
        .summary("The verifier could not decide whether a change grants new "
                 "access");

llvm::ArrayRef<const CheckInfo *> allChecks() {
  static const CheckInfo *const All[] = {&NewAccess, &NewAccessUnknown};
  return All;
}
} // namespace gate

llvm::ArrayRef<const CheckInfo *> allChecks() {
  static const std::vector<const CheckInfo *> All = [] {
    std::vector<const CheckInfo *> V(allLintChecks().begin(),
                                     allLintChecks().end());
    V.insert(V.end(), gate::allChecks().begin(), gate::allChecks().end());
    std::stable_sort(V.begin(), V.end(),
                     [](const CheckInfo *A, const CheckInfo *B) {
                       return std::strcmp(A->Code, B->Code) < 0;
                     });
    return V;
  }();
  return All;
}

} // namespace tollgate
