//===- PrivilegeEscalation.cpp - IAM201 privilege-escalation --------------===//
///
/// \file
/// The actions that all Allow statements of an identity or session policy
/// grant together, on every resource and with no restricting condition,
/// minus what its unconditional Deny statements take away, matched against
/// the privilege-escalation paths of rules/data/privilege-escalation.txt.
/// User docs: rules/docs/privilege-escalation.md
///
//===----------------------------------------------------------------------===//

#include "ActionFacts.h"
#include "ConditionStrength.h"
#include "ResourceFacts.h"
#include "RuleScope.h"
#include "SensitiveActions.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lint/Rule.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

/// Where a policy grants one tracked action without constraint.
struct GrantSite {
  const Statement *S = nullptr;
  const Loc *At = nullptr;
};

/// The values of a positive `iam:PassedToService` condition of \p S, if it
/// has one.
static const Condition *passedToService(const Statement &S) {
  for (const Condition &C : S.Conditions)
    if (C.Key.equals_insensitive("iam:PassedToService") &&
        conditionRestricts(C, ConditionKinds::Resource))
      return &C;
  return nullptr;
}

/// True if the conditions of \p S other than `iam:PassedToService`
/// restrict it.
static bool restrictedOtherwise(const Statement &S) {
  for (const Condition &C : S.Conditions)
    if (!C.Key.equals_insensitive("iam:PassedToService") &&
        conditionRestricts(C, ConditionKinds::AnyScope))
      return true;
  return false;
}

static bool admitsService(const Condition &C, StringRef Service) {
  for (const ConditionValue &V : C.Values)
    if (C.Op == ConditionOp::StringLike
            ? globMatch(V.Value.Text, Service, CaseMode::Insensitive)
            : V.Value.Text.equals_insensitive(Service))
      return true;
  return false;
}

static std::string sourceName(StringRef Tag) {
  if (Tag == "rhino")
    return "Rhino Security Labs";
  if (Tag == "bishopfox")
    return "Bishop Fox iam-vulnerable";
  if (Tag == "pathfinding")
    return "Datadog pathfinding.cloud";
  return Tag.str();
}

class PrivilegeEscalationRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM201")
          .name("privilege-escalation")
          .severity(Severity::Security)
          .impact(SecurityImpact::Critical)
          .summary("The policy allows a known privilege-escalation path");
  const CheckInfo &info() const override { return Info; }

  void checkPolicy(RuleContext &Ctx) const override {
    const Policy &P = Ctx.policy();
    if (!grantsToIdentity(P.Type))
      return;
    const Catalog &Cat = Ctx.catalog();
    const SensitiveActions &Data = SensitiveActions::get();
    unsigned PassRole = Data.passRole();

    // Tracked actions granted without constraint, and where.
    std::array<GrantSite, MaxTrackedActions> Sites;
    // PassRole grants restricted only by iam:PassedToService.
    SmallVector<std::pair<const Statement *, const Condition *>, 2>
        PassRoleToServices;
    TrackedMask Granted, Denied;
    for (const Statement &S : P.Statements) {
      TrackedMask M = grantedTracked(S, Ctx);
      if (M.none())
        continue;
      if (S.Eff == Effect::Deny) {
        if (S.HasCondition)
          continue;
        for (unsigned I = 0; I < Data.tracked().size(); ++I)
          if (M.test(I))
            if (const ActionInfo *A = Cat.action(Data.tracked()[I]))
              if (coversEveryResourceOf(S, *A))
                Denied.set(I);
        continue;
      }
      if (isAllowAllStatement(S))
        continue;
      bool Restricted = statementRestricted(S, ConditionKinds::AnyScope);
      const Condition *ToServices = nullptr;
      if (Restricted && M.test(PassRole) && !restrictedOtherwise(S))
        ToServices = passedToService(S);
      if (Restricted && !ToServices)
        continue;
      for (unsigned I = 0; I < Data.tracked().size(); ++I) {
        if (!M.test(I) || Granted.test(I))
          continue;
        if (ToServices && I != PassRole)
          continue;
        const ActionInfo *A = Cat.action(Data.tracked()[I]);
        if (!A || !coversEveryResourceOf(S, *A))
          continue;
        if (ToServices) {
          PassRoleToServices.push_back({&S, ToServices});
          continue;
        }
        Granted.set(I);
        const ActionPattern *Pat = patternGranting(S, I, Ctx);
        Sites[I] = {&S, Pat ? &Pat->L : &S.Action.L};
      }
    }
    Granted &= ~Denied;

    // Paths, grouped by where their first action is granted.
    struct Group {
      const Loc *At;
      const EscalationPath *First;
      SmallVector<const EscalationPath *, 4> Paths;
    };
    SmallVector<Group, 4> Groups;
    for (const EscalationPath &Path : Data.paths()) {
      TrackedMask Needed = Path.Mask;
      GrantSite PassSite;
      if (Needed.test(PassRole) && !Granted.test(PassRole) &&
          !Path.PassedTo.empty() && !Denied.test(PassRole)) {
        for (auto &[S, C] : PassRoleToServices)
          if (admitsService(*C, Path.PassedTo)) {
            const ActionPattern *Pat = patternGranting(*S, PassRole, Ctx);
            PassSite = {S, Pat ? &Pat->L : &S->Action.L};
            break;
          }
        if (PassSite.S)
          Needed.reset(PassRole);
      }
      if ((Needed & ~Granted).any())
        continue;
      unsigned Lead = Path.Actions.front();
      const Loc *At =
          Lead == PassRole && PassSite.S ? PassSite.At : Sites[Lead].At;
      auto It = find_if(Groups, [&](const Group &G) { return G.At == At; });
      if (It == Groups.end()) {
        Groups.push_back({At, &Path, {}});
        It = std::prev(Groups.end());
      }
      It->Paths.push_back(&Path);
    }

    for (const Group &G : Groups) {
      auto ActionsOf = [&](const EscalationPath &Path) {
        std::string Out;
        for (size_t I = 0; I < Path.Actions.size(); ++I) {
          if (I)
            Out += I + 1 == Path.Actions.size() ? " and " : ", ";
          Out += "`" + Data.tracked()[Path.Actions[I]] + "`";
        }
        return Out;
      };
      const EscalationPath &First = *G.First;
      std::string Message;
      if (G.Paths.size() == 1) {
        Message =
            "the policy allows " + ActionsOf(First) +
            " on every resource without a restricting condition: " +
            (First.Actions.size() == 1 ? "this is" : "together they are") +
            " the privilege-escalation path " + First.Name.str() + " (" +
            sourceName(First.Source) + ")";
      } else {
        Message = "the policy allows, on every resource and without a "
                  "restricting condition, actions that open " +
                  std::to_string(G.Paths.size()) +
                  " privilege-escalation paths: ";
        for (size_t I = 0; I < G.Paths.size() && I < 3; ++I)
          Message += (I ? "; " : "") + G.Paths[I]->Name.str() + " (" +
                     ActionsOf(*G.Paths[I]) + ")";
        if (G.Paths.size() > 3)
          Message += "; and " + std::to_string(G.Paths.size() - 3) + " more";
      }
      Diagnostic &D = Ctx.report(
          Info, *G.At,
          Message + "; a principal with these permissions can give itself "
                    "permissions it was not granted: scope the actions to "
                    "named resources, or remove them");
      for (size_t I = 1; I < First.Actions.size(); ++I) {
        const GrantSite &Site = Sites[First.Actions[I]];
        if (Site.At && Site.At != G.At)
          Ctx.note(D, *Site.At,
                   "`" + Data.tracked()[First.Actions[I]] + "` allowed here");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(PrivilegeEscalationRule);
} // namespace tollgate
