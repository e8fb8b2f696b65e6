//===- Term.cpp - Solver-independent terms --------------------------------===//

#include "tollgate/Verify/Term.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include <set>

using namespace llvm;

namespace tollgate {
namespace verify {

//===----------------------------------------------------------------------===//
// Implication between string constraints
//===----------------------------------------------------------------------===//

/// The string term \p T constrains and the glob it requires of it: the
/// interned glob itself (never a copy: it may hold a megabyte of pattern),
/// or one built in \p Scratch; null when \p T constrains no string.
static const Pattern *asGlob(const TermContext &Ctx, Term T, Term &S,
                             Pattern &Scratch) {
  auto isC = [](Term X) { return X->K == TermKind::StrConst; };
  switch (T->K) {
  case TermKind::InGlob:
    S = T->Args[0];
    return &Ctx.glob(T->Aux);
  case TermKind::PrefixOf:
    if (!isC(T->Args[0]) || isC(T->Args[1]))
      return nullptr;
    S = T->Args[1];
    Scratch.addLit(T->Args[0]->Text);
    Scratch.addStar();
    return &Scratch;
  case TermKind::SuffixOf:
    if (!isC(T->Args[0]) || isC(T->Args[1]))
      return nullptr;
    S = T->Args[1];
    Scratch.addStar();
    Scratch.addLit(T->Args[0]->Text);
    return &Scratch;
  case TermKind::Contains:
    if (!isC(T->Args[1]) || isC(T->Args[0]))
      return nullptr;
    S = T->Args[0];
    Scratch.addStar();
    Scratch.addLit(T->Args[1]->Text);
    Scratch.addStar();
    return &Scratch;
  case TermKind::Eq: {
    Term A = T->Args[0], B = T->Args[1];
    if (A->S != Sort::String || isC(A) == isC(B))
      return nullptr;
    if (isC(A))
      std::swap(A, B);
    S = A;
    Scratch.addLit(B->Text);
    return &Scratch;
  }
  default:
    return nullptr;
  }
}

static std::string extractBits(StringRef Bytes, unsigned Low, unsigned Width);

namespace {
/// The bits of a bit-vector term that an equation with a constant fixes:
/// `extract(v, Low, Width) = c`, or `v = c` for all of v's bits.
struct FixedBits {
  Term Of;
  unsigned Low, Width;
  StringRef Value; ///< As BvConst holds it.
};
} // namespace

static std::optional<FixedBits> asFixedBits(Term T) {
  if (T->K != TermKind::Eq || T->Args[0]->S != Sort::BitVec)
    return std::nullopt;
  Term X = T->Args[0], C = T->Args[1];
  if (X->K == TermKind::BvConst)
    std::swap(X, C);
  if (C->K != TermKind::BvConst || X->K == TermKind::BvConst)
    return std::nullopt;
  if (X->K == TermKind::Extract)
    return FixedBits{X->Args[0], X->Aux, X->Width, C->Text};
  return FixedBits{X, 0, X->Width, C->Text};
}

/// \p A fixes every bit \p B fixes, to the same values (a network within
/// another: the longer prefix fixes the shorter one's bits).
static bool fixedBitsImply(Term A, Term B) {
  std::optional<FixedBits> FA = asFixedBits(A);
  std::optional<FixedBits> FB = FA ? asFixedBits(B) : std::nullopt;
  return FB && FA->Of == FB->Of && FA->Low <= FB->Low &&
         FB->Low + FB->Width <= FA->Low + FA->Width &&
         extractBits(FA->Value, FB->Low - FA->Low, FB->Width) == FB->Value;
}

bool TermContext::implies(Term A, Term B) const {
  if (A == B)
    return true;
  if (A->K == TermKind::Eq && A->Args[0]->S == Sort::BitVec)
    return fixedBitsImply(A, B);
  auto Key = std::make_pair(A, B);
  auto It = ImpliesMemo.find(Key);
  if (It != ImpliesMemo.end())
    return It->second;
  if (Limit.expired())
    return false; // not shown in time; not remembered either
  Term SA = nullptr, SB = nullptr;
  Pattern ScratchA, ScratchB;
  const Pattern *GA = asGlob(*this, A, SA, ScratchA);
  const Pattern *GB = GA ? asGlob(*this, B, SB, ScratchB) : nullptr;
  bool R = GA && GB && SA == SB && GB->covers(*GA, Limit);
  if (!Limit.expired())
    ImpliesMemo[Key] = R;
  return R;
}

//===----------------------------------------------------------------------===//
// Interning
//===----------------------------------------------------------------------===//

TermContext::TermContext() {
  TermNode T{TermKind::True, Sort::Bool};
  True = intern(T);
  TermNode F{TermKind::False, Sort::Bool};
  False = intern(F);
}

TermContext::~TermContext() = default;

Term TermContext::intern(TermNode N) {
  std::string Key;
  Key.reserve(16 + N.Text.size() + 8 * N.Args.size());
  Key.push_back(static_cast<char>(N.K));
  Key.push_back(static_cast<char>(N.S));
  Key.append(reinterpret_cast<const char *>(&N.Width), sizeof(N.Width));
  Key.append(reinterpret_cast<const char *>(&N.Aux), sizeof(N.Aux));
  for (Term A : N.Args)
    Key.append(reinterpret_cast<const char *>(&A->Id), sizeof(A->Id));
  Key.push_back('|');
  Key += N.Text;
  auto It = Index.find(Key);
  if (It != Index.end())
    return It->second;
  N.Id = static_cast<uint32_t>(Nodes.size());
  Nodes.push_back(std::move(N));
  Term T = &Nodes.back();
  Index.emplace(std::move(Key), T);
  return T;
}

uint32_t TermContext::internGlob(Pattern G) {
  std::string Key;
  for (const PatternPiece &P : G.Pieces) {
    Key.push_back(static_cast<char>(P.K));
    Key.push_back(P.Fold ? 'f' : '-');
    Key += std::to_string(P.Text.size());
    Key.push_back(':');
    Key += P.Text;
  }
  auto It = GlobIndex.find(Key);
  if (It != GlobIndex.end())
    return It->second;
  Globs.push_back(std::move(G));
  uint32_t I = static_cast<uint32_t>(Globs.size() - 1);
  GlobIndex.emplace(std::move(Key), I);
  return I;
}

static std::string sortName(Sort S, unsigned Width) {
  switch (S) {
  case Sort::Bool:
    return "Bool";
  case Sort::String:
    return "String";
  case Sort::Real:
    return "Real";
  case Sort::Int:
    return "Int";
  case Sort::BitVec:
    return "(_ BitVec " + std::to_string(Width) + ")";
  }
  return "?";
}

bool TermContext::typed(bool Ok, const char *Ctor, ArrayRef<Term> Args) {
  if (Ok)
    return true;
  if (TypeError.empty()) {
    TypeError = std::string("ill-typed term: ") + Ctor;
    for (size_t I = 0; I < Args.size(); ++I)
      TypeError += (I ? ", " : " of ") + sortName(Args[I]->S, Args[I]->Width);
  }
  return false;
}

static bool isSort(Term T, Sort S) { return T->S == S; }
static bool sameSort(Term A, Term B) {
  return A->S == B->S && A->Width == B->Width;
}
static bool allSort(ArrayRef<Term> Args, Sort S) {
  return all_of(Args, [&](Term T) { return T->S == S; });
}

Term TermContext::var(StringRef Name, Sort S, unsigned Width) {
  bool Ok = S == Sort::BitVec ? Width >= 1 && Width <= UINT16_MAX : Width == 0;
  if (!typed(Ok, "var", {}))
    return False;
  TermNode N{TermKind::Var, S, static_cast<uint16_t>(Width)};
  N.Text = Name.str();
  return intern(std::move(N));
}

Term TermContext::strConst(StringRef S) {
  TermNode N{TermKind::StrConst, Sort::String};
  N.Text = S.str();
  return intern(std::move(N));
}

Term TermContext::realConst(double D) {
  // The exact value of the double, as a rational: mantissa / 2^k.
  TermNode N{TermKind::RealConst, Sort::Real};
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%a", D);
  N.Text = Buf;
  return intern(std::move(N));
}

Term TermContext::intConst(int64_t V) {
  TermNode N{TermKind::IntConst, Sort::Int};
  N.Text = std::to_string(V);
  return intern(std::move(N));
}

Term TermContext::bvConst(ArrayRef<uint8_t> Bytes, unsigned Width) {
  bool Ok = Width >= 1 && Width <= UINT16_MAX &&
            Bytes.size() == (Width + 7) / 8 &&
            (Width % 8 == 0 || (Bytes[0] >> (Width % 8)) == 0);
  if (!typed(Ok, "bvConst", {}))
    return False;
  TermNode N{TermKind::BvConst, Sort::BitVec, static_cast<uint16_t>(Width)};
  N.Text.assign(Bytes.begin(), Bytes.end());
  return intern(std::move(N));
}

static bool isConst(Term T) {
  switch (T->K) {
  case TermKind::True:
  case TermKind::False:
  case TermKind::StrConst:
  case TermKind::RealConst:
  case TermKind::IntConst:
  case TermKind::BvConst:
    return true;
  default:
    return false;
  }
}

static double realValue(Term T) {
  return std::strtod(T->Text.c_str(), nullptr);
}

//===----------------------------------------------------------------------===//
// Smart constructors
//===----------------------------------------------------------------------===//

Term TermContext::mkNot(Term A) {
  if (!typed(isSort(A, Sort::Bool), "not", {A}))
    return False;
  if (A == True)
    return False;
  if (A == False)
    return True;
  if (A->K == TermKind::Not)
    return A->Args[0];
  TermNode N{TermKind::Not, Sort::Bool};
  N.Args = {A};
  return intern(std::move(N));
}

/// And and Or share their folding: \p Unit is the neutral element, \p Zero
/// the absorbing one.
static Term mkJunction(TermContext &Ctx, TermKind K, ArrayRef<Term> Args,
                       Term Unit, Term Zero,
                       const std::function<Term(TermNode)> &Intern) {
  std::vector<Term> Flat;
  Flat.reserve(Args.size());
  for (Term A : Args) {
    if (A == Zero)
      return Zero;
    if (A == Unit)
      continue;
    if (A->K == K)
      Flat.insert(Flat.end(), A->Args.begin(), A->Args.end());
    else
      Flat.push_back(A);
  }
  llvm::sort(Flat, [](Term X, Term Y) { return X->Id < Y->Id; });
  Flat.erase(std::unique(Flat.begin(), Flat.end()), Flat.end());
  // x and not x (or x or not x); also a and b and not (a and b), and
  // a and not (a or b) (duals for Or): the shape of "the new statement is
  // also in the old policy" once junctions are flattened.
  auto In = [&](Term T) {
    return std::binary_search(Flat.begin(), Flat.end(), T,
                              [](Term X, Term Y) { return X->Id < Y->Id; });
  };
  TermKind Dual = K == TermKind::And ? TermKind::Or : TermKind::And;
  for (Term A : Flat) {
    if (A->K != TermKind::Not)
      continue;
    Term X = A->Args[0];
    if (In(X))
      return Zero;
    if (!Ctx.foldImplied())
      continue;
    if (X->K == K && llvm::all_of(X->Args, In))
      return Zero;
    if (X->K == Dual && llvm::any_of(X->Args, In))
      return Zero;
  }
  // The same with implication in place of membership, for conjunctions:
  // `s in G1 and not (s in G2 and ...)` is false when G1 is within G2 and
  // the rest holds (the shape of a new statement narrowing an old one).
  if (K == TermKind::And && Ctx.foldImplied()) {
    std::vector<Term> Atoms;
    for (Term A : Flat)
      if (A->K == TermKind::InGlob || A->K == TermKind::PrefixOf ||
          A->K == TermKind::SuffixOf || A->K == TermKind::Contains ||
          A->K == TermKind::Eq)
        Atoms.push_back(A);
    auto Holds = [&](Term T) {
      return In(T) ||
             llvm::any_of(Atoms, [&](Term A) { return Ctx.implies(A, T); });
    };
    if (!Atoms.empty())
      for (Term A : Flat) {
        if (A->K != TermKind::Not)
          continue;
        Term X = A->Args[0];
        if (X->K == TermKind::And && llvm::all_of(X->Args, Holds))
          return Zero;
        if (X->K == TermKind::Or && llvm::any_of(X->Args, Holds))
          return Zero;
      }
  }
  // `(a1 or a2) and not (b1 or b2)`: a disjunct that implies some b is
  // false here and drops out (a new policy's statement that an old one
  // covers, once the old set is negated).
  if (K == TermKind::And && Ctx.foldImplied()) {
    std::vector<Term> Negated;
    for (Term A : Flat)
      if (A->K == TermKind::Not) {
        Term X = A->Args[0];
        if (X->K == TermKind::Or)
          Negated.insert(Negated.end(), X->Args.begin(), X->Args.end());
        else
          Negated.push_back(X);
      }
    if (!Negated.empty()) {
      llvm::DenseSet<Term> NegSet(Negated.begin(), Negated.end());
      auto conj = [](const Term &T) {
        return T->K == TermKind::And ? llvm::makeArrayRef(T->Args)
                                     : llvm::makeArrayRef(&T, 1);
      };
      auto isAtom = [](Term A) {
        return A->K == TermKind::InGlob || A->K == TermKind::PrefixOf ||
               A->K == TermKind::SuffixOf || A->K == TermKind::Contains ||
               A->K == TermKind::Eq;
      };
      // Every conjunct of B is a conjunct of A or follows from an atom of A.
      auto stmtImplies = [&](Term A, Term B) {
        ArrayRef<Term> CA = conj(A);
        for (Term C : conj(B)) {
          if (llvm::is_contained(CA, C))
            continue;
          if (!isAtom(C) || !llvm::any_of(CA, [&](Term X) {
                return isAtom(X) && Ctx.implies(X, C);
              }))
            return false;
        }
        return true;
      };
      bool Changed = false;
      std::vector<Term> Out;
      for (Term A : Flat) {
        if (A->K != TermKind::Or) {
          Out.push_back(A);
          continue;
        }
        std::vector<Term> Keep;
        bool Cheap = A->Args.size() * Negated.size() <= 20000;
        for (Term D : A->Args) {
          bool Drop =
              NegSet.count(D) || (Cheap && llvm::any_of(Negated, [&](Term B) {
                                    return stmtImplies(D, B);
                                  }));
          if (!Drop)
            Keep.push_back(D);
        }
        if (Keep.size() == A->Args.size()) {
          Out.push_back(A);
          continue;
        }
        Changed = true;
        Out.push_back(Ctx.mkOr(Keep));
      }
      if (Changed)
        return Ctx.mkAnd(Out);
    }
  }
  if (Flat.empty())
    return Unit;
  if (Flat.size() == 1)
    return Flat.front();
  TermNode N{K, Sort::Bool};
  N.Args = std::move(Flat);
  return Intern(std::move(N));
}

Term TermContext::mkAnd(ArrayRef<Term> Args) {
  if (!typed(allSort(Args, Sort::Bool), "and", Args))
    return False;
  return mkJunction(*this, TermKind::And, Args, True, False,
                    [this](TermNode N) { return intern(std::move(N)); });
}

Term TermContext::mkOr(ArrayRef<Term> Args) {
  if (!typed(allSort(Args, Sort::Bool), "or", Args))
    return False;
  return mkJunction(*this, TermKind::Or, Args, False, True,
                    [this](TermNode N) { return intern(std::move(N)); });
}

Term TermContext::mkIte(Term C, Term A, Term B) {
  if (!typed(isSort(C, Sort::Bool) && sameSort(A, B), "ite", {C, A, B}))
    return False;
  if (C == True || A == B)
    return A;
  if (C == False)
    return B;
  if (A->S == Sort::Bool)
    return mkOr(mkAnd(C, A), mkAnd(mkNot(C), B));
  TermNode N{TermKind::Ite, A->S, A->Width};
  N.Args = {C, A, B};
  return intern(std::move(N));
}

Term TermContext::mkEq(Term A, Term B) {
  if (!typed(sameSort(A, B), "=", {A, B}))
    return False;
  if (A == B)
    return True;
  if (isConst(A) && isConst(B)) {
    if (A->S == Sort::Real)
      return boolConst(realValue(A) == realValue(B));
    return False; // interned: different constants differ
  }
  if (A->S == Sort::Bool) {
    if (A == True)
      return B;
    if (B == True)
      return A;
    if (A == False)
      return mkNot(B);
    if (B == False)
      return mkNot(A);
  }
  if (B->Id < A->Id)
    std::swap(A, B);
  TermNode N{TermKind::Eq, Sort::Bool};
  N.Args = {A, B};
  return intern(std::move(N));
}

Term TermContext::mkConcat(ArrayRef<Term> Args) {
  if (!typed(allSort(Args, Sort::String), "++", Args))
    return False;
  std::vector<Term> Out;
  for (Term A : Args) {
    std::vector<Term> Parts;
    if (A->K == TermKind::Concat)
      Parts = A->Args;
    else
      Parts = {A};
    for (Term P : Parts) {
      if (P->K == TermKind::StrConst && P->Text.empty())
        continue;
      if (P->K == TermKind::StrConst && !Out.empty() &&
          Out.back()->K == TermKind::StrConst) {
        Out.back() = strConst(Out.back()->Text + P->Text);
        continue;
      }
      Out.push_back(P);
    }
  }
  if (Out.empty())
    return strConst("");
  if (Out.size() == 1)
    return Out.front();
  TermNode N{TermKind::Concat, Sort::String};
  N.Args = std::move(Out);
  return intern(std::move(N));
}

Term TermContext::mkInGlob(Term S, Pattern G) {
  if (!typed(isSort(S, Sort::String), "glob", {S}))
    return False;
  if (G.matchesAll())
    return True;
  if (S->K == TermKind::StrConst)
    return boolConst(G.matches(S->Text));
  if (any_of(G.Pieces,
             [](const PatternPiece &P) { return P.K == PatternPiece::Any; }) &&
      CharReaderSet.insert(S).second)
    CharReaders.push_back(S);
  if (G.isLiteral())
    return mkEq(S, strConst(G.Pieces.empty() ? "" : G.Pieces[0].Text));
  TermNode N{TermKind::InGlob, Sort::Bool};
  N.Args = {S};
  N.Aux = internGlob(std::move(G));
  return intern(std::move(N));
}

Term TermContext::mkPrefixOf(Term P, Term S) {
  if (!typed(allSort({P, S}, Sort::String), "prefixof", {P, S}))
    return False;
  if (P->K == TermKind::StrConst && P->Text.empty())
    return True;
  if (P->K == TermKind::StrConst && S->K == TermKind::StrConst)
    return boolConst(StringRef(S->Text).startswith(P->Text));
  TermNode N{TermKind::PrefixOf, Sort::Bool};
  N.Args = {P, S};
  return intern(std::move(N));
}

Term TermContext::mkSuffixOf(Term P, Term S) {
  if (!typed(allSort({P, S}, Sort::String), "suffixof", {P, S}))
    return False;
  if (P->K == TermKind::StrConst && P->Text.empty())
    return True;
  if (P->K == TermKind::StrConst && S->K == TermKind::StrConst)
    return boolConst(StringRef(S->Text).endswith(P->Text));
  TermNode N{TermKind::SuffixOf, Sort::Bool};
  N.Args = {P, S};
  return intern(std::move(N));
}

Term TermContext::mkContains(Term S, Term Part) {
  if (!typed(allSort({S, Part}, Sort::String), "contains", {S, Part}))
    return False;
  if (Part->K == TermKind::StrConst && Part->Text.empty())
    return True;
  if (Part->K == TermKind::StrConst && S->K == TermKind::StrConst)
    return boolConst(StringRef(S->Text).contains(Part->Text));
  TermNode N{TermKind::Contains, Sort::Bool};
  N.Args = {S, Part};
  return intern(std::move(N));
}

static bool hasUpper(StringRef S) {
  return any_of(S, [](char C) { return C >= 'A' && C <= 'Z'; });
}

Term TermContext::mkNoUpper(Term S) {
  if (!typed(isSort(S, Sort::String), "noupper", {S}))
    return False;
  if (S->K == TermKind::StrConst)
    return boolConst(!hasUpper(S->Text));
  TermNode N{TermKind::NoUpper, Sort::Bool};
  N.Args = {S};
  return intern(std::move(N));
}

static int compareConsts(Term A, Term B) {
  if (A->S == Sort::Real) {
    double X = realValue(A), Y = realValue(B);
    return X < Y ? -1 : X > Y ? 1 : 0;
  }
  int64_t X = std::stoll(A->Text), Y = std::stoll(B->Text);
  return X < Y ? -1 : X > Y ? 1 : 0;
}

/// SMT-LIB str.indexof on concrete values.
static int64_t indexOf(StringRef S, StringRef T, int64_t Start) {
  if (Start < 0 || Start > static_cast<int64_t>(S.size()))
    return -1;
  size_t P = S.find(T, static_cast<size_t>(Start));
  return P == StringRef::npos ? -1 : static_cast<int64_t>(P);
}

Term TermContext::mkLength(Term S) {
  if (!typed(isSort(S, Sort::String), "len", {S}))
    return False;
  if (S->K == TermKind::StrConst)
    return intConst(static_cast<int64_t>(S->Text.size()));
  TermNode N{TermKind::Length, Sort::Int};
  N.Args = {S};
  return intern(std::move(N));
}

Term TermContext::mkIndexOf(Term S, Term T, Term Start) {
  if (!typed(allSort({S, T}, Sort::String) && isSort(Start, Sort::Int),
             "indexof", {S, T, Start}))
    return False;
  if (S->K == TermKind::StrConst && T->K == TermKind::StrConst &&
      Start->K == TermKind::IntConst)
    return intConst(indexOf(S->Text, T->Text, std::stoll(Start->Text)));
  TermNode N{TermKind::IndexOf, Sort::Int};
  N.Args = {S, T, Start};
  return intern(std::move(N));
}

Term TermContext::mkAdd(Term A, Term B) {
  if (!typed(allSort({A, B}, Sort::Int), "+", {A, B}))
    return False;
  if (A->K == TermKind::IntConst && B->K == TermKind::IntConst)
    return intConst(std::stoll(A->Text) + std::stoll(B->Text));
  if (A->K == TermKind::IntConst && A->Text == "0")
    return B;
  if (B->K == TermKind::IntConst && B->Text == "0")
    return A;
  TermNode N{TermKind::Add, Sort::Int};
  N.Args = {A, B};
  return intern(std::move(N));
}

/// Comparisons are of two reals or two integers.
static bool ordered(Term A, Term B) {
  return sameSort(A, B) && (A->S == Sort::Real || A->S == Sort::Int);
}

Term TermContext::mkLt(Term A, Term B) {
  if (!typed(ordered(A, B), "<", {A, B}))
    return False;
  if (A == B)
    return False;
  if (isConst(A) && isConst(B))
    return boolConst(compareConsts(A, B) < 0);
  TermNode N{TermKind::Lt, Sort::Bool};
  N.Args = {A, B};
  return intern(std::move(N));
}

Term TermContext::mkLe(Term A, Term B) {
  if (!typed(ordered(A, B), "<=", {A, B}))
    return False;
  if (A == B)
    return True;
  if (isConst(A) && isConst(B))
    return boolConst(compareConsts(A, B) <= 0);
  TermNode N{TermKind::Le, Sort::Bool};
  N.Args = {A, B};
  return intern(std::move(N));
}

/// Bit \p I (from the least significant) of big-endian \p Bytes.
static bool bitOf(StringRef Bytes, unsigned I) {
  unsigned FromLeft = static_cast<unsigned>(Bytes.size()) * 8 - 1 - I;
  return (static_cast<uint8_t>(Bytes[FromLeft / 8]) >> (7 - FromLeft % 8)) & 1;
}

/// Bits [Low + Width - 1 .. Low] of \p Bytes, as BvConst holds a value of
/// Width bits.
static std::string extractBits(StringRef Bytes, unsigned Low, unsigned Width) {
  std::string Out((Width + 7) / 8, '\0');
  for (unsigned I = 0; I < Width; ++I)
    if (bitOf(Bytes, Low + I)) {
      unsigned FromLeft = static_cast<unsigned>(Out.size()) * 8 - 1 - I;
      Out[FromLeft / 8] = static_cast<char>(
          static_cast<uint8_t>(Out[FromLeft / 8]) | (1u << (7 - FromLeft % 8)));
    }
  return Out;
}

Term TermContext::mkExtract(Term A, unsigned Low, unsigned Width) {
  if (!typed(isSort(A, Sort::BitVec) && Width >= 1 && Low + Width <= A->Width,
             "extract", {A}))
    return False;
  if (Low == 0 && Width == A->Width)
    return A;
  if (A->K == TermKind::BvConst) {
    TermNode N{TermKind::BvConst, Sort::BitVec, static_cast<uint16_t>(Width)};
    N.Text = extractBits(A->Text, Low, Width);
    return intern(std::move(N));
  }
  TermNode N{TermKind::Extract, Sort::BitVec, static_cast<uint16_t>(Width)};
  N.Aux = Low;
  N.Args = {A};
  return intern(std::move(N));
}

Term TermContext::mkValidUtf8(Term S) {
  if (!typed(isSort(S, Sort::String), "validutf8", {S}))
    return False;
  if (S->K == TermKind::StrConst)
    return boolConst(isWellFormedUtf8(S->Text));
  TermNode N{TermKind::ValidUtf8, Sort::Bool};
  N.Args = {S};
  return intern(std::move(N));
}

//===----------------------------------------------------------------------===//
// Evaluation
//===----------------------------------------------------------------------===//

TermValue TermContext::evaluate(Term T, const Assignment &A) const {
  TermValue V;
  V.S = T->S;
  auto B = [&](unsigned I) { return evaluate(T->Args[I], A).B; };
  auto S = [&](unsigned I) { return evaluate(T->Args[I], A).Str; };
  switch (T->K) {
  case TermKind::True:
    V.B = true;
    return V;
  case TermKind::False:
    return V;
  case TermKind::Var: {
    auto It = A.find(T);
    if (It != A.end())
      return It->second;
    if (T->S == Sort::BitVec)
      V.Str.assign((T->Width + 7) / 8, '\0');
    return V;
  }
  case TermKind::Not:
    V.B = !B(0);
    return V;
  case TermKind::And:
    V.B = true;
    for (unsigned I = 0; I < T->Args.size() && V.B; ++I)
      V.B = B(I);
    return V;
  case TermKind::Or:
    for (unsigned I = 0; I < T->Args.size() && !V.B; ++I)
      V.B = B(I);
    return V;
  case TermKind::Ite:
    return B(0) ? evaluate(T->Args[1], A) : evaluate(T->Args[2], A);
  case TermKind::Eq: {
    TermValue X = evaluate(T->Args[0], A), Y = evaluate(T->Args[1], A);
    switch (X.S) {
    case Sort::Bool:
      V.B = X.B == Y.B;
      break;
    case Sort::String:
    case Sort::BitVec:
      V.B = X.Str == Y.Str;
      break;
    case Sort::Real:
      V.B = X.Real == Y.Real;
      break;
    case Sort::Int:
      V.B = X.Int == Y.Int;
      break;
    }
    return V;
  }
  case TermKind::StrConst:
  case TermKind::BvConst:
    V.Str = T->Text;
    return V;
  case TermKind::Concat:
    for (unsigned I = 0; I < T->Args.size(); ++I)
      V.Str += S(I);
    return V;
  case TermKind::InGlob:
    V.B = Globs[T->Aux].matches(S(0));
    return V;
  case TermKind::PrefixOf:
    V.B = StringRef(S(1)).startswith(S(0));
    return V;
  case TermKind::SuffixOf:
    V.B = StringRef(S(1)).endswith(S(0));
    return V;
  case TermKind::Contains:
    V.B = StringRef(S(0)).contains(S(1));
    return V;
  case TermKind::NoUpper:
    V.B = !hasUpper(S(0));
    return V;
  case TermKind::RealConst:
    V.Real = realValue(T);
    return V;
  case TermKind::IntConst:
    V.Int = std::stoll(T->Text);
    return V;
  case TermKind::Lt:
  case TermKind::Le: {
    TermValue X = evaluate(T->Args[0], A), Y = evaluate(T->Args[1], A);
    int C = X.S == Sort::Real ? (X.Real < Y.Real ? -1 : X.Real > Y.Real)
                              : (X.Int < Y.Int ? -1 : X.Int > Y.Int);
    V.B = T->K == TermKind::Lt ? C < 0 : C <= 0;
    return V;
  }
  case TermKind::Extract:
    V.Str = extractBits(S(0), T->Aux, T->Width);
    return V;
  case TermKind::Length:
    V.Int = static_cast<int64_t>(S(0).size());
    return V;
  case TermKind::IndexOf:
    V.Int = indexOf(S(0), S(1), evaluate(T->Args[2], A).Int);
    return V;
  case TermKind::Add:
    V.Int = evaluate(T->Args[0], A).Int + evaluate(T->Args[1], A).Int;
    return V;
  case TermKind::ValidUtf8:
    V.B = isWellFormedUtf8(S(0));
    return V;
  }
  return V;
}

std::vector<Term> TermContext::variables(Term Root) const {
  std::vector<Term> Out;
  llvm::DenseSet<Term> Seen;
  std::vector<Term> Work{Root};
  while (!Work.empty()) {
    Term T = Work.back();
    Work.pop_back();
    if (!Seen.insert(T).second)
      continue;
    if (T->K == TermKind::Var)
      Out.push_back(T);
    for (Term A : T->Args)
      Work.push_back(A);
  }
  llvm::sort(Out, [](Term X, Term Y) { return X->Id < Y->Id; });
  return Out;
}

static const char *kindName(TermKind K) {
  switch (K) {
  case TermKind::Not:
    return "not";
  case TermKind::And:
    return "and";
  case TermKind::Or:
    return "or";
  case TermKind::Ite:
    return "ite";
  case TermKind::Eq:
    return "=";
  case TermKind::Concat:
    return "++";
  case TermKind::InGlob:
    return "glob";
  case TermKind::PrefixOf:
    return "prefixof";
  case TermKind::SuffixOf:
    return "suffixof";
  case TermKind::Contains:
    return "contains";
  case TermKind::NoUpper:
    return "noupper";
  case TermKind::Lt:
    return "<";
  case TermKind::Le:
    return "<=";
  case TermKind::Extract:
    return "extract";
  case TermKind::Length:
    return "len";
  case TermKind::IndexOf:
    return "indexof";
  case TermKind::Add:
    return "+";
  case TermKind::ValidUtf8:
    return "validutf8";
  default:
    return "?";
  }
}

std::string TermContext::str(Term T) const {
  switch (T->K) {
  case TermKind::True:
    return "true";
  case TermKind::False:
    return "false";
  case TermKind::Var:
    return T->Text;
  case TermKind::StrConst:
    return "\"" + T->Text + "\"";
  case TermKind::RealConst:
  case TermKind::IntConst:
    return T->Text;
  case TermKind::BvConst:
    return "#x" + toHex(T->Text, /*LowerCase=*/true);
  default:
    break;
  }
  std::string Out = "(";
  Out += kindName(T->K);
  for (Term A : T->Args)
    Out += " " + str(A);
  if (T->K == TermKind::InGlob)
    Out += " \"" + Globs[T->Aux].str() + "\"";
  return Out + ")";
}

} // namespace verify
} // namespace tollgate
