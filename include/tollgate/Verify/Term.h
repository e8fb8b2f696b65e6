//===- Term.h - Solver-independent terms ------------------------*- C++ -*-===//
///
/// \file
/// The formulas the verifier builds, independent of any solver: small typed
/// terms (Booleans, strings, reals, integers, bit-vectors) made by smart
/// constructors that fold constants and hash-cons, so that two policies
/// written the same way yield the very same term and `x and not x` folds to
/// false before any solver sees it.
///
/// Wildcard patterns (Support/Pattern.h) are first-class: `InGlob(s, g)`
/// says that the string s matches the pattern g. A backend turns a glob into
/// `=`, `prefixof`, `suffixof`, `contains` or a regular expression, whichever
/// is cheapest.
///
/// Terms can be evaluated under an assignment of their variables: that is how
/// tests compare the encoding with the concrete evaluator.
///
/// Terms are typed. Every constructor checks the sorts (and bit-vector
/// widths) of its arguments; an ill-typed construction records its first
/// error in the context (typeError()) and yields `false`, so that a caller
/// that checks typeError() before solving never hands the solver an
/// ill-sorted formula, and never reads a verdict into one.
///
/// Strings are byte strings, as the solver reads them (unicode off):
/// lengths, `indexof` positions, prefixes and equality count bytes, which
/// on well-formed UTF-8 agrees with counting characters wherever a formula
/// compares them (every position is at a character boundary). Only the
/// glob wildcard `?` reads a character: one well-formed UTF-8 sequence of 1
/// to 4 bytes (Support/Glob.h). Case folding (folded literals, NoUpper)
/// concerns the ASCII letters only.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_TERM_H
#define TOLLGATE_VERIFY_TERM_H

#include "tollgate/Support/Deadline.h"
#include "tollgate/Support/Pattern.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace tollgate {
namespace verify {

enum class Sort : uint8_t { Bool, String, Real, Int, BitVec };

enum class TermKind : uint8_t {
  True,
  False,
  Var, ///< A variable of any sort, named by Text.
  Not,
  And,
  Or,
  Ite,
  Eq,
  StrConst,
  Concat,
  InGlob,   ///< Args[0] matches the glob Aux.
  PrefixOf, ///< Args[0] is a prefix of Args[1].
  SuffixOf,
  Contains,  ///< Args[0] contains Args[1].
  NoUpper,   ///< Args[0] has no character `A`-`Z`.
  RealConst, ///< Text is a rational `p/q` or an integer.
  IntConst,
  Lt,
  Le,
  BvConst,   ///< Text holds the value in (Width + 7) / 8 bytes, big-endian,
             ///< the bits above Width zero.
  Extract,   ///< Bits [Aux+Width-1 .. Aux] of Args[0] (Aux counts from bit 0).
  Length,    ///< The length of string Args[0] (Int).
  IndexOf,   ///< First position of Args[1] in Args[0] at or after Args[2], or
             ///< -1 (SMT-LIB str.indexof).
  Add,       ///< Args[0] + Args[1] (Int).
  ValidUtf8, ///< Args[0] is well-formed UTF-8.
};

struct TermNode {
  TermKind K;
  Sort S;
  uint16_t Width = 0; ///< Bit-vectors.
  uint32_t Id = 0;    ///< Creation order; stable within a TermContext.
  uint32_t Aux = 0;   ///< Glob index (InGlob); low bit (Extract).
  std::string Text;
  std::vector<const TermNode *> Args;
};

using Term = const TermNode *;

/// A value of a variable or term.
struct TermValue {
  Sort S = Sort::Bool;
  bool B = false;
  std::string Str; ///< Strings; bit-vectors as BvConst holds them.
  double Real = 0;
  int64_t Int = 0;
};

/// Values for variables, by variable term.
using Assignment = llvm::DenseMap<Term, TermValue>;

/// Owns and interns terms. Not thread-safe; one per query thread.
class TermContext {
public:
  TermContext();
  ~TermContext();
  TermContext(const TermContext &) = delete;
  TermContext &operator=(const TermContext &) = delete;

  Term trueTerm() const { return True; }
  Term falseTerm() const { return False; }
  Term boolConst(bool B) const { return B ? True : False; }
  Term var(llvm::StringRef Name, Sort S, unsigned Width = 0);
  Term strConst(llvm::StringRef S);
  Term realConst(double D);
  Term intConst(int64_t V);
  /// \p Bytes big-endian, (\p Width + 7) / 8 of them, the bits above
  /// \p Width zero.
  Term bvConst(llvm::ArrayRef<uint8_t> Bytes, unsigned Width);

  Term mkNot(Term A);
  Term mkAnd(llvm::ArrayRef<Term> Args);
  Term mkOr(llvm::ArrayRef<Term> Args);
  Term mkAnd(Term A, Term B) { return mkAnd({A, B}); }
  Term mkOr(Term A, Term B) { return mkOr({A, B}); }
  Term mkImplies(Term A, Term B) { return mkOr(mkNot(A), B); }
  Term mkIte(Term C, Term A, Term B);
  Term mkEq(Term A, Term B);
  Term mkConcat(llvm::ArrayRef<Term> Args);
  /// Takes \p G by value: a glob of a long pattern is moved, not copied.
  Term mkInGlob(Term S, Pattern G);
  Term mkPrefixOf(Term P, Term S);
  Term mkSuffixOf(Term P, Term S);
  Term mkContains(Term S, Term Part);
  Term mkNoUpper(Term S);
  Term mkLt(Term A, Term B);
  Term mkLe(Term A, Term B);
  Term mkExtract(Term A, unsigned Low, unsigned Width);
  Term mkLength(Term S);
  Term mkIndexOf(Term S, Term T, Term Start);
  Term mkAdd(Term A, Term B);
  Term mkValidUtf8(Term S);

  /// The first ill-typed construction, or "" when every term is well
  /// typed.
  const std::string &typeError() const { return TypeError; }

  /// The string terms that some glob with `?` reads: the domain keeps them
  /// well-formed UTF-8, where bytes and characters part ways.
  llvm::ArrayRef<Term> charReaders() const { return CharReaders; }

  const Pattern &glob(uint32_t Index) const { return Globs[Index]; }

  /// \p A implies \p B, shown by glob containment when both constrain the
  /// same string term (equality with a constant, prefix, suffix, contains
  /// or a glob), or, for bit-vector equations with constants, when \p A
  /// fixes every bit \p B fixes to the same value (an address network
  /// within another). Conservative: false when that does not show it.
  bool implies(Term A, Term B) const;

  /// Fold `new and not old` shapes by implication (on by default; off for
  /// measurements of what the folding buys).
  bool foldImplied() const { return FoldImplied; }
  void setFoldImplied(bool F) { FoldImplied = F; }

  /// Past \p D, implies() gives up (answers false) instead of reasoning
  /// over globs: folding is an optimisation, and the caller that set the
  /// deadline stops anyway.
  void setDeadline(Deadline D) { Limit = D; }
  const Deadline &deadline() const { return Limit; }
  size_t size() const { return Nodes.size(); }

  /// The value of \p T under \p A. Variables missing from \p A take a
  /// default (false, "", 0).
  TermValue evaluate(Term T, const Assignment &A) const;
  bool evaluateBool(Term T, const Assignment &A) const {
    return evaluate(T, A).B;
  }

  /// The variables \p T mentions, in creation order.
  std::vector<Term> variables(Term T) const;

  /// A readable rendering, for debugging and tests.
  std::string str(Term T) const;

private:
  Term intern(TermNode N);
  /// Records \p What as the type error unless \p Ok; returns \p Ok.
  bool typed(bool Ok, const char *Ctor, llvm::ArrayRef<Term> Args);
  uint32_t internGlob(Pattern G);

  std::deque<TermNode> Nodes;
  std::unordered_map<std::string, Term> Index;
  /// A deque: adding a glob never moves the others.
  std::deque<Pattern> Globs;
  std::unordered_map<std::string, uint32_t> GlobIndex;
  Term True = nullptr, False = nullptr;
  mutable llvm::DenseMap<std::pair<Term, Term>, bool> ImpliesMemo;
  bool FoldImplied = true;
  Deadline Limit;
  std::string TypeError;
  std::vector<Term> CharReaders;
  llvm::DenseSet<Term> CharReaderSet;
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_TERM_H
