//===- Walk.h - Searching a folder tree for input files ---------*- C++ -*-===//
///
/// \file
/// The one directory walk of tollgate. It follows symbolic links but visits
/// each folder once, so a link back to a parent cannot make it loop; it
/// keeps only regular files (a FIFO or a device named `*.json` would block
/// or never end), saying what it skipped; and it reports folders it cannot
/// read instead of dropping them.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_WALK_H
#define TOLLGATE_SUPPORT_WALK_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace tollgate {

struct WalkResult {
  /// Regular files that the filter wants, sorted.
  std::vector<std::string> Files;
  /// What was left out and why ("'x.json' is a FIFO, not a regular file;
  /// skipped"), in the order found.
  std::vector<std::string> Notes;
  /// Folders (or entries) that could not be read: path and reason.
  std::vector<std::pair<std::string, std::string>> Unreadable;
};

/// Lists the files below \p Dir. \p SkipFolder says, from a folder's name,
/// not to enter it; \p WantFile says, from a file's path, to keep it.
WalkResult
walkDirectory(llvm::StringRef Dir,
              llvm::function_ref<bool(llvm::StringRef Name)> SkipFolder,
              llvm::function_ref<bool(llvm::StringRef Path)> WantFile);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_WALK_H
