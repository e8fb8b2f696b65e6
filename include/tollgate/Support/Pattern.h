//===- Pattern.h - IAM wildcard patterns ------------------------*- C++ -*-===//
///
/// \file
/// The one wildcard pattern type of the project: Action, Resource, the
/// `*Like` and ARN condition operators, the rules that compare patterns, the
/// catalog's action expansion and the verifier's glob terms all read patterns
/// through it.
///
/// A pattern is parsed once into pieces: literal runs, `*` (any run of
/// characters) and `?` (exactly one character). Characters are Unicode code
/// points in UTF-8 (Support/Glob.h): `?` reads the 1 to 4 bytes of one
/// well-formed sequence. A literal run may fold case (ASCII letters only:
/// action names and IgnoreCase comparisons; ARNs and most values do not
/// fold). A wildcard may exclude a few ASCII characters: in the first five
/// fields of an ARN (`arn:partition:service:region:account:`) a wildcard
/// does not cross `:`, and a catalog placeholder such as `${BucketName}`
/// does not span `/`.
///
/// Every question is answered in time polynomial in the sizes of the
/// patterns and the text: matches() never backtracks exponentially, and
/// covers() gives up (answers false, "not shown") past a state budget.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_PATTERN_H
#define TOLLGATE_SUPPORT_PATTERN_H

#include "tollgate/Support/Deadline.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tollgate {

enum class CaseMode { Sensitive, Insensitive };

/// One element of a pattern.
struct PatternPiece {
  enum KindT : uint8_t {
    Lit,  ///< The bytes of Text.
    Star, ///< Any run of characters, none of them excluded().
    Any,  ///< Exactly one character, not excluded().
  };
  KindT K = Lit;
  /// Lit: each ASCII letter matches in either case.
  bool Fold = false;
  /// Lit: the literal bytes. Star, Any: the ASCII characters never matched
  /// (sorted, unique; one string for both keeps long patterns small).
  std::string Text;

  bool operator==(const PatternPiece &O) const {
    return K == O.K && Fold == O.Fold && Text == O.Text;
  }
  bool isWildcard() const { return K != Lit; }
  /// Star, Any: the characters never matched.
  llvm::StringRef excluded() const {
    return K == Lit ? llvm::StringRef() : llvm::StringRef(Text);
  }
};

class Pattern {
public:
  /// Canonical: no empty literal, adjacent literals of one folding merged,
  /// adjacent equal stars merged (`**` is `*`).
  std::vector<PatternPiece> Pieces;

  Pattern() = default;

  /// The pattern written \p Text: `*` and `?` are wildcards, except where
  /// \p Wild (one flag per byte, when given) says a byte is literal (it came
  /// from an escape such as `${*}` or from a policy variable's value).
  /// \p Case folds the literals; \p Excluded lists characters the
  /// wildcards do not match (":" for the ARN prefix fields).
  static Pattern parse(llvm::StringRef Text,
                       CaseMode Case = CaseMode::Sensitive,
                       llvm::StringRef Excluded = "",
                       llvm::ArrayRef<bool> Wild = {});
  /// The pattern that matches \p Text only (or, with \p Case Insensitive,
  /// its case variants).
  static Pattern literal(llvm::StringRef Text,
                         CaseMode Case = CaseMode::Sensitive);

  /// Appends a literal run.
  void addLit(llvm::StringRef S, bool Fold = false);
  /// Appends `*` or `?`, excluding the characters of \p Excluded.
  void addStar(llvm::StringRef Excluded = "");
  void addAny(llvm::StringRef Excluded = "");
  /// Appends one piece (a copy), keeping the pattern canonical.
  void add(const PatternPiece &P);
  /// Appends the pieces of \p Other.
  void append(const Pattern &Other);

  bool operator==(const Pattern &O) const { return Pieces == O.Pieces; }
  bool operator!=(const Pattern &O) const { return !(*this == O); }

  /// True when the pattern is one case-sensitive literal (or empty).
  bool isLiteral() const;
  /// True when the pattern matches every string (`*`).
  bool matchesAll() const;
  /// True when some piece is a wildcard.
  bool hasWildcard() const;
  /// True when some wildcard excludes a character.
  bool hasExclusions() const;

  /// Does \p Text match? Bytes that start no well-formed UTF-8 sequence are
  /// no character: `?` does not read them, `*` does. O(pieces * text) at
  /// worst, linear in practice.
  bool matches(llvm::StringRef Text) const;

  /// As parse(PatternText, Case, "", Wild).matches(Text), without building
  /// the pattern: for a pattern matched once.
  static bool matchesText(llvm::StringRef PatternText, llvm::StringRef Text,
                          CaseMode Case = CaseMode::Sensitive,
                          llvm::ArrayRef<bool> Wild = {});

  /// True if every string \p Other matches, this pattern matches (over
  /// well-formed UTF-8 strings). Exact within a state budget (and
  /// \p Limit); past it the answer is false: inclusion not shown.
  bool covers(const Pattern &Other, const Deadline &Limit = Deadline()) const;

  /// True if some string matches both this pattern and \p Other. Exact, in
  /// O(|this| * |Other|) time.
  bool intersects(const Pattern &Other) const;

  /// A readable form: `*`, `?`, `(?i:text)` for folded literals and
  /// `[^:]*` style classes for wildcards with exclusions.
  std::string str() const;
};

/// A Resource pattern (or ArnLike value) read as IAM matches it against an
/// ARN: the first five colon-separated fields each against one field of
/// the ARN (a wildcard there never crosses a field), the sixth against the
/// rest, colons included. Fields a short pattern lacks are `*`.
struct ArnPattern {
  Pattern Fields[6];
  /// The pattern is `*` itself: every resource, an ARN or not.
  bool AnyResource = false;

  /// The fields of \p Text; \p Wild as for Pattern::parse. Fields 0 to 4
  /// use \p PrefixCase, field 5 is case-sensitive.
  static ArnPattern parse(llvm::StringRef Text, CaseMode PrefixCase,
                          llvm::ArrayRef<bool> Wild = {});

  /// Matches a resource: \p IsArn, and \p ArnFields are its six fields
  /// (splitArn()) when it is an ARN.
  bool matches(bool IsArn, llvm::ArrayRef<llvm::StringRef> ArnFields) const;
  /// Matches the six fields of an ARN (splitArn()).
  bool matchesFields(llvm::ArrayRef<llvm::StringRef> ArnFields) const;
  /// Every resource \p Other matches, this one matches: `*` covers all and
  /// is covered only by `*`; other patterns field by field.
  bool covers(const ArnPattern &Other) const;
  /// The fields joined by `:` as one pattern whose first five fields'
  /// wildcards do not match `:` (for matching a whole ARN string).
  Pattern joined() const;
};

/// A Resource pattern (or ArnLike value) split into its six fields once and
/// matched as ArnPattern matches, reading each field's text directly
/// (Pattern::matchesText) instead of building Patterns: for the evaluator,
/// which keeps one per policy entry and matches it against few requests.
/// The text and \p Wild must outlive it.
struct ArnPatternText {
  enum FieldKind : uint8_t {
    AnyText, ///< Only `*`: every field matches.
    Literal, ///< No wildcard: compared as text.
    Prefix,  ///< Text then one final `*`: the field starts with the text.
    Glob,    ///< Pattern::matchesText().
  };
  llvm::StringRef Text;
  llvm::ArrayRef<bool> Wild;
  /// As arnPatternFields().
  std::array<llvm::StringRef, 6> Fields;
  std::array<FieldKind, 6> Kinds{};
  /// The fields to compare (not AnyText), the cheap and selective first:
  /// service, resource, account, region, partition, `arn`.
  std::array<uint8_t, 6> Checks{};
  uint8_t NumChecks = 0;
  /// The pattern is `*` itself: every resource, an ARN or not.
  bool AnyResource = false;

  /// \p Wild as for Pattern::parse.
  static ArnPatternText parse(llvm::StringRef Text,
                              llvm::ArrayRef<bool> Wild = {});
  /// As ArnPattern::parse(Text, PrefixCase, Wild).matches(IsArn, ArnFields).
  bool matches(CaseMode PrefixCase, bool IsArn,
               llvm::ArrayRef<llvm::StringRef> ArnFields) const;
};

/// As ArnPatternText::parse(Text, Wild).matches(PrefixCase, IsArn,
/// ArnFields): for a pattern matched once.
bool arnPatternMatchesText(llvm::StringRef Text, CaseMode PrefixCase,
                           llvm::ArrayRef<bool> Wild, bool IsArn,
                           llvm::ArrayRef<llvm::StringRef> ArnFields);

/// The six text fields of a resource pattern as IAM splits it: the first
/// five colon-separated fields and the rest; fields a short pattern lacks
/// are `*`.
std::array<llvm::StringRef, 6> arnPatternFields(llvm::StringRef Pattern);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_PATTERN_H
