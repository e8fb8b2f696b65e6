//===- Diagnostic.h - Findings and their checks -----------------*- C++ -*-===//
///
/// \file
/// Every finding tollgate reports names the check that produced it. A check
/// is declared once, as a CheckInfo, with a stable code (`IAM012`), a
/// kebab-case name, a default severity and a one-line summary. Diagnostics
/// are values: they are collected, filtered and sorted before a reporter
/// renders them, which keeps the output deterministic.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_DIAGNOSTIC_H
#define TOLLGATE_SUPPORT_DIAGNOSTIC_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// The four levels of IAM Access Analyzer, in increasing order of weight.
enum class Severity : uint8_t { Suggestion, Warning, Security, Error };

llvm::StringRef severityName(Severity S);
llvm::Optional<Severity> parseSeverity(llvm::StringRef Name);

enum class CheckStatus : uint8_t { Stable, Preview };

/// What a check is. Instances are static and live for the whole program.
struct CheckInfo {
  const char *Code;
  const char *Name;
  Severity DefaultSeverity;
  CheckStatus Status;
  /// True for checks that mean the input could not be read as a policy
  /// document at all (unreadable file, JSON syntax). They exit with 2.
  bool IsInputError;
  const char *Summary;
};

/// A secondary location that explains a finding ("first defined here").
struct DiagNote {
  Span Range;
  std::string Message;
};

/// One finding in one file.
struct Diagnostic {
  const CheckInfo *Check = nullptr;
  Severity Level = Severity::Error;
  std::string Message;
  Span Range;
  /// RFC 6901 pointer to the JSON node, "" for the whole document.
  std::string Pointer;
  std::vector<DiagNote> Notes;
};

/// Orders diagnostics by position, then code, then message.
bool diagnosticLess(const Diagnostic &A, const Diagnostic &B);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_DIAGNOSTIC_H
