//===- FuzzLint.cpp - Fuzz every lint check -------------------------------===//
//
// Runs the whole linter (grammar, reference and security checks, reporters)
// on each input, read as every policy type. The linter reads files, so the
// input goes through a file in memory-backed /dev/shm.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Lint/Linter.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/raw_ostream.h"

#include <fstream>
#include <string>
#include <unistd.h>

using namespace tollgate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Path =
      "/dev/shm/tollgate-fuzz-" + std::to_string(getpid()) + ".json";
  {
    std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
    Out.write(reinterpret_cast<const char *>(Data), Size);
  }
  const PolicyType Types[] = {PolicyType::Identity, PolicyType::Resource,
                              PolicyType::Trust, PolicyType::SCP,
                              PolicyType::RCP};
  for (PolicyType T : Types) {
    LintOptions Options;
    Options.Load.Type = T;
    Options.Jobs = 1;
    FileFindings F = lintFile(Path, Options);
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    ReportOptions Report;
    writeText(F, OS, Report);
    writeJson(F, OS, Report);
  }
  return 0;
}
