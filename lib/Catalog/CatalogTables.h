//===- CatalogTables.h - The tables a Catalog views -------------*- C++ -*-===//
///
/// \file
/// A Catalog answers from views into tables of records. The embedded
/// catalog's tables are constant data that the build generates
/// (Catalog::toSource(), run by tools/catalog-image): the linker resolves
/// their pointers, so nothing is loaded at start-up and a page of records is
/// read from the binary only when a lookup touches it. A parsed catalog owns
/// its tables in a CatalogStorage.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_CATALOG_CATALOGTABLES_H
#define TOLLGATE_LIB_CATALOG_CATALOGTABLES_H

#include "tollgate/Catalog/Records.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <vector>

namespace tollgate {

/// Every table of a catalog, as the Catalog members of the same names, in
/// a form that constant expressions can build.
struct CatalogTables {
  llvm::StringRef Source, Version, Date;
  RecordArray<ServiceInfo> Services;
  RecordArray<ActionInfo> Actions;
  RecordArray<ActionResource> ActionResources;
  RecordArray<ResourceTypeInfo> ResourceTypes;
  RecordArray<ConditionKeyInfo> Keys;
  size_t NumGlobalKeys = 0;
  RecordArray<llvm::StringRef> ListItems;
  RecordArray<ArnFormatRef> ArnFormats;
  RecordArray<ArnServiceFormats> ArnServices;
};

/// The tables of the embedded catalog, defined by the generated source.
extern const CatalogTables BuiltinCatalogTables;

/// The tables of a catalog built at run time.
struct CatalogStorage {
  std::vector<ServiceInfo> Services;
  std::vector<ActionInfo> Actions;
  std::vector<ActionResource> ActionResources;
  std::vector<ResourceTypeInfo> ResourceTypes;
  std::vector<ConditionKeyInfo> Keys;
  std::vector<llvm::StringRef> ListItems;
  std::vector<ArnFormatRef> ArnFormats;
  std::vector<ArnServiceFormats> ArnServices;
};

/// Fills \p ArnFormats and \p ArnServices, the ARN formats of \p Types by
/// their service field (Catalog::arnFormatsOfService()). \p ArnServices
/// views \p ArnFormats, which must not grow afterwards.
void indexArnFormats(llvm::ArrayRef<ResourceTypeInfo> Types,
                     std::vector<ArnFormatRef> &ArnFormats,
                     std::vector<ArnServiceFormats> &ArnServices);

} // namespace tollgate

#endif // TOLLGATE_LIB_CATALOG_CATALOGTABLES_H
