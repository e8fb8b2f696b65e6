//===- FuzzYaml.cpp - Fuzz the YAML reader and the template reader --------===//
//
// Any input must yield a tree or an error, never a crash, a hang or a
// sanitizer report. Each input is read by the YAML reader (whose spans
// must lie inside the text), then as a YAML template and as a
// configuration file would be.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Report/Reporters.h"
#include "tollgate/Yaml/Reader.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>

using namespace tollgate;

static void checkSpans(const yaml::Node &Root, size_t Size) {
  std::vector<const yaml::Node *> Work = {&Root};
  while (!Work.empty()) {
    const yaml::Node *N = Work.back();
    Work.pop_back();
    if (N->Range.Begin > N->Range.End || N->Range.End > Size ||
        N->ContentBegin > N->Range.End || N->ContentBegin < N->Range.Begin)
      abort();
    for (const yaml::Node &C : N->Items)
      Work.push_back(&C);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  yaml::Stream S = yaml::read(Text);
  if (S.Root)
    checkSpans(*S.Root, Size);
  if (S.Err && S.Err->Range.End > Size)
    abort();
  // A template: the marker makes the loader read the text as YAML.
  std::string Template = "AWSTemplateFormatVersion: x\n" + Text;
  std::vector<LoadedPolicy> All =
      loadPoliciesText("fuzz.yaml", Template, LoadOptions());
  for (LoadedPolicy &L : All) {
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
