//===- Inputs.h - Finding the files to lint ---------------------*- C++ -*-===//

#ifndef TOLLGATE_LINT_INPUTS_H
#define TOLLGATE_LINT_INPUTS_H

#include "tollgate/Support/Walk.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tollgate {

/// Expands command-line operands into files: a directory stands for every
/// `*.json`, `*.yaml`, `*.yml` and `*.template` file below it (hidden
/// folders and node_modules skipped), in sorted order, of which linting
/// reads those that are policies, templates or plans (Detect.h); files and
/// "-" stand for themselves. Missing
/// operands are kept so that linting reports them with the other results.
/// Special files and folders reached twice are left out with a note;
/// folders that cannot be read are listed as unreadable.
WalkResult expandInputs(llvm::ArrayRef<std::string> Operands);

} // namespace tollgate

#endif // TOLLGATE_LINT_INPUTS_H
