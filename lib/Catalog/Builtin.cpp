//===- Builtin.cpp - The catalog embedded in the binary -------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

// rules/catalog/iam-catalog.txt, linked in by tollgate_embed().
extern "C" const char tollgate_catalog_data_begin[];
extern "C" const char tollgate_catalog_data_end[];

namespace tollgate {

const Catalog &Catalog::builtin() {
  // A function-local static is initialised once, and thread-safely.
  static const std::unique_ptr<Catalog> Builtin = [] {
    StringRef Text(tollgate_catalog_data_begin,
                   tollgate_catalog_data_end - tollgate_catalog_data_begin);
    Expected<std::unique_ptr<Catalog>> Loaded = parse(Text);
    if (!Loaded)
      report_fatal_error(Loaded.takeError());
    return std::move(*Loaded);
  }();
  return *Builtin;
}

} // namespace tollgate
