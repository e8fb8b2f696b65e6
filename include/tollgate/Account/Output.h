//===- Output.h - Writing the answers about an account ----------*- C++ -*-===//
///
/// \file
/// Text for people and JSON for programs, one writer pair per question.
/// Every JSON document is an object with "command", "account" (the id) and
/// "file", so that `tollgate account merge` can put the documents of many
/// accounts side by side.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_OUTPUT_H
#define TOLLGATE_ACCOUNT_OUTPUT_H

#include "tollgate/Account/Analysis.h"
#include "tollgate/Account/Escalation.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace tollgate {
namespace account {

void writeProblems(const Account &A, llvm::raw_ostream &OS);

void writeLintText(const Account &A, const LintResult &R,
                   llvm::raw_ostream &OS);
void writeLintJson(const Account &A, const LintResult &R,
                   llvm::raw_ostream &OS);

void writeWhoCanText(const Account &A, const WhoCanQuery &Q,
                     llvm::ArrayRef<WhoCanAnswer> R, llvm::raw_ostream &OS);
void writeWhoCanJson(const Account &A, const WhoCanQuery &Q,
                     llvm::ArrayRef<WhoCanAnswer> R, llvm::raw_ostream &OS);

/// Only administrators (proved or under conditions) and unknowns are
/// listed in text; JSON lists every principal.
void writeAdminsText(const Account &A, llvm::ArrayRef<AdminAnswer> R,
                     llvm::raw_ostream &OS);
void writeAdminsJson(const Account &A, llvm::ArrayRef<AdminAnswer> R,
                     llvm::raw_ostream &OS);

void writeExternalText(const Account &A, llvm::ArrayRef<ExternalAccess> R,
                       llvm::raw_ostream &OS);
void writeExternalJson(const Account &A, llvm::ArrayRef<ExternalAccess> R,
                       llvm::raw_ostream &OS);

void writeEscalationText(const Account &A, const EscalationGraph &G,
                         llvm::raw_ostream &OS);
void writeEscalationJson(const Account &A, const EscalationGraph &G,
                         llvm::raw_ostream &OS);
void writeEscalationDot(const Account &A, const EscalationGraph &G,
                        llvm::raw_ostream &OS);
/// The graph drawn as SVG by Graphviz's `dot`; an error when `dot` is not
/// installed or fails.
llvm::Error writeEscalationSvg(const Account &A, const EscalationGraph &G,
                               llvm::raw_ostream &OS);

/// One line: `PRINCIPAL ACTION RESOURCE key=value ...`; with \p Keys
/// (folded), only those keys.
std::string requestText(const Request &R,
                        const std::vector<std::string> *Keys = nullptr);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_OUTPUT_H
