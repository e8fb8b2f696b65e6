//===- ArnServices.cpp - ARN formats by the service field they carry ------===//

#include "CatalogTables.h"

#include "tollgate/Catalog/Catalog.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

/// The service field of ARN format \p Format, or None if the format has
/// fewer than five colons (the resource part keeps any further ones).
static std::optional<StringRef> serviceField(StringRef Format) {
  size_t Start = 0;
  StringRef Field;
  for (unsigned I = 0; I < 5; ++I) {
    size_t Colon = Format.find(':', Start);
    if (Colon == StringRef::npos)
      return std::nullopt;
    if (I == 2)
      Field = Format.slice(Start, Colon);
    Start = Colon + 1;
  }
  return Field;
}

void indexArnFormats(ArrayRef<ResourceTypeInfo> Types,
                     std::vector<ArnFormatRef> &ArnFormats,
                     std::vector<ArnServiceFormats> &ArnServices) {
  struct Entry {
    StringRef Service;
    ArnFormatRef Ref;
  };
  std::vector<Entry> Entries;
  for (const ResourceTypeInfo &T : Types)
    for (StringRef Format : T.ArnFormats) {
      std::optional<StringRef> Service = serviceField(Format);
      // A placeholder service (`${Vendor}`) names no service.
      if (Service && !Service->contains('$'))
        Entries.push_back({*Service, {&T, Format}});
    }
  // Stable: a service's formats stay in catalog order.
  std::stable_sort(
      Entries.begin(), Entries.end(),
      [](const Entry &A, const Entry &B) { return A.Service < B.Service; });
  ArnFormats.clear();
  ArnFormats.reserve(Entries.size());
  for (const Entry &E : Entries)
    ArnFormats.push_back(E.Ref);
  ArnServices.clear();
  for (size_t I = 0; I < Entries.size();) {
    size_t J = I;
    while (J < Entries.size() && Entries[J].Service == Entries[I].Service)
      ++J;
    ArnServices.push_back(
        {Entries[I].Service, makeArrayRef(ArnFormats).slice(I, J - I)});
    I = J;
  }
}

ArrayRef<ArnFormatRef>
Catalog::arnFormatsOfService(StringRef ArnService) const {
  auto It = std::lower_bound(
      ArnServices.begin(), ArnServices.end(), ArnService,
      [](const ArnServiceFormats &S, StringRef N) { return S.Service < N; });
  if (It == ArnServices.end() || It->Service != ArnService)
    return {};
  return It->Formats;
}

} // namespace tollgate
