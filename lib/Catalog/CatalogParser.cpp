//===- CatalogParser.cpp - Load the catalog's line format -----------------===//
//
// Loading is one pass over the text that only splits it: every name stays a
// view into the text, and every table is allocated once at its final size
// (announced by the `C` record, or counted in a first pass when it is
// missing), so records can point at each other while they are filled in and
// no table ever moves.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "CatalogTables.h"
#include "SortedNames.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cstdint>

using namespace llvm;

namespace tollgate {

namespace {

/// The fields of one line; absent trailing fields are empty.
struct Fields {
  static constexpr unsigned Max = 7;
  StringRef Items[Max];
  unsigned Count = 0;

  StringRef operator[](unsigned I) const { return I < Count ? Items[I] : ""; }
};

} // namespace

/// The first byte below 0x0B at or after \p P, or \p End: tab and newline
/// are, and otherwise only control characters, which readLine() steps over.
/// Eight bytes are tested at a time: (W - 0x0B..) & ~W & 0x80.. flags the
/// bytes below 0x0B, and a borrow only ever leaves a flagged byte, so the
/// lowest flag is exact.
static const char *findBelow0x0B(const char *P, const char *End) {
  constexpr uint64_t Ones = 0x0101010101010101ULL;
  constexpr uint64_t Highs = 0x8080808080808080ULL;
  while (End - P >= 8) {
    uint64_t Word = support::endian::read64le(P);
    if (uint64_t Flags = (Word - Ones * 0x0B) & ~Word & Highs)
      return P + countTrailingZeros(Flags) / 8;
    P += 8;
  }
  while (P != End && static_cast<unsigned char>(*P) >= 0x0B)
    ++P;
  return P;
}

/// Splits the line at \p P into \p F and moves \p P past it.
static void readLine(const char *&P, const char *End, Fields &F) {
  F.Count = 0;
  const char *FieldBegin = P;
  for (;; ++P) {
    P = findBelow0x0B(P, End);
    if (P == End || *P == '\n')
      break;
    if (*P == '\t' && F.Count + 1 < Fields::Max) {
      F.Items[F.Count++] = StringRef(FieldBegin, P - FieldBegin);
      FieldBegin = P + 1;
    }
  }
  const char *FieldEnd = P;
  if (FieldEnd != FieldBegin && FieldEnd[-1] == '\r')
    --FieldEnd;
  F.Items[F.Count++] = StringRef(FieldBegin, FieldEnd - FieldBegin);
  if (P != End)
    ++P;
}

template <typename T> static bool hasRoom(const std::vector<T> &Table) {
  return Table.size() < Table.capacity();
}

static std::optional<AccessLevel> parseAccessLevel(StringRef S) {
  return StringSwitch<std::optional<AccessLevel>>(S)
      .Case("List", AccessLevel::List)
      .Case("Read", AccessLevel::Read)
      .Case("Write", AccessLevel::Write)
      .Case("Permissions management", AccessLevel::PermissionsManagement)
      .Case("Tagging", AccessLevel::Tagging)
      .Default(std::nullopt);
}

static std::optional<ConditionKeyType> parseScalarType(StringRef S) {
  return StringSwitch<std::optional<ConditionKeyType>>(S)
      .Case("String", ConditionKeyType::String)
      .Case("ARN", ConditionKeyType::ARN)
      .Case("Numeric", ConditionKeyType::Numeric)
      .Case("Date", ConditionKeyType::Date)
      .Case("Bool", ConditionKeyType::Bool)
      .Case("IPAddress", ConditionKeyType::IPAddress)
      .Case("Binary", ConditionKeyType::Binary)
      .Default(std::nullopt);
}

template <typename Array, typename NameFn>
static bool strictlySorted(const Array &Items, NameFn NameOf) {
  for (size_t I = 1; I < Items.size(); ++I)
    if (compareIgnoringCase(NameOf(Items[I - 1]), NameOf(Items[I])) >= 0)
      return false;
  return true;
}

class CatalogParser {
public:
  explicit CatalogParser(StringRef Text)
      : Text(Text), C(new Catalog),
        Own(*(C->Storage = std::make_unique<CatalogStorage>())) {}

  Expected<std::unique_ptr<Catalog>> run() {
    if (Error E = reserveTables())
      return E;
    const char *P = Text.begin(), *End = Text.end();
    Fields F;
    while (P != End) {
      ++LineNo;
      readLine(P, End, F);
      if (F[0].empty() || F[0][0] == '#')
        continue;
      if (Error E = parseRecord(F))
        return E;
    }
    if (Error E = finishService())
      return E;
    if (!strictlySorted(makeArrayRef(Own.Services),
                        [](const ServiceInfo &S) { return S.Prefix; }))
      return fail("services are not sorted by prefix");
    indexArnFormats(Own.ResourceTypes, Own.ArnFormats, Own.ArnServices);
    C->Services = Own.Services;
    C->Actions = Own.Actions;
    C->ActionResources = Own.ActionResources;
    C->ResourceTypes = Own.ResourceTypes;
    C->Keys = Own.Keys;
    C->ListItems = Own.ListItems;
    C->ArnFormats = Own.ArnFormats;
    C->ArnServices = Own.ArnServices;
    return std::move(C);
  }

private:
  Error fail(const Twine &Message) const {
    return createStringError(inconvertibleErrorCode(), "IAM catalog, line " +
                                                           Twine(LineNo) +
                                                           ": " + Message);
  }

  Error tooMany() const {
    return fail("more records than the counts ('C' record) announce");
  }

  /// Sizes every table: from the `C` record if one precedes the data,
  /// otherwise from a count of the record tags, with list items bounded by
  /// the separators (each item starts a field or follows a comma).
  Error reserveTables() {
    const char *P = Text.begin(), *End = Text.end();
    Fields F;
    while (P != End) {
      readLine(P, End, F);
      if (F[0] == "V" || F[0].empty() || F[0][0] == '#')
        continue;
      if (F[0] != "C")
        break;
      size_t Counts[6];
      for (unsigned I = 0; I < 6; ++I)
        if (F[I + 1].getAsInteger(10, Counts[I]))
          return fail("bad counts record");
      Own.Services.reserve(Counts[0]);
      Own.Actions.reserve(Counts[1]);
      Own.ActionResources.reserve(Counts[2]);
      Own.ResourceTypes.reserve(Counts[3]);
      Own.Keys.reserve(Counts[4]);
      Own.ListItems.reserve(Counts[5]);
      return Error::success();
    }
    size_t Lines = 0, Tags[256] = {};
    for (P = Text.begin(); P != End;) {
      ++Tags[static_cast<unsigned char>(*P)];
      ++Lines;
      readLine(P, End, F);
    }
    auto Count = [&](char Tag) {
      return Tags[static_cast<unsigned char>(Tag)];
    };
    Own.Services.reserve(Count('S'));
    Own.Actions.reserve(Count('A'));
    Own.ActionResources.reserve(Count('R'));
    Own.ResourceTypes.reserve(Count('T'));
    Own.Keys.reserve(Count('G') + Count('K'));
    size_t Separators = std::count(Text.begin(), Text.end(), ',') +
                        std::count(Text.begin(), Text.end(), '\t');
    Own.ListItems.reserve(Separators + Lines);
    return Error::success();
  }

  /// Splits a comma-separated field into the list pool; false if the pool
  /// is full.
  bool list(StringRef Field, RecordArray<StringRef> &Out) {
    std::vector<StringRef> &Pool = Own.ListItems;
    size_t Begin = Pool.size();
    if (!Field.empty()) {
      const char *ItemBegin = Field.begin();
      for (const char *P = Field.begin(), *End = Field.end();; ++P) {
        if (P != End && *P != ',')
          continue;
        if (!hasRoom(Pool))
          return false;
        Pool.emplace_back(ItemBegin, P - ItemBegin);
        if (P == End)
          break;
        ItemBegin = P + 1;
      }
    }
    Out = RecordArray<StringRef>(Pool.data() + Begin, Pool.size() - Begin);
    return true;
  }

  Error parseKey(const Fields &F, bool Global) {
    ConditionKeyInfo K;
    K.Name = F[1];
    StringRef Type = F[2];
    K.MultiValued = Type.consume_front("ArrayOf");
    std::optional<ConditionKeyType> Scalar = parseScalarType(Type);
    if (K.Name.empty() || !Scalar)
      return fail("bad condition key record");
    K.Type = *Scalar;
    K.Global = Global;
    K.Template = hasKeyPlaceholder(K.Name);
    if (Global)
      K.Category = F[3];
    else
      K.Service = Current;
    if (!hasRoom(Own.Keys))
      return tooMany();
    Own.Keys.push_back(K);
    return Error::success();
  }

  Error parseService(const Fields &F) {
    if (Error E = finishService())
      return E;
    ServiceInfo S;
    S.Prefix = F[1];
    S.Name = F[2];
    if (S.Prefix.empty())
      return fail("service without prefix");
    if (!hasRoom(Own.Services))
      return tooMany();
    Own.Services.push_back(S);
    Current = &Own.Services.back();
    ActionsBegin = Own.Actions.size();
    TypesBegin = Own.ResourceTypes.size();
    KeysBegin = Own.Keys.size();
    LastAction = nullptr;
    return Error::success();
  }

  Error parseResourceType(const Fields &F) {
    ResourceTypeInfo T;
    T.Name = F[1];
    T.Service = Current;
    if (!list(F[2], T.ArnFormats) || !list(F[3], T.ConditionKeys) ||
        !hasRoom(Own.ResourceTypes))
      return tooMany();
    Own.ResourceTypes.push_back(T);
    return Error::success();
  }

  Error parseAction(const Fields &F) {
    ActionInfo A;
    A.FullName = F[1];
    StringRef Prefix = Current->Prefix;
    if (A.FullName.size() <= Prefix.size() + 1 ||
        !A.FullName.startswith(Prefix) || A.FullName[Prefix.size()] != ':')
      return fail("action '" + A.FullName + "' outside service '" + Prefix +
                  "'");
    A.Name = A.FullName.drop_front(Prefix.size() + 1);
    A.Service = Current;
    std::optional<AccessLevel> Level = parseAccessLevel(F[2]);
    if (!Level)
      return fail("unknown access level '" + F[2] + "'");
    A.Level = *Level;
    if (!list(F[3], A.ConditionKeys) || !list(F[4], A.DependentActions) ||
        !hasRoom(Own.Actions))
      return tooMany();
    Own.Actions.push_back(A);
    LastAction = &Own.Actions.back();
    ResourcesBegin = Own.ActionResources.size();
    return Error::success();
  }

  Error parseActionResource(const Fields &F) {
    if (!LastAction)
      return fail("resource row before any action");
    ActionResource R;
    R.Name = F[1];
    R.Required = F[2] == "*";
    if (!list(F[3], R.ConditionKeys) || !list(F[4], R.DependentActions) ||
        !hasRoom(Own.ActionResources))
      return tooMany();
    Own.ActionResources.push_back(R);
    LastAction->Resources =
        makeArrayRef(Own.ActionResources.data() + ResourcesBegin,
                     Own.ActionResources.size() - ResourcesBegin);
    return Error::success();
  }

  Error parseRecord(const Fields &F) {
    char Tag = F[0].size() == 1 ? F[0][0] : 0;
    switch (Tag) {
    case 'V':
      if (F[1] == "package")
        C->Source = F[2];
      else if (F[1] == "version")
        C->Version = F[2];
      else if (F[1] == "date")
        C->Date = F[2];
      return Error::success();
    case 'C':
      return Error::success(); // Read by reserveTables().
    case 'G':
      if (Current)
        return fail("global key after the first service");
      ++C->NumGlobalKeys;
      return parseKey(F, /*Global=*/true);
    case 'S':
      return parseService(F);
    case 'K':
    case 'T':
    case 'A':
    case 'R':
      if (!Current)
        return fail("record outside a service");
      if (Tag == 'K')
        return parseKey(F, /*Global=*/false);
      if (Tag == 'T')
        return parseResourceType(F);
      if (Tag == 'A')
        return parseAction(F);
      return parseActionResource(F);
    default:
      return fail("unknown record '" + F[0] + "'");
    }
  }

  /// Closes the current service: fixes its arrays, checks their order, and
  /// links its actions' resource rows to its resource types.
  Error finishService() {
    if (!Current)
      return Error::success();
    Current->Actions = makeArrayRef(Own.Actions).slice(ActionsBegin);
    Current->ResourceTypes = makeArrayRef(Own.ResourceTypes).slice(TypesBegin);
    Current->ConditionKeys = makeArrayRef(Own.Keys).slice(KeysBegin);
    if (!strictlySorted(Current->Actions,
                        [](const ActionInfo &A) { return A.Name; }) ||
        !strictlySorted(Current->ResourceTypes,
                        [](const ResourceTypeInfo &T) { return T.Name; }) ||
        !strictlySorted(Current->ConditionKeys,
                        [](const ConditionKeyInfo &K) { return K.Name; }))
      return fail("service '" + Current->Prefix + "' is not sorted by name");
    // Rows spell their type as its definition does, so an exact-name table
    // resolves them faster than the case-insensitive binary search, which
    // remains the fallback.
    ExactTypes.clear();
    for (const ResourceTypeInfo &T : Current->ResourceTypes)
      ExactTypes.try_emplace(T.Name, &T);
    for (ActionResource &R : makeMutableArrayRef(Own.ActionResources.data(),
                                                 Own.ActionResources.size())
                                 .slice(ServiceResourcesBegin)) {
      auto It = ExactTypes.find(R.Name);
      R.Type =
          It != ExactTypes.end() ? It->second : Current->resourceType(R.Name);
    }
    ServiceResourcesBegin = Own.ActionResources.size();
    Current = nullptr;
    return Error::success();
  }

  StringRef Text;
  std::unique_ptr<Catalog> C;
  /// C's tables, filled in place.
  CatalogStorage &Own;
  unsigned LineNo = 0;
  ServiceInfo *Current = nullptr;
  ActionInfo *LastAction = nullptr;
  size_t ActionsBegin = 0, TypesBegin = 0, KeysBegin = 0;
  size_t ResourcesBegin = 0, ServiceResourcesBegin = 0;
  DenseMap<StringRef, const ResourceTypeInfo *> ExactTypes;
};

Expected<std::unique_ptr<Catalog>> Catalog::parse(StringRef Text) {
  return CatalogParser(Text).run();
}

} // namespace tollgate
