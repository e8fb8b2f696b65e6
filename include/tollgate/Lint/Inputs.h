//===- Inputs.h - Finding the files to lint ---------------------*- C++ -*-===//

#ifndef TOLLGATE_LINT_INPUTS_H
#define TOLLGATE_LINT_INPUTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tollgate {

/// Expands command-line operands into files: a directory stands for every
/// `*.json` file below it, and every `*.yaml`, `*.yml` and `*.template` file
/// that holds a CloudFormation template (hidden folders and node_modules
/// skipped), in sorted order; files and "-" stand for themselves. Missing
/// operands are kept so that linting reports them with the other results.
std::vector<std::string> expandInputs(llvm::ArrayRef<std::string> Operands);

} // namespace tollgate

#endif // TOLLGATE_LINT_INPUTS_H
