//===- ChangeSource.h - What changed since a revision -----------*- C++ -*-===//
///
/// \file
/// The gate asks a version-control system three things: which commit a
/// revision's changes are measured from, which files changed since it, and
/// what a file held there. GitChangeSource answers from git; tests answer
/// from memory.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_GATE_CHANGESOURCE_H
#define TOLLGATE_GATE_CHANGESOURCE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {

/// A file that is added, modified, renamed or retyped since the base.
/// Deleted files are not listed: they only remove access.
struct ChangedFile {
  /// The path in the working tree, relative to the repository root.
  std::string Path;
  /// The path at the base when the file was renamed; else Path.
  std::string BasePath;
};

class ChangeSource {
public:
  virtual ~ChangeSource();
  /// The commit the changes since \p Ref are measured from: the merge base
  /// of \p Ref and the current commit. The error is a sentence for a user.
  virtual llvm::Expected<std::string> baseCommit(llvm::StringRef Ref) = 0;
  /// Every file changed since \p Base (commits, staged, unstaged and
  /// untracked changes), each once, sorted by path.
  virtual llvm::Expected<std::vector<ChangedFile>>
  changedFiles(llvm::StringRef Base) = 0;
  /// The text of \p Path at \p Revision; nullopt when it did not exist
  /// there (or could not be read whole).
  virtual std::optional<std::string> readAtRevision(llvm::StringRef Revision,
                                                    llvm::StringRef Path) = 0;
};

/// Changes of the git repository around the current directory.
class GitChangeSource : public ChangeSource {
public:
  /// Finds git on the PATH and the repository's top folder; the error is a
  /// sentence for a user.
  static llvm::Expected<std::unique_ptr<GitChangeSource>> create();

  /// The repository's top folder, absolute.
  llvm::StringRef root() const { return Root; }

  llvm::Expected<std::string> baseCommit(llvm::StringRef Ref) override;
  llvm::Expected<std::vector<ChangedFile>>
  changedFiles(llvm::StringRef Base) override;
  std::optional<std::string> readAtRevision(llvm::StringRef Revision,
                                            llvm::StringRef Path) override;

private:
  explicit GitChangeSource(std::string Git) : Git(std::move(Git)) {}
  /// Runs git with \p Args; returns its exit status (negative when it did
  /// not run or wrote more than tollgate reads) and standard output.
  int run(llvm::ArrayRef<std::string> Args, std::string &Out,
          std::string *ErrText = nullptr) const;

  std::string Git, Root;
};

} // namespace tollgate

#endif // TOLLGATE_GATE_CHANGESOURCE_H
