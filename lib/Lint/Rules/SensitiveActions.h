//===- SensitiveActions.h - Curated lists of sensitive actions --*- C++ -*-===//
///
/// \file
/// The data under rules/data/, embedded in the binary: the
/// privilege-escalation paths (privilege-escalation.txt) and the actions that
/// expose credentials or data (sensitive-actions.txt). Every action these
/// lists name is "tracked": it has a bit in a TrackedMask, so that the
/// actions an Action element grants among them are one bitwise OR away.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_SENSITIVEACTIONS_H
#define TOLLGATE_LIB_LINT_RULES_SENSITIVEACTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <bitset>
#include <string>
#include <vector>

namespace tollgate {

constexpr unsigned MaxTrackedActions = 128;
using TrackedMask = std::bitset<MaxTrackedActions>;

/// One privilege-escalation path: actions that together escalate.
struct EscalationPath {
  llvm::StringRef Name;
  llvm::StringRef Source;
  /// Indices of the path's actions among the tracked actions.
  llvm::SmallVector<unsigned, 4> Actions;
  TrackedMask Mask;
  /// For a path that passes a role to a service: its service principal.
  llvm::StringRef PassedTo;
};

class SensitiveActions {
public:
  /// The embedded lists, parsed on first use. Thread-safe.
  static const SensitiveActions &get();

  /// Tracked actions as the data spells them (`iam:PassRole`).
  llvm::ArrayRef<std::string> tracked() const { return Names; }
  /// The index of tracked action \p FullName (any case), or -1.
  int index(llvm::StringRef FullName) const;

  llvm::ArrayRef<EscalationPath> paths() const { return Paths; }
  const TrackedMask &credentialsExposure() const { return Credentials; }
  const TrackedMask &dataExfiltration() const { return Exfiltration; }

  /// Indices of the actions some rules ask about by name.
  unsigned passRole() const { return PassRole; }
  unsigned createServiceLinkedRole() const { return CreateSLR; }
  unsigned assumeRole() const { return AssumeRole; }

private:
  SensitiveActions();
  unsigned intern(llvm::StringRef FullName);

  std::vector<std::string> Names;
  llvm::StringMap<unsigned> Index; // lower-case name -> index
  std::vector<EscalationPath> Paths;
  TrackedMask Credentials, Exfiltration;
  unsigned PassRole = 0, CreateSLR = 0, AssumeRole = 0;
};

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_SENSITIVEACTIONS_H
