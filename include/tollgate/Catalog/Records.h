//===- Records.h - Services, actions, resource types, condition keys -*- C++
//-*-===//
///
/// \file
/// The records of the IAM service catalog. They are plain views into the
/// catalog's text and tables: every StringRef and ArrayRef stays valid for as
/// long as the Catalog that handed it out (for Catalog::builtin(), forever).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CATALOG_RECORDS_H
#define TOLLGATE_CATALOG_RECORDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cassert>
#include <cstddef>
#include <cstdint>

namespace tollgate {

/// A view of consecutive records, as llvm::ArrayRef (to which it converts)
/// but constructible in constant expressions, which ArrayRef's
/// pointer-and-size constructor is not in LLVM 14: the embedded catalog's
/// records are constant data that the linker lays out, so that no code runs
/// to build them at start-up.
template <typename T> class RecordArray {
public:
  constexpr RecordArray() = default;
  constexpr RecordArray(const T *Data, size_t Size) : Data(Data), Size(Size) {}
  /*implicit*/ RecordArray(llvm::ArrayRef<T> Items)
      : Data(Items.data()), Size(Items.size()) {}
  /*implicit*/ operator llvm::ArrayRef<T>() const { return {Data, Size}; }

  const T *data() const { return Data; }
  const T *begin() const { return Data; }
  const T *end() const { return Data + Size; }
  size_t size() const { return Size; }
  bool empty() const { return Size == 0; }
  const T &operator[](size_t I) const {
    assert(I < Size && "index out of range");
    return Data[I];
  }
  const T &front() const { return (*this)[0]; }
  const T &back() const { return (*this)[Size - 1]; }

private:
  const T *Data = nullptr;
  size_t Size = 0;
};

/// The access level of an action, as the Service Authorization Reference
/// tables give it.
enum class AccessLevel : uint8_t {
  List,
  Read,
  Write,
  PermissionsManagement,
  Tagging,
};

/// AWS's spelling: "List", ..., "Permissions management", "Tagging".
llvm::StringRef accessLevelName(AccessLevel Level);

/// The value type of a condition key; multivaluedness is kept apart (see
/// ConditionKeyInfo::MultiValued), so `ArrayOfString` is String + multivalued.
enum class ConditionKeyType : uint8_t {
  String,
  ARN,
  Numeric,
  Date,
  Bool,
  IPAddress,
  Binary,
};

/// AWS's spelling of the scalar type: "String", "ARN", "IPAddress", ...
llvm::StringRef conditionKeyTypeName(ConditionKeyType Type);

struct ServiceInfo;

/// A condition key, global (`aws:SourceIp`) or defined by a service.
struct ConditionKeyInfo {
  /// As AWS spells it, placeholders included: `aws:ResourceTag/${TagKey}`.
  llvm::StringRef Name;
  /// For global keys: principal, session, network, resource or request.
  llvm::StringRef Category;
  /// The defining service; null for global keys.
  const ServiceInfo *Service = nullptr;
  ConditionKeyType Type = ConditionKeyType::String;
  /// The request context may carry several values (`ArrayOf...` types), so
  /// conditions on it need ForAnyValue/ForAllValues.
  bool MultiValued = false;
  bool Global = false;
  /// Name holds a placeholder (`${...}` or `<...>`) standing for one or more
  /// characters, so the entry stands for a family of keys.
  bool Template = false;
};

/// A resource type of a service, such as S3's `object`.
struct ResourceTypeInfo {
  llvm::StringRef Name;
  /// Usually one; `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
  RecordArray<llvm::StringRef> ArnFormats;
  RecordArray<llvm::StringRef> ConditionKeys;
  const ServiceInfo *Service = nullptr;
};

/// One resource-type row of an action's table entry.
struct ActionResource {
  /// As the action table spells it (may differ in case from Type->Name).
  llvm::StringRef Name;
  /// Null if the service defines no resource type of that name.
  const ResourceTypeInfo *Type = nullptr;
  /// Required rows must be matched by the request's resource.
  bool Required = false;
  /// Keys that apply when the action is used on this resource type.
  RecordArray<llvm::StringRef> ConditionKeys;
  RecordArray<llvm::StringRef> DependentActions;
};

/// An action, such as `s3:GetObject`.
struct ActionInfo {
  /// `s3:GetObject`, in AWS's spelling.
  llvm::StringRef FullName;
  /// `GetObject`: FullName after the colon.
  llvm::StringRef Name;
  const ServiceInfo *Service = nullptr;
  AccessLevel Level = AccessLevel::Read;
  /// Empty when the action takes no resource (Resource must be `*`).
  RecordArray<ActionResource> Resources;
  /// Keys that apply to the action whatever the resource.
  RecordArray<llvm::StringRef> ConditionKeys;
  RecordArray<llvm::StringRef> DependentActions;
};

/// A service and everything it defines. The three arrays are sorted by name,
/// compared case-insensitively.
struct ServiceInfo {
  /// The action prefix: `s3`, `ec2`.
  llvm::StringRef Prefix;
  /// The display name: `Amazon S3`.
  llvm::StringRef Name;
  RecordArray<ActionInfo> Actions;
  RecordArray<ResourceTypeInfo> ResourceTypes;
  /// Keys the service defines, not counting global keys it also accepts.
  RecordArray<ConditionKeyInfo> ConditionKeys;

  /// The action called \p Name (without prefix), case-insensitively.
  const ActionInfo *action(llvm::StringRef Name) const;
  /// The resource type called \p Name, case-insensitively.
  const ResourceTypeInfo *resourceType(llvm::StringRef Name) const;
};

/// One ARN format of a resource type.
struct ArnFormatRef {
  const ResourceTypeInfo *Type = nullptr;
  /// One of Type->ArnFormats.
  llvm::StringRef Format;
};

/// The ARN formats whose service field (the text between their second and
/// third colons) is Service, in catalog order.
struct ArnServiceFormats {
  llvm::StringRef Service;
  RecordArray<ArnFormatRef> Formats;
};

} // namespace tollgate

#endif // TOLLGATE_CATALOG_RECORDS_H
