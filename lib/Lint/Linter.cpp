//===- Linter.cpp - Linting policy files ----------------------------------===//

#include "tollgate/Lint/Linter.h"
#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Rule.h"
#include "tollgate/Parse/GrammarChecks.h"

#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

ArrayRef<const CheckInfo *> allLintChecks() {
  static const std::vector<const CheckInfo *> All = [] {
    std::vector<const CheckInfo *> V(grammar::allChecks().begin(),
                                     grammar::allChecks().end());
    V.insert(V.end(), ruleChecks().begin(), ruleChecks().end());
    return V;
  }();
  return All;
}

namespace {
/// The rules of a run, made once and shared by every thread.
class RuleSet {
public:
  RuleSet() {
    for (RuleFactory Make : registeredRules())
      Rules.push_back(Make());
  }

  void run(const Policy &P, std::vector<Diagnostic> &Out) const {
    const Catalog &Cat = Catalog::builtin();
    for (const std::unique_ptr<Rule> &R : Rules) {
      RuleContext Ctx(P, Cat, NoOptions, Out);
      R->checkPolicy(Ctx);
      for (const Statement &S : P.Statements)
        R->checkStatement(S, Ctx);
    }
  }

private:
  std::vector<std::unique_ptr<Rule>> Rules;
  RuleOptions NoOptions;
};

const RuleSet &defaultRules() {
  static const RuleSet Rules;
  return Rules;
}
} // namespace

FileFindings lintFile(StringRef Path, const LintOptions &Options) {
  LoadedPolicy Loaded = loadPolicyFile(Path, Options.Load);
  FileFindings F;
  F.Source = Loaded.Source;
  F.Diags = std::move(Loaded.Diags);
  if (Loaded.P) {
    F.PolicyType = policyTypeName(Loaded.P->Type).str();
    F.PolicyTypeAssumed = Loaded.TypeAssumed;
    F.PolicyTypeReason = std::move(Loaded.TypeReason);
    defaultRules().run(*Loaded.P, F.Diags);
  }
  std::stable_sort(F.Diags.begin(), F.Diags.end(), diagnosticLess);
  return F;
}

std::vector<FileFindings> lintFiles(ArrayRef<std::string> Paths,
                                    const LintOptions &Options) {
  std::vector<FileFindings> Results(Paths.size());
  unsigned Jobs = Options.Jobs
                      ? Options.Jobs
                      : llvm::hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Paths.size() <= 1) {
    for (size_t I = 0; I < Paths.size(); ++I)
      Results[I] = lintFile(Paths[I], Options);
    return Results;
  }
  ThreadPool Pool(llvm::hardware_concurrency(Jobs));
  // Standard input can be read once only, so it is read on this thread.
  for (size_t I = 0; I < Paths.size(); ++I)
    if (Paths[I] != "-")
      Pool.async([&, I] { Results[I] = lintFile(Paths[I], Options); });
  for (size_t I = 0; I < Paths.size(); ++I)
    if (Paths[I] == "-")
      Results[I] = lintFile(Paths[I], Options);
  Pool.wait();
  return Results;
}

} // namespace tollgate
