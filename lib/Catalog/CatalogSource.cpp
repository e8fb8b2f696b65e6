//===- CatalogSource.cpp - Write the tables as C++ constant data ----------===//
//
// The embedded catalog is compiled from the source written here: each table
// becomes a constexpr array of its records, whose strings point into one
// character pool and whose pointers and ArrayRefs point into the other
// arrays. constexpr makes the compiler refuse anything that would need code
// to run at start-up; the linker resolves the addresses.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "CatalogTables.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

class CatalogSourceWriter {
public:
  explicit CatalogSourceWriter(const Catalog &C) : C(C), Out(Tables) {}
  std::string write();

private:
  /// `S(Offset, Size)`, the string's place in the pool.
  std::string str(StringRef S);
  /// `T(Begin, Size)` for the slice \p Slice of \p Table, `{}` if empty.
  template <typename T>
  std::string range(const char *Macro, RecordArray<T> Slice, ArrayRef<T> Table);
  /// `Array + Index` for \p Item of \p Table, `nullptr` for null.
  template <typename T>
  std::string pointer(const char *Array, const T *Item, ArrayRef<T> Table);
  template <typename T, typename WriteFn>
  void table(const char *Type, const char *Array, ArrayRef<T> Items,
             WriteFn WriteRecord);
  std::string pool() const;

  const Catalog &C;
  std::string Pool;
  StringMap<uint32_t> Offsets;
  std::string Tables;
  raw_string_ostream Out;
};

static const char *flag(bool B) { return B ? "true" : "false"; }

std::string CatalogSourceWriter::str(StringRef S) {
  if (S.empty())
    return "{}";
  auto [It, Inserted] = Offsets.try_emplace(S, Pool.size());
  if (Inserted)
    Pool.append(S.begin(), S.end());
  return "S(" + std::to_string(It->second) + "," + std::to_string(S.size()) +
         ")";
}

template <typename T>
std::string CatalogSourceWriter::range(const char *Macro, RecordArray<T> Slice,
                                       ArrayRef<T> Table) {
  if (Slice.empty())
    return "{}";
  assert(Slice.data() >= Table.data() &&
         Slice.data() + Slice.size() <= Table.data() + Table.size() &&
         "a slice of another table");
  return std::string(Macro) + "(" +
         std::to_string(Slice.data() - Table.data()) + "," +
         std::to_string(Slice.size()) + ")";
}

template <typename T>
std::string CatalogSourceWriter::pointer(const char *Array, const T *Item,
                                         ArrayRef<T> Table) {
  if (!Item)
    return "nullptr";
  assert(Item >= Table.data() && Item < Table.data() + Table.size() &&
         "a record of another table");
  return std::string(Array) + " + " + std::to_string(Item - Table.data());
}

template <typename T, typename WriteFn>
void CatalogSourceWriter::table(const char *Type, const char *Array,
                                ArrayRef<T> Items, WriteFn WriteRecord) {
  // An array has at least one element; an empty table views none of it.
  Out << "constexpr " << Type << " " << Array << "["
      << std::max<size_t>(Items.size(), 1) << "] = {\n";
  for (const T &Item : Items) {
    WriteRecord(Item);
    Out << ",\n";
  }
  Out << "};\n\n";
}

/// The pool as a string literal, in lines of about 100 characters.
std::string CatalogSourceWriter::pool() const {
  std::string Text = "constexpr char Pool[] =\n    \"";
  size_t Line = 0;
  for (unsigned char Ch : Pool) {
    if (Ch == '"' || Ch == '\\' || Ch == '?') {
      Text += '\\';
      Text += Ch;
      Line += 2;
    } else if (Ch >= 0x20 && Ch < 0x7f) {
      Text += Ch;
      ++Line;
    } else {
      // Three octal digits always end the escape.
      const char Digits[] = {'\\', char('0' + (Ch >> 6)),
                             char('0' + ((Ch >> 3) & 7)), char('0' + (Ch & 7))};
      Text.append(Digits, 4);
      Line += 4;
    }
    if (Line >= 100) {
      Text += "\"\n    \"";
      Line = 0;
    }
  }
  Text += "\";\n\n";
  return Text;
}

std::string CatalogSourceWriter::write() {
  table("StringRef", "Items", C.ListItems,
        [&](StringRef Item) { Out << str(Item); });
  table("ServiceInfo", "Services", C.Services, [&](const ServiceInfo &S) {
    Out << "{" << str(S.Prefix) << "," << str(S.Name) << ","
        << range("ACTIONS", S.Actions, C.Actions) << ","
        << range("TYPES", S.ResourceTypes, C.ResourceTypes) << ","
        << range("KEYS", S.ConditionKeys, C.Keys) << "}";
  });
  table("ResourceTypeInfo", "Types", C.ResourceTypes,
        [&](const ResourceTypeInfo &T) {
          Out << "{" << str(T.Name) << ","
              << range("LIST", T.ArnFormats, C.ListItems) << ","
              << range("LIST", T.ConditionKeys, C.ListItems) << ","
              << pointer("Services", T.Service, C.Services) << "}";
        });
  table("ConditionKeyInfo", "Keys", C.Keys, [&](const ConditionKeyInfo &K) {
    Out << "{" << str(K.Name) << "," << str(K.Category) << ","
        << pointer("Services", K.Service, C.Services) << ",KEYTYPE("
        << static_cast<unsigned>(K.Type) << ")," << flag(K.MultiValued) << ","
        << flag(K.Global) << "," << flag(K.Template) << "}";
  });
  table("ActionInfo", "Actions", C.Actions, [&](const ActionInfo &A) {
    // Name is the end of FullName, so it shares its characters.
    std::string Full = str(A.FullName);
    uint32_t Offset = Offsets.lookup(A.FullName);
    assert(A.FullName.endswith(A.Name) && "the name ends the full name");
    Out << "{" << Full << ",S(" << Offset + A.FullName.size() - A.Name.size()
        << "," << A.Name.size() << "),"
        << pointer("Services", A.Service, C.Services) << ",LEVEL("
        << static_cast<unsigned>(A.Level) << "),"
        << range("ROWS", A.Resources, C.ActionResources) << ","
        << range("LIST", A.ConditionKeys, C.ListItems) << ","
        << range("LIST", A.DependentActions, C.ListItems) << "}";
  });
  table("ActionResource", "Rows", C.ActionResources,
        [&](const ActionResource &R) {
          Out << "{" << str(R.Name) << ","
              << pointer("Types", R.Type, C.ResourceTypes) << ","
              << flag(R.Required) << ","
              << range("LIST", R.ConditionKeys, C.ListItems) << ","
              << range("LIST", R.DependentActions, C.ListItems) << "}";
        });
  table("ArnFormatRef", "Formats", C.ArnFormats, [&](const ArnFormatRef &F) {
    Out << "{" << pointer("Types", F.Type, C.ResourceTypes) << ","
        << str(F.Format) << "}";
  });
  table("ArnServiceFormats", "ArnServices", C.ArnServices,
        [&](const ArnServiceFormats &S) {
          Out << "{" << str(S.Service) << ","
              << range("FORMATS", S.Formats, C.ArnFormats) << "}";
        });
  std::string Summary =
      "constexpr CatalogTables BuiltinCatalogTables = {\n    " + str(C.Source) +
      ", " + str(C.Version) + ", " + str(C.Date) + ",\n";
  auto All = [](const char *Array, size_t Size) {
    return "    {" + std::string(Array) + ", " + std::to_string(Size) + "},\n";
  };
  Summary +=
      All("Services", C.Services.size()) + All("Actions", C.Actions.size()) +
      All("Rows", C.ActionResources.size()) +
      All("Types", C.ResourceTypes.size()) + All("Keys", C.Keys.size()) +
      "    " + std::to_string(C.NumGlobalKeys) + ",\n" +
      All("Items", C.ListItems.size()) + All("Formats", C.ArnFormats.size()) +
      All("ArnServices", C.ArnServices.size()) + "};\n";
  Out.flush();

  std::string Source =
      "// The IAM service catalog as constant tables, written by\n"
      "// tools/catalog-image from rules/catalog/iam-catalog.txt.\n"
      "\n"
      "#include \"CatalogTables.h\"\n"
      "\n"
      "namespace tollgate {\n"
      "namespace builtin_catalog {\n"
      "\n"
      "using llvm::StringRef;\n"
      "\n";
  auto Declare = [&](const char *Type, const char *Array, size_t Size) {
    Source += "extern const " + std::string(Type) + " " + Array + "[" +
              std::to_string(std::max<size_t>(Size, 1)) + "];\n";
  };
  Declare("StringRef", "Items", C.ListItems.size());
  Declare("ServiceInfo", "Services", C.Services.size());
  Declare("ResourceTypeInfo", "Types", C.ResourceTypes.size());
  Declare("ConditionKeyInfo", "Keys", C.Keys.size());
  Declare("ActionInfo", "Actions", C.Actions.size());
  Declare("ActionResource", "Rows", C.ActionResources.size());
  Declare("ArnFormatRef", "Formats", C.ArnFormats.size());
  Declare("ArnServiceFormats", "ArnServices", C.ArnServices.size());
  Source += "\n" + pool();
  Source += "#define S(O, N) StringRef(Pool + O, N)\n"
            "#define LIST(B, N) RecordArray<StringRef>(Items + B, N)\n"
            "#define ACTIONS(B, N) RecordArray<ActionInfo>(Actions + B, N)\n"
            "#define TYPES(B, N) RecordArray<ResourceTypeInfo>(Types + B, N)\n"
            "#define KEYS(B, N) RecordArray<ConditionKeyInfo>(Keys + B, N)\n"
            "#define ROWS(B, N) RecordArray<ActionResource>(Rows + B, N)\n"
            "#define FORMATS(B, N) RecordArray<ArnFormatRef>(Formats + B, N)\n"
            "#define KEYTYPE(T) static_cast<ConditionKeyType>(T)\n"
            "#define LEVEL(L) static_cast<AccessLevel>(L)\n"
            "\n";
  Source += Tables;
  Source += "} // namespace builtin_catalog\n\n"
            "using namespace builtin_catalog;\n\n";
  Source += Summary;
  Source += "\n} // namespace tollgate\n";
  return Source;
}

std::string Catalog::toSource() const {
  return CatalogSourceWriter(*this).write();
}

} // namespace tollgate
