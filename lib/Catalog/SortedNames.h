//===- SortedNames.h - Search tables sorted by name, ignoring case -*- C++
//-*-===//
///
/// \file
/// The catalog's tables are sorted by name compared case-insensitively
/// (StringRef::compare_insensitive), as the generator writes them; these
/// helpers binary-search them.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_CATALOG_SORTEDNAMES_H
#define TOLLGATE_LIB_CATALOG_SORTEDNAMES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>

namespace tollgate {

/// The first element of \p Items whose name, as \p NameOf gives it, is not
/// less than \p Name ignoring case.
template <typename T, typename NameFn>
const T *lowerBoundByName(llvm::ArrayRef<T> Items, llvm::StringRef Name,
                          NameFn NameOf) {
  return std::lower_bound(Items.begin(), Items.end(), Name,
                          [&](const T &Item, llvm::StringRef N) {
                            return NameOf(Item).compare_insensitive(N) < 0;
                          });
}

/// The element of \p Items named \p Name ignoring case, or null.
template <typename T, typename NameFn>
const T *findByName(llvm::ArrayRef<T> Items, llvm::StringRef Name,
                    NameFn NameOf) {
  const T *It = lowerBoundByName(Items, Name, NameOf);
  if (It != Items.end() && NameOf(*It).equals_insensitive(Name))
    return It;
  return nullptr;
}

} // namespace tollgate

#endif // TOLLGATE_LIB_CATALOG_SORTEDNAMES_H
