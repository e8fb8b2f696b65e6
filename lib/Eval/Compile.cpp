//===- Compile.cpp - Preparing policies for evaluation --------------------===//

#include "Compiled.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

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
      if (C.ArnValid)
        C.Arn = ArnPatternText::parse(T);
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

static void compileActions(const std::vector<ActionPattern> &Patterns,
                           BumpPtrAllocator &Arena, ActionMatcher &M) {
  std::vector<StringRef> Exact;
  // (service, pattern) of the globs; the service is "" when it has a
  // wildcard itself or the pattern has no colon.
  std::vector<std::pair<StringRef, StringRef>> Globs;
  for (const ActionPattern &A : Patterns) {
    StringRef Folded = internLower(Arena, A.Text);
    if (Folded == "*") {
      M.MatchesAll = true;
      M.ServiceBits = ~uint64_t(0);
      continue;
    }
    // An exact pattern matches only actions with its text before the first
    // colon (all of it if none), as does a glob whose wildcards all follow
    // that colon.
    StringRef Service = Folded.split(':').first;
    if (!hasWildcard(Folded)) {
      Exact.push_back(Folded);
      M.ServiceBits |= serviceBit(hashString(Service));
      continue;
    }
    if (!Folded.contains(':') || hasWildcard(Service)) {
      Service = StringRef();
      M.ServiceBits = ~uint64_t(0);
    } else {
      M.ServiceBits |= serviceBit(hashString(Service));
    }
    Globs.push_back({Service, Folded});
  }
  llvm::sort(Exact);
  Exact.erase(std::unique(Exact.begin(), Exact.end()), Exact.end());
  M.Exact.build(std::move(Exact));

  // Globs with a service prefix grouped by it, then the others.
  std::stable_sort(Globs.begin(), Globs.end(),
                   [](const auto &X, const auto &Y) {
                     if (X.first.empty() != Y.first.empty())
                       return Y.first.empty();
                     return X.first < Y.first;
                   });
  std::vector<StringRef> Services;
  M.Globs.reserve(Globs.size());
  for (size_t I = 0; I < Globs.size(); ++I) {
    StringRef Service = Globs[I].first;
    uint32_t At = static_cast<uint32_t>(I);
    if (!Service.empty()) {
      if (Services.empty() || Services.back() != Service) {
        Services.push_back(Service);
        M.ServiceGlobs.push_back({At, At});
      }
      M.ServiceGlobs.back().second = At + 1;
      M.AnyServiceBegin = At + 1;
    }
    M.Globs.push_back(Pattern::parse(Globs[I].second));
  }
  M.Services.build(std::move(Services));
}

static CompiledResource compileResource(const PolicyString &S,
                                        bool VariablesEnabled) {
  CompiledResource C;
  if (VariablesEnabled && hasVariablesOrEscapes(S))
    C.Source = &S;
  else
    C.Arn = ArnPatternText::parse(S.Text);
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
    compileActions(S.Action.Patterns, Arena, CS.Actions);
    if (!CS.MissingAction && !CS.ActionNegated)
      CS.ServiceFilter = CS.Actions.ServiceBits;
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
