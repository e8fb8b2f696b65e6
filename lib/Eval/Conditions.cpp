//===- Conditions.cpp - Condition operators -------------------------------===//
///
/// \file
/// One (operator, key) entry of a Condition block against the request
/// context. The rules, from the User Guide's condition operator and
/// multivalued-key pages:
///  - the values listed for a key OR together; for a negated operator they
///    NOR together (the key must match none of them);
///  - an absent key makes positive operators false and negated operators
///    true; `...IfExists` makes any operator true on an absent key; `Null`
///    tests presence;
///  - `ForAllValues:` is true when every request value matches (so also when
///    the key is absent or its set is empty); `ForAnyValue:` when some value
///    does (so false when absent or empty). A single-valued empty string
///    counts as an empty set ("a null dataset, such as an empty string");
///  - an operator without a set qualifier never matches a multivalued key
///    (multivalued keys require a set operator);
///  - a policy value whose variable has no value (and no default) matches no
///    request value, so it makes no positive operator true and, because the
///    key "is not equal to the null value", leaves a negated operator true.
///
//===----------------------------------------------------------------------===//

#include "Compiled.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace eval {

namespace {

/// Compares one request value with one policy value under the positive form
/// of the operator (StringNotEquals compares as StringEquals, and so on).
class ValueMatcher {
public:
  ValueMatcher(const CompiledCondition &C, const RequestContext &Ctx)
      : C(C), Ctx(Ctx) {}

  bool anyMatch(StringRef RequestValue) {
    // Parse the request value once for all policy values.
    Parsed = false;
    for (const CompiledValue &V : C.Values)
      if (matches(V, RequestValue))
        return true;
    return false;
  }

private:
  bool matches(const CompiledValue &V, StringRef Value) {
    switch (C.Family) {
    case OperatorFamily::String:
      return matchString(V, Value);
    case OperatorFamily::Numeric:
      return matchNumber(V, Value);
    case OperatorFamily::Date:
      return matchDate(V, Value);
    case OperatorFamily::Bool:
      return matchBool(V, Value);
    case OperatorFamily::Binary:
      // "byte for byte against a base-64 encoded representation": both sides
      // are base-64 text, compared exactly.
      return V.Str.Text == Value;
    case OperatorFamily::Ip:
      return matchIp(V, Value);
    case OperatorFamily::Arn:
      return matchArn(V, Value);
    case OperatorFamily::Null:
    case OperatorFamily::Unknown:
      break;
    }
    return false;
  }

  bool matchString(const CompiledValue &V, StringRef Value) {
    bool Like =
        C.Op == ConditionOp::StringLike || C.Op == ConditionOp::StringNotLike;
    bool IgnoreCase = C.Op == ConditionOp::StringEqualsIgnoreCase ||
                      C.Op == ConditionOp::StringNotEqualsIgnoreCase;
    if (V.Str.Parts) {
      if (!resolveParts(*V.Str.Parts, Ctx, Buf))
        return false;
      StringRef T = Buf.Text;
      if (Like)
        return Buf.HasWildcard
                   ? globMatch(T, Value, CaseMode::Sensitive, Buf.Wild)
                   : T == Value;
      return IgnoreCase ? T.equals_insensitive(Value) : T == Value;
    }
    if (Like)
      return V.Str.HasWildcard ? Pattern::matchesText(V.Str.Text, Value)
                               : V.Str.Text == Value;
    return IgnoreCase ? V.Str.Text.equals_insensitive(Value)
                      : V.Str.Text == Value;
  }

  void parseOnce(StringRef Value) {
    if (Parsed)
      return;
    Parsed = true;
    switch (C.Family) {
    case OperatorFamily::Numeric:
      Number = parseNumber(Value);
      break;
    case OperatorFamily::Date:
      Date = parseDate(Value);
      break;
    case OperatorFamily::Ip:
      Addr = parseIpAddress(Value);
      break;
    case OperatorFamily::Arn:
      ArnValid = splitArn(Value, ArnFields);
      break;
    default:
      break;
    }
  }

  bool matchNumber(const CompiledValue &V, StringRef Value) {
    parseOnce(Value);
    if (!V.Number || !Number)
      return false;
    double P = *V.Number, R = *Number;
    switch (C.Op) {
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericNotEquals:
      return R == P;
    case ConditionOp::NumericLessThan:
      return R < P;
    case ConditionOp::NumericLessThanEquals:
      return R <= P;
    case ConditionOp::NumericGreaterThan:
      return R > P;
    case ConditionOp::NumericGreaterThanEquals:
      return R >= P;
    default:
      return false;
    }
  }

  bool matchDate(const CompiledValue &V, StringRef Value) {
    parseOnce(Value);
    if (!V.Date || !Date)
      return false;
    int64_t P = *V.Date, R = *Date;
    switch (C.Op) {
    case ConditionOp::DateEquals:
    case ConditionOp::DateNotEquals:
      return R == P;
    case ConditionOp::DateLessThan:
      return R < P;
    case ConditionOp::DateLessThanEquals:
      return R <= P;
    case ConditionOp::DateGreaterThan:
      return R > P;
    case ConditionOp::DateGreaterThanEquals:
      return R >= P;
    default:
      return false;
    }
  }

  bool matchBool(const CompiledValue &V, StringRef Value) {
    std::optional<bool> R = parseBool(Value);
    if (!R)
      return false;
    std::optional<bool> P = V.Boolean;
    if (V.Str.Parts) {
      if (!resolveParts(*V.Str.Parts, Ctx, Buf))
        return false;
      P = parseBool(Buf.Text);
    }
    return P && *P == *R;
  }

  bool matchIp(const CompiledValue &V, StringRef Value) {
    parseOnce(Value);
    return V.Network && Addr && V.Network->contains(*Addr);
  }

  bool matchArn(const CompiledValue &V, StringRef Value) {
    parseOnce(Value);
    if (!ArnValid)
      return false;
    if (!V.Str.Parts)
      return V.ArnValid && V.Arn.matches(CaseMode::Sensitive, true, ArnFields);
    if (!resolveParts(*V.Str.Parts, Ctx, Buf))
      return false;
    // A value needs all six fields, as splitArn() reads them.
    StringRef T = Buf.Text;
    if (T.count(':') < 5)
      return false;
    return arnPatternMatchesText(T, CaseMode::Sensitive, Buf.Wild, true,
                                 ArnFields);
  }

  const CompiledCondition &C;
  const RequestContext &Ctx;
  ResolvedString Buf;
  bool Parsed = false;
  std::optional<double> Number;
  std::optional<int64_t> Date;
  std::optional<IpNetwork> Addr;
  bool ArnValid = false;
  std::array<StringRef, 6> ArnFields;
};

} // namespace

Tri evalCondition(const CompiledCondition &C, const RequestContext &Ctx) {
  if (C.Unsupported)
    return Tri::Unknown;
  const ContextValue *V = Ctx.lookupFolded(C.FoldedKey);
  if (C.Op == ConditionOp::Null) {
    // "true": the key is absent; "false": it is present.
    for (const CompiledValue &Val : C.Values)
      if (Val.Boolean && *Val.Boolean == (V == nullptr))
        return Tri::True;
    return Tri::False;
  }
  if (!V) {
    if (C.IfExists || C.Qualifier == SetQualifier::ForAllValues)
      return Tri::True;
    if (C.Qualifier == SetQualifier::ForAnyValue)
      return Tri::False;
    return C.Negated ? Tri::True : Tri::False;
  }
  ValueMatcher M(C, Ctx);
  auto One = [&](StringRef Value) {
    bool Any = M.anyMatch(Value);
    return C.Negated ? !Any : Any;
  };
  auto toTri = [](bool B) { return B ? Tri::True : Tri::False; };
  switch (C.Qualifier) {
  case SetQualifier::None:
    if (V->MultiValued)
      return Tri::False;
    return toTri(One(V->Values.front()));
  case SetQualifier::ForAllValues: {
    if (!V->MultiValued && V->Values.front().empty())
      return Tri::True;
    for (const std::string &Value : V->Values)
      if (!One(Value))
        return Tri::False;
    return Tri::True;
  }
  case SetQualifier::ForAnyValue: {
    if (!V->MultiValued && V->Values.front().empty())
      return Tri::False;
    for (const std::string &Value : V->Values)
      if (One(Value))
        return Tri::True;
    return Tri::False;
  }
  }
  return Tri::False;
}

} // namespace eval
} // namespace tollgate
