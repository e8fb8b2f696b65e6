//===- ConfigSet.cpp - Finding the configuration of each file -------------===//

#include "tollgate/Config/ConfigSet.h"
#include "tollgate/Config/CheckSelector.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace tollgate {

static bool anyMatches(ArrayRef<ConfigItem> Selectors, const CheckInfo &C) {
  for (const ConfigItem &S : Selectors)
    if (selectorMatches(S.Text, C))
      return true;
  return false;
}

static std::vector<ConfigItem> items(ArrayRef<std::string> Selectors) {
  std::vector<ConfigItem> Out;
  for (const std::string &S : Selectors)
    Out.push_back({S, Span()});
  return Out;
}

ResolvedConfig::ResolvedConfig(Config Conf, const SelectionOverrides &O,
                               ArrayRef<const CheckInfo *> Checks)
    : C(std::move(Conf)) {
  std::optional<std::vector<ConfigItem>> Select = C.Select, Ignore = C.Ignore;
  if (O.Select)
    Select = items(*O.Select);
  if (O.Ignore)
    Ignore = items(*O.Ignore);
  for (const CheckInfo *Check : Checks) {
    // A selected check that is also ignored is ignored; checks that mean
    // the input could not be read always run.
    bool On = (!Select || anyMatches(*Select, *Check)) &&
              !(Ignore && anyMatches(*Ignore, *Check));
    Enabled.push_back(On || Check->IsInputError);
    Severity Level = Check->DefaultSeverity;
    bool Named = false;
    for (auto &[Check2, Override] : C.Severities)
      if (Check2 == Check) {
        Level = Override;
        Named = true;
      }
    Levels.push_back(Level);
    Configured.push_back(Named);
  }
  for (const PathIgnore &P : C.PerPathIgnores) {
    std::vector<bool> Mask;
    for (const CheckInfo *Check : Checks)
      Mask.push_back(!Check->IsInputError && anyMatches(P.Checks, *Check));
    IgnoreMasks.push_back(std::move(Mask));
  }
}

std::string ResolvedConfig::relativePathOf(StringRef FileName) const {
  if (!isFile() || FileName == "-" || FileName == "<stdin>")
    return "";
  return relativePath(absolutePath(FileName), C.Dir);
}

std::vector<bool> ResolvedConfig::enabledFor(StringRef RelativePath) const {
  std::vector<bool> Out = Enabled;
  if (RelativePath.empty())
    return Out;
  for (size_t I = 0; I < C.PerPathIgnores.size(); ++I)
    if (C.PerPathIgnores[I].Glob.match(RelativePath))
      for (size_t J = 0; J < Out.size(); ++J)
        if (IgnoreMasks[I][J])
          Out[J] = false;
  return Out;
}

ConfigSet::ConfigSet(ArrayRef<const CheckInfo *> Checks,
                     SelectionOverrides Overrides)
    : Checks(Checks), Overrides(std::move(Overrides)) {
  Defaults =
      std::make_unique<ResolvedConfig>(Config(), this->Overrides, Checks);
}

ConfigSet::~ConfigSet() = default;

const ResolvedConfig &ConfigSet::load(StringRef Path, StringRef DisplayName) {
  std::unique_ptr<ResolvedConfig> &Slot = ByPath[Path];
  if (!Slot) {
    Slot = std::make_unique<ResolvedConfig>(
        loadConfig(Path, DisplayName, Checks), Overrides, Checks);
    Order.push_back(Slot.get());
  }
  return *Slot;
}

Error ConfigSet::useFile(StringRef Path) {
  // Anything readable will do, /dev/null (no configuration) included.
  if (!sys::fs::exists(Path) || sys::fs::is_directory(Path))
    return createStringError(inconvertibleErrorCode(),
                             "cannot read configuration file '" + Path + "': " +
                                 (sys::fs::exists(Path)
                                      ? "is a directory"
                                      : "no such file or directory"));
  Explicit = &load(absolutePath(Path), Path);
  return Error::success();
}

/// How a configuration file found above the current directory is named in
/// findings: relative to the current directory, as policy paths usually are.
static std::string displayName(StringRef AbsolutePath) {
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return AbsolutePath.str();
  return relativePath(AbsolutePath, absolutePath(Cwd));
}

const ResolvedConfig &ConfigSet::forDirectory(StringRef AbsoluteDir) {
  std::vector<std::string> Visited;
  const ResolvedConfig *Found = Defaults.get();
  std::string Dir = AbsoluteDir.str();
  while (true) {
    auto It = ByDirectory.find(Dir);
    if (It != ByDirectory.end()) {
      Found = It->second;
      break;
    }
    Visited.push_back(Dir);
    SmallString<256> Candidate(Dir);
    sys::path::append(Candidate, ConfigFileName);
    if (sys::fs::exists(Candidate) && !sys::fs::is_directory(Candidate)) {
      Found = &load(Candidate, displayName(Candidate));
      break;
    }
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    StringRef Parent = sys::path::parent_path(Dir);
    if (sys::fs::exists(Git) || Parent.empty() || Parent == Dir)
      break;
    Dir = Parent.str();
  }
  for (const std::string &D : Visited)
    ByDirectory[D] = Found;
  return *Found;
}

const ResolvedConfig &ConfigSet::forFile(StringRef Path) {
  if (Explicit)
    return *Explicit;
  if (Path == "-")
    return forCurrentDirectory();
  return forDirectory(sys::path::parent_path(absolutePath(Path)));
}

const ResolvedConfig &ConfigSet::forCurrentDirectory() {
  if (Explicit)
    return *Explicit;
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return *Defaults;
  return forDirectory(absolutePath(Cwd));
}

} // namespace tollgate
