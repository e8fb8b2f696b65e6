//===- Explanation.h - Why a request was allowed or denied ------*- C++ -*-===//
///
/// \file
/// The output of `tollgate eval`: the decision, the request, the deciding
/// statements and every statement's trace, as text or JSON.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REPORT_EXPLANATION_H
#define TOLLGATE_REPORT_EXPLANATION_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Parse/Load.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace tollgate {

/// A policy the request was evaluated against, in the order given.
struct ExplainedPolicy {
  std::string Path;
  PolicyRole Role;
  const LoadedPolicy *L;
};

void writeExplanationText(llvm::ArrayRef<ExplainedPolicy> All, const Request &R,
                          const Explanation &E, llvm::raw_ostream &OS);
void writeExplanationJson(llvm::ArrayRef<ExplainedPolicy> All, const Request &R,
                          const Explanation &E, llvm::raw_ostream &OS);

} // namespace tollgate

#endif // TOLLGATE_REPORT_EXPLANATION_H
