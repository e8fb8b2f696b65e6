//===- ConfigSet.h - Finding the configuration of each file -----*- C++ -*-===//
///
/// \file
/// The nearest `.tollgate.yaml` above a policy file applies to it: the
/// search walks up from the file's directory and stops at the filesystem
/// root or at a directory that holds `.git` (after looking there). `--config
/// FILE` instead applies one file to every policy. Each configuration file is
/// read once, and each directory looked up once, per run.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CONFIG_CONFIGSET_H
#define TOLLGATE_CONFIG_CONFIGSET_H

#include "tollgate/Config/Config.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace tollgate {

/// Command-line lists that replace a configuration's `select` and `ignore`.
struct SelectionOverrides {
  std::optional<std::vector<std::string>> Select;
  std::optional<std::vector<std::string>> Ignore;
};

/// A configuration with what it makes of every check, the command line's
/// overrides applied. Check indices are positions in the run's check list.
class ResolvedConfig {
public:
  ResolvedConfig(Config C, const SelectionOverrides &Overrides,
                 llvm::ArrayRef<const CheckInfo *> Checks);

  const Config &config() const { return C; }
  /// False for the built-in defaults (no configuration file).
  bool isFile() const { return C.Source != nullptr; }

  /// \p FileName (a path as the user named it) relative to the directory of
  /// the configuration; "" for standard input or without a file.
  std::string relativePathOf(llvm::StringRef FileName) const;

  /// Which checks run on the file at \p RelativePath (see relativePathOf),
  /// `per-path-ignores` applied.
  std::vector<bool> enabledFor(llvm::StringRef RelativePath) const;

  /// The severity the configuration gives the check at \p Index.
  Severity severity(size_t Index) const { return Levels[Index]; }
  /// True when the configuration names the check at \p Index under
  /// `severity`; otherwise a finding keeps the level its check gave it
  /// (some checks raise theirs, such as an oversized SCP).
  bool severityConfigured(size_t Index) const { return Configured[Index]; }

private:
  Config C;
  std::vector<bool> Enabled;
  std::vector<Severity> Levels;
  std::vector<bool> Configured;
  /// For each `per-path-ignores` entry, the checks it turns off.
  std::vector<std::vector<bool>> IgnoreMasks;
};

class ConfigSet {
public:
  ConfigSet(llvm::ArrayRef<const CheckInfo *> Checks,
            SelectionOverrides Overrides);
  ~ConfigSet();

  /// Applies the file at \p Path to every policy (`--config`). Fails when
  /// the file cannot be read.
  llvm::Error useFile(llvm::StringRef Path);

  /// The configuration of the policy file named \p Path ("-" is standard
  /// input, which belongs to the current directory).
  const ResolvedConfig &forFile(llvm::StringRef Path);

  /// The configuration of the current directory, which gives the run its
  /// defaults (`fail-on`, `format`).
  const ResolvedConfig &forCurrentDirectory();

  /// Every configuration file read so far, in the order read.
  llvm::ArrayRef<const ResolvedConfig *> files() const { return Order; }

private:
  const ResolvedConfig &forDirectory(llvm::StringRef AbsoluteDir);
  const ResolvedConfig &load(llvm::StringRef Path, llvm::StringRef DisplayName);

  llvm::ArrayRef<const CheckInfo *> Checks;
  SelectionOverrides Overrides;
  const ResolvedConfig *Explicit = nullptr;
  std::unique_ptr<ResolvedConfig> Defaults;
  llvm::StringMap<const ResolvedConfig *> ByDirectory;
  llvm::StringMap<std::unique_ptr<ResolvedConfig>> ByPath;
  std::vector<const ResolvedConfig *> Order;
};

} // namespace tollgate

#endif // TOLLGATE_CONFIG_CONFIGSET_H
