//===- CatalogParser.cpp - Load the catalog's line format -----------------===//
//
// Loading is one pass over the text that only splits it: every name stays a
// view into the text, and every table is allocated once at its final size
// (counted in a first, cheaper pass), so the records can point at each other
// while they are being filled in. The embedded catalog loads in a few
// milliseconds this way.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <cassert>

using namespace llvm;

namespace tollgate {

namespace {

/// The fields of one line; absent trailing fields are empty.
struct Fields {
  static constexpr unsigned Max = 6;
  StringRef Items[Max];
  unsigned Count = 0;

  explicit Fields(StringRef Line) {
    while (Count < Max) {
      auto [Head, Tail] = Line.split('\t');
      Items[Count++] = Head;
      if (Head.size() == Line.size())
        break;
      Line = Tail;
    }
  }
  StringRef operator[](unsigned I) const { return I < Count ? Items[I] : ""; }
};

Optional<AccessLevel> parseAccessLevel(StringRef S) {
  return StringSwitch<Optional<AccessLevel>>(S)
      .Case("List", AccessLevel::List)
      .Case("Read", AccessLevel::Read)
      .Case("Write", AccessLevel::Write)
      .Case("Permissions management", AccessLevel::PermissionsManagement)
      .Case("Tagging", AccessLevel::Tagging)
      .Default(None);
}

Optional<ConditionKeyType> parseScalarType(StringRef S) {
  return StringSwitch<Optional<ConditionKeyType>>(S)
      .Case("String", ConditionKeyType::String)
      .Case("ARN", ConditionKeyType::ARN)
      .Case("Numeric", ConditionKeyType::Numeric)
      .Case("Date", ConditionKeyType::Date)
      .Case("Bool", ConditionKeyType::Bool)
      .Case("IPAddress", ConditionKeyType::IPAddress)
      .Case("Binary", ConditionKeyType::Binary)
      .Default(None);
}

template <typename T, typename NameFn>
bool strictlySorted(ArrayRef<T> Items, NameFn NameOf) {
  for (size_t I = 1; I < Items.size(); ++I)
    if (NameOf(Items[I - 1]).compare_insensitive(NameOf(Items[I])) >= 0)
      return false;
  return true;
}

} // namespace

class CatalogParser {
public:
  explicit CatalogParser(StringRef Text) : Text(Text), C(new Catalog) {}

  Expected<std::unique_ptr<Catalog>> run() {
    reserveTables();
    size_t Pos = 0;
    while (Pos < Text.size()) {
      size_t End = Text.find('\n', Pos);
      if (End == StringRef::npos)
        End = Text.size();
      ++LineNo;
      StringRef Line = Text.slice(Pos, End);
      if (Line.endswith("\r"))
        Line = Line.drop_back();
      Pos = End + 1;
      if (Line.empty() || Line[0] == '#')
        continue;
      if (Error E = parseLine(Line))
        return E;
    }
    if (Error E = finishService())
      return E;
    if (!strictlySorted(makeArrayRef(C->Services),
                        [](const ServiceInfo &S) { return S.Prefix; }))
      return fail("services are not sorted by prefix");
    return std::move(C);
  }

private:
  Error fail(const Twine &Message) const {
    return createStringError(inconvertibleErrorCode(), "IAM catalog, line " +
                                                           Twine(LineNo) +
                                                           ": " + Message);
  }

  /// Sizes every table from a count of the record tags. List items are
  /// bounded by the separators: each item starts a field or follows a comma.
  void reserveTables() {
    size_t Lines = 0, Counts[128] = {};
    for (size_t Pos = 0; Pos < Text.size();) {
      ++Counts[static_cast<unsigned char>(Text[Pos]) & 127];
      ++Lines;
      size_t End = Text.find('\n', Pos);
      Pos = End == StringRef::npos ? Text.size() : End + 1;
    }
    C->Services.reserve(Counts['S']);
    C->Actions.reserve(Counts['A']);
    C->ActionResources.reserve(Counts['R']);
    C->ResourceTypes.reserve(Counts['T']);
    C->Keys.reserve(Counts['G'] + Counts['K']);
    size_t Separators = std::count(Text.begin(), Text.end(), ',') +
                        std::count(Text.begin(), Text.end(), '\t');
    C->ListItems.reserve(Separators + Lines);
  }

  /// Splits a comma-separated field into the list pool.
  ArrayRef<StringRef> list(StringRef Field) {
    size_t Begin = C->ListItems.size();
    if (!Field.empty()) {
      for (;;) {
        auto [Head, Tail] = Field.split(',');
        assert(C->ListItems.size() < C->ListItems.capacity() &&
               "list pool must not move: records point into it");
        C->ListItems.push_back(Head);
        if (Head.size() == Field.size())
          break;
        Field = Tail;
      }
    }
    return makeArrayRef(C->ListItems.data() + Begin,
                        C->ListItems.size() - Begin);
  }

  Error parseKey(const Fields &F, bool Global) {
    ConditionKeyInfo K;
    K.Name = F[1];
    StringRef Type = F[2];
    K.MultiValued = Type.consume_front("ArrayOf");
    Optional<ConditionKeyType> Scalar = parseScalarType(Type);
    if (K.Name.empty() || !Scalar)
      return fail("bad condition key record");
    K.Type = *Scalar;
    K.Global = Global;
    K.Template = hasKeyPlaceholder(K.Name);
    if (Global)
      K.Category = F[3];
    else
      K.Service = Current;
    C->Keys.push_back(K);
    return Error::success();
  }

  Error parseLine(StringRef Line) {
    Fields F(Line);
    if (F[0].size() != 1)
      return fail("unknown record '" + F[0] + "'");
    char Tag = F[0][0];
    if (Tag == 'V') {
      if (F[1] == "package")
        C->Source = F[2];
      else if (F[1] == "version")
        C->Version = F[2];
      else if (F[1] == "date")
        C->Date = F[2];
      return Error::success();
    }
    if (Tag == 'G') {
      if (Current)
        return fail("global key after the first service");
      ++C->NumGlobalKeys;
      return parseKey(F, /*Global=*/true);
    }
    if (Tag == 'S') {
      if (Error E = finishService())
        return E;
      ServiceInfo S;
      S.Prefix = F[1];
      S.Name = F[2];
      if (S.Prefix.empty())
        return fail("service without prefix");
      C->Services.push_back(S);
      Current = &C->Services.back();
      ActionsBegin = C->Actions.size();
      TypesBegin = C->ResourceTypes.size();
      KeysBegin = C->Keys.size();
      LastAction = nullptr;
      return Error::success();
    }
    if (!Current)
      return fail("record outside a service");
    switch (Tag) {
    case 'K':
      return parseKey(F, /*Global=*/false);
    case 'T': {
      ResourceTypeInfo T;
      T.Name = F[1];
      T.ArnFormats = list(F[2]);
      T.ConditionKeys = list(F[3]);
      T.Service = Current;
      C->ResourceTypes.push_back(T);
      return Error::success();
    }
    case 'A': {
      ActionInfo A;
      A.FullName = F[1];
      if (!A.FullName.startswith(Current->Prefix) ||
          A.FullName.size() <= Current->Prefix.size() + 1 ||
          A.FullName[Current->Prefix.size()] != ':')
        return fail("action '" + A.FullName + "' outside service '" +
                    Current->Prefix + "'");
      A.Name = A.FullName.drop_front(Current->Prefix.size() + 1);
      A.Service = Current;
      Optional<AccessLevel> Level = parseAccessLevel(F[2]);
      if (!Level)
        return fail("unknown access level '" + F[2] + "'");
      A.Level = *Level;
      A.ConditionKeys = list(F[3]);
      A.DependentActions = list(F[4]);
      C->Actions.push_back(A);
      LastAction = &C->Actions.back();
      ResourcesBegin = C->ActionResources.size();
      return Error::success();
    }
    case 'R': {
      if (!LastAction)
        return fail("resource row before any action");
      ActionResource R;
      R.Name = F[1];
      R.Required = F[2] == "*";
      R.ConditionKeys = list(F[3]);
      R.DependentActions = list(F[4]);
      C->ActionResources.push_back(R);
      LastAction->Resources =
          makeArrayRef(C->ActionResources.data() + ResourcesBegin,
                       C->ActionResources.size() - ResourcesBegin);
      return Error::success();
    }
    default:
      return fail("unknown record '" + F[0] + "'");
    }
  }

  /// Closes the current service: fixes its arrays, checks their order, and
  /// links its actions' resource rows to its resource types.
  Error finishService() {
    if (!Current)
      return Error::success();
    Current->Actions = makeArrayRef(C->Actions).slice(ActionsBegin);
    Current->ResourceTypes = makeArrayRef(C->ResourceTypes).slice(TypesBegin);
    Current->ConditionKeys = makeArrayRef(C->Keys).slice(KeysBegin);
    if (!strictlySorted(Current->Actions,
                        [](const ActionInfo &A) { return A.Name; }) ||
        !strictlySorted(Current->ResourceTypes,
                        [](const ResourceTypeInfo &T) { return T.Name; }) ||
        !strictlySorted(Current->ConditionKeys,
                        [](const ConditionKeyInfo &K) { return K.Name; }))
      return fail("service '" + Current->Prefix + "' is not sorted by name");
    for (ActionResource &R : makeMutableArrayRef(C->ActionResources.data(),
                                                 C->ActionResources.size())
                                 .slice(ServiceResourcesBegin))
      R.Type = Current->resourceType(R.Name);
    ServiceResourcesBegin = C->ActionResources.size();
    Current = nullptr;
    return Error::success();
  }

  StringRef Text;
  std::unique_ptr<Catalog> C;
  unsigned LineNo = 0;
  ServiceInfo *Current = nullptr;
  ActionInfo *LastAction = nullptr;
  size_t ActionsBegin = 0, TypesBegin = 0, KeysBegin = 0;
  size_t ResourcesBegin = 0, ServiceResourcesBegin = 0;
};

Expected<std::unique_ptr<Catalog>> Catalog::parse(StringRef Text) {
  return CatalogParser(Text).run();
}

} // namespace tollgate
