//===- Condition.h - Condition operators and entries ------------*- C++ -*-===//
///
/// \file
/// A Condition block is operator -> key -> values. The IR flattens it into
/// one Condition per (operator, key) pair, each with its values. Operator
/// names are parsed into a base operator, a set qualifier (`ForAllValues:`,
/// `ForAnyValue:`) and the `IfExists` suffix.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_POLICY_CONDITION_H
#define TOLLGATE_POLICY_CONDITION_H

#include "tollgate/Policy/PolicyString.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

#include <vector>

namespace tollgate {

#define TOLLGATE_CONDITION_OPERATORS(X)                                        \
  X(StringEquals, String, false)                                               \
  X(StringNotEquals, String, true)                                             \
  X(StringEqualsIgnoreCase, String, false)                                     \
  X(StringNotEqualsIgnoreCase, String, true)                                   \
  X(StringLike, String, false)                                                 \
  X(StringNotLike, String, true)                                               \
  X(NumericEquals, Numeric, false)                                             \
  X(NumericNotEquals, Numeric, true)                                           \
  X(NumericLessThan, Numeric, false)                                           \
  X(NumericLessThanEquals, Numeric, false)                                     \
  X(NumericGreaterThan, Numeric, false)                                        \
  X(NumericGreaterThanEquals, Numeric, false)                                  \
  X(DateEquals, Date, false)                                                   \
  X(DateNotEquals, Date, true)                                                 \
  X(DateLessThan, Date, false)                                                 \
  X(DateLessThanEquals, Date, false)                                           \
  X(DateGreaterThan, Date, false)                                              \
  X(DateGreaterThanEquals, Date, false)                                        \
  X(Bool, Bool, false)                                                         \
  X(BinaryEquals, Binary, false)                                               \
  X(IpAddress, Ip, false)                                                      \
  X(NotIpAddress, Ip, true)                                                    \
  X(ArnEquals, Arn, false)                                                     \
  X(ArnLike, Arn, false)                                                       \
  X(ArnNotEquals, Arn, true)                                                   \
  X(ArnNotLike, Arn, true)                                                     \
  X(Null, Null, false)

enum class ConditionOp : uint8_t {
#define X(Name, Family, Negated) Name,
  TOLLGATE_CONDITION_OPERATORS(X)
#undef X
      Unknown
};

/// The value type an operator compares.
enum class OperatorFamily : uint8_t {
  String,
  Numeric,
  Date,
  Bool,
  Binary,
  Ip,
  Arn,
  Null,
  Unknown
};

enum class SetQualifier : uint8_t { None, ForAllValues, ForAnyValue };

llvm::StringRef conditionOpName(ConditionOp Op);
OperatorFamily operatorFamily(ConditionOp Op);
/// True for operators whose values combine with NOR (StringNotEquals, ...).
bool isNegatedOperator(ConditionOp Op);

/// An operator name taken apart. Op is Unknown when the base name is not a
/// known operator; the qualifier and suffix are still recognised.
struct ParsedOperator {
  ConditionOp Op = ConditionOp::Unknown;
  SetQualifier Qualifier = SetQualifier::None;
  bool IfExists = false;
};

/// Parses `ForAnyValue:StringLikeIfExists` and the like. Operator names are
/// case-sensitive in IAM, as are the qualifiers.
ParsedOperator parseOperator(llvm::StringRef Name);

struct ConditionValue {
  enum ValueKind : uint8_t { String, Number, Boolean };
  ValueKind K = String;
  /// For strings the text (with its parts); for numbers the lexeme; for
  /// booleans "true" or "false".
  PolicyString Value;
};

/// One (operator, key) entry of a Condition block.
struct Condition {
  llvm::StringRef OperatorText;
  Loc OperatorLoc;
  ConditionOp Op = ConditionOp::Unknown;
  SetQualifier Qualifier = SetQualifier::None;
  bool IfExists = false;
  llvm::StringRef Key;
  Loc KeyLoc;
  /// The span of the key's value (a scalar or an array).
  Loc ValuesLoc;
  std::vector<ConditionValue> Values;
};

} // namespace tollgate

#endif // TOLLGATE_POLICY_CONDITION_H
