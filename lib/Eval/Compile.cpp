//===- Compile.cpp - Preparing policies for evaluation --------------------===//

#include "Compiled.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace eval {

static StringRef intern(BumpPtrAllocator &Arena, StringRef S) {
  if (S.empty())
    return StringRef();
  char *Mem = Arena.Allocate<char>(S.size());
  std::copy(S.begin(), S.end(), Mem);
  return StringRef(Mem, S.size());
}

static StringRef internLower(BumpPtrAllocator &Arena, StringRef S) {
  bool HasUpper = any_of(S, [](char C) { return C >= 'A' && C <= 'Z'; });
  if (!HasUpper)
    return S;
  char *Mem = Arena.Allocate<char>(S.size());
  for (size_t I = 0; I < S.size(); ++I)
    Mem[I] = toLower(S[I]);
  return StringRef(Mem, S.size());
}

static bool hasVariablesOrEscapes(const PolicyString &S) {
  for (const StringPart &P : S.Parts)
    if (P.K != StringPart::Text)
      return true;
  return false;
}

static CompiledString compileString(const PolicyString &S,
                                    BumpPtrAllocator &Arena,
                                    bool AllowVariables) {
  CompiledString C;
  C.Text = S.Text;
  C.Folded = internLower(Arena, S.Text);
  C.HasWildcard = hasWildcard(S.Text);
  if (AllowVariables && hasVariablesOrEscapes(S))
    C.Parts = &S.Parts;
  return C;
}

/// Values that are not strings in JSON are compared through their text:
/// a JSON `true` is the string "true", a JSON `5` the string "5".
static CompiledValue compileValue(const ConditionValue &V,
                                  OperatorFamily Family,
                                  BumpPtrAllocator &Arena) {
  CompiledValue C;
  // Variables are substituted in string, ARN and Bool comparisons only: the
  // User Guide lists no variable support for the other families.
  bool Vars = Family == OperatorFamily::String ||
              Family == OperatorFamily::Arn || Family == OperatorFamily::Bool;
  C.Str = compileString(V.Value, Arena, Vars);
  StringRef T = V.Value.Text;
  switch (Family) {
  case OperatorFamily::Numeric:
    C.Number = parseNumber(T);
    break;
  case OperatorFamily::Date:
    C.Date = parseDate(T);
    break;
  case OperatorFamily::Bool:
  case OperatorFamily::Null:
    C.Boolean = parseBool(T);
    break;
  case OperatorFamily::Ip:
    C.Network = parseIpNetwork(T);
    break;
  case OperatorFamily::Arn:
    if (!C.Str.Parts) {
      std::array<StringRef, 6> F;
      C.ArnValid = splitArn(T, F);
    }
    break;
  default:
    break;
  }
  return C;
}

static CompiledCondition compileCondition(const Condition &Cond, unsigned Index,
                                          BumpPtrAllocator &Arena) {
  CompiledCondition C;
  C.Index = Index;
  C.Op = Cond.Op;
  C.Family = operatorFamily(Cond.Op);
  C.Negated = isNegatedOperator(Cond.Op);
  C.Qualifier = Cond.Qualifier;
  C.IfExists = Cond.IfExists;
  C.FoldedKey = internLower(Arena, Cond.Key);
  if (Cond.Op == ConditionOp::Unknown)
    C.Unsupported = true;
  // The User Guide allows no IfExists on Null and documents no set
  // qualifier for it: what AWS does with them is not known.
  if (Cond.Op == ConditionOp::Null &&
      (Cond.IfExists || Cond.Qualifier != SetQualifier::None))
    C.Unsupported = true;
  C.Values.reserve(Cond.Values.size());
  for (const ConditionValue &V : Cond.Values)
    C.Values.push_back(compileValue(V, C.Family, Arena));
  return C;
}

static CompiledAction compileAction(const ActionPattern &A,
                                    BumpPtrAllocator &Arena) {
  CompiledAction C;
  C.Folded = internLower(Arena, A.Text);
  C.HasWildcard = hasWildcard(C.Folded);
  C.MatchesAll = C.Folded == "*";
  if (C.HasWildcard)
    C.Glob = Pattern::parse(C.Folded);
  StringRef Service = C.Folded.split(':').first;
  if (C.Folded.contains(':') && !hasWildcard(Service))
    C.Service = Service;
  return C;
}

static std::unique_ptr<ActionIndex>
buildIndex(const std::vector<CompiledAction> &Actions) {
  auto Ix = std::make_unique<ActionIndex>();
  for (unsigned I = 0; I < Actions.size(); ++I) {
    const CompiledAction &A = Actions[I];
    if (A.MatchesAll) {
      Ix->MatchesAll = true;
    } else if (A.Service.empty()) {
      // A wildcard in the service prefix, or no colon at all.
      Ix->AnyService.push_back(I);
    } else {
      ActionIndex::Bucket &B = Ix->ByService[A.Service];
      if (A.HasWildcard)
        B.Globs.push_back(I);
      else
        B.Exact.insert(A.Folded);
    }
  }
  return Ix;
}

static CompiledResource compileResource(const PolicyString &S,
                                        bool VariablesEnabled) {
  CompiledResource C;
  if (VariablesEnabled && hasVariablesOrEscapes(S))
    C.Source = &S;
  else
    C.Text = S.Text;
  return C;
}

CompiledPolicy compilePolicy(const Policy &P, PolicyRole Role, uint16_t Index,
                             BumpPtrAllocator &Arena) {
  CompiledPolicy CP;
  CP.P = &P;
  CP.Role = Role;
  CP.Index = Index;
  bool Vars = P.variablesEnabled();
  CP.Statements.reserve(P.Statements.size());
  for (size_t I = 0; I < P.Statements.size(); ++I) {
    const Statement &S = P.Statements[I];
    CompiledStatement CS;
    CS.S = &S;
    CS.Ref = StatementRef{Role, Index, static_cast<uint32_t>(I)};
    CS.Eff = S.Eff;
    CS.MissingAction = !S.Action.Present;
    CS.ActionNegated = S.Action.Negated;
    for (const ActionPattern &A : S.Action.Patterns)
      CS.Actions.push_back(compileAction(A, Arena));
    if (CS.Actions.size() > 8)
      CS.Index = buildIndex(CS.Actions);
    CS.ResourcePresent = S.Resource.Present;
    CS.ResourceNegated = S.Resource.Negated;
    for (const PolicyString &R : S.Resource.Patterns)
      CS.Resources.push_back(compileResource(R, Vars));
    CS.PrincipalPresent = S.Principal.Present;
    CS.PrincipalNegated = S.Principal.Negated;
    if (S.Principal.Everyone) {
      CompiledPrincipal Everyone;
      Everyone.Kind = CompiledPrincipal::Everyone;
      Everyone.Value = "*";
      CS.Principals.push_back(Everyone);
    }
    for (const PrincipalValue &V : S.Principal.Values)
      CS.Principals.push_back(classifyPrincipal(V));
    for (size_t K = 0; K < S.Conditions.size(); ++K)
      CS.Conditions.push_back(
          compileCondition(S.Conditions[K], static_cast<unsigned>(K), Arena));
    CP.Statements.push_back(std::move(CS));
  }
  (void)intern;
  return CP;
}

} // namespace eval
} // namespace tollgate
