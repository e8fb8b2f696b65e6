//===- PathGlob.cpp - File path globs of the configuration ----------------===//

#include "tollgate/Config/PathGlob.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace tollgate {

/// Finds the `]` that closes the class opening at \p Pattern[Open], or npos.
/// A `]` right after `[`, `[!` or `[^` is a member, not the end.
static size_t classEnd(StringRef Pattern, size_t Open) {
  size_t I = Open + 1;
  if (I < Pattern.size() && (Pattern[I] == '!' || Pattern[I] == '^'))
    ++I;
  if (I < Pattern.size() && Pattern[I] == ']')
    ++I;
  for (; I < Pattern.size(); ++I) {
    if (Pattern[I] == '\\')
      ++I;
    else if (Pattern[I] == ']')
      return I;
  }
  return StringRef::npos;
}

/// True when \p C is in the class `[...]` spelled by \p Class (brackets
/// excluded).
static bool inClass(StringRef Class, char C) {
  bool Negated = !Class.empty() && (Class[0] == '!' || Class[0] == '^');
  if (Negated)
    Class = Class.drop_front();
  bool Found = false;
  for (size_t I = 0; I < Class.size(); ++I) {
    char Low = Class[I];
    if (Low == '\\' && I + 1 < Class.size())
      Low = Class[++I];
    char High = Low;
    if (I + 2 < Class.size() && Class[I + 1] == '-') {
      High = Class[I + 2];
      if (High == '\\' && I + 3 < Class.size())
        High = Class[++I + 2];
      I += 2;
    }
    Found |= Low <= C && C <= High;
  }
  return Found != Negated;
}

/// Matches one token of \p Pattern at \p P against \p C; on a match, moves
/// \p P past the token. The pattern is known to be well formed.
static bool matchToken(StringRef Pattern, size_t &P, char C) {
  char T = Pattern[P];
  if (T == '?') {
    ++P;
    return true;
  }
  if (T == '[') {
    size_t End = classEnd(Pattern, P);
    bool Match = inClass(Pattern.slice(P + 1, End), C);
    P = End + 1;
    return Match;
  }
  if (T == '\\')
    T = Pattern[++P];
  ++P;
  return T == C;
}

/// Matches one directory level (no `/` on either side). Every token but `*`
/// matches one character, so backtracking to the last `*` is enough.
static bool matchLevel(StringRef Pattern, StringRef Text) {
  size_t P = 0, T = 0;
  size_t StarP = StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = ++P;
      StarT = T;
      continue;
    }
    size_t Next = P;
    if (P < Pattern.size() && matchToken(Pattern, Next, Text[T])) {
      P = Next;
      ++T;
      continue;
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP;
    T = ++StarT;
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

static bool matchLevels(ArrayRef<std::string> Pattern,
                        ArrayRef<StringRef> Text) {
  if (Pattern.empty())
    return Text.empty();
  if (Pattern[0] == "**") {
    for (size_t Skip = 0; Skip <= Text.size(); ++Skip)
      if (matchLevels(Pattern.drop_front(), Text.drop_front(Skip)))
        return true;
    return false;
  }
  return !Text.empty() && matchLevel(Pattern[0], Text[0]) &&
         matchLevels(Pattern.drop_front(), Text.drop_front());
}

Expected<PathGlob> PathGlob::create(StringRef Pattern) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), Why);
  };
  PathGlob G;
  G.Text = Pattern.str();
  StringRef Rest = Pattern;
  while (Rest.consume_front("./"))
    ;
  if (Rest.empty())
    return Fail("empty glob; name files relative to the configuration "
                "file's directory, such as `policies/*.json`");
  if (Rest.startswith("/"))
    return Fail("glob `" + Pattern +
                "` is absolute; globs are relative to the configuration "
                "file's directory");
  // A trailing `/` names a directory: every file below it.
  bool Directory = Rest.consume_back("/");
  // `./name` names the file next to the configuration only.
  G.NameOnly = !Directory && !Rest.contains('/') && !Pattern.startswith("./");
  G.Literal = true;
  SmallVector<StringRef, 8> Levels;
  Rest.split(Levels, '/');
  for (StringRef Level : Levels) {
    if (Level.empty())
      return Fail("glob `" + Pattern + "` has an empty directory level (`//`)");
    if (Level == "**") {
      G.Literal = false;
      // `a/**/**/b` is `a/**/b`.
      if (G.Levels.empty() || G.Levels.back() != "**")
        G.Levels.push_back("**");
      continue;
    }
    for (size_t I = 0; I < Level.size(); ++I) {
      char C = Level[I];
      if (C == '\\') {
        if (I + 1 == Level.size())
          return Fail("glob `" + Pattern +
                      "` ends a level with `\\`; write "
                      "`\\\\` for a backslash");
        ++I;
      } else if (C == '[') {
        size_t End = classEnd(Level, I);
        if (End == StringRef::npos)
          return Fail("glob `" + Pattern + "` has a `[` with no closing `]`");
        G.Literal = false;
        I = End;
      } else if (C == '*' || C == '?') {
        if (C == '*' && I + 1 < Level.size() && Level[I + 1] == '*')
          return Fail("glob `" + Pattern +
                      "` uses `**` inside a level; `**` must be a whole "
                      "level, as in `legacy/**/*.json`");
        G.Literal = false;
      }
    }
    G.Levels.push_back(Level.str());
  }
  if (G.NameOnly)
    G.Literal = false;
  if (Directory) {
    G.Literal = false;
    G.Levels.push_back("**");
    G.Levels.push_back("*");
  }
  return G;
}

bool PathGlob::match(StringRef RelativePath) const {
  SmallVector<StringRef, 8> Text;
  RelativePath.split(Text, '/', -1, /*KeepEmpty=*/false);
  if (NameOnly)
    return !Text.empty() && matchLevels(Levels, Text.back());
  return matchLevels(Levels, Text);
}

/// True when \p Level has no wildcard, class or escape.
static bool isLiteralLevel(StringRef Level) {
  return Level.find_first_of("*?[\\") == StringRef::npos;
}

std::string PathGlob::fixedDirectory() const {
  std::string Out;
  if (NameOnly)
    return Out;
  // The last level names files, not a directory.
  for (size_t I = 0; I + 1 < Levels.size() && isLiteralLevel(Levels[I]); ++I) {
    if (!Out.empty())
      Out += '/';
    Out += Levels[I];
  }
  return Out;
}

std::string absolutePath(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P.str());
}

std::string relativePath(StringRef Path, StringRef Dir) {
  auto PI = sys::path::begin(Path), PE = sys::path::end(Path);
  auto DI = sys::path::begin(Dir), DE = sys::path::end(Dir);
  while (PI != PE && DI != DE && *PI == *DI) {
    ++PI;
    ++DI;
  }
  std::string Out;
  for (; DI != DE; ++DI)
    Out += Out.empty() ? ".." : "/..";
  for (; PI != PE; ++PI) {
    if (!Out.empty())
      Out += '/';
    Out += std::string(*PI);
  }
  return Out;
}

} // namespace tollgate
