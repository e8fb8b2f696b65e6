//===- Operators.cpp - What each condition operator does ------------------===//

#include "Features.h"

#include "tollgate/Policy/Condition.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

static StringRef summary(ConditionOp Op) {
  switch (Op) {
  case ConditionOp::StringEquals:
    return "The key's value equals one of the values, exactly (case "
           "matters).";
  case ConditionOp::StringNotEquals:
    return "The key's value equals none of the values (case matters).";
  case ConditionOp::StringEqualsIgnoreCase:
    return "The key's value equals one of the values, ignoring case.";
  case ConditionOp::StringNotEqualsIgnoreCase:
    return "The key's value equals none of the values, ignoring case.";
  case ConditionOp::StringLike:
    return "The key's value matches one of the patterns (`*` any run of "
           "characters, `?` one character; case matters).";
  case ConditionOp::StringNotLike:
    return "The key's value matches none of the patterns.";
  case ConditionOp::NumericEquals:
    return "The key's number equals one of the values.";
  case ConditionOp::NumericNotEquals:
    return "The key's number equals none of the values.";
  case ConditionOp::NumericLessThan:
    return "The key's number is less than a value.";
  case ConditionOp::NumericLessThanEquals:
    return "The key's number is at most a value.";
  case ConditionOp::NumericGreaterThan:
    return "The key's number is greater than a value.";
  case ConditionOp::NumericGreaterThanEquals:
    return "The key's number is at least a value.";
  case ConditionOp::DateEquals:
    return "The key's date equals one of the values.";
  case ConditionOp::DateNotEquals:
    return "The key's date equals none of the values.";
  case ConditionOp::DateLessThan:
    return "The key's date is before a value.";
  case ConditionOp::DateLessThanEquals:
    return "The key's date is at or before a value.";
  case ConditionOp::DateGreaterThan:
    return "The key's date is after a value.";
  case ConditionOp::DateGreaterThanEquals:
    return "The key's date is at or after a value.";
  case ConditionOp::Bool:
    return "The key's Boolean equals the value (`true` or `false`).";
  case ConditionOp::BinaryEquals:
    return "The key's bytes equal the base-64 value.";
  case ConditionOp::IpAddress:
    return "The key's IP address is in one of the CIDR ranges.";
  case ConditionOp::NotIpAddress:
    return "The key's IP address is in none of the CIDR ranges.";
  case ConditionOp::ArnEquals:
  case ConditionOp::ArnLike:
    return "The key's ARN matches one of the ARN patterns, segment by "
           "segment (`*` and `?` are wildcards).";
  case ConditionOp::ArnNotEquals:
  case ConditionOp::ArnNotLike:
    return "The key's ARN matches none of the ARN patterns.";
  case ConditionOp::Null:
    return "`true`: the key is absent from the request; `false`: it is "
           "present.";
  case ConditionOp::Unknown:
    break;
  }
  return "";
}

std::optional<std::string> describeOperator(StringRef Name) {
  ParsedOperator P = parseOperator(Name);
  if (P.Op == ConditionOp::Unknown)
    return std::nullopt;
  std::string Out =
      "**" + Name.str() + "** (condition operator)\n\n" + summary(P.Op).str();
  if (isNegatedOperator(P.Op))
    Out += " Negated: true when the key is absent.";
  if (P.Qualifier == SetQualifier::ForAnyValue)
    Out += "\n\n`ForAnyValue:` at least one of the request's values must "
           "match; false when the key is absent or has no values.";
  else if (P.Qualifier == SetQualifier::ForAllValues)
    Out += "\n\n`ForAllValues:` every one of the request's values must "
           "match; true when the key is absent or has no values.";
  if (P.IfExists)
    Out += "\n\n`IfExists`: true when the key is absent from the request.";
  return Out;
}

} // namespace lsp
} // namespace tollgate
