//===- Match.cpp - Action, Resource and Principal matching ----------------===//
///
/// \file
/// Resource patterns are matched field by field (ArnPattern): the first five
/// colon-separated fields (`arn`, partition, service, region, account) each
/// against one field of the request ARN, the sixth (the resource, which may
/// hold further colons) against the rest. A `*` therefore never crosses a
/// field boundary in the first five fields. The resource field is matched
/// case-sensitively; the other fields case-insensitively by default
/// (EvalOptions::ResourcePrefixCaseInsensitive), since the User Guide does
/// not say and ARNs spell those fields in lower case anyway.
///
//===----------------------------------------------------------------------===//

#include "Compiled.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace eval {

bool resolveParts(const std::vector<StringPart> &Parts,
                  const RequestContext &Ctx, ResolvedString &Out) {
  Out.Text.clear();
  Out.Wild.clear();
  Out.HasWildcard = false;
  for (const StringPart &P : Parts) {
    switch (P.K) {
    case StringPart::Text:
      for (char C : P.Value) {
        bool W = C == '*' || C == '?';
        Out.Text.push_back(C);
        Out.Wild.push_back(W);
        Out.HasWildcard |= W;
      }
      break;
    case StringPart::Escape:
      Out.Text.append(P.Value);
      Out.Wild.append(P.Value.size(), false);
      break;
    case StringPart::Variable: {
      // A key with no value: absent, multivalued (multivalued keys cannot be
      // policy variables), or the empty string (a null value). The default,
      // if any, stands in; otherwise the string matches nothing.
      const ContextValue *V = Ctx.lookup(P.Value.trim());
      StringRef Value;
      bool Has = V && !V->MultiValued && !V->Values.empty() &&
                 !V->Values.front().empty();
      if (Has)
        Value = V->Values.front();
      else if (P.HasDefault)
        Value = P.Default;
      else
        return false;
      Out.Text.append(Value);
      Out.Wild.append(Value.size(), false);
      break;
    }
    }
  }
  return true;
}

bool anyGlobMatches(const ActionMatcher &M, const RequestView &V) {
  if (!M.ServiceGlobs.empty()) {
    int K = M.Services.find(V.ActionService, V.ServiceHash);
    if (K >= 0)
      for (uint32_t I = M.ServiceGlobs[K].first; I < M.ServiceGlobs[K].second;
           ++I)
        if (M.Globs[I].matches(V.Action))
          return true;
  }
  for (size_t I = M.AnyServiceBegin; I < M.Globs.size(); ++I)
    if (M.Globs[I].matches(V.Action))
      return true;
  return false;
}

static bool matchResolvedResource(const CompiledResource &R,
                                  const RequestView &V, CaseMode PrefixMode) {
  static thread_local ResolvedString Buf;
  if (!resolveParts(R.Source->Parts, V.R->Context, Buf))
    return false; // "will not match any resource"
  return arnPatternMatchesText(Buf.Text, PrefixMode, Buf.Wild,
                               V.resourceIsArn(), V.resourceFields());
}

bool matchResource(const CompiledStatement &S, const RequestView &V,
                   const EvalOptions &Options) {
  // No Resource element (trust policies, some resource policies): the
  // statement is about the resource the policy is attached to.
  if (!S.ResourcePresent)
    return true;
  CaseMode PrefixMode = Options.ResourcePrefixCaseInsensitive
                            ? CaseMode::Insensitive
                            : CaseMode::Sensitive;
  bool Any = false;
  for (const CompiledResource &R : S.Resources) {
    bool M = R.Source            ? matchResolvedResource(R, V, PrefixMode)
             : R.Arn.AnyResource ? true
                                 : R.Arn.matches(PrefixMode, V.resourceIsArn(),
                                                 V.resourceFields());
    if (M) {
      Any = true;
      break;
    }
  }
  return S.ResourceNegated ? !Any : Any;
}

PrincipalMatch matchPrincipal(const CompiledStatement &S,
                              const RequestView &V) {
  if (!S.PrincipalPresent)
    return PrincipalMatch::None;
  return matchPrincipalElement(S.Principals, S.PrincipalNegated, S.Eff,
                               V.R->Principal, V.ParentArn, V.HasBoundary);
}

} // namespace eval
} // namespace tollgate
