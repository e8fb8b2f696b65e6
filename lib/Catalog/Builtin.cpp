//===- Builtin.cpp - The catalog embedded in the binary -------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

// The binary image of rules/catalog/iam-catalog.txt, written at build time
// by tools/catalog-image and linked in by tollgate_embed().
extern "C" const char tollgate_catalog_image_begin[];
extern "C" const char tollgate_catalog_image_end[];

namespace tollgate {

const Catalog &Catalog::builtin() {
  // A function-local static is initialised once, and thread-safely.
  static const std::unique_ptr<Catalog> Builtin = [] {
    StringRef Image(tollgate_catalog_image_begin,
                    tollgate_catalog_image_end - tollgate_catalog_image_begin);
    Expected<std::unique_ptr<Catalog>> Loaded = fromImage(Image);
    if (!Loaded)
      report_fatal_error(Loaded.takeError());
    return std::move(*Loaded);
  }();
  return *Builtin;
}

} // namespace tollgate
