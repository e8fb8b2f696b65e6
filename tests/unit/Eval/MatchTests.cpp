//===- MatchTests.cpp - Action and Resource matching ----------------------===//

#include "Build.h"

#include "tollgate/Eval/Principal.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::test;

namespace {

const char *Alice = "arn:aws:iam::111122223333:user/alice";

Decision identityDecision(const Policy &P, const Request &R) {
  PolicySet S;
  S.Identity.push_back(&P);
  return decide(R, S).D;
}

Decision actionDecision(std::initializer_list<const char *> Patterns,
                        const char *Action, bool NotAction = false) {
  auto P = policy();
  stmt(*P, Effect::Allow, Patterns, {"*"}, NotAction);
  return identityDecision(*P, request(Alice, Action, "*"));
}

Decision resourceDecision(std::initializer_list<const char *> Patterns,
                          const char *Resource, bool NotResource = false,
                          const RequestContext *Ctx = nullptr,
                          bool Variables = true) {
  auto P = policy(PolicyType::Identity, Variables);
  stmt(*P, Effect::Allow, {"s3:GetObject"}, Patterns, false, NotResource);
  Request R = request(Alice, "s3:GetObject", Resource);
  if (Ctx)
    R.Context = *Ctx;
  return identityDecision(*P, R);
}

} // namespace

TEST_CASE("actions match without case, with wildcards", "[eval][match]") {
  CHECK(actionDecision({"s3:GetObject"}, "s3:GetObject") == Decision::Allow);
  CHECK(actionDecision({"IAM:listaccesskeys"}, "iam:ListAccessKeys") ==
        Decision::Allow);
  CHECK(actionDecision({"s3:Get*"}, "s3:GetObjectAcl") == Decision::Allow);
  CHECK(actionDecision({"s3:*Object"}, "s3:PutObject") == Decision::Allow);
  CHECK(actionDecision({"s3:Get?bject"}, "s3:GetObject") == Decision::Allow);
  CHECK(actionDecision({"*"}, "ec2:RunInstances") == Decision::Allow);
  CHECK(actionDecision({"s3:*"}, "s3:ListBucket") == Decision::Allow);
  CHECK(actionDecision({"s*:List*"}, "sqs:ListQueues") == Decision::Allow);
  CHECK(actionDecision({"s3:Get*"}, "s3:PutObject") == Decision::ImplicitDeny);
  CHECK(actionDecision({"s3:GetObject"}, "s3:GetObjectAcl") ==
        Decision::ImplicitDeny);
  CHECK(actionDecision({"s3:Get?bject"}, "s3:GetObbject") ==
        Decision::ImplicitDeny);
  CHECK(actionDecision({"s3:*"}, "s3express:CreateSession") ==
        Decision::ImplicitDeny);
  CHECK(actionDecision({"ec2:*", "s3:GetObject"}, "s3:GetObject") ==
        Decision::Allow);
}

TEST_CASE("long action lists match as short ones", "[eval][match]") {
  // More than eight patterns of each kind: the statement's indexes hash
  // them; globs are grouped by service, with those of a wildcard service
  // apart.
  std::initializer_list<const char *> Many = {
      "s3:GetObject",     "s3:PutObject",  "ec2:RunInstances", "iam:GetUser",
      "sqs:SendMessage",  "sns:Publish",   "kms:Decrypt",      "lambda:Invoke*",
      "ec2:Describe*",    "s3:List*",      "dynamodb:Get*",    "logs:Put*",
      "ssm:Get?arameter", "rds:*Snapshot", "ec*:Create*",      "*:TagResource",
      "StandAlone",       "glue:Get*",     "athena:*",         "kms:Re*"};
  CHECK(actionDecision(Many, "S3:GETOBJECT") == Decision::Allow);
  CHECK(actionDecision(Many, "standalone") == Decision::Allow);
  CHECK(actionDecision(Many, "ec2:DescribeVpcs") == Decision::Allow);
  CHECK(actionDecision(Many, "ssm:GetParameter") == Decision::Allow);
  CHECK(actionDecision(Many, "rds:DeleteDBSnapshot") == Decision::Allow);
  CHECK(actionDecision(Many, "ecs:CreateService") == Decision::Allow);
  CHECK(actionDecision(Many, "ecr:CreateRepository") == Decision::Allow);
  CHECK(actionDecision(Many, "ec2:CreateVpc") == Decision::Allow);
  CHECK(actionDecision(Many, "anything:TagResource") == Decision::Allow);
  CHECK(actionDecision(Many, "athena:StartQueryExecution") == Decision::Allow);
  CHECK(actionDecision(Many, "kms:ReEncryptFrom") == Decision::Allow);
  CHECK(actionDecision(Many, "s3:DeleteObject") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "s3") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "ssm:GetParameters") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "eks:CreateCluster") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "glue2:GetTable") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "kms:Encrypt") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "StandAlone:x") == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "s3:GetObject", true) == Decision::ImplicitDeny);
  CHECK(actionDecision(Many, "s3:DeleteObject", true) == Decision::Allow);
}

TEST_CASE("NotAction matches every other action", "[eval][match]") {
  CHECK(actionDecision({"iam:*"}, "s3:GetObject", true) == Decision::Allow);
  CHECK(actionDecision({"iam:*"}, "IAM:CreateUser", true) ==
        Decision::ImplicitDeny);
  CHECK(actionDecision({"iam:*", "s3:*"}, "s3:GetObject", true) ==
        Decision::ImplicitDeny);
}

TEST_CASE("resources match field by field", "[eval][match]") {
  CHECK(resourceDecision({"arn:aws:s3:::bucket/*"},
                         "arn:aws:s3:::bucket/a/b") == Decision::Allow);
  CHECK(resourceDecision({"*"}, "arn:aws:s3:::x") == Decision::Allow);
  CHECK(resourceDecision({"arn:aws:s3:::bucket/*"}, "arn:aws:s3:::bucket") ==
        Decision::ImplicitDeny);
  CHECK(resourceDecision({"arn:aws:s3:::b?cket"}, "arn:aws:s3:::bucket") ==
        Decision::Allow);
  // `*` in a prefix field does not cross into the next field.
  CHECK(resourceDecision({"arn:aws:logs:*:123456789012:log-group:x"},
                         "arn:aws:logs:us-east-1:123456789012:log-group:x") ==
        Decision::Allow);
  CHECK(resourceDecision({"arn:aws:logs:*:log-group:x"},
                         "arn:aws:logs:us-east-1:123456789012:log-group:x") ==
        Decision::ImplicitDeny);
  // The resource field may contain colons, and `*` there spans them.
  CHECK(resourceDecision({"arn:aws:logs:*:*:log-group:*"},
                         "arn:aws:logs:us-east-1:1:log-group:a:log-stream:b") ==
        Decision::Allow);
  // A wildcard can stand for a whole empty field.
  CHECK(resourceDecision({"arn:aws:s3:*:*:bucket"}, "arn:aws:s3:::bucket") ==
        Decision::Allow);
  CHECK(resourceDecision({"arn:*:s3:::bucket"}, "arn:aws-cn:s3:::bucket") ==
        Decision::Allow);
  // Not an ARN: only `*` matches.
  CHECK(resourceDecision({"arn:aws:s3:::*"}, "*") == Decision::ImplicitDeny);
  CHECK(resourceDecision({"*"}, "*") == Decision::Allow);
}

TEST_CASE("resource case rules", "[eval][match]") {
  // The resource field is case-sensitive.
  CHECK(resourceDecision({"arn:aws:s3:::Bucket/*"}, "arn:aws:s3:::bucket/a") ==
        Decision::ImplicitDeny);
  // The other fields are not (EvalOptions default).
  CHECK(resourceDecision({"arn:AWS:S3:::bucket/*"}, "arn:aws:s3:::bucket/a") ==
        Decision::Allow);
  auto P = policy();
  allow(*P, {"s3:GetObject"}, {"arn:AWS:S3:::bucket/*"});
  PolicySet S;
  S.Identity.push_back(P.get());
  EvalOptions Strict;
  Strict.ResourcePrefixCaseInsensitive = false;
  CHECK(
      decide(request(Alice, "s3:GetObject", "arn:aws:s3:::bucket/a"), S, Strict)
          .D == Decision::ImplicitDeny);
}

TEST_CASE("short resource patterns are padded with *", "[eval][match]") {
  CHECK(resourceDecision({"arn:aws:s3"}, "arn:aws:s3:::bucket") ==
        Decision::Allow);
  CHECK(resourceDecision({"arn:aws:ec2:us-east-1"},
                         "arn:aws:ec2:us-west-2:1:instance/i") ==
        Decision::ImplicitDeny);
}

TEST_CASE("NotResource matches every other resource", "[eval][match]") {
  CHECK(resourceDecision({"arn:aws:s3:::secret/*"}, "arn:aws:s3:::open/a",
                         true) == Decision::Allow);
  CHECK(resourceDecision({"arn:aws:s3:::secret/*"}, "arn:aws:s3:::secret/a",
                         true) == Decision::ImplicitDeny);
}

TEST_CASE("resource policy variables", "[eval][match][variables]") {
  RequestContext Ctx;
  Ctx.set("aws:username", "alice");
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/alice/x", false,
                         &Ctx) == Decision::Allow);
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/bob/x", false,
                         &Ctx) == Decision::ImplicitDeny);
  // Key names in variables ignore case.
  CHECK(resourceDecision({"arn:aws:s3:::home/${AWS:UserName}/*"},
                         "arn:aws:s3:::home/alice/x", false,
                         &Ctx) == Decision::Allow);
  // "The resource that includes a policy variable with no value will not
  // match any resource."
  RequestContext Empty;
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/alice/x", false,
                         &Empty) == Decision::ImplicitDeny);
  // ... so NotResource with it matches every resource.
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/alice/x", true,
                         &Empty) == Decision::Allow);
  // Defaults stand in for missing values.
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username, 'guest'}/*"},
                         "arn:aws:s3:::home/guest/x", false,
                         &Empty) == Decision::Allow);
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username, 'guest'}/*"},
                         "arn:aws:s3:::home/alice/x", false,
                         &Ctx) == Decision::Allow);
  // Escapes are literal characters, never wildcards.
  CHECK(resourceDecision({"arn:aws:s3:::a/${*}"}, "arn:aws:s3:::a/*", false,
                         &Ctx) == Decision::Allow);
  CHECK(resourceDecision({"arn:aws:s3:::a/${*}"}, "arn:aws:s3:::a/b", false,
                         &Ctx) == Decision::ImplicitDeny);
  CHECK(resourceDecision({"arn:aws:s3:::a/${?}${$}"}, "arn:aws:s3:::a/?$",
                         false, &Ctx) == Decision::Allow);
  // A wildcard in a variable's value is literal too.
  RequestContext Star;
  Star.set("aws:username", "*");
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}"},
                         "arn:aws:s3:::home/alice", false,
                         &Star) == Decision::ImplicitDeny);
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}"},
                         "arn:aws:s3:::home/*", false,
                         &Star) == Decision::Allow);
  // Multivalued keys cannot be variables.
  RequestContext Multi;
  Multi.setMulti("aws:username", {"alice"});
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/alice/x", false,
                         &Multi) == Decision::ImplicitDeny);
  // Under the 2008-10-17 language version `${...}` is plain text.
  CHECK(resourceDecision({"arn:aws:s3:::home/${aws:username}/*"},
                         "arn:aws:s3:::home/${aws:username}/x", false, &Ctx,
                         /*Variables=*/false) == Decision::Allow);
}

TEST_CASE("the role a role or session ARN names", "[eval][match]") {
  std::optional<RoleRef> Role =
      roleOf("arn:aws:iam::111122223333:role/team/Deployer");
  REQUIRE(Role);
  CHECK(Role->Name == "Deployer");
  CHECK(Role->Account == "111122223333");
  CHECK_FALSE(Role->Session);
  std::optional<RoleRef> Session =
      roleOf("arn:aws:sts::111122223333:assumed-role/Deployer/build-7");
  REQUIRE(Session);
  CHECK(Session->Name == "Deployer");
  CHECK(Session->Session);
  CHECK_FALSE(roleOf("arn:aws:iam::111122223333:user/alice"));
  CHECK_FALSE(roleOf("Deployer"));

  // A role's session is matched by the role ARN, with or without its path,
  // in the role's own account only.
  Caller C =
      Caller::fromId("arn:aws:sts::111122223333:assumed-role/Deployer/build-7");
  auto match = [&](const char *Arn) {
    PrincipalValue V;
    V.Kind = PrincipalKind::AWS;
    V.Value.Text = Arn;
    return matchPrincipalEntry(classifyPrincipal(V), C, "", false);
  };
  CHECK(match("arn:aws:iam::111122223333:role/team/Deployer") ==
        PrincipalMatch::SessionRole);
  CHECK(match("arn:aws:iam::111122223333:role/deployer") ==
        PrincipalMatch::SessionRole);
  CHECK(match("arn:aws:iam::444455556666:role/Deployer") ==
        PrincipalMatch::None);
  CHECK(match("arn:aws:iam::111122223333:user/Deployer") ==
        PrincipalMatch::None);
}
