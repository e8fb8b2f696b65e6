//===- FuzzYaml.cpp - Fuzz the YAML reader and the template reader --------===//
//
// Any input must yield a tree or an error, never a crash, a hang or a
// sanitizer report. Each input is read by the YAML reader (whose spans
// must lie inside the text), then as a YAML template (whose findings must
// lie inside it too).
//
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Yaml/Reader.h"

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
  for (const LoadedPolicy &L : All)
    for (const Diagnostic &D : L.Diags)
      if (D.Range.Begin > D.Range.End || D.Range.End > Template.size())
        abort();
  return 0;
}
