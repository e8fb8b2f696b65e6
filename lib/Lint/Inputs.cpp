//===- Inputs.cpp - Finding the files to lint -----------------------------===//

#include "tollgate/Lint/Inputs.h"
#include "tollgate/Parse/Detect.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

static bool skipDirectory(StringRef Name) {
  return (Name.startswith(".") && Name != "." && Name != "..") ||
         Name == "node_modules";
}

WalkResult expandInputs(ArrayRef<std::string> Operands) {
  WalkResult All;
  for (const std::string &Operand : Operands) {
    if (Operand == "-" || !sys::fs::is_directory(Operand)) {
      All.Files.push_back(Operand);
      continue;
    }
    // Which of these are policies is decided when they are read
    // (Detect.h).
    WalkResult R = walkDirectory(Operand, skipDirectory, [](StringRef Path) {
      return isPolicyFileName(sys::path::filename(Path));
    });
    for (auto *Part : {&R.Files, &R.Notes})
      std::move(Part->begin(), Part->end(),
                std::back_inserter(Part == &R.Files ? All.Files : All.Notes));
    std::move(R.Unreadable.begin(), R.Unreadable.end(),
              std::back_inserter(All.Unreadable));
  }
  return All;
}

} // namespace tollgate
