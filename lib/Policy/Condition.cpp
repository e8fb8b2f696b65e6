//===- Condition.cpp - Condition operators --------------------------------===//

#include "tollgate/Policy/Condition.h"

#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace tollgate {

StringRef conditionOpName(ConditionOp Op) {
  switch (Op) {
#define X(Name, Family, Negated)                                               \
  case ConditionOp::Name:                                                      \
    return #Name;
    TOLLGATE_CONDITION_OPERATORS(X)
#undef X
  case ConditionOp::Unknown:
    break;
  }
  return "Unknown";
}

OperatorFamily operatorFamily(ConditionOp Op) {
  switch (Op) {
#define X(Name, Family, Negated)                                               \
  case ConditionOp::Name:                                                      \
    return OperatorFamily::Family;
    TOLLGATE_CONDITION_OPERATORS(X)
#undef X
  case ConditionOp::Unknown:
    break;
  }
  return OperatorFamily::Unknown;
}

bool isNegatedOperator(ConditionOp Op) {
  switch (Op) {
#define X(Name, Family, Negated)                                               \
  case ConditionOp::Name:                                                      \
    return Negated;
    TOLLGATE_CONDITION_OPERATORS(X)
#undef X
  case ConditionOp::Unknown:
    break;
  }
  return false;
}

ParsedOperator parseOperator(StringRef Name) {
  ParsedOperator P;
  if (Name.consume_front("ForAllValues:"))
    P.Qualifier = SetQualifier::ForAllValues;
  else if (Name.consume_front("ForAnyValue:"))
    P.Qualifier = SetQualifier::ForAnyValue;
  // `Null` takes no IfExists; parse the suffix anyway so that the linter can
  // say exactly what is wrong with `NullIfExists`.
  if (Name.size() > 8 && Name.consume_back("IfExists"))
    P.IfExists = true;
  P.Op = StringSwitch<ConditionOp>(Name)
#define X(Name, Family, Negated) .Case(#Name, ConditionOp::Name)
             TOLLGATE_CONDITION_OPERATORS(X)
#undef X
                 .Default(ConditionOp::Unknown);
  return P;
}

} // namespace tollgate
