//===- FuzzLoad.cpp - Fuzz the reader, parser and text reporter -----------===//
//
// Any input must yield findings or a policy, never a crash, a hang or a
// sanitizer report. Each input is read as every policy type, so that the
// type-specific checks run too, and rendered as text to exercise the
// location and snippet code.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace tollgate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  const PolicyType Types[] = {PolicyType::Identity, PolicyType::Resource,
                              PolicyType::Trust, PolicyType::SCP};
  for (PolicyType T : Types) {
    LoadOptions Options;
    Options.Type = T;
    LoadedPolicy L = loadPolicyText("fuzz.json", Text, Options);
    FileFindings F;
    F.Source = L.Source;
    F.Diags = std::move(L.Diags);
    std::sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    writeText(F, OS, ReportOptions());
  }
  return 0;
}
