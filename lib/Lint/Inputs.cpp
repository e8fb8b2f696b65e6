//===- Inputs.cpp - Finding the files to lint -----------------------------===//

#include "tollgate/Lint/Inputs.h"
#include "tollgate/Parse/Template.h"
#include "tollgate/Support/ReadFile.h"

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

/// True for a `*.yaml`, `*.yml` or `*.template` file that holds a
/// CloudFormation template: other YAML (CI workflows, Kubernetes manifests)
/// is not for tollgate.
static bool isTemplateFile(StringRef Path) {
  sys::fs::file_status Status;
  if (sys::fs::status(Path, Status) || !sys::fs::is_regular_file(Status))
    return true; // The walk says what it is.
  ReadOutcome Read = readBounded(Path);
  if (!Read)
    return false;
  StringRef Text = Read.Text;
  if (looksLikeYamlTemplate(Text))
    return true;
  // A JSON template named `*.template`.
  return Text.contains("\"AWSTemplateFormatVersion\"") ||
         (Text.contains("\"Resources\"") && Text.contains("\"AWS::"));
}

WalkResult expandInputs(ArrayRef<std::string> Operands) {
  WalkResult All;
  for (const std::string &Operand : Operands) {
    if (Operand == "-" || !sys::fs::is_directory(Operand)) {
      All.Files.push_back(Operand);
      continue;
    }
    WalkResult R = walkDirectory(Operand, skipDirectory, [](StringRef Path) {
      StringRef Name = sys::path::filename(Path);
      return Name.endswith_insensitive(".json") ||
             (isTemplateFileName(Name) && isTemplateFile(Path));
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
