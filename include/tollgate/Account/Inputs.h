//===- Inputs.h - What the account questions read besides the account -*- C++
//-*-===//
///
/// \file
/// The organization's policies (SCPs and RCPs), a resource's own policy and
/// condition keys given as KEY=VALUE: read and checked here, so that the
/// command only hands them over.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_INPUTS_H
#define TOLLGATE_ACCOUNT_INPUTS_H

#include "tollgate/Account/Access.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace tollgate {
namespace account {

/// \p Path read as a policy of type \p Type; an error when it cannot be
/// read or holds an input error.
llvm::Expected<LoadedPolicy> readPolicyAs(llvm::StringRef Path,
                                          PolicyType Type);

/// The SCPs and RCPs at \p SCPs and \p RCPs, one per level.
llvm::Expected<Guardrails> readGuardrails(llvm::ArrayRef<std::string> SCPs,
                                          llvm::ArrayRef<std::string> RCPs);

/// Condition keys from `KEY=VALUE` items, in the order first given; a key
/// given again gains a value. An error (`takes KEY=VALUE, not ...`) for an
/// item without `=` or key.
llvm::Expected<ContextList> parseContext(llvm::ArrayRef<std::string> Items);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_INPUTS_H
