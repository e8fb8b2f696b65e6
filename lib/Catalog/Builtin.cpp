//===- Builtin.cpp - The catalog embedded in the binary -------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

// The binary image of rules/catalog/iam-catalog.txt, written at build time
// by tools/catalog-image and linked in by tollgate_embed().
extern "C" const char tollgate_catalog_image_begin[];
extern "C" const char tollgate_catalog_image_end[];

namespace tollgate {

static StringRef builtinImage() {
  return StringRef(tollgate_catalog_image_begin,
                   tollgate_catalog_image_end - tollgate_catalog_image_begin);
}

const Catalog &Catalog::builtin() {
  // A function-local static is initialised once, and thread-safely.
  static const std::unique_ptr<Catalog> Builtin = [] {
    Expected<std::unique_ptr<Catalog>> Loaded = fromImage(builtinImage());
    if (!Loaded)
      report_fatal_error(Loaded.takeError());
    return std::move(*Loaded);
  }();
  return *Builtin;
}

Catalog::Summary Catalog::builtinSummary() {
  Expected<Summary> S = summaryOfImage(builtinImage());
  if (!S)
    report_fatal_error(S.takeError());
  return *S;
}

} // namespace tollgate
