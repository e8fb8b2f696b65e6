//===- Builtin.cpp - The catalog embedded in the binary -------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "CatalogTables.h"

namespace tollgate {

const Catalog &Catalog::builtin() {
  // The tables are constant data (BuiltinCatalogTables, generated at build
  // time); the Catalog only views them. A function-local static is
  // initialised once, and thread-safely.
  static const Catalog Builtin(BuiltinCatalogTables);
  return Builtin;
}

Catalog::Summary Catalog::builtinSummary() {
  const CatalogTables &T = BuiltinCatalogTables;
  Summary S;
  S.Source = T.Source;
  S.Version = T.Version;
  S.Date = T.Date;
  S.Services = T.Services.size();
  S.Actions = T.Actions.size();
  return S;
}

} // namespace tollgate
