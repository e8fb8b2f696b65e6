//===- Inputs.cpp - Finding the files to lint -----------------------------===//

#include "tollgate/Lint/Inputs.h"
#include "tollgate/Parse/Template.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
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
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buffer || (*Buffer)->getBufferSize() > (16u << 20))
    return false;
  StringRef Text = (*Buffer)->getBuffer();
  if (looksLikeYamlTemplate(Text))
    return true;
  // A JSON template named `*.template`.
  return Text.contains("\"AWSTemplateFormatVersion\"") ||
         (Text.contains("\"Resources\"") && Text.contains("\"AWS::"));
}

static void collectDirectory(StringRef Dir, std::vector<std::string> &Out) {
  std::vector<std::string> Found;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Path = It->path();
    StringRef Name = sys::path::filename(Path);
    if (It->type() == sys::fs::file_type::directory_file) {
      if (skipDirectory(Name))
        It.no_push();
      continue;
    }
    if (Name.endswith_insensitive(".json") ||
        (isTemplateFileName(Name) && isTemplateFile(Path)))
      Found.push_back(Path.str());
  }
  if (EC)
    // Keep the directory so that the error is reported with the results.
    Found.push_back(Dir.str());
  std::sort(Found.begin(), Found.end());
  Out.insert(Out.end(), Found.begin(), Found.end());
}

std::vector<std::string> expandInputs(ArrayRef<std::string> Operands) {
  std::vector<std::string> Files;
  for (const std::string &Operand : Operands) {
    if (Operand != "-" && sys::fs::is_directory(Operand))
      collectDirectory(Operand, Files);
    else
      Files.push_back(Operand);
  }
  return Files;
}

} // namespace tollgate
