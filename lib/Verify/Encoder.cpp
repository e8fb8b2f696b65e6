//===- Encoder.cpp - Policy sets as terms ---------------------------------===//
///
/// \file
/// The encoding follows lib/Eval step by step; the comments name the
/// evaluator behaviour each part reproduces.
///
/// Case folding. The evaluator compares actions and the partition, service,
/// region and account fields of resources without case. Instead of folding
/// symbolic strings (no solver theory has a case fold), the encoding folds
/// the patterns and restricts the request's action and prefix fields to
/// strings without upper-case letters. That is sound and complete: every
/// request decides exactly as the request with those parts folded to lower
/// case (every comparison that reads them ignores case), so quantifying over
/// folded requests quantifies over all of them.
///
/// Multivalued keys. A key with n distinct conditions (operator, qualifier
/// and values as written) that carry `ForAllValues:` or `ForAnyValue:` gets
/// n slots; conditions written alike are true of the same sets. Any set S of
/// request values can be cut down to at most n values with the same truth value
/// for every condition: keep one witness for each ForAnyValue condition that S
/// satisfies and one violator for each ForAllValues condition that S falsifies.
/// ForAnyValue stays true (its witness stays) or false (a subset has no witness
/// either); ForAllValues stays false (its violator stays) or true (a subset of
/// values that all match); unqualified operators are false on any multivalued
/// key and variables have no value from one. So n slots lose no counterexample.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Verify/Encoder.h"

#include "tollgate/Eval/Principal.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

using namespace llvm;

namespace tollgate {
namespace verify {

namespace {

bool hasVarsOrEscapes(const PolicyString &S) {
  for (const StringPart &P : S.Parts)
    if (P.K != StringPart::Text)
      return true;
  return false;
}

bool variablesSubstituted(OperatorFamily F) {
  return F == OperatorFamily::String || F == OperatorFamily::Arn ||
         F == OperatorFamily::Bool;
}

KeyKind kindOf(OperatorFamily F) {
  switch (F) {
  case OperatorFamily::Numeric:
    return KeyKind::Numeric;
  case OperatorFamily::Date:
    return KeyKind::Date;
  case OperatorFamily::Ip:
    return KeyKind::Ip;
  default:
    return KeyKind::String;
  }
}

const char *kindName(KeyKind K) {
  switch (K) {
  case KeyKind::String:
    return "a string";
  case KeyKind::Numeric:
    return "a number";
  case KeyKind::Date:
    return "a date";
  case KeyKind::Ip:
    return "an IP address";
  }
  return "";
}

/// How a resource-policy statement's principal matched the caller, in the
/// order the evaluator ranks them.
using PM = PrincipalMatch;

/// The evaluator's principal matching (Eval/Principal.h), for a concrete
/// caller.
PM matchPrincipal(const Statement &S, const Caller &C, bool HasBoundary) {
  const PrincipalElement &P = S.Principal;
  if (!P.Present)
    return PM::None;
  std::vector<PrincipalEntry> Entries;
  if (P.Everyone)
    Entries.push_back({PrincipalEntry::Everyone, "*"});
  for (const PrincipalValue &V : P.Values)
    Entries.push_back(classifyPrincipal(V));
  std::string Parent;
  if (C.Kind == CallerKind::RoleSession || C.Kind == CallerKind::FederatedUser)
    Parent = C.parentArn();
  return matchPrincipalElement(Entries, P.Negated, S.Eff, C, Parent,
                               HasBoundary);
}

/// A pattern whose pieces are glob fragments or string terms (the values of
/// policy variables).
struct TPiece {
  bool IsTerm = false;
  Term T = nullptr;
  Pattern G;
};

} // namespace

//===----------------------------------------------------------------------===//
// Set-up
//===----------------------------------------------------------------------===//

Encoder::Encoder(TermContext &Ctx, ArrayRef<const Policy *> Policies)
    : Ctx(Ctx) {
  ActionVar = Ctx.var("action", Sort::String);
  IsArn = Ctx.var("resource.isArn", Sort::Bool);
  for (unsigned I = 0; I < 6; ++I)
    Fields[I] = Ctx.var("resource.f" + std::to_string(I), Sort::String);

  // Size and type every key before any term is built.
  struct Info {
    bool HasKind = false;
    KeyKind Kind = KeyKind::String;
    /// The distinct qualified conditions on the key (conditions that read
    /// alike are true of the same value sets: one slot serves them all).
    std::set<std::string> Qualified;
  };
  std::map<std::string, Info> Infos;
  std::map<std::string, std::string> Spelled;
  auto noteKind = [&](StringRef Key, KeyKind K, StringRef Why) {
    Spelled.emplace(Key.lower(), Key.str());
    Info &I = Infos[Key.lower()];
    if (I.HasKind && I.Kind != K)
      unsupported(("condition key `" + Key + "` is used as " +
                   kindName(I.Kind) + " and as " + kindName(K))
                      .str());
    I.HasKind = true;
    I.Kind = K;
    (void)Why;
  };
  auto noteVars = [&](const PolicyString &S) {
    for (const StringPart &P : S.Parts)
      if (P.K == StringPart::Variable)
        noteKind(P.Value.trim(), KeyKind::String, "variable");
  };
  std::set<std::string> Literal;
  for (const Policy *P : Policies) {
    for (const Statement &S : P->Statements) {
      for (const ActionPattern &A : S.Action.Patterns)
        if (!hasWildcard(A.Text))
          Literal.insert(A.Text.lower());
      for (const PolicyString &R : S.Resource.Patterns)
        noteVars(R);
      for (const Condition &C : S.Conditions) {
        OperatorFamily F = operatorFamily(C.Op);
        if (F == OperatorFamily::Null || F == OperatorFamily::Unknown) {
          Infos[C.Key.lower()];
          Spelled.emplace(C.Key.lower(), C.Key.str());
          continue;
        }
        noteKind(C.Key, kindOf(F), "operator");
        Info &I = Infos[C.Key.lower()];
        if (C.Qualifier != SetQualifier::None) {
          std::vector<std::string> Vals;
          for (const ConditionValue &V : C.Values)
            Vals.push_back((V.Value.hasVariables() ? "v" : "t") +
                           V.Value.Text.str());
          std::sort(Vals.begin(), Vals.end());
          std::string Sig = StringRef(C.OperatorText).lower();
          for (const std::string &V : Vals)
            Sig += '\0' + V;
          I.Qualified.insert(Sig);
        }
        if (variablesSubstituted(F))
          for (const ConditionValue &V : C.Values)
            noteVars(V.Value);
      }
    }
  }
  LiteralActions.assign(Literal.begin(), Literal.end());
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements)
      for (const PrincipalValue &V : S.Principal.Values)
        if (V.Kind == PrincipalKind::AWS && V.Value.Text != "*")
          NamedPrincipals.push_back(V.Value.Text.str());
  for (auto &KV : Infos) {
    KeyVars K;
    K.Name = KV.first;
    K.Spelling = Spelled.count(KV.first) ? Spelled[KV.first] : KV.first;
    K.Kind = KV.second.Kind;
    std::string Base = "key." + KV.first;
    K.Present = Ctx.var(Base + ".present", Sort::Bool);
    K.Multi = Ctx.var(Base + ".multi", Sort::Bool);
    auto makeValue = [&](const std::string &N) {
      KeyVars::Value V;
      switch (K.Kind) {
      case KeyKind::String:
        V.Str = Ctx.var(N, Sort::String);
        break;
      case KeyKind::Numeric:
      case KeyKind::Date:
        V.Valid = Ctx.var(N + ".valid", Sort::Bool);
        V.Empty = Ctx.var(N + ".empty", Sort::Bool);
        V.Num = Ctx.var(N, K.Kind == KeyKind::Numeric ? Sort::Real : Sort::Int);
        break;
      case KeyKind::Ip:
        V.Valid = Ctx.var(N + ".valid", Sort::Bool);
        V.Empty = Ctx.var(N + ".empty", Sort::Bool);
        V.V6 = Ctx.var(N + ".v6", Sort::Bool);
        V.Addr = Ctx.var(N, Sort::BitVec, 128);
        break;
      }
      return V;
    };
    K.Single = makeValue(Base + ".value");
    for (unsigned J = 0; J < KV.second.Qualified.size(); ++J) {
      KeyVars::Value V = makeValue(Base + ".slot" + std::to_string(J));
      V.Used =
          Ctx.var(Base + ".slot" + std::to_string(J) + ".used", Sort::Bool);
      K.Slots.push_back(V);
    }
    Keys.emplace(KV.first, std::move(K));
  }
  // Literals per key, for witness candidates.
  for (const Policy *P : Policies)
    for (const Statement &S : P->Statements)
      for (const Condition &C : S.Conditions) {
        auto It = Keys.find(C.Key.lower());
        if (It == Keys.end())
          continue;
        for (const ConditionValue &V : C.Values)
          It->second.Literals.push_back(V.Value.Text.str());
      }
}

Term Encoder::inNetwork(const KeyVars::Value &V, const IpNetwork &Net) {
  std::vector<Term> And{V.Valid, Net.V6 ? V.V6 : Ctx.mkNot(V.V6)};
  // An IPv4 address lives in the top 32 bits, so a prefix counts from the
  // top in both families.
  if (Net.Prefix > 0) {
    Term Const = Ctx.bvConst(Net.Bytes, 128);
    And.push_back(Ctx.mkEq(Ctx.mkExtract(V.Addr, 128 - Net.Prefix, Net.Prefix),
                           Ctx.mkExtract(Const, 128 - Net.Prefix, Net.Prefix)));
  }
  return Ctx.mkAnd(And);
}

Term Encoder::opaque(StringRef Why) {
  if (Opaque.empty())
    Opaque = Why.str();
  return Ctx.var("opaque." + std::to_string(++OpaqueCount), Sort::Bool);
}

void Encoder::unsupported(StringRef Why) {
  if (Unsupported.empty())
    Unsupported = Why.str();
}

KeyVars &Encoder::key(StringRef Folded) {
  auto It = Keys.find(Folded.str());
  assert(It != Keys.end() && "key not seen by the pre-pass");
  return It->second;
}

Term Encoder::domain() {
  std::vector<Term> C;
  for (unsigned I = 0; I < 5; ++I) {
    C.push_back(Ctx.mkNot(Ctx.mkContains(Fields[I], Ctx.strConst(":"))));
    C.push_back(Ctx.mkNoUpper(Fields[I]));
  }
  C.push_back(Ctx.mkNoUpper(ActionVar));
  for (const std::string &L : LiteralActions)
    if (!DirectActions)
      C.push_back(Ctx.mkNot(Ctx.mkEq(ActionVar, Ctx.strConst(L))));
  for (auto &KV : Keys) {
    auto typed = [&](const KeyVars::Value &V) {
      if (!V.Valid)
        return;
      C.push_back(Ctx.mkImplies(V.Empty, Ctx.mkNot(V.Valid)));
      if (V.Addr) {
        // IPv4 addresses live in the top 32 bits; the rest is zero.
        uint8_t Zero[12] = {};
        C.push_back(Ctx.mkOr(V.V6, Ctx.mkEq(Ctx.mkExtract(V.Addr, 0, 96),
                                            Ctx.bvConst(Zero, 96))));
      }
    };
    typed(KV.second.Single);
    for (const KeyVars::Value &V : KV.second.Slots)
      typed(V);
  }
  for (const ArnSplit &Sp : ArnSplits) {
    std::vector<Term> Cat;
    for (unsigned I = 0; I < 5; ++I) {
      Cat.push_back(Sp.X[I]);
      Cat.push_back(Ctx.strConst(":"));
      C.push_back(Ctx.mkNot(Ctx.mkContains(Sp.X[I], Ctx.strConst(":"))));
    }
    Cat.push_back(Sp.Rest);
    C.push_back(Ctx.mkImplies(Sp.Valid, Ctx.mkEq(Sp.S, Ctx.mkConcat(Cat))));
  }
  return Ctx.mkAnd(C);
}

Term Encoder::wellFormed() {
  // Requests are JSON, hence well-formed UTF-8. Where a `?` reads a string
  // it must be: there a byte that is no character would tell the policies
  // apart where no request can.
  std::vector<Term> C;
  for (Term S : Ctx.charReaders())
    C.push_back(Ctx.mkValidUtf8(S));
  return Ctx.mkAnd(C);
}

const Encoder::ArnSplit &Encoder::arnSplit(Term S) {
  for (const ArnSplit &Sp : ArnSplits)
    if (Sp.S == S)
      return Sp;
  ArnSplit Sp;
  Sp.S = S;
  std::string Base = S->Text + ".arn";
  for (unsigned I = 0; I < 5; ++I)
    Sp.X[I] = Ctx.var(Base + std::to_string(I), Sort::String);
  Sp.Rest = Ctx.var(Base + "5", Sort::String);
  // At least five colons: what splitArn() accepts.
  Pattern G = Pattern::parse("*:*:*:*:*:", CaseMode::Sensitive, ":");
  G.addStar();
  Sp.Valid = Ctx.mkInGlob(S, std::move(G));
  ArnSplits.push_back(Sp);
  return ArnSplits.back();
}

//===----------------------------------------------------------------------===//
// Strings with variables
//===----------------------------------------------------------------------===//

struct Encoder::Impl {
  Encoder &E;
  TermContext &Ctx;

  /// The value of variable \p Part, and the guard under which it has one.
  std::pair<Term, Term> variable(const StringPart &Part) {
    // resolveParts: a key with no value (absent, multivalued or "") takes
    // the default; without a default the string matches nothing.
    KeyVars &K = E.key(Part.Value.trim().lower());
    Term S = K.Single.Str;
    Term Has = Ctx.mkAnd({K.Present, Ctx.mkNot(K.Multi),
                          Ctx.mkNot(Ctx.mkEq(S, Ctx.strConst("")))});
    if (Part.HasDefault)
      return {Ctx.mkIte(Has, S, Ctx.strConst(Part.Default)), Ctx.trueTerm()};
    return {S, Has};
  }

  /// Pieces of a string with variables; \p Wild: text parts keep their
  /// wildcards. Sets \p Guard to the conjunction of variable guards.
  std::vector<TPiece> pieces(ArrayRef<StringPart> Parts, bool Wild,
                             Term &Guard) {
    std::vector<TPiece> Out;
    std::vector<Term> Guards;
    for (const StringPart &P : Parts) {
      TPiece T;
      switch (P.K) {
      case StringPart::Text:
        if (Wild)
          T.G = Pattern::parse(P.Value);
        else
          T.G.addLit(P.Value);
        break;
      case StringPart::Escape:
        T.G.addLit(P.Value);
        break;
      case StringPart::Variable: {
        auto VG = variable(P);
        T.IsTerm = true;
        T.T = VG.first;
        Guards.push_back(VG.second);
        break;
      }
      }
      Out.push_back(std::move(T));
    }
    Guard = Ctx.mkAnd(Guards);
    return Out;
  }

  /// \p S matches segments (terms) separated by stars (null entries in
  /// \p Seq), for stars between or after variables: the first segment is
  /// a prefix, each middle one is found by `indexof` after the end of the
  /// previous one, and the last is a suffix that starts after them.
  /// Leftmost matches are the best choice for stars, so this is exact and,
  /// without new variables, safe under negation.
  Term matchSegments(Term S, const std::vector<Term> &Seq) {
    std::vector<std::vector<Term>> Segs(1);
    for (Term T : Seq) {
      if (!T)
        Segs.emplace_back();
      else
        Segs.back().push_back(T);
    }
    std::vector<Term> And;
    Term First = Ctx.mkConcat(Segs.front());
    And.push_back(Ctx.mkPrefixOf(First, S));
    Term Pos = Ctx.mkLength(First);
    for (size_t K = 1; K + 1 < Segs.size(); ++K) {
      Term Seg = Ctx.mkConcat(Segs[K]);
      Term At = Ctx.mkIndexOf(S, Seg, Pos);
      And.push_back(Ctx.mkLe(Ctx.intConst(0), At));
      Pos = Ctx.mkAdd(At, Ctx.mkLength(Seg));
    }
    Term Last = Ctx.mkConcat(Segs.back());
    And.push_back(Ctx.mkSuffixOf(Last, S));
    And.push_back(
        Ctx.mkLe(Ctx.mkAdd(Pos, Ctx.mkLength(Last)), Ctx.mkLength(S)));
    return Ctx.mkAnd(And);
  }

  /// \p S matches the pieces. Globs with variables are expressed with
  /// `=`, `prefixof`, `suffixof` or `contains`; other shapes are not
  /// supported.
  Term matchPieces(Term S, const std::vector<TPiece> &Ps) {
    bool AnyTerm = false;
    Pattern Whole;
    for (const TPiece &P : Ps) {
      AnyTerm |= P.IsTerm;
      Whole.append(P.G);
    }
    if (!AnyTerm)
      return Ctx.mkInGlob(S, Whole);
    // Flatten into a sequence of terms and star markers.
    std::vector<Term> Seq; // nullptr marks a Star
    for (const TPiece &P : Ps) {
      if (P.IsTerm) {
        Seq.push_back(P.T);
        continue;
      }
      for (const PatternPiece &G : P.G.Pieces) {
        if (G.K == PatternPiece::Lit)
          Seq.push_back(Ctx.strConst(G.Text));
        else if (G.K == PatternPiece::Star) {
          if (Seq.empty() || Seq.back())
            Seq.push_back(nullptr);
        } else {
          return E.opaque("a `?` wildcard next to a policy variable");
        }
      }
    }
    bool Lead = !Seq.empty() && !Seq.front();
    bool Trail = Seq.size() > 1 && !Seq.back();
    size_t B = Lead ? 1 : 0, End = Seq.size() - (Trail ? 1 : 0);
    std::vector<Term> Mid;
    for (size_t I = B; I < End; ++I) {
      if (!Seq[I])
        return matchSegments(S, Seq);
      Mid.push_back(Seq[I]);
    }
    Term M = Ctx.mkConcat(Mid);
    if (Lead && Trail)
      return Ctx.mkContains(S, M);
    if (Lead)
      return Ctx.mkSuffixOf(M, S);
    if (Trail)
      return Ctx.mkPrefixOf(M, S);
    return Ctx.mkEq(S, M);
  }

  //===--------------------------------------------------------------------===//
  // Action and resource
  //===--------------------------------------------------------------------===//

  Term actionMatch(const Statement &S, const Coordinate &C) {
    bool Any = false;
    std::vector<Term> Or;
    for (const ActionPattern &A : S.Action.Patterns) {
      if (A.Text == "*") {
        Any = true;
        break;
      }
      bool Wild = hasWildcard(A.Text);
      if (!C.Action.empty()) {
        // C.Action is folded; matching folds the pattern as it goes
        // (no copy: this runs for every statement of every action group).
        if (Wild ? globMatch(A.Text, C.Action, CaseMode::Insensitive)
                 : A.Text.equals_insensitive(C.Action)) {
          Any = true;
          break;
        }
        continue;
      }
      // The symbolic action differs from every literal pattern (domain()),
      // unless it stands for all actions.
      if (Wild || E.DirectActions)
        Or.push_back(Ctx.mkInGlob(E.ActionVar, Pattern::parse(A.Text.lower())));
    }
    Term M = Any ? Ctx.trueTerm() : Ctx.mkOr(Or);
    return S.Action.Negated ? Ctx.mkNot(M) : M;
  }

  Term fieldMatch(unsigned I, StringRef Text) {
    Term &T = E.FieldMatches[I][Text];
    if (!T)
      T = Ctx.mkInGlob(E.Fields[I],
                       Pattern::parse(I < 5 ? Text.lower() : Text.str()));
    return T;
  }

  Term resourcePattern(const PolicyString &P) {
    if (hasVarsOrEscapes(P))
      return resolvedResource(P);
    if (P.Text == "*")
      return Ctx.trueTerm();
    // The fields as the evaluator splits them (a short pattern's missing
    // fields are `*`).
    std::array<StringRef, 6> F = arnPatternFields(P.Text);
    std::vector<Term> And{E.IsArn};
    for (unsigned I = 0; I < 6; ++I)
      And.push_back(fieldMatch(I, F[I]));
    return Ctx.mkAnd(And);
  }

  Term resolvedResource(const PolicyString &P) {
    // The first five fields must be plain text for the split to be static.
    std::vector<Term> And{E.IsArn};
    unsigned Field = 0;
    std::string Cur;
    size_t PartIdx = 0;
    for (; PartIdx < P.Parts.size() && Field < 5; ++PartIdx) {
      const StringPart &SP = P.Parts[PartIdx];
      if (SP.K == StringPart::Variable) {
        return E.opaque("a policy variable before the resource field of an ARN "
                        "pattern");
      }
      StringRef V = SP.Value;
      if (SP.K == StringPart::Escape) {
        Cur += V.str();
        continue;
      }
      size_t Start = 0;
      for (size_t J = 0; J < V.size() && Field < 5; ++J) {
        if (V[J] != ':')
          continue;
        Cur += V.slice(Start, J).str();
        // Escaped characters are literal; wildcards in text are wildcards.
        And.push_back(fieldMatch(Field, Cur));
        Cur.clear();
        ++Field;
        Start = J + 1;
      }
      if (Field == 5) {
        // The rest of this part starts the resource field.
        StringPart RestPart = SP;
        RestPart.Value = V.substr(Start);
        std::vector<StringPart> Tail{RestPart};
        Tail.insert(Tail.end(), P.Parts.begin() + PartIdx + 1, P.Parts.end());
        if (!Cur.empty()) {
          return E.opaque("an escape in an ARN prefix field");
        }
        return finishResolved(And, Tail);
      }
      Cur += V.substr(Start).str();
    }
    return E.opaque("a policy variable in a resource pattern with fewer than "
                    "six ARN fields");
  }

  Term finishResolved(std::vector<Term> &And, ArrayRef<StringPart> Tail) {
    for (const StringPart &SP : Tail)
      if (SP.K == StringPart::Variable && SP.HasDefault && SP.Default.empty())
        E.unsupported("a policy variable with an empty default in a resource");
    Term Guard;
    std::vector<TPiece> Ps = pieces(Tail, /*Wild=*/true, Guard);
    And.push_back(Guard);
    And.push_back(matchPieces(E.Fields[5], Ps));
    return Ctx.mkAnd(And);
  }

  Term resourceMatch(const Statement &S) {
    if (!S.Resource.Present)
      return Ctx.trueTerm();
    std::vector<Term> Or;
    for (const PolicyString &P : S.Resource.Patterns)
      Or.push_back(resourcePattern(P));
    Term M = Ctx.mkOr(Or);
    return S.Resource.Negated ? Ctx.mkNot(M) : M;
  }

  //===--------------------------------------------------------------------===//
  // Conditions
  //===--------------------------------------------------------------------===//

  Term arnGlob(Term S, StringRef Text) {
    std::array<StringRef, 6> F;
    if (!splitArn(Text, F))
      return Ctx.falseTerm();
    return Ctx.mkInGlob(S,
                        ArnPattern::parse(Text, CaseMode::Sensitive).joined());
  }

  /// An ARN condition value with policy variables, when the variables are
  /// all in the resource field (five literal colons come first): the
  /// request value's fields are compared one by one, as the evaluator
  /// does, through the value's ARN split (Encoder::arnSplit).
  Term arnWithVariables(const PolicyString &P, Term S) {
    std::string Prefix;
    unsigned Colons = 0;
    size_t PartIdx = 0, Cut = 0;
    for (; PartIdx < P.Parts.size() && Colons < 5; ++PartIdx) {
      const StringPart &SP = P.Parts[PartIdx];
      if (SP.K != StringPart::Text)
        break;
      for (size_t K = 0; K < SP.Value.size(); ++K)
        if (SP.Value[K] == ':' && ++Colons == 5) {
          Cut = K;
          break;
        }
      if (Colons == 5) {
        Prefix += SP.Value.take_front(Cut).str();
        break;
      }
      Prefix += SP.Value.str();
    }
    if (Colons < 5)
      return E.opaque("a policy variable before the resource field of an "
                      "ARN condition value");
    std::vector<StringPart> Tail;
    StringRef Rest = P.Parts[PartIdx].Value.drop_front(Cut + 1);
    if (!Rest.empty()) {
      StringPart T;
      T.K = StringPart::Text;
      T.Value = Rest;
      Tail.push_back(T);
    }
    Tail.insert(Tail.end(), P.Parts.begin() + PartIdx + 1, P.Parts.end());
    const Encoder::ArnSplit &Sp = E.arnSplit(S);
    SmallVector<StringRef, 5> F;
    StringRef(Prefix).split(F, ':');
    std::vector<Term> And{Sp.Valid};
    for (unsigned I = 0; I < 5; ++I)
      And.push_back(Ctx.mkInGlob(Sp.X[I], Pattern::parse(F[I])));
    Term Guard;
    std::vector<TPiece> Ps = pieces(Tail, /*Wild=*/true, Guard);
    And.push_back(Guard);
    And.push_back(matchPieces(Sp.Rest, Ps));
    return Ctx.mkAnd(And);
  }

  /// One request value against one policy value, positive form.
  Term valueMatch(const Condition &C, const ConditionValue &PV,
                  const KeyVars::Value &V) {
    OperatorFamily F = operatorFamily(C.Op);
    const PolicyString &P = PV.Value;
    bool Vars = variablesSubstituted(F) && hasVarsOrEscapes(P);
    StringRef T = P.Text;
    switch (F) {
    case OperatorFamily::String: {
      bool Like =
          C.Op == ConditionOp::StringLike || C.Op == ConditionOp::StringNotLike;
      bool Fold = C.Op == ConditionOp::StringEqualsIgnoreCase ||
                  C.Op == ConditionOp::StringNotEqualsIgnoreCase;
      if (Vars) {
        if (Fold) {
          return E.opaque("a policy variable in a case-insensitive comparison");
        }
        Term Guard;
        std::vector<TPiece> Ps = pieces(P.Parts, Like, Guard);
        return Ctx.mkAnd(Guard, matchPieces(V.Str, Ps));
      }
      if (Fold)
        return Ctx.mkInGlob(V.Str, Pattern::literal(T, CaseMode::Insensitive));
      if (Like)
        return Ctx.mkInGlob(V.Str, Pattern::parse(T));
      return Ctx.mkEq(V.Str, Ctx.strConst(T));
    }
    case OperatorFamily::Binary:
      return Ctx.mkEq(V.Str, Ctx.strConst(T));
    case OperatorFamily::Bool: {
      if (Vars) {
        return E.opaque("a policy variable in a Bool condition");
      }
      std::optional<bool> B = parseBool(T);
      if (!B)
        return Ctx.falseTerm();
      // Requests hold a Bool key as `true` or `false` exactly (realistic()
      // says so); equality is then the same test, and far cheaper to solve
      // than a case-folded pattern.
      if (E.Model) {
        request::KeyFacts KF = E.Model->facts(C.Key);
        if (KF.Known && KF.Type == request::ValueType::Bool)
          return Ctx.mkEq(V.Str, Ctx.strConst(*B ? "true" : "false"));
      }
      return Ctx.mkInGlob(V.Str, Pattern::literal(*B ? "true" : "false",
                                                  CaseMode::Insensitive));
    }
    case OperatorFamily::Arn:
      if (Vars)
        return arnWithVariables(P, V.Str);
      return arnGlob(V.Str, T);
    case OperatorFamily::Numeric: {
      std::optional<double> N = parseNumber(T);
      if (!N)
        return Ctx.falseTerm();
      Term K = Ctx.realConst(*N);
      return Ctx.mkAnd(V.Valid, compare(C.Op, V.Num, K));
    }
    case OperatorFamily::Date: {
      std::optional<int64_t> D = parseDate(T);
      if (!D)
        return Ctx.falseTerm();
      return Ctx.mkAnd(V.Valid, compare(C.Op, V.Num, Ctx.intConst(*D)));
    }
    case OperatorFamily::Ip: {
      std::optional<IpNetwork> Net = parseIpNetwork(T);
      if (!Net)
        return Ctx.falseTerm();
      return E.inNetwork(V, *Net);
    }
    case OperatorFamily::Null:
    case OperatorFamily::Unknown:
      break;
    }
    return Ctx.falseTerm();
  }

  Term compare(ConditionOp Op, Term R, Term P) {
    switch (Op) {
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericNotEquals:
    case ConditionOp::DateEquals:
    case ConditionOp::DateNotEquals:
      return Ctx.mkEq(R, P);
    case ConditionOp::NumericLessThan:
    case ConditionOp::DateLessThan:
      return Ctx.mkLt(R, P);
    case ConditionOp::NumericLessThanEquals:
    case ConditionOp::DateLessThanEquals:
      return Ctx.mkLe(R, P);
    case ConditionOp::NumericGreaterThan:
    case ConditionOp::DateGreaterThan:
      return Ctx.mkLt(P, R);
    case ConditionOp::NumericGreaterThanEquals:
    case ConditionOp::DateGreaterThanEquals:
      return Ctx.mkLe(P, R);
    default:
      return Ctx.falseTerm();
    }
  }

  Term isEmpty(const KeyVars &K, const KeyVars::Value &V) {
    if (K.Kind == KeyKind::String)
      return Ctx.mkEq(V.Str, Ctx.strConst(""));
    return V.Empty;
  }

  Term condition(const Condition &C) {
    if (C.Op == ConditionOp::Unknown) {
      E.unsupported(("the condition operator `" + C.OperatorText + "`").str());
      return Ctx.falseTerm();
    }
    KeyVars &K = E.key(C.Key.lower());
    if (C.Op == ConditionOp::Null) {
      if (C.IfExists || C.Qualifier != SetQualifier::None) {
        return E.opaque("`Null` with `IfExists` or a set qualifier");
      }
      std::vector<Term> Or;
      for (const ConditionValue &V : C.Values) {
        std::optional<bool> B = parseBool(V.Value.Text);
        if (B)
          Or.push_back(*B ? Ctx.mkNot(K.Present) : K.Present);
      }
      return Ctx.mkOr(Or);
    }
    bool Negated = isNegatedOperator(C.Op);
    auto one = [&](const KeyVars::Value &V) {
      std::vector<Term> Or;
      for (const ConditionValue &PV : C.Values)
        Or.push_back(valueMatch(C, PV, V));
      Term Any = Ctx.mkOr(Or);
      return Negated ? Ctx.mkNot(Any) : Any;
    };
    Term Absent;
    if (C.IfExists || C.Qualifier == SetQualifier::ForAllValues)
      Absent = Ctx.trueTerm();
    else if (C.Qualifier == SetQualifier::ForAnyValue)
      Absent = Ctx.falseTerm();
    else
      Absent = Ctx.boolConst(Negated);
    Term Present;
    switch (C.Qualifier) {
    case SetQualifier::None:
      Present = Ctx.mkAnd(Ctx.mkNot(K.Multi), one(K.Single));
      break;
    case SetQualifier::ForAllValues: {
      std::vector<Term> All;
      for (const KeyVars::Value &V : K.Slots)
        All.push_back(Ctx.mkImplies(V.Used, one(V)));
      Term Single = Ctx.mkOr(isEmpty(K, K.Single), one(K.Single));
      Present = Ctx.mkIte(K.Multi, Ctx.mkAnd(All), Single);
      break;
    }
    case SetQualifier::ForAnyValue: {
      std::vector<Term> Any;
      for (const KeyVars::Value &V : K.Slots)
        Any.push_back(Ctx.mkAnd(V.Used, one(V)));
      Term Single = Ctx.mkAnd(Ctx.mkNot(isEmpty(K, K.Single)), one(K.Single));
      Present = Ctx.mkIte(K.Multi, Ctx.mkOr(Any), Single);
      break;
    }
    }
    return Ctx.mkIte(K.Present, Present, Absent);
  }

  //===--------------------------------------------------------------------===//
  // Statements and the decision
  //===--------------------------------------------------------------------===//

  Term statement(const Statement &S, const Coordinate &C) {
    if (!S.Action.Present) {
      E.unsupported("a statement without Action or NotAction");
      return Ctx.falseTerm();
    }
    Term A = actionMatch(S, C);
    if (A == Ctx.falseTerm())
      return A;
    std::vector<Term> And{A, resourceMatch(S)};
    for (const Condition &Cond : S.Conditions)
      And.push_back(condition(Cond));
    return Ctx.mkAnd(And);
  }

  Term explicitTrust(const PolicySet &Set, const Coordinate &C) {
    switch (Set.Trust) {
    case ResourceTrust::Implicit:
      return Ctx.falseTerm();
    case ResourceTrust::Explicit:
      return Ctx.trueTerm();
    case ResourceTrust::Auto:
      break;
    }
    auto service = [&](StringRef Svc) {
      if (!C.Action.empty())
        return Ctx.boolConst(StringRef(C.Action).split(':').first == Svc);
      return Ctx.mkPrefixOf(Ctx.strConst((Svc + ":").str()), E.ActionVar);
    };
    // isKmsKey: the service field compares without case, and the encoding
    // keeps that field in lower case.
    Term Kms = Ctx.mkAnd({service("kms"), E.IsArn,
                          Ctx.mkEq(E.Fields[2], Ctx.strConst("kms")),
                          Ctx.mkPrefixOf(Ctx.strConst("key/"), E.Fields[5])});
    // The request model gives the resource one of the ARN formats of the
    // group's actions: where each is a key's, so is every resource (the
    // solver is slow to find that through the formats).
    if (E.Model && !E.FreeResources && service("kms") == Ctx.trueTerm() &&
        !C.Members.empty() && all_of(C.Members, [&](const ActionInfo *A) {
          std::vector<std::string> Shapes = E.Model->resourceShapes(*A);
          return !Shapes.empty() && all_of(Shapes, [](StringRef Shape) {
            std::array<StringRef, 6> F;
            return splitArn(Shape, F) && F[2].equals_insensitive("kms") &&
                   F[5].startswith("key/");
          });
        }))
      Kms = Ctx.trueTerm();
    if (!Set.Resource)
      return Kms;
    if (Set.Resource->Type == PolicyType::Trust)
      return Ctx.trueTerm();
    Term Role = Ctx.mkAnd({service("sts"), E.IsArn,
                           Ctx.mkEq(E.Fields[2], Ctx.strConst("iam")),
                           Ctx.mkPrefixOf(Ctx.strConst("role/"), E.Fields[5])});
    return Ctx.mkOr(Kms, Role);
  }

  Term allowed(const PolicySet &Set, const Coordinate &C) {
    CallerKind Kind = C.Principal.Kind;
    bool PrincipalPolicies = Kind != CallerKind::Anonymous &&
                             Kind != CallerKind::Service &&
                             Kind != CallerKind::FederatedProvider;
    bool HasBoundary = Set.Boundary != nullptr;
    std::vector<Term> Deny, Identity, Boundary, Session;
    std::vector<Term> ResBy[7];
    std::vector<Term> SCPLevels, RCPLevels;
    auto visit = [&](const Policy &P, PolicyRole Role) {
      bool Applies = PrincipalPolicies || Role == PolicyRole::Resource ||
                     Role == PolicyRole::RCP;
      std::vector<Term> Level;
      if (Applies) {
        // Only the statements whose actions match the coordinate's (all of
        // them for the symbolic action): the others encode false.
        ArrayRef<uint32_t> Candidates;
        std::vector<uint32_t> Every;
        if (C.Action.empty()) {
          Every.resize(P.Statements.size());
          std::iota(Every.begin(), Every.end(), 0);
          Candidates = Every;
        } else {
          Candidates = E.actionIndex(P).applying(C.Action);
        }
        for (uint32_t SI : Candidates) {
          const Statement &S = P.Statements[SI];
          if (Ctx.deadline().expired())
            break; // the caller sees the time is out and drops the term
          PM M = PM::None;
          if (Role == PolicyRole::Resource) {
            M = matchPrincipal(S, C.Principal, HasBoundary);
            if (M == PM::None)
              continue;
          }
          Term T = statement(S, C);
          if (T == Ctx.falseTerm())
            continue;
          if (S.Eff == Effect::Deny) {
            Deny.push_back(T);
            continue;
          }
          switch (Role) {
          case PolicyRole::Identity:
            Identity.push_back(T);
            break;
          case PolicyRole::Boundary:
            Boundary.push_back(T);
            break;
          case PolicyRole::Session:
            Session.push_back(T);
            break;
          case PolicyRole::SCP:
          case PolicyRole::RCP:
            Level.push_back(T);
            break;
          case PolicyRole::Resource:
            ResBy[static_cast<unsigned>(M)].push_back(T);
            break;
          }
        }
      }
      if (Role == PolicyRole::SCP && PrincipalPolicies)
        SCPLevels.push_back(Ctx.mkOr(Level));
      else if (Role == PolicyRole::RCP)
        RCPLevels.push_back(Ctx.mkOr(Level));
    };
    for (const Policy *P : Set.Identity)
      visit(*P, PolicyRole::Identity);
    if (Set.Resource)
      visit(*Set.Resource, PolicyRole::Resource);
    if (Set.Boundary)
      visit(*Set.Boundary, PolicyRole::Boundary);
    for (const Policy *P : Set.SCPs)
      visit(*P, PolicyRole::SCP);
    for (const Policy *P : Set.RCPs)
      visit(*P, PolicyRole::RCP);
    if (Set.Session)
      visit(*Set.Session, PolicyRole::Session);

    auto res = [&](PM M) { return Ctx.mkOr(ResBy[static_cast<unsigned>(M)]); };
    std::vector<Term> Gate{Ctx.mkNot(Ctx.mkOr(Deny))};
    Gate.insert(Gate.end(), RCPLevels.begin(), RCPLevels.end());
    Term Direct =
        Ctx.mkOr({res(PM::Exact), res(PM::NotPrincipal), res(PM::Wildcard)});
    if (!PrincipalPolicies) {
      Gate.push_back(Direct);
      return Ctx.mkAnd(Gate);
    }
    Gate.insert(Gate.end(), SCPLevels.begin(), SCPLevels.end());
    Term BoundaryOK = HasBoundary ? Ctx.mkOr(Boundary) : Ctx.trueTerm();
    Term SessionOK = Set.Session
                         ? Ctx.mkOr(Session)
                         : Ctx.boolConst(Kind != CallerKind::FederatedUser);
    Term IdAllows =
        Kind == CallerKind::Root ? Ctx.trueTerm() : Ctx.mkOr(Identity);
    Term IdPath = Ctx.mkAnd({IdAllows, BoundaryOK, SessionOK});
    if (C.SameAccount) {
      Term Trust = explicitTrust(Set, C);
      Term IdPathT =
          Ctx.mkAnd(IdPath, Ctx.mkOr(Ctx.mkNot(Trust), res(PM::Account)));
      Term Limited = Ctx.mkAnd(BoundaryOK, SessionOK);
      Term ExactOK =
          Ctx.mkAnd(Ctx.mkOr(res(PM::Exact), res(PM::NotPrincipal)),
                    Kind == CallerKind::Role ? Limited : Ctx.trueTerm());
      Term ResPath = Ctx.mkOr(
          {res(PM::Wildcard), ExactOK,
           Ctx.mkAnd(Ctx.mkOr(res(PM::SessionRole), res(PM::SessionUser)),
                     Limited)});
      Gate.push_back(Ctx.mkOr(IdPathT, ResPath));
      return Ctx.mkAnd(Gate);
    }
    Gate.push_back(IdPath);
    Gate.push_back(Ctx.mkOr({Direct, res(PM::Account), res(PM::SessionRole),
                             res(PM::SessionUser)}));
    return Ctx.mkAnd(Gate);
  }
};

ActionIndex &Encoder::actionIndex(const Policy &P) {
  auto It = Indexes.find(&P);
  if (It == Indexes.end())
    It = Indexes.emplace(&P, ActionIndex(P)).first;
  return It->second;
}

Term Encoder::scope(const Policy &Scope, const Coordinate &C) {
  Impl I{*this, Ctx};
  std::vector<Term> Or;
  for (const Statement &S : Scope.Statements)
    if (S.Eff == Effect::Allow && !Ctx.deadline().expired())
      Or.push_back(I.statement(S, C));
  return Ctx.mkOr(Or);
}

Term Encoder::allowed(const PolicySet &Set, const Coordinate &C) {
  Impl I{*this, Ctx};
  return I.allowed(Set, C);
}

//===----------------------------------------------------------------------===//
// Decoding
//===----------------------------------------------------------------------===//

namespace {

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
bool formatDate(int64_t Ms, std::string &Out) {
  if (Ms % 1000 == 0) {
    int64_t S = Ms / 1000;
    if (S >= 0 && S < 1000000000000000LL) {
      Out = std::to_string(S);
      return true;
    }
  }
  Out = formatIsoTime(Ms);
  return !Out.empty();
}

std::string formatIp(const std::string &Bytes, bool V6) {
  auto B = [&](unsigned I) {
    return I < Bytes.size() ? static_cast<uint8_t>(Bytes[I]) : 0;
  };
  if (!V6)
    return std::to_string(B(0)) + "." + std::to_string(B(1)) + "." +
           std::to_string(B(2)) + "." + std::to_string(B(3));
  std::string Out;
  for (unsigned I = 0; I < 16; I += 2) {
    char Buf[8];
    std::snprintf(Buf, sizeof(Buf), "%x", B(I) << 8 | B(I + 1));
    if (I)
      Out += ":";
    Out += Buf;
  }
  return Out;
}

std::string formatReal(double D) {
  if (D == std::floor(D) && std::fabs(D) < 1e15)
    return std::to_string(static_cast<long long>(D));
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%.17g", D);
  return Buf;
}

} // namespace

/// The caller that a generic caller's key values name: a user called as
/// `aws:PrincipalArn` or `aws:username` say, a session of the role that
/// `aws:PrincipalArn` names. \p Value gives a key's value, "" when absent.
template <typename ValueOf>
static Caller namedCaller(const Caller &C, ValueOf Value) {
  std::string Arn = Value("aws:principalarn");
  std::string Id;
  if (C.Kind == CallerKind::User) {
    std::string User = Value("aws:username");
    if (!Arn.empty())
      Id = Arn;
    else if (!User.empty())
      Id = "arn:aws:iam::" + C.Account + ":user/" + User;
  } else if (C.Kind == CallerKind::RoleSession && !Arn.empty()) {
    Id = "arn:aws:sts::" + C.Account + ":assumed-role/" +
         StringRef(Arn).rsplit('/').second.str() + "/" +
         StringRef(C.Id).rsplit('/').second.str();
  }
  if (Id.empty())
    return C;
  Caller Named = Caller::fromId(Id);
  Named.CanonicalId = C.CanonicalId;
  return Named;
}

bool Encoder::decode(const Assignment &Model, const Coordinate &C, Request &Out,
                     std::string &Why) const {
  auto val = [&](Term T) {
    auto It = Model.find(T);
    if (It != Model.end())
      return It->second;
    TermValue V;
    V.S = T->S;
    if (T->S == Sort::BitVec)
      V.Str.assign(T->Width / 8, '\0');
    return V;
  };
  Out = Request();
  Out.Principal = C.Principal;
  Out.Action = C.Action.empty() ? val(ActionVar).Str : C.Action;
  if (this->Model) {
    if (!C.SameAccount || C.Principal.Account.empty())
      Out.ResourceAccount = val(ResourceAccount).Str;
    if (C.GenericCaller)
      Out.Principal = namedCaller(C.Principal, [&](StringRef Key) {
        auto It = Keys.find(Key.str());
        if (It == Keys.end() || It->second.Kind != KeyKind::String ||
            !val(It->second.Present).B)
          return std::string();
        return val(It->second.Single.Str).Str;
      });
  } else if (!C.SameAccount) {
    Out.ResourceAccount =
        C.Principal.Account == "999999999999" ? "888888888888" : "999999999999";
  }
  if (val(IsArn).B) {
    std::string R;
    for (unsigned I = 0; I < 6; ++I) {
      if (I)
        R += ":";
      R += val(Fields[I]).Str;
    }
    Out.Resource = R;
  } else {
    Out.Resource = "*";
  }
  for (const auto &KV : Keys) {
    const KeyVars &K = KV.second;
    if (!val(K.Present).B)
      continue;
    std::string Name =
        this->Model ? this->Model->facts(K.Spelling).Spelling : K.Spelling;
    auto text = [&](const KeyVars::Value &V, std::string &S) {
      if (K.Kind == KeyKind::String) {
        S = val(V.Str).Str;
        return true;
      }
      if (!val(V.Valid).B) {
        S = val(V.Empty).B ? "" : "not-a-value";
        return true;
      }
      switch (K.Kind) {
      case KeyKind::Numeric:
        S = formatReal(val(V.Num).Real);
        return true;
      case KeyKind::Date:
        if (!formatDate(val(V.Num).Int, S)) {
          Why = "a date outside the years 0000-9999";
          return false;
        }
        return true;
      case KeyKind::Ip:
        S = formatIp(val(V.Addr).Str, val(V.V6).B);
        return true;
      default:
        return false;
      }
    };
    if (val(K.Multi).B) {
      std::vector<std::string> Vs;
      for (const KeyVars::Value &V : K.Slots) {
        if (!val(V.Used).B)
          continue;
        std::string S;
        if (!text(V, S))
          return false;
        Vs.push_back(S);
      }
      Out.Context.setMulti(Name, Vs);
      continue;
    }
    std::string S;
    if (!text(K.Single, S))
      return false;
    Out.Context.set(Name, S);
  }
  return true;
}

Assignment Encoder::assignmentFor(const Request &R) const {
  Assignment A;
  auto setStr = [&](Term T, StringRef S) {
    TermValue V;
    V.S = Sort::String;
    V.Str = S.str();
    A[T] = V;
  };
  auto setBool = [&](Term T, bool B) {
    TermValue V;
    V.S = Sort::Bool;
    V.B = B;
    A[T] = V;
  };
  setStr(ActionVar, StringRef(R.Action).lower());
  std::array<StringRef, 6> F;
  bool Arn = splitArn(R.Resource, F);
  setBool(IsArn, Arn);
  if (Arn)
    for (unsigned I = 0; I < 6; ++I)
      setStr(Fields[I], I < 5 ? F[I].lower() : F[I].str());
  for (const auto &KV : Keys) {
    const KeyVars &K = KV.second;
    const ContextValue *CV = R.Context.lookup(K.Name);
    setBool(K.Present, CV != nullptr);
    if (!CV)
      continue;
    setBool(K.Multi, CV->MultiValued);
    auto assign = [&](const KeyVars::Value &V, StringRef S) {
      if (K.Kind == KeyKind::String) {
        setStr(V.Str, S);
        return;
      }
      setBool(V.Empty, S.empty());
      TermValue TV;
      switch (K.Kind) {
      case KeyKind::Numeric: {
        std::optional<double> N = parseNumber(S);
        setBool(V.Valid, N.has_value());
        TV.S = Sort::Real;
        TV.Real = N ? *N : 0;
        A[V.Num] = TV;
        break;
      }
      case KeyKind::Date: {
        std::optional<int64_t> D = parseDate(S);
        setBool(V.Valid, D.has_value());
        TV.S = Sort::Int;
        TV.Int = D ? *D : 0;
        A[V.Num] = TV;
        break;
      }
      case KeyKind::Ip: {
        std::optional<IpNetwork> N = parseIpAddress(S);
        setBool(V.Valid, N.has_value());
        setBool(V.V6, N && N->V6);
        TV.S = Sort::BitVec;
        TV.Str.assign(16, '\0');
        if (N)
          for (unsigned I = 0; I < 16; ++I)
            TV.Str[I] =
                static_cast<char>(I < (N->V6 ? 16u : 4u) ? N->Bytes[I] : 0);
        A[V.Addr] = TV;
        break;
      }
      default:
        break;
      }
    };
    if (CV->MultiValued) {
      // Only as many values as there are slots can be represented; tests
      // build requests that fit.
      for (size_t J = 0; J < K.Slots.size(); ++J) {
        bool Used = J < CV->Values.size();
        setBool(K.Slots[J].Used, Used);
        if (Used)
          assign(K.Slots[J], CV->Values[J]);
      }
    } else {
      assign(K.Single, CV->Values.front());
    }
  }
  // The ARN splits are functions of their strings.
  for (const ArnSplit &Sp : ArnSplits) {
    auto It = A.find(Sp.S);
    std::array<StringRef, 6> F;
    if (It == A.end() || !splitArn(It->second.Str, F))
      continue;
    std::string Whole = It->second.Str;
    std::array<StringRef, 6> G;
    splitArn(Whole, G);
    for (unsigned I = 0; I < 5; ++I)
      setStr(Sp.X[I], G[I]);
    setStr(Sp.Rest, G[5]);
  }
  return A;
}

} // namespace verify
} // namespace tollgate
