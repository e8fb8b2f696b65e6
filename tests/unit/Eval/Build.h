//===- Build.h - Building policy IR by hand for evaluator tests -*- C++ -*-===//
///
/// \file
/// Small helpers that build Policy IR without the parser, so that the
/// evaluator's tests depend on the IR alone. Every string is interned in the
/// policy (Policy::own), so test strings may be temporaries.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_UNIT_EVAL_BUILD_H
#define TOLLGATE_TESTS_UNIT_EVAL_BUILD_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Policy/Policy.h"

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace tollgate {
namespace test {

/// A policy string; `${...}` is split into escapes and variables the way
/// the parser does (`${key}`, `${key, 'default'}`, `${*}`, `${?}`, `${$}`).
inline PolicyString str(Policy &P, llvm::StringRef Text) {
  PolicyString S;
  S.Text = P.own(Text);
  if (!P.variablesEnabled() || !S.Text.contains("${"))
    return S;
  llvm::StringRef Rest = S.Text;
  while (!Rest.empty()) {
    size_t Open = Rest.find("${");
    size_t Close = Open == llvm::StringRef::npos ? Open : Rest.find('}', Open);
    if (Close == llvm::StringRef::npos) {
      S.Parts.push_back({StringPart::Text, Rest, false, {}});
      break;
    }
    if (Open > 0)
      S.Parts.push_back({StringPart::Text, Rest.substr(0, Open), false, {}});
    llvm::StringRef Body = Rest.slice(Open + 2, Close);
    if (Body == "*" || Body == "?" || Body == "$") {
      S.Parts.push_back({StringPart::Escape, Body, false, {}});
    } else {
      StringPart V;
      V.K = StringPart::Variable;
      size_t Comma = Body.find(", '");
      if (Comma != llvm::StringRef::npos && Body.endswith("'")) {
        V.Value = Body.substr(0, Comma).trim();
        V.HasDefault = true;
        V.Default = Body.slice(Comma + 3, Body.size() - 1);
      } else {
        V.Value = Body.trim();
      }
      S.Parts.push_back(V);
    }
    Rest = Rest.substr(Close + 1);
  }
  return S;
}

inline std::unique_ptr<Policy> policy(PolicyType T = PolicyType::Identity,
                                      bool Variables = true) {
  auto P = std::make_unique<Policy>();
  P->Type = T;
  P->HasVersion = true;
  P->Version = Variables ? "2012-10-17" : "2008-10-17";
  return P;
}

/// Adds a statement with Action (or NotAction) and Resource (or
/// NotResource); an empty resource list leaves Resource out.
inline Statement &stmt(Policy &P, Effect E,
                       std::initializer_list<const char *> Actions,
                       std::initializer_list<const char *> Resources = {"*"},
                       bool NotAction = false, bool NotResource = false) {
  P.Statements.emplace_back();
  Statement &S = P.Statements.back();
  S.Eff = E;
  S.Action.Present = true;
  S.Action.Negated = NotAction;
  for (const char *A : Actions)
    S.Action.Patterns.push_back({P.own(A), Loc()});
  if (Resources.size()) {
    S.Resource.Present = true;
    S.Resource.Negated = NotResource;
    for (const char *R : Resources)
      S.Resource.Patterns.push_back(str(P, R));
  }
  return S;
}

inline Statement &allow(Policy &P, std::initializer_list<const char *> Actions,
                        std::initializer_list<const char *> Resources = {"*"}) {
  return stmt(P, Effect::Allow, Actions, Resources);
}

inline Statement &deny(Policy &P, std::initializer_list<const char *> Actions,
                       std::initializer_list<const char *> Resources = {"*"}) {
  return stmt(P, Effect::Deny, Actions, Resources);
}

/// Adds principals of one kind; "*" alone with PrincipalKind::AWS and
/// Bare=true gives the bare `"Principal": "*"`.
inline void principal(Policy &P, Statement &S, PrincipalKind K,
                      std::initializer_list<const char *> Values,
                      bool Negated = false) {
  S.Principal.Present = true;
  S.Principal.Negated = Negated;
  for (const char *V : Values) {
    PolicyString PS;
    PS.Text = P.own(V);
    S.Principal.Values.push_back({K, PS});
  }
}

inline void everyone(Statement &S) {
  S.Principal.Present = true;
  S.Principal.Everyone = true;
}

/// Adds one (operator, key) condition; the operator name is parsed the way
/// the parser does (`ForAnyValue:StringLikeIfExists`).
inline Condition &cond(Policy &P, Statement &S, llvm::StringRef Operator,
                       llvm::StringRef Key,
                       std::initializer_list<const char *> Values) {
  S.HasCondition = true;
  Condition C;
  C.OperatorText = P.own(Operator);
  ParsedOperator Op = parseOperator(C.OperatorText);
  C.Op = Op.Op;
  C.Qualifier = Op.Qualifier;
  C.IfExists = Op.IfExists;
  C.Key = P.own(Key);
  for (const char *V : Values) {
    ConditionValue CV;
    CV.Value = str(P, V);
    C.Values.push_back(CV);
  }
  S.Conditions.push_back(C);
  return S.Conditions.back();
}

inline Request request(llvm::StringRef Principal, llvm::StringRef Action,
                       llvm::StringRef Resource,
                       llvm::StringRef ResourceAccount = "") {
  Request R;
  R.Principal = Caller::fromId(Principal);
  R.Action = Action.str();
  R.Resource = Resource.str();
  R.ResourceAccount = ResourceAccount.str();
  return R;
}

} // namespace test
} // namespace tollgate

#endif // TOLLGATE_TESTS_UNIT_EVAL_BUILD_H
