//===- PathGlob.h - File path globs of the configuration --------*- C++ -*-===//
///
/// \file
/// The globs that `per-path-ignores` and `suppress` use to name policy files,
/// matched against a file's path relative to the configuration file's
/// directory, with `/` between directories:
///
///   `*`      any run of characters within one directory level
///   `?`      one character other than `/`
///   `[a-z]`  one character of a class (`[!a-z]` or `[^a-z]`: not in it)
///   `**`     as a whole level: any number of directory levels, none included
///   `\x`     the character `x` itself
///
/// A glob without `/` names a file at any depth (`*.json`, `admin.json`), as
/// in .gitignore files; `./admin.json` names the one next to the
/// configuration file. A glob that ends in `/` names every file below that
/// directory.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_PATHGLOB_H
#define TOLLGATE_CONFIG_PATHGLOB_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tollgate {

class PathGlob {
public:
  /// A glob that matches nothing.
  PathGlob() = default;

  /// Checks and compiles \p Pattern; the error message says what is wrong.
  static llvm::Expected<PathGlob> create(llvm::StringRef Pattern);

  /// True when \p RelativePath (directories separated by `/`) matches.
  bool match(llvm::StringRef RelativePath) const;

  /// The directory levels before the first level with a wildcard
  /// (`legacy/x` for `legacy/x/**/*.json`): every match is below it. Empty
  /// for a bare file name, which matches at any depth.
  std::string fixedDirectory() const;

  /// The glob as written.
  llvm::StringRef text() const { return Text; }
  /// True when the glob names one path: no wildcard, and not a bare file
  /// name (which matches at any depth).
  bool isLiteral() const { return Literal; }

private:
  std::string Text;
  /// The glob's directory levels, `./` dropped.
  std::vector<std::string> Levels;
  /// The glob has no `/`: it is matched against the file name alone.
  bool NameOnly = false;
  bool Literal = false;
};

/// The path of \p Path relative to \p Dir, both absolute and without `.` or
/// `..` levels; `..` levels lead out of \p Dir when \p Path is not below it.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Dir);

/// \p Path made absolute (against the current directory) and without `.` or
/// `..` levels.
std::string absolutePath(llvm::StringRef Path);

} // namespace tollgate

#endif // TOLLGATE_CONFIG_PATHGLOB_H
