//===- ChangeSource.cpp - What changed since a revision -------------------===//
///
/// \file
/// What changed: `git diff --name-status MERGE-BASE` (the merge base of REF
/// and HEAD against the working tree, so commits since REF, staged changes
/// and unstaged changes all count) plus untracked files that git does not
/// ignore. The version at REF is `git show MERGE-BASE:PATH`.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Gate/ChangeSource.h"

#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <map>

using namespace llvm;

namespace tollgate {

ChangeSource::~ChangeSource() = default;

static Error failure(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<std::unique_ptr<GitChangeSource>> GitChangeSource::create() {
  ErrorOr<std::string> GitPath = sys::findProgramByName("git");
  if (!GitPath)
    return failure("git is not on the PATH");
  {
    // git's output goes through temporary files.
    SmallString<128> Probe;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("tollgate-gate", "probe", Probe)) {
      SmallString<128> Dir;
      sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Dir);
      return failure("cannot create a temporary file in '" + Dir +
                     "' (TMPDIR): " + EC.message());
    }
    sys::fs::remove(Probe);
  }
  std::unique_ptr<GitChangeSource> G(new GitChangeSource(*GitPath));
  std::string Out;
  if (G->run({"rev-parse", "--show-toplevel"}, Out) != 0)
    return failure("not in a git repository");
  G->Root = StringRef(Out).trim().str();
  return std::move(G);
}

int GitChangeSource::run(ArrayRef<std::string> Args, std::string &Out,
                         std::string *ErrText) const {
  SmallString<128> OutFile, ErrFile;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("tollgate-git", "out", OutFile)) {
    if (ErrText)
      *ErrText = "cannot create a temporary file: " + EC.message();
    return -1;
  }
  if (std::error_code EC =
          sys::fs::createTemporaryFile("tollgate-git", "err", ErrFile)) {
    sys::fs::remove(OutFile);
    if (ErrText)
      *ErrText = "cannot create a temporary file: " + EC.message();
    return -1;
  }
  std::vector<StringRef> Argv = {Git};
  for (const std::string &S : Args)
    Argv.push_back(S);
  llvm::Optional<StringRef> Redirects[] = {StringRef(""), StringRef(OutFile),
                                           StringRef(ErrFile)};
  int RC = sys::ExecuteAndWait(Git, Argv, llvm::None, Redirects);
  ReadOutcome OutRead = readBounded(OutFile);
  Out = std::move(OutRead.Text);
  if (OutRead.S == ReadOutcome::TooLarge)
    RC = -100;
  if (ErrText)
    *ErrText = StringRef(readBounded(ErrFile).Text).trim().str();
  sys::fs::remove(OutFile);
  sys::fs::remove(ErrFile);
  return RC;
}

Expected<std::string> GitChangeSource::baseCommit(StringRef Ref) {
  std::string Out, Shallow;
  if (run({"merge-base", Ref.str(), "HEAD"}, Out) == 0)
    return StringRef(Out).trim().str();
  if (run({"rev-parse", "--is-shallow-repository"}, Shallow) == 0 &&
      StringRef(Shallow).trim() == "true")
    // Comparing with the tip of REF instead would count every change made
    // on REF since the branch point as this change's.
    return failure("this is a shallow clone without the merge base of '" + Ref +
                   "' and HEAD; fetch more history (`git fetch --unshallow`, "
                   "or `fetch-depth: 0` in actions/checkout)");
  if (run({"rev-parse", "--verify", "--quiet", (Ref + "^{commit}").str()},
          Out) == 0)
    return StringRef(Out).trim().str();
  return failure("unknown revision '" + Ref + "'");
}

Expected<std::vector<ChangedFile>>
GitChangeSource::changedFiles(StringRef Base) {
  std::string Out, ErrText;
  // Renames are followed, so that a moved policy is compared with its
  // previous version rather than with nothing; every other change but a
  // deletion (a type change: a file replaced by a symbolic link) is
  // examined.
  if (run({"diff", "--name-status", "-z", "-M", "--diff-filter=ACMRT",
           Base.str(), "--"},
          Out, &ErrText) != 0)
    return failure("git diff failed: " + ErrText);
  std::map<std::string, std::string> Files; // path -> path at the base
  SmallVector<StringRef, 32> Parts;
  StringRef(Out).split(Parts, '\0', -1, false);
  for (size_t I = 0; I + 1 < Parts.size();) {
    if (Parts[I].startswith("R") && I + 2 < Parts.size()) {
      Files[Parts[I + 2].str()] = Parts[I + 1].str();
      I += 3;
      continue;
    }
    Files.emplace(Parts[I + 1].str(), Parts[I + 1].str());
    I += 2;
  }
  if (run({"ls-files", "-z", "--others", "--exclude-standard"}, Out,
          &ErrText) == 0) {
    Parts.clear();
    StringRef(Out).split(Parts, '\0', -1, false);
    for (StringRef P : Parts)
      Files.emplace(P.str(), P.str());
  }
  std::vector<ChangedFile> Result;
  for (auto &[Path, BasePath] : Files)
    Result.push_back({Path, BasePath});
  return Result;
}

std::optional<std::string> GitChangeSource::readAtRevision(StringRef Revision,
                                                           StringRef Path) {
  std::string Spec = (Revision + ":" + Path).str(), Text;
  if (run({"cat-file", "-e", Spec}, Text) != 0 ||
      run({"show", Spec}, Text) != 0)
    return std::nullopt;
  return Text;
}

} // namespace tollgate
