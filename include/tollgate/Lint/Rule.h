//===- Rule.h - Lint rules and their registry -------------------*- C++ -*-===//
///
/// \file
/// A rule is one class in one file under lib/Lint/Rules/, with a
/// documentation page rules/docs/<name>.md and a golden test
/// tests/lit/rules/<name>.test. It declares its CheckInfo once and registers
/// itself:
///
/// \code
///   class PassRoleWildcardRule final : public Rule {
///   public:
///     static constexpr CheckInfo Info =
///         CheckInfo::declare()
///             .code("IAM205")
///             .name("pass-role-on-any-resource")
///             .severity(Severity::Security)
///             .summary("iam:PassRole on every role");
///     const CheckInfo &info() const override { return Info; }
///     void checkStatement(const Statement &S,
///                         RuleContext &Ctx) const override;
///   };
///   TOLLGATE_REGISTER_RULE(PassRoleWildcardRule);
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LINT_RULE_H
#define TOLLGATE_LINT_RULE_H

#include "tollgate/Lint/RuleOptions.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

#include <memory>
#include <vector>

namespace tollgate {

class Catalog;
class RuleAnalysis;

/// What a rule sees while it checks one policy, and where it reports.
class RuleContext {
public:
  RuleContext(const Policy &P, const Catalog &Cat, RuleAnalysis &Analysis,
              const RuleOptions &Options, std::vector<Diagnostic> &Out)
      : P(P), Cat(Cat), Analysis(Analysis), Options(Options), Out(Out) {}

  const Policy &policy() const { return P; }
  /// The catalog of the run (the built-in one unless the run names another).
  const Catalog &catalog() const { return Cat; }
  /// What the rules of the run work out once and share (indexes of the
  /// catalog, the facts of this policy's statements); owned by the run.
  RuleAnalysis &analysis() const { return Analysis; }
  /// The options the configuration gives the rule being run.
  const RuleOptions &options() const { return Options; }

  /// Reports \p Message at \p Where; returns the diagnostic so that the
  /// caller can attach notes.
  Diagnostic &report(const CheckInfo &Check, const Loc &Where,
                     const llvm::Twine &Message);
  /// Attaches a note at \p Where to \p D.
  void note(Diagnostic &D, const Loc &Where, const llvm::Twine &Message);

private:
  const Policy &P;
  const Catalog &Cat;
  RuleAnalysis &Analysis;
  const RuleOptions &Options;
  std::vector<Diagnostic> &Out;
};

/// Rules keep no state between calls, so one instance serves every thread.
class Rule {
public:
  virtual ~Rule();
  /// The rule's static CheckInfo.
  virtual const CheckInfo &info() const = 0;
  /// Called once per policy, before the statements.
  virtual void checkPolicy(RuleContext &Ctx) const {}
  /// Called for every statement of the policy, in order.
  virtual void checkStatement(const Statement &S, RuleContext &Ctx) const {}
};

using RuleFactory = std::unique_ptr<Rule> (*)();

/// Every registered rule's factory, sorted by code.
llvm::ArrayRef<RuleFactory> registeredRules();

/// The CheckInfo of every registered rule, sorted by code.
llvm::ArrayRef<const CheckInfo *> ruleChecks();

namespace detail {
void registerRule(RuleFactory Factory);
template <typename RuleT> struct RuleRegistration {
  RuleRegistration() {
    registerRule(
        []() -> std::unique_ptr<Rule> { return std::make_unique<RuleT>(); });
  }
};
} // namespace detail

#define TOLLGATE_REGISTER_RULE(RuleT)                                          \
  static ::tollgate::detail::RuleRegistration<RuleT> RuleT##Registration

} // namespace tollgate

#endif // TOLLGATE_LINT_RULE_H
