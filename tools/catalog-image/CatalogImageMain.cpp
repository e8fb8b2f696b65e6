//===- CatalogImageMain.cpp - Compile the text catalog to constant tables -===//
//
// catalog-image TEXT SOURCE: parses the catalog TEXT (rules/catalog) and
// writes its tables as C++ constant data (Catalog::toSource()), which the
// tollgate binary is compiled with and uses in place. Run by the build.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

int main(int Argc, char **Argv) {
  if (Argc != 3) {
    errs() << "usage: catalog-image TEXT SOURCE\n";
    return 2;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Text =
      MemoryBuffer::getFile(Argv[1], /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Text) {
    WithColor::error() << Argv[1] << ": " << Text.getError().message() << "\n";
    return 1;
  }
  Expected<std::unique_ptr<tollgate::Catalog>> Catalog =
      tollgate::Catalog::parse((*Text)->getBuffer());
  if (!Catalog) {
    WithColor::error() << Argv[1] << ": " << toString(Catalog.takeError())
                       << "\n";
    return 1;
  }
  std::string Source = (*Catalog)->toSource();
  // An unchanged file keeps its time stamp, so that the build does not
  // compile the tables again when only the tool changed.
  ErrorOr<std::unique_ptr<MemoryBuffer>> Old =
      MemoryBuffer::getFile(Argv[2], /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (Old && (*Old)->getBuffer() == Source)
    return 0;
  std::error_code EC;
  raw_fd_ostream Out(Argv[2], EC, sys::fs::OF_None);
  if (EC) {
    WithColor::error() << Argv[2] << ": " << EC.message() << "\n";
    return 1;
  }
  Out << Source;
  Out.close();
  if (Out.has_error()) {
    WithColor::error() << Argv[2] << ": " << Out.error().message() << "\n";
    Out.clear_error();
    return 1;
  }
  return 0;
}
