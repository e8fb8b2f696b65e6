//===- Lint.cpp - Linting every policy of an account ----------------------===//
//
// Each document is parsed where it stands in the file, so the grammar
// findings of the parser and the findings of the rules already carry file
// offsets; only their pointers, relative to the document, get the document's
// pointer in front.
//
//===----------------------------------------------------------------------===//

#include "Parallel.h"

#include "tollgate/Account/Analysis.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Linter.h"
#include "tollgate/Lint/RuleOptions.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {
namespace account {

namespace {

struct LintJob {
  const Document *Doc;
  std::string Owner, PolicyName;
  std::vector<std::string> AttachedTo;
  std::vector<Diagnostic> Found;
};

/// \p Options tells the rules which account is this one (its principals
/// are not a third party).
void runRules(LintJob &J, const RuleOptions &Options) {
  J.Found = J.Doc->Diags;
  if (J.Doc->P)
    lintPolicy(*J.Doc->P, Options, Catalog::builtin(), J.Found);
}

} // namespace

LintResult lintAccount(const Account &A, const AnalysisOptions &Options) {
  LintResult Out;
  AccountSummary &S = Out.Summary;
  S.Users = A.Users.size();
  S.Groups = A.Groups.size();
  S.Roles = A.Roles.size();
  S.ManagedPolicies = A.Policies.size();

  // Who uses each managed policy, for the findings on it.
  StringMap<std::vector<std::string>> Users;
  for (const Principal *P : A.principals()) {
    for (const std::string &Arn : P->Attached)
      Users[Arn].push_back(P->label());
    if (P->Boundary)
      Users[*P->Boundary].push_back(P->label() + " (boundary)");
  }
  for (const Group &G : A.Groups)
    for (const std::string &Arn : G.Attached)
      Users[Arn].push_back("group/" + G.Name);

  std::vector<LintJob> Jobs;
  for (const Principal *P : A.principals()) {
    for (const Document &D : P->Inline)
      Jobs.push_back({&D, P->label(), "inline policy " + D.Name, {}, {}});
    if (P->Trust)
      Jobs.push_back({&*P->Trust, P->label(), "trust policy", {}, {}});
  }
  for (const Group &G : A.Groups)
    for (const Document &D : G.Inline)
      Jobs.push_back(
          {&D, "group/" + G.Name, "inline policy " + D.Name, {}, {}});
  for (const ManagedPolicy &M : A.Policies)
    if (const Document *D = M.defaultDocument()) {
      auto It = Users.find(M.Arn);
      Jobs.push_back(
          {D,
           "",
           "managed policy " + M.Arn + " (" + M.DefaultVersion + ")",
           It == Users.end() ? std::vector<std::string>() : It->second,
           {}});
    }
  S.Documents = Jobs.size();

  RuleOptions Own;
  if (!A.Id.empty())
    Own.set("known-accounts", {A.Id});
  parallelFor(Jobs.size(), Options.Jobs,
              [&](size_t I) { runRules(Jobs[I], Own); });

  for (LintJob &J : Jobs) {
    std::sort(J.Found.begin(), J.Found.end(), diagnosticLess);
    for (Diagnostic &D : J.Found) {
      D.Pointer = J.Doc->Pointer + D.Pointer;
      ++S.BySeverity[unsigned(D.Level)];
      Out.Findings.push_back(
          {std::move(D), J.Owner, J.PolicyName, J.AttachedTo});
    }
  }
  return Out;
}

} // namespace account
} // namespace tollgate
