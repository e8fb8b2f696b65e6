//===- Records.cpp - Services, actions, resource types, condition keys ----===//

#include "tollgate/Catalog/Records.h"

#include "SortedNames.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace tollgate {

StringRef accessLevelName(AccessLevel Level) {
  switch (Level) {
  case AccessLevel::List:
    return "List";
  case AccessLevel::Read:
    return "Read";
  case AccessLevel::Write:
    return "Write";
  case AccessLevel::PermissionsManagement:
    return "Permissions management";
  case AccessLevel::Tagging:
    return "Tagging";
  }
  llvm_unreachable("unknown access level");
}

StringRef conditionKeyTypeName(ConditionKeyType Type) {
  switch (Type) {
  case ConditionKeyType::String:
    return "String";
  case ConditionKeyType::ARN:
    return "ARN";
  case ConditionKeyType::Numeric:
    return "Numeric";
  case ConditionKeyType::Date:
    return "Date";
  case ConditionKeyType::Bool:
    return "Bool";
  case ConditionKeyType::IPAddress:
    return "IPAddress";
  case ConditionKeyType::Binary:
    return "Binary";
  }
  llvm_unreachable("unknown condition key type");
}

const ActionInfo *ServiceInfo::action(StringRef ActionName) const {
  return findByName(Actions, ActionName,
                    [](const ActionInfo &A) { return A.Name; });
}

const ResourceTypeInfo *ServiceInfo::resourceType(StringRef TypeName) const {
  return findByName(ResourceTypes, TypeName,
                    [](const ResourceTypeInfo &T) { return T.Name; });
}

} // namespace tollgate
