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

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include <string>
#include <vector>

namespace tollgate {

/// The four levels of IAM Access Analyzer, in increasing order of weight.
enum class Severity : uint8_t { Suggestion, Warning, Security, Error };

llvm::StringRef severityName(Severity S);
std::optional<Severity> parseSeverity(llvm::StringRef Name);

enum class CheckStatus : uint8_t { Stable, Preview };

/// How much a finding of a check exposes when it is real, for code
/// scanning's security ranking (GitHub's critical, high, medium and low).
/// Checks about form rather than access declare None.
enum class SecurityImpact : uint8_t { None, Low, Medium, High, Critical };

/// The score GitHub code scanning ranks security alerts by (0.1 to 10:
/// low below 4, medium below 7, high below 9, critical from 9), or None.
std::optional<double> securityScore(SecurityImpact I);

/// The type of a rule option's value in the configuration file.
enum class OptionType : uint8_t {
  String,     ///< One scalar.
  StringList, ///< A list of scalars (a single scalar is a list of one).
  Boolean,    ///< `true` or `false`.
};

llvm::StringRef optionTypeName(OptionType T);

/// One option a check takes under `rule-options` in `.tollgate.yaml`. The
/// declaration is the source of truth: configuration is validated against
/// it and the rule reads its value through it (see RuleOptions).
///
/// \code
///   constexpr CheckOption KnownAccounts =
///       CheckOption::named("known-accounts")
///           .type(OptionType::StringList)
///           .byDefault("[]")
///           .description("Account ids that are not another account");
/// \endcode
struct CheckOption {
  const char *Name = "";
  OptionType Type = OptionType::String;
  /// The default value, as it would be written in YAML (`[]`, `false`).
  const char *Default = "";
  const char *Description = "";

  static constexpr CheckOption named(const char *N) {
    CheckOption O;
    O.Name = N;
    return O;
  }
  constexpr CheckOption type(OptionType T) const {
    CheckOption O = *this;
    O.Type = T;
    return O;
  }
  constexpr CheckOption byDefault(const char *D) const {
    CheckOption O = *this;
    O.Default = D;
    return O;
  }
  constexpr CheckOption description(const char *D) const {
    CheckOption O = *this;
    O.Description = D;
    return O;
  }

private:
  constexpr CheckOption() {}
};

/// What a check is. Instances are static and live for the whole program;
/// they are built field by field, by name:
///
/// \code
///   static constexpr CheckInfo Info =
///       CheckInfo::declare()
///           .code("IAM101")
///           .name("allow-all")
///           .severity(Severity::Security)
///           .summary("An Allow of every action on every resource");
/// \endcode
struct CheckInfo {
  const char *Code = "";
  /// The kebab-case name, which is also the name of the check's page.
  const char *Name = "";
  Severity DefaultSeverity = Severity::Error;
  CheckStatus Status = CheckStatus::Stable;
  SecurityImpact Impact = SecurityImpact::None;
  /// True for checks that mean the input could not be read as a policy
  /// document at all (unreadable file, JSON syntax). They exit with 2.
  bool IsInputError = false;
  const char *Summary = "";
  /// The options the check takes; most take none.
  llvm::ArrayRef<CheckOption> Options;

  static constexpr CheckInfo declare() { return CheckInfo(); }
  constexpr CheckInfo code(const char *C) const {
    CheckInfo I = *this;
    I.Code = C;
    return I;
  }
  constexpr CheckInfo name(const char *N) const {
    CheckInfo I = *this;
    I.Name = N;
    return I;
  }
  constexpr CheckInfo severity(Severity S) const {
    CheckInfo I = *this;
    I.DefaultSeverity = S;
    return I;
  }
  constexpr CheckInfo impact(SecurityImpact S) const {
    CheckInfo I = *this;
    I.Impact = S;
    return I;
  }
  constexpr CheckInfo status(CheckStatus S) const {
    CheckInfo I = *this;
    I.Status = S;
    return I;
  }
  constexpr CheckInfo inputError(bool B = true) const {
    CheckInfo I = *this;
    I.IsInputError = B;
    return I;
  }
  constexpr CheckInfo summary(const char *S) const {
    CheckInfo I = *this;
    I.Summary = S;
    return I;
  }
  constexpr CheckInfo options(llvm::ArrayRef<CheckOption> O) const {
    CheckInfo I = *this;
    I.Options = O;
    return I;
  }

  /// The declared option called \p OptionName, or null.
  const CheckOption *findOption(llvm::StringRef OptionName) const;

private:
  constexpr CheckInfo() {}
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
  /// The one text the check proposes in place of the string at Range (a
  /// did-you-mean candidate), without quotes; empty when it proposes none.
  /// Fixes are made from it (Fix.h).
  std::string Suggestion;
};

/// Orders diagnostics by position, then code, then message.
bool diagnosticLess(const Diagnostic &A, const Diagnostic &B);

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_DIAGNOSTIC_H
