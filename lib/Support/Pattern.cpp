//===- Pattern.cpp - IAM wildcard patterns --------------------------------===//
//
// matches() runs the classic greedy matcher with one backtrack point when no
// wildcard excludes a character (a later star can then absorb whatever an
// earlier one could), and otherwise simulates the pattern's automaton over
// position sets. covers() and intersects() work on the automata of both
// patterns, code point by code point.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Support/Pattern.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <unordered_set>

using namespace llvm;

namespace tollgate {

static uint32_t foldAscii(uint32_t C) {
  return C >= 'A' && C <= 'Z' ? C + 32 : C;
}

static bool isAsciiLetter(uint32_t C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
}

static std::string canonicalExclusions(StringRef Excluded) {
  if (Excluded.empty())
    return std::string();
  std::string E = Excluded.str();
  llvm::sort(E);
  E.erase(std::unique(E.begin(), E.end()), E.end());
  return E;
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

void Pattern::addLit(StringRef S, bool Fold) {
  if (S.empty())
    return;
  if (!Pieces.empty() && Pieces.back().K == PatternPiece::Lit &&
      Pieces.back().Fold == Fold) {
    Pieces.back().Text.append(S.data(), S.size());
    return;
  }
  PatternPiece P;
  P.K = PatternPiece::Lit;
  P.Fold = Fold;
  P.Text = S.str();
  Pieces.push_back(std::move(P));
}

void Pattern::addStar(StringRef Excluded) {
  std::string E = canonicalExclusions(Excluded);
  if (!Pieces.empty() && Pieces.back().K == PatternPiece::Star &&
      Pieces.back().Text == E)
    return;
  PatternPiece P;
  P.K = PatternPiece::Star;
  P.Text = std::move(E);
  Pieces.push_back(std::move(P));
}

void Pattern::addAny(StringRef Excluded) {
  PatternPiece P;
  P.K = PatternPiece::Any;
  P.Text = canonicalExclusions(Excluded);
  Pieces.push_back(std::move(P));
}

void Pattern::add(const PatternPiece &P) {
  switch (P.K) {
  case PatternPiece::Lit:
    addLit(P.Text, P.Fold);
    break;
  case PatternPiece::Star:
    addStar(P.excluded());
    break;
  case PatternPiece::Any:
    addAny(P.excluded());
    break;
  }
}

void Pattern::append(const Pattern &Other) {
  for (const PatternPiece &P : Other.Pieces)
    add(P);
}

Pattern Pattern::parse(StringRef Text, CaseMode Case, StringRef Excluded,
                       ArrayRef<bool> Wild) {
  Pattern G;
  bool Fold = Case == CaseMode::Insensitive;
  G.Pieces.reserve(2 * (Text.count('*') + Text.count('?')) + 1);
  size_t Start = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if ((C != '*' && C != '?') || (!Wild.empty() && !Wild[I]))
      continue;
    G.addLit(Text.slice(Start, I), Fold);
    if (C == '*')
      G.addStar(Excluded);
    else
      G.addAny(Excluded);
    Start = I + 1;
  }
  G.addLit(Text.substr(Start), Fold);
  return G;
}

Pattern Pattern::literal(StringRef Text, CaseMode Case) {
  Pattern G;
  G.addLit(Text, Case == CaseMode::Insensitive);
  return G;
}

bool Pattern::isLiteral() const {
  return all_of(Pieces, [](const PatternPiece &P) {
    return P.K == PatternPiece::Lit && !P.Fold;
  });
}

bool Pattern::matchesAll() const {
  return !Pieces.empty() && all_of(Pieces, [](const PatternPiece &P) {
    return P.K == PatternPiece::Star && P.Text.empty();
  });
}

bool Pattern::hasWildcard() const {
  return any_of(Pieces, [](const PatternPiece &P) { return P.isWildcard(); });
}

bool Pattern::hasExclusions() const {
  return any_of(Pieces,
                [](const PatternPiece &P) { return !P.excluded().empty(); });
}

std::string Pattern::str() const {
  std::string Out;
  for (const PatternPiece &P : Pieces) {
    if (P.K == PatternPiece::Lit) {
      Out += P.Fold ? "(?i:" + P.Text + ")" : P.Text;
      continue;
    }
    if (P.Text.empty()) {
      Out += P.K == PatternPiece::Star ? "*" : "?";
      continue;
    }
    Out += "[^" + P.Text + "]";
    if (P.K == PatternPiece::Star)
      Out += "*";
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Tokens: one position of the pattern's automaton
//===----------------------------------------------------------------------===//

namespace {
struct Tok {
  enum KindT : uint8_t { Char, Any, Star } K;
  bool Fold = false;
  uint32_t C = 0;     ///< Char: a byte, or a code point (ByChar).
  StringRef Excluded; ///< Any, Star.

  bool admits(uint32_t X) const {
    return X >= 0x80 || Excluded.find(static_cast<char>(X)) == StringRef::npos;
  }
  /// Does this token read character \p X?
  bool reads(uint32_t X) const {
    if (K == Char)
      return Fold ? foldAscii(C) == foldAscii(X) : C == X;
    return admits(X);
  }
};
} // namespace

/// The tokens of \p G: literals byte by byte, or with \p ByChar one token
/// per code point.
static std::vector<Tok> tokens(const Pattern &G, bool ByChar) {
  std::vector<Tok> T;
  for (const PatternPiece &P : G.Pieces) {
    switch (P.K) {
    case PatternPiece::Lit:
      for (size_t I = 0; I < P.Text.size();) {
        std::pair<uint32_t, unsigned> CL =
            ByChar ? charAt(P.Text, I)
                   : std::make_pair(
                         static_cast<uint32_t>(static_cast<uint8_t>(P.Text[I])),
                         1u);
        T.push_back({Tok::Char, P.Fold, CL.first, {}});
        I += CL.second;
      }
      break;
    case PatternPiece::Any:
      T.push_back({Tok::Any, false, 0, P.excluded()});
      break;
    case PatternPiece::Star:
      T.push_back({Tok::Star, false, 0, P.excluded()});
      break;
    }
  }
  return T;
}

/// Adds to \p Set the positions reached from its members by skipping stars.
static void closeOverStars(const std::vector<Tok> &T, BitVector &Set) {
  for (size_t I = 0, N = T.size(); I < N; ++I)
    if (Set.test(I) && T[I].K == Tok::Star)
      Set.set(I + 1);
}

//===----------------------------------------------------------------------===//
// matches
//===----------------------------------------------------------------------===//

static bool sameByte(char P, char T, bool Fold) {
  return P == T || (Fold && toLower(P) == toLower(T));
}

/// The greedy matcher, for patterns whose wildcards exclude nothing, read
/// through a cursor over pieces or over the pattern as written: on a
/// mismatch, only the last star seen takes one more byte. A star takes
/// bytes one at a time: a start inside a character fails at once, since
/// neither a literal of the (UTF-8) pattern nor `?` begins with a
/// continuation byte.
template <typename Cursor> static bool matchGreedy(Cursor P, StringRef Text) {
  Cursor Star = P;
  bool HaveStar = false;
  size_t T = 0, StarT = 0;
  while (T < Text.size()) {
    if (!P.atEnd() && P.isStar()) {
      P.next();
      // A final star reads the rest of the text, whatever it holds.
      if (P.atEnd())
        return true;
      Star = P;
      HaveStar = true;
      StarT = T;
      continue;
    }
    if (!P.atEnd()) {
      if (P.isAny()) {
        if (unsigned L = utf8CharLength(Text, T)) {
          P.next();
          T += L;
          continue;
        }
      } else if (sameByte(P.byte(), Text[T], P.fold())) {
        P.next();
        ++T;
        continue;
      }
    }
    if (!HaveStar)
      return false;
    P = Star;
    T = ++StarT;
  }
  while (!P.atEnd() && P.isStar())
    P.next();
  return P.atEnd();
}

namespace {
/// A position in a parsed pattern without exclusions.
struct PieceCursor {
  const PatternPiece *Ps;
  size_t N, I = 0, Off = 0;

  bool atEnd() const { return I == N; }
  bool isStar() const { return Ps[I].K == PatternPiece::Star; }
  bool isAny() const { return Ps[I].K == PatternPiece::Any; }
  char byte() const { return Ps[I].Text[Off]; }
  bool fold() const { return Ps[I].Fold; }
  void next() {
    if (Ps[I].K == PatternPiece::Lit && ++Off != Ps[I].Text.size())
      return;
    ++I;
    Off = 0;
  }
};

/// A position in a pattern as written, one byte at a time: the same
/// pieces as Pattern::parse() gives, read without building them.
struct TextCursor {
  StringRef Pat;
  ArrayRef<bool> Wild;
  bool Fold;
  size_t I = 0;

  bool wild(char C) const { return Pat[I] == C && (Wild.empty() || Wild[I]); }
  bool atEnd() const { return I == Pat.size(); }
  bool isStar() const { return wild('*'); }
  bool isAny() const { return wild('?'); }
  char byte() const { return Pat[I]; }
  bool fold() const { return Fold; }
  void next() { ++I; }
};
} // namespace

bool Pattern::matchesText(StringRef PatternText, StringRef Text, CaseMode Case,
                          ArrayRef<bool> Wild) {
  return matchGreedy(
      TextCursor{PatternText, Wild, Case == CaseMode::Insensitive}, Text);
}

/// The automaton over position sets, byte by byte: literals and stars take
/// one byte, `?` the whole well-formed UTF-8 sequence that starts here. Row
/// K holds the positions reached after K bytes; a `?` reaches up to four
/// bytes ahead, so five rows are live at a time.
static bool matchAutomaton(const Pattern &G, StringRef S) {
  std::vector<Tok> T = tokens(G, /*ByChar=*/false);
  size_t N = T.size();
  std::array<BitVector, 5> Rows;
  for (BitVector &R : Rows)
    R.resize(N + 1);
  auto row = [&](size_t K) -> BitVector & { return Rows[K % 5]; };
  row(0).set(0);
  for (size_t At = 0; At < S.size(); ++At) {
    BitVector &Cur = row(At);
    closeOverStars(T, Cur);
    if (all_of(Rows, [](const BitVector &R) { return R.none(); }))
      return false; // no position left
    uint8_t C = static_cast<uint8_t>(S[At]);
    unsigned L = utf8CharLength(S, At);
    for (size_t I : Cur.set_bits()) {
      if (I == N)
        continue;
      const Tok &K = T[I];
      switch (K.K) {
      case Tok::Char:
        if (K.reads(C))
          row(At + 1).set(I + 1);
        break;
      case Tok::Any:
        if (L && K.admits(C))
          row(At + L).set(I + 1);
        break;
      case Tok::Star:
        if (K.admits(C))
          row(At + 1).set(I);
        break;
      }
    }
    Cur.reset();
  }
  BitVector &Last = row(S.size());
  closeOverStars(T, Last);
  return Last.test(N);
}

bool Pattern::matches(StringRef Text) const {
  if (Pieces.size() == 1 && Pieces[0].K == PatternPiece::Lit) {
    const PatternPiece &P = Pieces[0];
    return P.Fold ? Text.equals_insensitive(P.Text) : Text == P.Text;
  }
  // A literal then a final star (`s3:get*`): the star reads the rest.
  if (Pieces.size() == 2 && Pieces[0].K == PatternPiece::Lit &&
      Pieces[1].K == PatternPiece::Star && Pieces[1].Text.empty()) {
    const PatternPiece &P = Pieces[0];
    if (Text.size() < P.Text.size())
      return false;
    StringRef Head = Text.take_front(P.Text.size());
    return P.Fold ? Head.equals_insensitive(P.Text) : Head == P.Text;
  }
  if (!hasExclusions())
    return matchGreedy(PieceCursor{Pieces.data(), Pieces.size()}, Text);
  return matchAutomaton(*this, Text);
}

//===----------------------------------------------------------------------===//
// intersects
//===----------------------------------------------------------------------===//

/// True if one character exists that both tokens read.
static bool canShareChar(const Tok &X, const Tok &Y) {
  bool XLit = X.K == Tok::Char, YLit = Y.K == Tok::Char;
  if (XLit && YLit)
    return X.Fold || Y.Fold ? foldAscii(X.C) == foldAscii(Y.C) : X.C == Y.C;
  if (XLit || YLit) {
    const Tok &L = XLit ? X : Y, &W = XLit ? Y : X;
    if (W.admits(L.C))
      return true;
    // A folded letter also stands for its other case.
    return L.Fold && isAsciiLetter(L.C) && W.admits(L.C ^ 0x20);
  }
  // Two wildcards exclude finitely many characters; some other character
  // is read by both.
  return true;
}

bool Pattern::intersects(const Pattern &Other) const {
  // The product automaton: state (I, J) says that the first I tokens of
  // this pattern and the first J of the other have read the same string.
  std::vector<Tok> A = tokens(*this, true), B = tokens(Other, true);
  const size_t N = A.size(), M = B.size();
  const size_t Width = M + 1;
  BitVector Seen((N + 1) * Width);
  SmallVector<std::pair<size_t, size_t>, 64> Work;
  auto Visit = [&](size_t I, size_t J) {
    size_t Index = I * Width + J;
    if (!Seen.test(Index)) {
      Seen.set(Index);
      Work.push_back({I, J});
    }
  };
  Visit(0, 0);
  while (!Work.empty()) {
    auto [I, J] = Work.pop_back_val();
    if (I == N && J == M)
      return true;
    bool ARun = I < N && A[I].K == Tok::Star;
    bool BRun = J < M && B[J].K == Tok::Star;
    if (ARun)
      Visit(I + 1, J);
    if (BRun)
      Visit(I, J + 1);
    // A step where both stay in their runs returns to (I, J) itself.
    if (I < N && J < M && !(ARun && BRun) && canShareChar(A[I], B[J]))
      Visit(ARun ? I : I + 1, BRun ? J : J + 1);
  }
  return false;
}

//===----------------------------------------------------------------------===//
// covers
//===----------------------------------------------------------------------===//

/// Does token \p A read every character that token \p B reads?
static bool tokenCovers(const Tok &A, const Tok &B) {
  if (A.K == Tok::Char) {
    if (B.K != Tok::Char)
      return false;
    if (B.Fold && isAsciiLetter(B.C))
      return A.Fold && foldAscii(A.C) == foldAscii(B.C);
    return A.reads(B.C);
  }
  if (B.K == Tok::Char)
    return A.admits(B.C) &&
           (!B.Fold || !isAsciiLetter(B.C) || A.admits(B.C ^ 0x20));
  // A wildcard covers another when it excludes no more.
  return all_of(A.Excluded, [&](char E) { return B.Excluded.contains(E); });
}

/// A quick sufficient test for patterns without exclusions: the greedy
/// matcher run on \p B's tokens as text, \p B's wildcards as symbols that
/// only an equal or wider wildcard of \p A absorbs (`*` only by `*`, `?` by
/// `?` or `*`). A yes is always right; a no is checked by the automata.
static bool coversGreedy(const std::vector<Tok> &A, const std::vector<Tok> &B) {
  size_t P = 0, T = 0;
  size_t StarP = StringRef::npos, StarT = 0;
  while (T < B.size()) {
    if (P < A.size() && A[P].K == Tok::Star) {
      StarP = P++;
      StarT = T;
      continue;
    }
    if (P < A.size()) {
      bool Step =
          A[P].K == Tok::Any ? B[T].K != Tok::Star : tokenCovers(A[P], B[T]);
      if (Step) {
        ++P;
        ++T;
        continue;
      }
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP + 1;
    T = ++StarT;
  }
  while (P < A.size() && A[P].K == Tok::Star)
    ++P;
  return P == A.size();
}

namespace {
/// The deterministic automaton of a pattern over code points: a state is
/// the set of token positions reached, closed under skipping stars.
struct PositionSets {
  const std::vector<Tok> &T;

  BitVector start() const {
    BitVector S(T.size() + 1);
    S.set(0);
    closeOverStars(T, S);
    return S;
  }
  void step(const BitVector &Cur, uint32_t C, BitVector &Next) const {
    Next.reset();
    for (size_t I : Cur.set_bits()) {
      if (I == T.size() || !T[I].reads(C))
        continue;
      Next.set(T[I].K == Tok::Star ? I : I + 1);
    }
    closeOverStars(T, Next);
  }
  bool accepts(const BitVector &S) const { return S.test(T.size()); }
};
} // namespace

static std::string stateKey(const BitVector &A, const BitVector &B) {
  std::string Key;
  for (const BitVector *V : {&A, &B}) {
    for (size_t I : V->set_bits()) {
      uint32_t X = static_cast<uint32_t>(I);
      Key.append(reinterpret_cast<const char *>(&X), sizeof(X));
    }
    Key.push_back('\xff');
    Key.push_back('\xff');
    Key.push_back('\xff');
    Key.push_back('\xff');
  }
  return Key;
}

/// The characters that stand for all others: two characters that no token
/// tells apart behave alike, so the literals (in both cases when they fold),
/// the excluded characters and one character none of them names suffice.
static std::vector<uint32_t> alphabet(const std::vector<Tok> &A,
                                      const std::vector<Tok> &B) {
  std::vector<uint32_t> Out;
  for (const std::vector<Tok> *T : {&A, &B})
    for (const Tok &K : *T) {
      if (K.K == Tok::Char) {
        Out.push_back(K.C);
        if (isAsciiLetter(K.C))
          Out.push_back(K.C ^ 0x20);
      }
      for (char E : K.Excluded)
        Out.push_back(static_cast<uint8_t>(E));
    }
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  uint32_t Fresh = 1;
  for (uint32_t C : Out)
    if (C == Fresh)
      ++Fresh;
  Out.push_back(Fresh);
  return Out;
}

/// A string \p G matches: its literals (with \p FlipCase, folded letters in
/// the other case), a control character for each `?`, and for each `*`
/// nothing or (with \p FillStars) a control character.
static std::string instance(const Pattern &G, bool FlipCase, bool FillStars) {
  std::string Out;
  for (const PatternPiece &P : G.Pieces) {
    if (P.K == PatternPiece::Lit) {
      if (!P.Fold || !FlipCase) {
        Out += P.Text;
        continue;
      }
      for (char C : P.Text)
        Out.push_back(isAsciiLetter(static_cast<uint8_t>(C)) ? C ^ 0x20 : C);
      continue;
    }
    if (P.K == PatternPiece::Star && !FillStars)
      continue;
    char Fill = 1;
    while (P.excluded().contains(Fill))
      ++Fill;
    Out.push_back(Fill);
  }
  return Out;
}

/// The characters of \p G's literals and its wildcards, at most about.
static size_t length(const Pattern &G) {
  size_t N = 0;
  for (const PatternPiece &P : G.Pieces)
    N += P.K == PatternPiece::Lit ? P.Text.size() : 1;
  return N;
}

bool Pattern::covers(const Pattern &Other, const Deadline &Limit) const {
  if (*this == Other || matchesAll())
    return true;
  // Longer patterns than any policy holds (a key policy is at most 32 KB)
  // are not compared: every test below reads one against the other.
  constexpr size_t MaxLength = 32768;
  if (length(*this) > MaxLength || length(Other) > MaxLength)
    return false;
  if (Other.isLiteral())
    return matches(instance(Other, false, false));
  // Most patterns compared do not cover each other, and a few strings of
  // Other show it at once.
  for (bool Flip : {false, true})
    for (bool Fill : {false, true})
      if (!matches(instance(Other, Flip, Fill)))
        return false;
  std::vector<Tok> TA = tokens(*this, true), TB = tokens(Other, true);
  if (!hasExclusions() && !Other.hasExclusions() && coversGreedy(TA, TB))
    return true;
  // Search the product of both automata for a string that Other matches and
  // this pattern does not.
  std::vector<uint32_t> Sigma = alphabet(TA, TB);
  PositionSets DA{TA}, DB{TB};
  // Each state costs its size per character in time: long patterns get
  // fewer states.
  const size_t StateCost = Sigma.size() * (TA.size() + TB.size() + 2);
  const size_t MaxStates = std::min<size_t>(
      4096, std::max<size_t>(1, (size_t(1) << 26) / StateCost));
  std::unordered_set<std::string> Seen;
  std::vector<std::pair<BitVector, BitVector>> Work;
  Work.push_back({DA.start(), DB.start()});
  Seen.insert(stateKey(Work.back().first, Work.back().second));
  BitVector NA(TA.size() + 1), NB(TB.size() + 1);
  while (!Work.empty()) {
    if (Limit.expired())
      return false; // out of time: not shown
    std::pair<BitVector, BitVector> St = std::move(Work.back());
    Work.pop_back();
    if (DB.accepts(St.second) && !DA.accepts(St.first))
      return false; // a string Other matches and this does not
    // Every position of a pattern can still reach its end: once this
    // pattern is dead and Other is not, Other has a string this lacks.
    if (St.first.none())
      return false;
    for (uint32_t C : Sigma) {
      DB.step(St.second, C, NB);
      if (NB.none())
        continue;
      DA.step(St.first, C, NA);
      if (Seen.insert(stateKey(NA, NB)).second) {
        if (Seen.size() > MaxStates)
          return false; // too large to decide here: not shown
        Work.push_back({NA, NB});
      }
    }
  }
  return true;
}

//===----------------------------------------------------------------------===//
// ARN patterns
//===----------------------------------------------------------------------===//

std::array<StringRef, 6> arnPatternFields(StringRef Text) {
  std::array<StringRef, 6> F;
  StringRef Rest = Text;
  unsigned I = 0;
  for (; I < 5; ++I) {
    size_t Colon = Rest.find(':');
    if (Colon == StringRef::npos)
      break;
    F[I] = Rest.substr(0, Colon);
    Rest = Rest.substr(Colon + 1);
  }
  F[I++] = Rest;
  for (; I < 6; ++I)
    F[I] = "*";
  return F;
}

ArnPattern ArnPattern::parse(StringRef Text, CaseMode PrefixCase,
                             ArrayRef<bool> Wild) {
  ArnPattern A;
  A.AnyResource = Text == "*" && (Wild.empty() || Wild[0]);
  std::array<StringRef, 6> F = arnPatternFields(Text);
  for (unsigned I = 0; I < 6; ++I) {
    CaseMode Case = I == 5 ? CaseMode::Sensitive : PrefixCase;
    ArrayRef<bool> Mask;
    // A field the text lacks is `*`, a wildcard of no byte of the text.
    bool Missing = F[I].data() < Text.begin() || F[I].data() >= Text.end();
    if (!Wild.empty() && !Missing)
      Mask = Wild.slice(F[I].data() - Text.data(), F[I].size());
    A.Fields[I] = Pattern::parse(F[I], Case, "", Mask);
  }
  return A;
}

/// \p A and \p B (of one size) are equal, folding ASCII letters when
/// \p Case says so.
static inline bool sameBytes(StringRef A, StringRef B, CaseMode Case) {
  if (A == B)
    return true;
  if (Case == CaseMode::Sensitive)
    return false;
  for (size_t K = 0, E = A.size(); K != E; ++K)
    if (A[K] != B[K] && toLower(A[K]) != toLower(B[K]))
      return false;
  return true;
}

ArnPatternText ArnPatternText::parse(StringRef Text, ArrayRef<bool> Wild) {
  ArnPatternText A;
  A.Text = Text;
  A.Wild = Wild;
  A.AnyResource = Text == "*" && (Wild.empty() || Wild[0]);
  A.Fields = arnPatternFields(Text);
  for (unsigned I = 0; I < 6; ++I) {
    StringRef F = A.Fields[I];
    // A field the text lacks is `*`, a wildcard of no byte of the text.
    bool Missing = F.data() < Text.begin() || F.data() >= Text.end();
    size_t Offset = Missing ? 0 : F.data() - Text.data();
    auto IsWild = [&](size_t K) {
      return (F[K] == '*' || F[K] == '?') &&
             (Missing || Wild.empty() || Wild[Offset + K]);
    };
    bool OnlyStars = !F.empty();
    size_t Wilds = 0;
    for (size_t K = 0; K < F.size(); ++K) {
      bool W = IsWild(K);
      Wilds += W;
      OnlyStars &= W && F[K] == '*';
    }
    bool FinalStar = !F.empty() && F.back() == '*' && IsWild(F.size() - 1);
    A.Kinds[I] = OnlyStars                 ? AnyText
                 : Wilds == 0              ? Literal
                 : Wilds == 1 && FinalStar ? Prefix
                                           : Glob;
  }
  for (uint8_t I : {2, 5, 4, 3, 1, 0})
    if (A.Kinds[I] != AnyText)
      A.Checks[A.NumChecks++] = I;
  return A;
}

bool ArnPatternText::matches(CaseMode PrefixCase, bool IsArn,
                             ArrayRef<StringRef> ArnFields) const {
  if (AnyResource)
    return true;
  if (!IsArn)
    return false;
  for (unsigned K = 0; K < NumChecks; ++K) {
    unsigned I = Checks[K];
    StringRef F = Fields[I], T = ArnFields[I];
    CaseMode Case = I == 5 ? CaseMode::Sensitive : PrefixCase;
    switch (Kinds[I]) {
    case AnyText:
      continue;
    case Literal:
      if (F.size() != T.size() || !sameBytes(F, T, Case))
        return false;
      continue;
    case Prefix:
      // The final star reads the rest, whatever it holds.
      F = F.drop_back();
      if (T.size() < F.size() || !sameBytes(F, T.take_front(F.size()), Case))
        return false;
      continue;
    case Glob: {
      ArrayRef<bool> Mask;
      if (!Wild.empty())
        Mask = Wild.slice(F.data() - Text.data(), F.size());
      if (!Pattern::matchesText(F, T, Case, Mask))
        return false;
      continue;
    }
    }
  }
  return true;
}

bool arnPatternMatchesText(StringRef Text, CaseMode PrefixCase,
                           ArrayRef<bool> Wild, bool IsArn,
                           ArrayRef<StringRef> ArnFields) {
  if (Text == "*" && (Wild.empty() || Wild[0]))
    return true;
  if (!IsArn)
    return false;
  return ArnPatternText::parse(Text, Wild)
      .matches(PrefixCase, IsArn, ArnFields);
}

bool ArnPattern::matches(bool IsArn, ArrayRef<StringRef> ArnFields) const {
  return AnyResource || (IsArn && matchesFields(ArnFields));
}

bool ArnPattern::matchesFields(ArrayRef<StringRef> ArnFields) const {
  // The cheap, selective fields first: service, then resource.
  static const unsigned Order[] = {2, 5, 4, 3, 1, 0};
  for (unsigned I : Order)
    if (!Fields[I].matches(ArnFields[I]))
      return false;
  return true;
}

bool ArnPattern::covers(const ArnPattern &Other) const {
  if (AnyResource || Other.AnyResource)
    return AnyResource;
  for (unsigned I = 0; I < 6; ++I)
    if (!Fields[I].covers(Other.Fields[I]))
      return false;
  return true;
}

Pattern ArnPattern::joined() const {
  Pattern G;
  for (unsigned I = 0; I < 6; ++I) {
    for (const PatternPiece &P : Fields[I].Pieces) {
      if (I < 5 && P.isWildcard()) {
        std::string Ex = P.Text + ":";
        P.K == PatternPiece::Star ? G.addStar(Ex) : G.addAny(Ex);
      } else {
        G.add(P);
      }
    }
    if (I < 5)
      G.addLit(":");
  }
  return G;
}

} // namespace tollgate
