//===- InvalidAwsPrincipal.cpp - IAM432 invalid-aws-principal -------------===//
///
/// \file
/// An `AWS` principal that is not `*`, a 12-digit account id or the ARN of
/// an account root, IAM user, IAM role, assumed-role session or federated
/// user session (or a CloudFront origin access identity). Unique ids and
/// wildcards have their own checks. User docs:
/// rules/docs/invalid-aws-principal.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

/// What is wrong with \p V as an AWS principal, or an empty string.
std::string problemOf(StringRef V) {
  if (V == "*" || reference::isAccountId(V))
    return "";
  if (!V.startswith("arn:"))
    return "is neither a 12-digit account id nor an ARN";
  reference::ArnFields F = reference::splitArnFields(V);
  if (!F.complete())
    return "is not a complete ARN";
  if (!is_contained(reference::knownPartitions(), F.partition()))
    return ("has the unknown partition `" + F.partition() + "`").str();
  StringRef Service = F.service(), Resource = F.resource();
  if (Service != "iam" && Service != "sts")
    return ("names a `" + Service +
            "` resource, not an account, user, role or session")
        .str();
  if (!F.region().empty())
    return "has a Region; IAM and STS principal ARNs have none";
  // CloudFront origin access identities are users of the `cloudfront`
  // account.
  if (Service == "iam" && F.account() == "cloudfront" &&
      Resource.startswith("user/CloudFront Origin Access Identity "))
    return "";
  if (!reference::isAccountId(F.account()))
    return ("has account `" + F.account() + "`, not a 12-digit account id")
        .str();
  if (Service == "iam") {
    if (Resource == "root" || Resource.startswith("user/") ||
        Resource.startswith("role/"))
      return Resource.size() > 5 || Resource == "root"
                 ? ""
                 : "names no user or role";
    if (Resource.startswith("group/"))
      return "names an IAM group, and groups cannot be principals";
    return ("names an IAM `" +
            Resource.take_until([](char C) { return C == '/'; }) +
            "`, which cannot be a principal")
        .str();
  }
  if (Resource.startswith("assumed-role/")) {
    StringRef Rest = Resource.drop_front(strlen("assumed-role/"));
    if (Rest.contains('/') && !Rest.startswith("/") && !Rest.endswith("/"))
      return "";
    return "names an assumed role without a session name "
           "(`assumed-role/ROLE/SESSION`)";
  }
  if (Resource.startswith("federated-user/") &&
      Resource.size() > strlen("federated-user/"))
    return "";
  return ("names an STS `" +
          Resource.take_until([](char C) { return C == '/'; }) +
          "`, which cannot be a principal")
      .str();
}

class InvalidAwsPrincipalRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM432")
          .name("invalid-aws-principal")
          .severity(Severity::Error)
          .summary("An AWS principal that is not an account id or the ARN of a "
                   "root, "
                   "user, role or session");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const PrincipalValue &P : S.Principal.Values) {
      StringRef V = P.Value.Text;
      // Wildcards, unique ids and variables are other checks' findings.
      if (P.Kind != PrincipalKind::AWS || (hasWildcard(V) && V != "*") ||
          reference::isUniqueId(V) || V.contains("${"))
        continue;
      std::string Problem = problemOf(V);
      if (Problem.empty())
        continue;
      Ctx.report(Info, P.Value.L,
                 "AWS principal `" + V + "` " + Problem +
                     "; name an account id such as `111122223333`, or the "
                     "ARN of a root, user, role or session such as "
                     "`arn:aws:iam::111122223333:role/name`");
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidAwsPrincipalRule);
} // namespace tollgate
