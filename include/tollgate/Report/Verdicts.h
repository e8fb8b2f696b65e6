//===- Verdicts.h - Verdicts, requests and regions for a reader -*- C++ -*-===//
///
/// \file
/// How the verifying commands (check, diff, gate) show what the verifier
/// found: statement locations, counterexample requests, conditions and
/// groups of changed access.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REPORT_VERDICTS_H
#define TOLLGATE_REPORT_VERDICTS_H

#include "tollgate/Verify/Regions.h"
#include "tollgate/Verify/Verify.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace tollgate {

/// `file:line:col (Sid)` of statement \p Ref of a set.
std::string statementLocation(const CompiledPolicySet &Set, StatementRef Ref);

/// Prints a counterexample request (text form). Context keys outside
/// \p ReadKeys (folded), when given, are named on one line.
void printRequest(const Request &R, bool FutureAction,
                  llvm::StringRef CatalogDate, llvm::raw_ostream &OS,
                  llvm::StringRef Indent = "  ",
                  const std::vector<std::string> *ReadKeys = nullptr);

/// The actions of \p R for a reader: at most \p Shown of them, then how
/// many more; actions AWS may add later are said to be so. \p Quoted
/// writes `` `a`, `b` `` rather than `a b`.
std::string regionActions(const Region &R, llvm::StringRef CatalogDate,
                          unsigned Shown = 12, bool Quoted = false);

/// `StringEquals aws:SourceVpc = "vpc-1"`.
std::string conditionText(const Condition &C);

void printDirectionText(const Direction &D, llvm::StringRef CatalogDate,
                        llvm::raw_ostream &OS);
llvm::json::Object directionJson(const Direction &D);

} // namespace tollgate

#endif // TOLLGATE_REPORT_VERDICTS_H
