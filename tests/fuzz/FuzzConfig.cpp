//===- FuzzConfig.cpp - Fuzz the configuration reader ---------------------===//
//
// Any `.tollgate.yaml` must yield a configuration and IAM901 findings,
// never a crash, a hang or a sanitizer report. Each input is parsed with
// the checks of the linter, its findings are rendered as text, and the
// configuration is resolved as the linter resolves it for a file.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Config/Config.h"
#include "tollgate/Config/ConfigSet.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace tollgate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  auto Source = std::make_shared<SourceFile>(".tollgate.yaml", Text);
  Config C = parseConfig(Source, "/fuzz", allLintChecks());
  for (const Diagnostic &D : C.Diags)
    if (!D.Check)
      std::abort(); // Every finding names its check.
  FileFindings F;
  F.Source = Source;
  F.Diags = C.Diags;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeText(F, OS, ReportOptions());
  // What the configuration does to one file.
  ResolvedConfig RC(std::move(C), SelectionOverrides(), allLintChecks());
  std::vector<bool> Enabled = RC.enabledFor("policies/app.json");
  if (Enabled.size() != allLintChecks().size())
    std::abort();
  return 0;
}
