//===- Walk.cpp - Searching a folder tree for input files -----------------===//

#include "tollgate/Support/Walk.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

using namespace llvm;

namespace tollgate {

static StringRef kindName(sys::fs::file_type T) {
  switch (T) {
  case sys::fs::file_type::fifo_file:
    return "a FIFO";
  case sys::fs::file_type::socket_file:
    return "a socket";
  case sys::fs::file_type::character_file:
    return "a character device";
  case sys::fs::file_type::block_file:
    return "a block device";
  default:
    return "a special file";
  }
}

WalkResult walkDirectory(StringRef Dir,
                         function_ref<bool(StringRef Name)> SkipFolder,
                         function_ref<bool(StringRef Path)> WantFile) {
  WalkResult R;
  // Folders by device and inode: a folder reached twice (a link back to a
  // parent, or two links to one folder) is searched once.
  std::set<std::pair<uint64_t, uint64_t>> Seen;
  auto firstVisit = [&](const sys::fs::file_status &S) {
    sys::fs::UniqueID ID = S.getUniqueID();
    return Seen.insert({ID.getDevice(), ID.getFile()}).second;
  };
  sys::fs::file_status Top;
  if (std::error_code EC = sys::fs::status(Dir, Top)) {
    R.Unreadable.push_back({Dir.str(), EC.message()});
    return R;
  }
  firstVisit(Top);
  std::vector<std::string> Pending = {Dir.str()};
  while (!Pending.empty()) {
    std::string Folder = std::move(Pending.back());
    Pending.pop_back();
    std::error_code EC;
    for (sys::fs::directory_iterator It(Folder, EC, /*FollowSymlinks=*/false),
         End;
         It != End && !EC; It.increment(EC)) {
      std::string Path = It->path();
      StringRef Name = sys::path::filename(Path);
      // The directory listing tells a plain file (not a link) without a
      // stat: most entries of a tree of policies are such files.
      if (It->type() == sys::fs::file_type::regular_file) {
        if (WantFile(Path))
          R.Files.push_back(std::move(Path));
        continue;
      }
      sys::fs::file_status S;
      if (std::error_code SE = sys::fs::status(Path, S, /*Follow=*/true)) {
        // A dangling link: an error only where a file was wanted.
        if (WantFile(Path))
          R.Unreadable.push_back({Path, SE.message()});
        continue;
      }
      if (sys::fs::is_directory(S)) {
        if (SkipFolder(Name))
          continue;
        if (!firstVisit(S)) {
          R.Notes.push_back("'" + Path +
                            "' leads to a folder already searched (a "
                            "symbolic link); not searched again");
          continue;
        }
        Pending.push_back(std::move(Path));
        continue;
      }
      if (!WantFile(Path))
        continue;
      if (sys::fs::is_regular_file(S))
        R.Files.push_back(std::move(Path));
      else
        R.Notes.push_back("'" + Path + "' is " + kindName(S.type()).str() +
                          ", not a regular file; skipped");
    }
    if (EC)
      R.Unreadable.push_back({Folder, EC.message()});
  }
  std::sort(R.Files.begin(), R.Files.end());
  return R;
}

} // namespace tollgate
