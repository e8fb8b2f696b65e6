//===- FuzzTerraformPlan.cpp - Fuzz the Terraform plan reader -------------===//
//
// Any input must yield policies or findings, never a crash, a hang or a
// sanitizer report. Each input is read as JSON and, when it is JSON, as a
// Terraform plan (`terraform show -json`); every policy found is parsed and
// its findings are rendered as text.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Json/Reader.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Parse/Template.h"
#include "tollgate/Report/Reporters.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>

using namespace tollgate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  // The template reader itself, on the located tree.
  json::ReadResult Read = json::read(Text);
  if (Read.Doc)
    for (bool Literal : {false, true})
      if (std::unique_ptr<Template> T =
              readTemplate(Text, "plan.json", &Read.Doc->root(), Literal))
        for (const TemplatePolicy &P : T->Policies)
          if (!P.Synthesized && !P.Root && P.Issues.empty() &&
              T->Kind == TemplateKind::TerraformPlan && P.Name.empty())
            std::abort(); // A policy without a name or a document.

  // The whole load, as `tollgate lint plan.json` does it.
  for (bool Literal : {false, true}) {
    LoadOptions Options;
    Options.LiteralPlaceholders = Literal;
    for (LoadedPolicy &L : loadPoliciesText("plan.json", Text, Options)) {
      FileFindings F;
      F.Source = L.Source;
      F.Diags = std::move(L.Diags);
      std::sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
      std::string Out;
      llvm::raw_string_ostream OS(Out);
      writeText(F, OS, ReportOptions());
    }
  }
  return 0;
}
