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

#include <cstdint>

namespace tollgate {

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
  llvm::ArrayRef<llvm::StringRef> ArnFormats;
  llvm::ArrayRef<llvm::StringRef> ConditionKeys;
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
  llvm::ArrayRef<llvm::StringRef> ConditionKeys;
  llvm::ArrayRef<llvm::StringRef> DependentActions;
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
  llvm::ArrayRef<ActionResource> Resources;
  /// Keys that apply to the action whatever the resource.
  llvm::ArrayRef<llvm::StringRef> ConditionKeys;
  llvm::ArrayRef<llvm::StringRef> DependentActions;
};

/// A service and everything it defines. The three arrays are sorted by name,
/// compared case-insensitively.
struct ServiceInfo {
  /// The action prefix: `s3`, `ec2`.
  llvm::StringRef Prefix;
  /// The display name: `Amazon S3`.
  llvm::StringRef Name;
  llvm::ArrayRef<ActionInfo> Actions;
  llvm::ArrayRef<ResourceTypeInfo> ResourceTypes;
  /// Keys the service defines, not counting global keys it also accepts.
  llvm::ArrayRef<ConditionKeyInfo> ConditionKeys;

  /// The action called \p Name (without prefix), case-insensitively.
  const ActionInfo *action(llvm::StringRef Name) const;
  /// The resource type called \p Name, case-insensitively.
  const ResourceTypeInfo *resourceType(llvm::StringRef Name) const;
};

} // namespace tollgate

#endif // TOLLGATE_CATALOG_RECORDS_H
