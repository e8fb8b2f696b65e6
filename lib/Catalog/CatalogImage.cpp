//===- CatalogImage.cpp - Write and load the catalog's binary image -------===//
//
// The image (ImageFormat.h) holds the tables exactly as the text parser
// leaves them, so a catalog loaded from it answers every question as the one
// parsed from the text it was made from (tests/unit/Catalog compare them
// query by query).
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "ImageFormat.h"

#include "llvm/ADT/StringMap.h"

#include <cstring>

#ifdef __linux__
#include <sys/mman.h>
#endif

using namespace llvm;

namespace tollgate {

class CatalogImage {
public:
  static std::string write(const Catalog &C);
  static Expected<std::unique_ptr<Catalog>> read(StringRef Image);
};

static Error imageError(const char *What) {
  return createStringError(inconvertibleErrorCode(), "IAM catalog image: %s",
                           What);
}

static Expected<image::Header> readHeader(StringRef Image) {
  image::Header H;
  if (Image.size() < sizeof(H))
    return imageError("too short");
  std::memcpy(&H, Image.data(), sizeof(H));
  if (std::memcmp(H.Magic, image::Magic, sizeof(H.Magic)) != 0)
    return imageError("not an image of this version");
  return H;
}

namespace {

/// Asks the kernel to back the reserved storage of \p Table at once: one
/// call in place of a page fault for each of its pages (about a thousand
/// for the whole catalog) when the records are written. Only a hint.
template <typename T> void populate(std::vector<T> &Table) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  constexpr uintptr_t Page = 4096;
  uintptr_t Begin = reinterpret_cast<uintptr_t>(Table.data());
  uintptr_t End = Begin + Table.capacity() * sizeof(T);
  Begin = (Begin + Page - 1) & ~(Page - 1);
  End &= ~(Page - 1);
  if (End > Begin + 16 * Page)
    (void)madvise(reinterpret_cast<void *>(Begin), End - Begin,
                  MADV_POPULATE_WRITE);
#endif
}

/// Appends records and strings to the image being written.
class ImageWriter {
public:
  image::Str str(StringRef S) {
    if (S.empty())
      return {0, 0};
    auto [It, Inserted] = Offsets.try_emplace(S, Pool.size());
    if (Inserted)
      Pool.append(S.begin(), S.end());
    return {It->second, static_cast<uint32_t>(S.size())};
  }

  template <typename T, typename U>
  static image::Range range(ArrayRef<T> Slice, const std::vector<U> &Table) {
    if (Slice.empty())
      return {0, 0};
    return {static_cast<uint32_t>(Slice.data() - Table.data()),
            static_cast<uint32_t>(Slice.size())};
  }

  template <typename T, typename U>
  static uint32_t index(const T *Item, const std::vector<U> &Table) {
    return Item ? static_cast<uint32_t>(Item - Table.data()) : image::None;
  }

  template <typename Record> void add(const Record &R) {
    Records.append(reinterpret_cast<const char *>(&R), sizeof(R));
  }

  std::string Records;
  std::string Pool;

private:
  StringMap<uint32_t> Offsets;
};

/// Reads the records of one table and turns the image's indexes into
/// pointers, checking each against the size of the table it indexes.
class ImageReader {
public:
  explicit ImageReader(StringRef Image) : Image(Image) {}

  /// The next \p Count records of type \p Record, or null if the image
  /// ends first.
  template <typename Record> const char *table(size_t Count) {
    size_t Bytes = Count * sizeof(Record);
    if (Count > Image.size() || Bytes > Image.size() - Pos)
      return nullptr;
    const char *Begin = Image.data() + Pos;
    Pos += Bytes;
    return Begin;
  }

  template <typename Record> static Record at(const char *Table, size_t I) {
    Record R;
    std::memcpy(&R, Table + I * sizeof(Record), sizeof(Record));
    return R;
  }

  /// Appends one entry to \p Out for each of the \p Count records of
  /// \p Table, filled by \p Fill from its record; stops once the image is
  /// found bad.
  template <typename Record, typename Info, typename FillFn>
  void fill(const char *Table, size_t Count, std::vector<Info> &Out,
            FillFn Fill) {
    for (size_t I = 0; I < Count && !Bad; ++I)
      Fill(at<Record>(Table, I), Out.emplace_back());
  }

  void setPool(StringRef P) { Pool = P; }
  size_t position() const { return Pos; }

  StringRef str(image::Str S) {
    if (uint64_t(S.Offset) + S.Size > Pool.size()) {
      Bad = true;
      return {};
    }
    return StringRef(Pool.data() + S.Offset, S.Size);
  }

  template <typename T> ArrayRef<T> slice(image::Range R, ArrayRef<T> Table) {
    if (R.Size == 0)
      return {};
    if (uint64_t(R.Begin) + R.Size > Table.size()) {
      Bad = true;
      return {};
    }
    return Table.slice(R.Begin, R.Size);
  }

  template <typename T> const T *pointer(uint32_t I, ArrayRef<T> Table) {
    if (I == image::None)
      return nullptr;
    if (I >= Table.size()) {
      Bad = true;
      return nullptr;
    }
    return &Table[I];
  }

  bool Bad = false;

private:
  StringRef Image;
  StringRef Pool;
  size_t Pos = sizeof(image::Header);
};

} // namespace

std::string CatalogImage::write(const Catalog &C) {
  ImageWriter W;
  image::Header H = {};
  std::memcpy(H.Magic, image::Magic, sizeof(H.Magic));
  H.NumServices = C.Services.size();
  H.NumResourceTypes = C.ResourceTypes.size();
  H.NumKeys = C.Keys.size();
  H.NumGlobalKeys = C.NumGlobalKeys;
  H.NumActions = C.Actions.size();
  H.NumActionResources = C.ActionResources.size();
  H.NumListItems = C.ListItems.size();
  H.Source = W.str(C.Source);
  H.Version = W.str(C.Version);
  H.Date = W.str(C.Date);

  for (const ServiceInfo &S : C.Services)
    W.add(image::Service{W.str(S.Prefix), W.str(S.Name),
                         W.range(S.Actions, C.Actions),
                         W.range(S.ResourceTypes, C.ResourceTypes),
                         W.range(S.ConditionKeys, C.Keys)});
  for (const ResourceTypeInfo &T : C.ResourceTypes)
    W.add(image::ResourceType{W.str(T.Name), W.range(T.ArnFormats, C.ListItems),
                              W.range(T.ConditionKeys, C.ListItems),
                              W.index(T.Service, C.Services)});
  for (const ConditionKeyInfo &K : C.Keys)
    W.add(image::Key{
        W.str(K.Name), W.str(K.Category), W.index(K.Service, C.Services),
        static_cast<uint8_t>(K.Type), K.MultiValued, K.Global, K.Template});
  for (const ActionInfo &A : C.Actions)
    W.add(image::Action{W.str(A.FullName), W.index(A.Service, C.Services),
                        static_cast<uint32_t>(A.Level),
                        W.range(A.Resources, C.ActionResources),
                        W.range(A.ConditionKeys, C.ListItems),
                        W.range(A.DependentActions, C.ListItems)});
  for (const ActionResource &R : C.ActionResources)
    W.add(image::ActionResource{W.str(R.Name), W.index(R.Type, C.ResourceTypes),
                                R.Required,
                                W.range(R.ConditionKeys, C.ListItems),
                                W.range(R.DependentActions, C.ListItems)});
  for (StringRef Item : C.ListItems)
    W.add(W.str(Item));

  H.PoolSize = W.Pool.size();
  std::string Out(reinterpret_cast<const char *>(&H), sizeof(H));
  Out += W.Records;
  Out += W.Pool;
  return Out;
}

Expected<std::unique_ptr<Catalog>> CatalogImage::read(StringRef Image) {
  Expected<image::Header> Header = readHeader(Image);
  if (!Header)
    return Header.takeError();
  const image::Header &H = *Header;
  ImageReader R(Image);
  const char *Services = R.table<image::Service>(H.NumServices);
  const char *Types = R.table<image::ResourceType>(H.NumResourceTypes);
  const char *Keys = R.table<image::Key>(H.NumKeys);
  const char *Actions = R.table<image::Action>(H.NumActions);
  const char *Rows = R.table<image::ActionResource>(H.NumActionResources);
  const char *Items = R.table<image::Str>(H.NumListItems);
  if (!Services || !Types || !Keys || !Actions || !Rows || !Items ||
      Image.size() - R.position() != H.PoolSize || H.NumGlobalKeys > H.NumKeys)
    return imageError("truncated");
  R.setPool(Image.drop_front(R.position()));

  std::unique_ptr<Catalog> C(new Catalog);
  C->Source = R.str(H.Source);
  C->Version = R.str(H.Version);
  C->Date = R.str(H.Date);
  C->NumGlobalKeys = H.NumGlobalKeys;
  // Every table gets its final capacity before any is filled, so records
  // can point into tables that are filled later; each record is written
  // once, in place.
  C->Services.reserve(H.NumServices);
  C->ResourceTypes.reserve(H.NumResourceTypes);
  C->Keys.reserve(H.NumKeys);
  C->Actions.reserve(H.NumActions);
  C->ActionResources.reserve(H.NumActionResources);
  C->ListItems.reserve(H.NumListItems);
  populate(C->Actions);
  populate(C->ActionResources);
  populate(C->ListItems);
  ArrayRef<ServiceInfo> AllServices(C->Services.data(), H.NumServices);
  ArrayRef<ResourceTypeInfo> AllTypes(C->ResourceTypes.data(),
                                      H.NumResourceTypes);
  ArrayRef<ConditionKeyInfo> AllKeys(C->Keys.data(), H.NumKeys);
  ArrayRef<ActionInfo> AllActions(C->Actions.data(), H.NumActions);
  ArrayRef<ActionResource> AllRows(C->ActionResources.data(),
                                   H.NumActionResources);
  ArrayRef<StringRef> AllItems(C->ListItems.data(), H.NumListItems);

  R.fill<image::Str>(Items, H.NumListItems, C->ListItems,
                     [&](image::Str In, StringRef &Item) { Item = R.str(In); });
  R.fill<image::Service>(Services, H.NumServices, C->Services,
                         [&](const image::Service &In, ServiceInfo &S) {
                           S.Prefix = R.str(In.Prefix);
                           S.Name = R.str(In.Name);
                           S.Actions = R.slice(In.Actions, AllActions);
                           S.ResourceTypes =
                               R.slice(In.ResourceTypes, AllTypes);
                           S.ConditionKeys = R.slice(In.Keys, AllKeys);
                         });
  R.fill<image::ResourceType>(
      Types, H.NumResourceTypes, C->ResourceTypes,
      [&](const image::ResourceType &In, ResourceTypeInfo &T) {
        T.Name = R.str(In.Name);
        T.ArnFormats = R.slice(In.ArnFormats, AllItems);
        T.ConditionKeys = R.slice(In.ConditionKeys, AllItems);
        T.Service = R.pointer(In.Service, AllServices);
      });
  R.fill<image::Key>(
      Keys, H.NumKeys, C->Keys, [&](const image::Key &In, ConditionKeyInfo &K) {
        K.Name = R.str(In.Name);
        K.Category = R.str(In.Category);
        K.Service = R.pointer(In.Service, AllServices);
        if (In.Type > static_cast<uint8_t>(ConditionKeyType::Binary))
          R.Bad = true;
        K.Type = static_cast<ConditionKeyType>(In.Type);
        K.MultiValued = In.MultiValued;
        K.Global = In.Global;
        K.Template = In.Template;
      });
  R.fill<image::Action>(
      Actions, H.NumActions, C->Actions,
      [&](const image::Action &In, ActionInfo &A) {
        A.FullName = R.str(In.FullName);
        A.Service = R.pointer(In.Service, AllServices);
        if (!A.Service || A.FullName.size() <= A.Service->Prefix.size() ||
            In.Level > static_cast<uint32_t>(AccessLevel::Tagging)) {
          R.Bad = true;
          return;
        }
        A.Name = A.FullName.drop_front(A.Service->Prefix.size() + 1);
        A.Level = static_cast<AccessLevel>(In.Level);
        A.Resources = R.slice(In.Resources, AllRows);
        A.ConditionKeys = R.slice(In.ConditionKeys, AllItems);
        A.DependentActions = R.slice(In.DependentActions, AllItems);
      });
  R.fill<image::ActionResource>(
      Rows, H.NumActionResources, C->ActionResources,
      [&](const image::ActionResource &In, ActionResource &Row) {
        Row.Name = R.str(In.Name);
        Row.Type = R.pointer(In.Type, AllTypes);
        Row.Required = In.Required;
        Row.ConditionKeys = R.slice(In.ConditionKeys, AllItems);
        Row.DependentActions = R.slice(In.DependentActions, AllItems);
      });
  if (R.Bad)
    return imageError("an index is out of range");
  return C;
}

std::string Catalog::toImage() const { return CatalogImage::write(*this); }

Expected<std::unique_ptr<Catalog>> Catalog::fromImage(StringRef Image) {
  return CatalogImage::read(Image);
}

Expected<Catalog::Summary> Catalog::summaryOfImage(StringRef Image) {
  Expected<image::Header> H = readHeader(Image);
  if (!H)
    return H.takeError();
  // The strings are the first of the pool, which ends the image.
  StringRef Pool = Image.take_back(std::min<size_t>(H->PoolSize, Image.size()));
  auto Str = [&](image::Str S) -> Expected<StringRef> {
    if (uint64_t(S.Offset) + S.Size > Pool.size())
      return imageError("truncated");
    return Pool.substr(S.Offset, S.Size);
  };
  Summary Out;
  Out.Services = H->NumServices;
  Out.Actions = H->NumActions;
  for (auto [From, To] :
       {std::pair(H->Source, &Out.Source), std::pair(H->Version, &Out.Version),
        std::pair(H->Date, &Out.Date)}) {
    Expected<StringRef> S = Str(From);
    if (!S)
      return S.takeError();
    *To = *S;
  }
  return Out;
}

} // namespace tollgate
