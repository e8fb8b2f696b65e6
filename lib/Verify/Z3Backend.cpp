//===- Z3Backend.cpp - Terms to Z3 ----------------------------------------===//
///
/// \file
/// The only file that includes z3++.h.
///
/// Strings are sequences of bytes: the context turns Z3 unicode mode off
/// (characters 0-255), the bytes the concrete evaluator compares. String
/// constants are made with an explicit length (Z3_mk_lstring) so that a NUL
/// byte never cuts them short, and the wildcard `*` is `re.all`, never a
/// range written from a C string. The wildcard `?` is one character: the
/// regular expression of one well-formed UTF-8 sequence (Unicode 15, table
/// 3-7), exactly what utf8CharLength() in Support/Glob.h accepts.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Verify/Solver.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <z3++.h>

#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <utility>

using namespace llvm;

namespace tollgate {
namespace verify {

SolverBackend::~SolverBackend() = default;

namespace {

/// The two contexts backends gave up last (a check's solver and refuter),
/// each deleted only when two more are given up. Deleting a context costs
/// more than making it and deciding a small check (a quarter of the
/// instructions of a whole `tollgate check` that needs the solver), and the
/// last ones of a process need not be deleted at all. Contexts are never
/// reused: Z3's models depend on a context's history, and counterexamples
/// must not depend on the order in which threads ran checks.
class RetiredContext {
public:
  /// Keeps \p Z, deleting the older of the two contexts kept before.
  static void retire(std::unique_ptr<z3::context> Z) {
    static std::mutex M;
    // Reachable to the end, so leak checkers are quiet.
    static auto *Kept = new std::unique_ptr<z3::context>[2];
    std::unique_ptr<z3::context> Oldest;
    {
      std::lock_guard<std::mutex> Lock(M);
      Oldest = std::exchange(Kept[1], std::exchange(Kept[0], std::move(Z)));
    }
  }
};

class Z3Backend : public SolverBackend {
public:
  Z3Backend() : Z(makeContext()) {}
  /// Retires the context once this backend's expressions have released
  /// their references.
  ~Z3Backend() override {
    Memo.clear();
    Keep.clear();
    Utf8Multi.clear();
    Utf8Char.clear();
    RetiredContext::retire(std::move(Z));
  }
  StringRef name() const override { return "z3"; }
  void reset() override {
    Memo.clear();
    Keep.clear();
    Last = nullptr;
  }
  SolveResult solve(const TermContext &Ctx, Term Query, SolveBudget Budget,
                    const std::string &Smt2Path) override {
    return check(Ctx, Query, Budget, Smt2Path, /*Simple=*/false);
  }
  SolveResult refute(const TermContext &Ctx, Term Query, SolveBudget Budget,
                     const std::string &Smt2Path) override {
    return check(Ctx, Query, Budget, Smt2Path, /*Simple=*/true);
  }

private:
  /// Decides \p Query. \p Simple: with Z3's plain SMT core and no model,
  /// for refute(): a third of the work of the default solver's tactics on
  /// small queries, but solve()'s models come from those tactics.
  SolveResult check(const TermContext &Ctx, Term Query, SolveBudget Budget,
                    const std::string &Smt2Path, bool Simple);
  static z3::config &config() {
    static z3::config *C = [] {
      z3::set_param("unicode", false);
      return new z3::config();
    }();
    return *C;
  }
  static z3::context *makeContext() { return new z3::context(config()); }

  z3::expr str(StringRef S) {
    return z3::expr(
        *Z, Z3_mk_lstring(*Z, static_cast<unsigned>(S.size()), S.data()));
  }
  z3::expr chr(unsigned char C) {
    char B = static_cast<char>(C);
    return str(StringRef(&B, 1));
  }
  z3::sort reSort() {
    z3::sort S = Z->string_sort();
    return Z->re_sort(S);
  }
  z3::expr byteRange(unsigned Lo, unsigned Hi) {
    return z3::range(chr(static_cast<unsigned char>(Lo)),
                     chr(static_cast<unsigned char>(Hi)));
  }
  /// One character (a well-formed UTF-8 sequence) that is not one of the
  /// ASCII characters \p Excluded.
  z3::expr utf8Char(StringRef Excluded);
  /// The bytes up to \p Hi other than those of \p Excluded (sorted).
  z3::expr byteExcept(StringRef Excluded, unsigned Hi) {
    std::vector<z3::expr> Ranges;
    unsigned Lo = 0;
    for (char E : Excluded) {
      unsigned X = static_cast<unsigned char>(E);
      if (X > Lo)
        Ranges.push_back(byteRange(Lo, X - 1));
      Lo = X + 1;
    }
    if (Lo <= Hi)
      Ranges.push_back(byteRange(Lo, Hi));
    z3::expr Out = Ranges[0];
    for (size_t I = 1; I < Ranges.size(); ++I)
      Out = reUnion(Out, Ranges[I]);
    return Out;
  }
  z3::expr reUnion(z3::expr A, z3::expr B) {
    Z3_ast Args[2] = {A, B};
    return z3::expr(*Z, Z3_mk_re_union(*Z, 2, Args));
  }
  z3::expr reConcat(std::vector<z3::expr> &Parts) {
    if (Parts.empty())
      return z3::to_re(str(""));
    if (Parts.size() == 1)
      return Parts[0];
    std::vector<Z3_ast> A(Parts.begin(), Parts.end());
    return z3::expr(
        *Z, Z3_mk_re_concat(*Z, static_cast<unsigned>(A.size()), A.data()));
  }
  z3::expr globRegex(const Pattern &G);
  z3::expr globMatch(z3::expr S, const Pattern &G);
  z3::expr translate(const TermContext &Ctx, Term T);
  bool readValue(const z3::model &M, Term Var, z3::expr E, TermValue &Out);

  std::unique_ptr<z3::context> Z;
  const TermContext *Last = nullptr;
  llvm::DenseMap<Term, Z3_ast> Memo;
  std::vector<z3::expr> Keep; ///< Keeps memoised expressions alive.
  /// The context's work count after the last query (Z3 counts per context).
  uint64_t WorkCount = 0;
  /// The work \p S took since the last call.
  uint64_t workSince(z3::solver &S) {
    z3::stats St = S.statistics();
    for (unsigned I = 0; I < St.size(); ++I)
      if (St.is_uint(I) && St.key(I) == "rlimit count") {
        uint64_t Now = St.uint_value(I);
        uint64_t Used = Now > WorkCount ? Now - WorkCount : 0;
        WorkCount = Now;
        return Used;
      }
    return 0;
  }
  std::vector<z3::expr> Utf8Multi;          ///< The sequences of 2 to 4 bytes.
  std::map<std::string, z3::expr> Utf8Char; ///< utf8Char() by exclusions.
};

z3::expr Z3Backend::utf8Char(StringRef Excluded) {
  auto It = Utf8Char.find(Excluded.str());
  if (It != Utf8Char.end())
    return It->second;
  if (!Utf8Multi.empty()) {
    z3::expr E = reUnion(byteExcept(Excluded, 0x7F), Utf8Multi[0]);
    Utf8Char.emplace(Excluded.str(), E);
    return E;
  }
  // One sequence per row of the table of well-formed byte sequences.
  static const uint8_t Rows[][4][2] = {
      {{0xC2, 0xDF}, {0x80, 0xBF}},
      {{0xE0, 0xE0}, {0xA0, 0xBF}, {0x80, 0xBF}},
      {{0xE1, 0xEC}, {0x80, 0xBF}, {0x80, 0xBF}},
      {{0xED, 0xED}, {0x80, 0x9F}, {0x80, 0xBF}},
      {{0xEE, 0xEF}, {0x80, 0xBF}, {0x80, 0xBF}},
      {{0xF0, 0xF0}, {0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
      {{0xF1, 0xF3}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
      {{0xF4, 0xF4}, {0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}},
  };
  z3::expr Multi(*Z);
  bool First = true;
  for (const auto &Row : Rows) {
    std::vector<z3::expr> Seq;
    for (const auto &R : Row)
      if (R[1])
        Seq.push_back(byteRange(R[0], R[1]));
    z3::expr E = reConcat(Seq);
    Multi = First ? E : reUnion(Multi, E);
    First = false;
  }
  Utf8Multi.push_back(Multi);
  // The two kinds the encoder uses, made at once and in this order: Z3's
  // search depends on the order in which terms are made, and queries are
  // kept as they were.
  z3::expr Ascii = byteExcept("", 0x7F), AsciiNoColon = byteExcept(":", 0x7F);
  Utf8Char.emplace("", reUnion(Ascii, Multi));
  Utf8Char.emplace(":", reUnion(AsciiNoColon, Multi));
  return utf8Char(Excluded);
}

z3::expr Z3Backend::globRegex(const Pattern &G) {
  std::vector<z3::expr> Parts;
  for (const PatternPiece &P : G.Pieces) {
    switch (P.K) {
    case PatternPiece::Lit:
      if (!P.Fold) {
        Parts.push_back(z3::to_re(str(P.Text)));
        break;
      }
      for (char C : P.Text) {
        char L = static_cast<char>(tolower(static_cast<unsigned char>(C)));
        char U = static_cast<char>(toupper(static_cast<unsigned char>(C)));
        if (L == U || !((L >= 'a' && L <= 'z')))
          Parts.push_back(z3::to_re(chr(static_cast<unsigned char>(C))));
        else
          Parts.push_back(reUnion(z3::to_re(chr(L)), z3::to_re(chr(U))));
      }
      break;
    case PatternPiece::Star:
      Parts.push_back(P.Text.empty() ? z3::re_full(reSort())
                                     : z3::star(byteExcept(P.Text, 255)));
      break;
    case PatternPiece::Any:
      Parts.push_back(utf8Char(P.Text));
      break;
    }
  }
  return reConcat(Parts);
}

z3::expr Z3Backend::globMatch(z3::expr S, const Pattern &G) {
  // Cheaper string predicates where the glob's shape allows.
  const auto &P = G.Pieces;
  auto isStar = [&](size_t I) {
    return P[I].K == PatternPiece::Star && P[I].Text.empty();
  };
  auto isLit = [&](size_t I) {
    return P[I].K == PatternPiece::Lit && !P[I].Fold;
  };
  if (P.size() == 2 && isLit(0) && isStar(1))
    return z3::prefixof(str(P[0].Text), S);
  if (P.size() == 2 && isStar(0) && isLit(1))
    return z3::suffixof(str(P[1].Text), S);
  if (P.size() == 3 && isStar(0) && isLit(1) && isStar(2))
    return S.contains(str(P[1].Text));
  if (P.size() == 3 && isLit(0) && isStar(1) && isLit(2))
    return z3::prefixof(str(P[0].Text), S) && z3::suffixof(str(P[2].Text), S) &&
           S.length() >= Z->int_val(static_cast<int>(P[0].Text.size() +
                                                     P[2].Text.size()));
  // Z3 4.8.12 can spend its whole timeout refuting `s in (lit ...)` against
  // `not (prefixof lit s)`; stating the literal prefix and suffix beside the
  // regex (implied by it) lets it close such queries at once.
  z3::expr M = z3::in_re(S, globRegex(G));
  if (!P.empty() && isLit(0) && !P[0].Text.empty())
    M = z3::prefixof(str(P[0].Text), S) && M;
  if (P.size() > 1 && isLit(P.size() - 1) && !P.back().Text.empty())
    M = z3::suffixof(str(P.back().Text), S) && M;
  return M;
}

static std::string rationalOf(double D) {
  // The exact value of a double: mantissa * 2^exp.
  if (D == 0)
    return "0";
  int Exp;
  double M = std::frexp(D, &Exp); // D = M * 2^Exp, 0.5 <= |M| < 1
  long long Mant = static_cast<long long>(std::ldexp(M, 53));
  Exp -= 53;
  std::string Num = std::to_string(Mant);
  if (Exp >= 0) {
    // Multiply by 2^Exp in decimal through long arithmetic on a string.
    std::string V = Num;
    bool Neg = !V.empty() && V[0] == '-';
    if (Neg)
      V.erase(0, 1);
    for (int I = 0; I < Exp; ++I) {
      int Carry = 0;
      for (int J = static_cast<int>(V.size()) - 1; J >= 0; --J) {
        int X = (V[J] - '0') * 2 + Carry;
        V[J] = static_cast<char>('0' + X % 10);
        Carry = X / 10;
      }
      if (Carry)
        V.insert(V.begin(), static_cast<char>('0' + Carry));
    }
    return (Neg ? "-" : "") + V;
  }
  std::string Den = "1";
  for (int I = 0; I < -Exp; ++I) {
    int Carry = 0;
    for (int J = static_cast<int>(Den.size()) - 1; J >= 0; --J) {
      int X = (Den[J] - '0') * 2 + Carry;
      Den[J] = static_cast<char>('0' + X % 10);
      Carry = X / 10;
    }
    if (Carry)
      Den.insert(Den.begin(), static_cast<char>('0' + Carry));
  }
  return Num + "/" + Den;
}

z3::expr Z3Backend::translate(const TermContext &Ctx, Term T) {
  auto It = Memo.find(T);
  if (It != Memo.end())
    return z3::expr(*Z, It->second);
  auto arg = [&](unsigned I) { return translate(Ctx, T->Args[I]); };
  auto args = [&]() {
    z3::expr_vector V(*Z);
    for (unsigned I = 0; I < T->Args.size(); ++I)
      V.push_back(arg(I));
    return V;
  };
  z3::expr E(*Z);
  switch (T->K) {
  case TermKind::True:
    E = Z->bool_val(true);
    break;
  case TermKind::False:
    E = Z->bool_val(false);
    break;
  case TermKind::Var:
    switch (T->S) {
    case Sort::Bool:
      E = Z->bool_const(T->Text.c_str());
      break;
    case Sort::String:
      E = Z->string_const(T->Text.c_str());
      break;
    case Sort::Real:
      E = Z->real_const(T->Text.c_str());
      break;
    case Sort::Int:
      E = Z->int_const(T->Text.c_str());
      break;
    case Sort::BitVec:
      E = Z->bv_const(T->Text.c_str(), T->Width);
      break;
    }
    break;
  case TermKind::Not:
    E = !arg(0);
    break;
  case TermKind::And:
    E = z3::mk_and(args());
    break;
  case TermKind::Or:
    E = z3::mk_or(args());
    break;
  case TermKind::Ite:
    E = z3::ite(arg(0), arg(1), arg(2));
    break;
  case TermKind::Eq:
    E = arg(0) == arg(1);
    break;
  case TermKind::StrConst:
    E = str(T->Text);
    break;
  case TermKind::Concat: {
    std::vector<Z3_ast> A;
    std::vector<z3::expr> Hold;
    for (unsigned I = 0; I < T->Args.size(); ++I) {
      Hold.push_back(arg(I));
      A.push_back(Hold.back());
    }
    E = z3::expr(
        *Z, Z3_mk_seq_concat(*Z, static_cast<unsigned>(A.size()), A.data()));
    break;
  }
  case TermKind::InGlob:
    E = globMatch(arg(0), Ctx.glob(T->Aux));
    break;
  case TermKind::PrefixOf:
    E = z3::prefixof(arg(0), arg(1));
    break;
  case TermKind::SuffixOf:
    E = z3::suffixof(arg(0), arg(1));
    break;
  case TermKind::Contains:
    E = arg(0).contains(arg(1));
    break;
  case TermKind::NoUpper: {
    std::vector<z3::expr> P{z3::re_full(reSort()),
                            z3::range(chr('A'), chr('Z')),
                            z3::re_full(reSort())};
    E = !z3::in_re(arg(0), reConcat(P));
    break;
  }
  case TermKind::RealConst:
    E = Z->real_val(rationalOf(std::strtod(T->Text.c_str(), nullptr)).c_str());
    break;
  case TermKind::IntConst:
    E = Z->int_val(static_cast<int64_t>(std::stoll(T->Text)));
    break;
  case TermKind::Lt:
    E = arg(0) < arg(1);
    break;
  case TermKind::Le:
    E = arg(0) <= arg(1);
    break;
  case TermKind::Length:
    E = arg(0).length();
    break;
  case TermKind::IndexOf:
    E = z3::indexof(arg(0), arg(1), arg(2));
    break;
  case TermKind::Add:
    E = arg(0) + arg(1);
    break;
  case TermKind::BvConst: {
    // Build from bytes, most significant first, then keep the Width bits
    // (the bits above are zero).
    z3::expr Acc(*Z);
    bool First = true;
    for (char C : T->Text) {
      z3::expr B = Z->bv_val(static_cast<unsigned>(static_cast<uint8_t>(C)), 8);
      Acc = First ? B : z3::concat(Acc, B);
      First = false;
    }
    if (T->Width % 8)
      Acc = Acc.extract(T->Width - 1, 0);
    E = Acc;
    break;
  }
  case TermKind::ValidUtf8:
    E = z3::in_re(arg(0), z3::star(utf8Char("")));
    break;
  case TermKind::Extract:
    E = arg(0).extract(T->Aux + T->Width - 1, T->Aux);
    break;
  }
  Keep.push_back(E);
  Memo[T] = E;
  return E;
}

/// Divides a decimal string by 256 in place and returns the remainder.
static unsigned divmod256(std::string &Dec) {
  unsigned Rem = 0;
  std::string Out;
  for (char C : Dec) {
    Rem = Rem * 10 + static_cast<unsigned>(C - '0');
    unsigned Q = Rem / 256;
    Rem %= 256;
    if (!Out.empty() || Q)
      Out.push_back(static_cast<char>('0' + Q));
  }
  Dec = Out.empty() ? "0" : Out;
  return Rem;
}

bool Z3Backend::readValue(const z3::model &M, Term Var, z3::expr E,
                          TermValue &Out) {
  z3::expr V = M.eval(E, /*model_completion=*/true);
  Out.S = Var->S;
  switch (Var->S) {
  case Sort::Bool:
    Out.B = V.is_true();
    return true;
  case Sort::String: {
    if (!V.is_string_value())
      return false;
    unsigned Len = 0;
    Z3_char_ptr P = Z3_get_lstring(*Z, V, &Len);
    Out.Str.assign(P, Len);
    return true;
  }
  case Sort::Real: {
    if (!V.is_numeral())
      return false;
    std::string Num = Z3_get_numeral_string(*Z, V.numerator());
    std::string Den = Z3_get_numeral_string(*Z, V.denominator());
    Out.Real =
        std::strtod(Num.c_str(), nullptr) / std::strtod(Den.c_str(), nullptr);
    return true;
  }
  case Sort::Int: {
    int64_t I;
    if (!V.is_numeral_i64(I))
      return false;
    Out.Int = I;
    return true;
  }
  case Sort::BitVec: {
    if (!V.is_numeral())
      return false;
    std::string Dec = Z3_get_numeral_string(*Z, V);
    Out.Str.assign((Var->Width + 7) / 8, '\0');
    for (int I = static_cast<int>(Out.Str.size()) - 1; I >= 0; --I)
      Out.Str[I] = static_cast<char>(divmod256(Dec));
    return true;
  }
  }
  return false;
}

SolveResult Z3Backend::check(const TermContext &Ctx, Term Query,
                             SolveBudget Budget, const std::string &Smt2Path,
                             bool Simple) {
  SolveResult R;
  if (Last != &Ctx || Keep.size() > 200000) {
    Memo.clear();
    Keep.clear();
    Last = &Ctx;
  }
  try {
    z3::solver S =
        Simple ? z3::solver(*Z, z3::solver::simple()) : z3::solver(*Z);
    z3::params P(*Z);
    P.set("timeout", Budget.TimeoutMs);
    // Z3's limit counts from the start of this query.
    if (Budget.Work)
      P.set("rlimit", Budget.Work);
    S.set(P);
    S.add(translate(Ctx, Query));
    if (!Smt2Path.empty()) {
      std::ofstream F(Smt2Path);
      F << S.to_smt2();
    }
    z3::check_result Status = S.check();
    R.Work = workSince(S);
    switch (Status) {
    case z3::unsat:
      R.Status = SolveStatus::Unsat;
      return R;
    case z3::unknown:
      R.Status = SolveStatus::Unknown;
      R.Reason = S.reason_unknown();
      // Z3 may call a spent work budget "canceled", as it does a timeout.
      if (Budget.Work && R.Work >= Budget.Work)
        R.Reason = "the solver's work budget ran out";
      else if (R.Reason == "canceled" || R.Reason == "timeout")
        R.Reason = "the solver timed out";
      else
        R.Reason = "the solver gave up (" + R.Reason + ")";
      return R;
    case z3::sat:
      break;
    }
    if (Simple) {
      R.Status = SolveStatus::Sat;
      return R;
    }
    z3::model M = S.get_model();
    for (Term V : Ctx.variables(Query)) {
      TermValue TV;
      if (!readValue(M, V, translate(Ctx, V), TV)) {
        R.Status = SolveStatus::Unknown;
        R.Reason = "the solver's model has no value for " + V->Text;
        return R;
      }
      R.Model[V] = TV;
    }
    R.Status = SolveStatus::Sat;
    return R;
  } catch (const z3::exception &E) {
    R.Status = SolveStatus::Unknown;
    R.Reason = std::string("solver error: ") + E.msg();
    return R;
  }
}

/// Makes the Z3 context on the first query: most checks are decided from
/// the policy text and concrete witnesses, and a context (with libz3 itself,
/// see Z3Loader.cpp) is most of a small check's start-up.
class LazyZ3Backend : public SolverBackend {
public:
  StringRef name() const override { return "z3"; }
  void reset() override {
    if (Solver)
      Solver->reset();
    if (Refuter)
      Refuter->reset();
  }
  SolveResult solve(const TermContext &Ctx, Term Query, SolveBudget Budget,
                    const std::string &Smt2Path) override {
    if (!Solver)
      Solver = std::make_unique<Z3Backend>();
    return Solver->solve(Ctx, Query, Budget, Smt2Path);
  }
  /// In a context of its own: Z3's models depend on a context's history,
  /// and counterexamples on solve()'s models, which an attempt to refute
  /// must leave as they were.
  SolveResult refute(const TermContext &Ctx, Term Query, SolveBudget Budget,
                     const std::string &Smt2Path) override {
    if (!Refuter)
      Refuter = std::make_unique<Z3Backend>();
    return Refuter->refute(Ctx, Query, Budget, Smt2Path);
  }

private:
  std::unique_ptr<Z3Backend> Solver, Refuter;
};

} // namespace

std::unique_ptr<SolverBackend> createZ3Backend() {
  return std::make_unique<LazyZ3Backend>();
}

} // namespace verify
} // namespace tollgate
