//===- Diagnostic.cpp - Findings and their checks -------------------------===//

#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/StringSwitch.h"

#include <cstring>

using namespace llvm;

namespace tollgate {

std::optional<double> securityScore(SecurityImpact I) {
  switch (I) {
  case SecurityImpact::None:
    return std::nullopt;
  case SecurityImpact::Low:
    return 3.0;
  case SecurityImpact::Medium:
    return 5.5;
  case SecurityImpact::High:
    return 8.0;
  case SecurityImpact::Critical:
    return 9.5;
  }
  return std::nullopt;
}

StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Suggestion:
    return "suggestion";
  case Severity::Warning:
    return "warning";
  case Severity::Security:
    return "security";
  case Severity::Error:
    return "error";
  }
  return "error";
}

std::optional<Severity> parseSeverity(StringRef Name) {
  return StringSwitch<std::optional<Severity>>(Name.lower())
      .Case("suggestion", Severity::Suggestion)
      .Case("warning", Severity::Warning)
      .Cases("security", "security-warning", Severity::Security)
      .Case("error", Severity::Error)
      .Default(std::nullopt);
}

StringRef optionTypeName(OptionType T) {
  switch (T) {
  case OptionType::String:
    return "string";
  case OptionType::StringList:
    return "list of strings";
  case OptionType::Boolean:
    return "boolean";
  }
  return "string";
}

const CheckOption *CheckInfo::findOption(StringRef OptionName) const {
  for (const CheckOption &O : Options)
    if (OptionName == O.Name)
      return &O;
  return nullptr;
}

bool diagnosticLess(const Diagnostic &A, const Diagnostic &B) {
  if (A.Range.Begin != B.Range.Begin)
    return A.Range.Begin < B.Range.Begin;
  if (A.Range.End != B.Range.End)
    return A.Range.End < B.Range.End;
  if (int Order = std::strcmp(A.Check->Code, B.Check->Code))
    return Order < 0;
  return A.Message < B.Message;
}

} // namespace tollgate
