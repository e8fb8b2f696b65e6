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
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <type_traits>

namespace tollgate {

/// The order of StringRef::compare_insensitive, inline and with a fast path
/// for equal bytes: names compared during loading and lookup mostly share
/// their spelling up to the first difference.
inline int compareIgnoringCase(llvm::StringRef A, llvm::StringRef B) {
  size_t N = std::min(A.size(), B.size());
  for (size_t I = 0; I < N; ++I) {
    unsigned char X = A[I], Y = B[I];
    if (X == Y)
      continue;
    X = llvm::toLower(X);
    Y = llvm::toLower(Y);
    if (X != Y)
      return X < Y ? -1 : 1;
  }
  return A.size() == B.size() ? 0 : A.size() < B.size() ? -1 : 1;
}

/// The first element of \p Items (an ArrayRef or RecordArray) whose name, as
/// \p NameOf gives it, is not less than \p Name ignoring case.
template <typename Array, typename NameFn>
auto lowerBoundByName(const Array &Items, llvm::StringRef Name, NameFn NameOf)
    -> decltype(Items.begin()) {
  using T = std::remove_pointer_t<decltype(Items.begin())>;
  return std::lower_bound(Items.begin(), Items.end(), Name,
                          [&](const T &Item, llvm::StringRef N) {
                            return compareIgnoringCase(NameOf(Item), N) < 0;
                          });
}

/// The element of \p Items named \p Name ignoring case, or null.
template <typename Array, typename NameFn>
auto findByName(const Array &Items, llvm::StringRef Name, NameFn NameOf)
    -> decltype(Items.begin()) {
  auto It = lowerBoundByName(Items, Name, NameOf);
  if (It != Items.end() && compareIgnoringCase(NameOf(*It), Name) == 0)
    return It;
  return nullptr;
}

} // namespace tollgate

#endif // TOLLGATE_LIB_CATALOG_SORTEDNAMES_H
