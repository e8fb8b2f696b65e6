//===- Escalation.h - Privilege-escalation graph ----------------*- C++ -*-===//
///
/// \file
/// Nodes are the account's users, roles and groups; an edge A -> B says
/// that A can obtain B's permissions, by one technique of the
/// privilege-escalation catalog (rules/data/privilege-escalation.txt, the
/// data of check IAM201, with its public sources):
///
///  - assuming a role: A's identity side and the role's trust policy allow
///    `sts:AssumeRole` together (one decision of the evaluator);
///  - passing a role to a compute service: A may `iam:PassRole` the role to
///    the service its trust policy accepts, and may make the catalog's
///    other actions of that path (create the function, run the instance);
///  - changing policies: `iam:Put*Policy`, `iam:Attach*Policy` on the
///    target, `iam:CreatePolicyVersion` or `iam:SetDefaultPolicyVersion` on
///    a customer managed policy attached to it;
///  - group membership: `iam:AddUserToGroup` on a group (a user adds
///    itself);
///  - credentials of another user: `iam:CreateAccessKey`,
///    `iam:CreateLoginProfile`, `iam:UpdateLoginProfile`;
///  - trust policy updates: `iam:UpdateAssumeRolePolicy` with
///    `sts:AssumeRole` on the role.
///
/// No edge leaves an administrator (it has nothing to gain). Each edge
/// lists the statements that allow each of its actions. Every
/// decision is the evaluator's on a concrete request of A with no condition
/// key beyond those that follow from A; an Allow that needs other condition
/// values (MFA, tags) gives no edge.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_ESCALATION_H
#define TOLLGATE_ACCOUNT_ESCALATION_H

#include "tollgate/Account/Analysis.h"

#include <string>
#include <vector>

namespace tollgate {
namespace account {

struct EscalationNode {
  /// `user/NAME`, `role/NAME` or `group/NAME`.
  std::string Label;
  std::string Arn;
  /// Proved an administrator (a group: any member with no other policy).
  bool Admin = false;
};

struct EdgeStep {
  std::string Action, Resource;
  std::vector<StatementCite> Because;
};

struct EscalationEdge {
  size_t From = 0, To = 0;
  /// The technique's name in the catalog, and its source tag.
  std::string Technique, Source;
  /// The requests that make the edge, each with its granting statements.
  std::vector<EdgeStep> Steps;
};

struct EscalationPath {
  size_t Start = 0;
  /// Edge indices, from Start to an administrator.
  std::vector<size_t> Edges;
};

struct EscalationGraph {
  std::vector<EscalationNode> Nodes;
  std::vector<EscalationEdge> Edges;
  /// For every node that is not an administrator but reaches one: a
  /// shortest path.
  std::vector<EscalationPath> Paths;
  /// Administrator checks that were not decided.
  std::vector<std::string> Unknown;
};

EscalationGraph buildEscalation(const Account &A, const Guardrails &G,
                                const AnalysisOptions &Options);

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_ESCALATION_H
