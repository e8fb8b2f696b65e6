#include "tollgate/Parse/PolicyBuilder.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace llvm;

TEST_CASE("policy builder: a statement as the reader would make it",
          "[builder]") {
  StatementSpec S;
  S.Actions = {"s3:Get*", "sqs:SendMessage"};
  S.Resources = {"arn:aws:s3:::b/${aws:username}/*"};
  std::unique_ptr<Policy> P =
      cantFail(buildPolicy("<scope>", PolicyType::Identity, {S}));
  CHECK(P->variablesEnabled());
  CHECK(P->Source->name() == "<scope>");
  CHECK_FALSE(P->Source->wasRead());
  REQUIRE(P->Statements.size() == 1);
  const Statement &St = P->Statements[0];
  CHECK(St.Eff == Effect::Allow);
  CHECK(St.Action.Present);
  CHECK_FALSE(St.Action.Negated);
  REQUIRE(St.Action.Patterns.size() == 2);
  CHECK(St.Action.Patterns[1].Text == "sqs:SendMessage");
  REQUIRE(St.Resource.Patterns.size() == 1);
  const PolicyString &R = St.Resource.Patterns[0];
  CHECK(R.hasVariables());
  REQUIRE(R.Parts.size() == 3);
  CHECK(R.Parts[1].K == StringPart::Variable);
  CHECK(R.Parts[1].Value == "aws:username");
}

TEST_CASE("policy builder: none stands for every action and resource",
          "[builder]") {
  std::unique_ptr<Policy> P = everythingPolicy("<none>", Effect::Deny);
  REQUIRE(P->Statements.size() == 1);
  const Statement &S = P->Statements[0];
  CHECK(S.Eff == Effect::Deny);
  REQUIRE(S.Action.Patterns.size() == 1);
  CHECK(S.Action.Patterns[0].Text == "*");
  REQUIRE(S.Resource.Patterns.size() == 1);
  CHECK(S.Resource.Patterns[0].Text == "*");
  CHECK(S.Resource.Patterns[0].Parts.empty());

  StatementSpec NotAction;
  NotAction.NotAction = true;
  NotAction.Actions = {"s3:PutObject"};
  P = cantFail(buildPolicy("<allowed>", PolicyType::Identity, {NotAction}));
  CHECK(P->Statements[0].Action.Negated);
}

TEST_CASE("policy builder: what a policy cannot hold is an error",
          "[builder]") {
  auto error = [](StatementSpec S) {
    Expected<std::unique_ptr<Policy>> P =
        buildPolicy("<scope>", PolicyType::Identity, {S});
    return P ? std::string() : toString(P.takeError());
  };
  StatementSpec S;
  S.Actions = {"s3:${aws:username}"};
  CHECK(error(S) == "invalid action 's3:${aws:username}': actions take no "
                    "policy variables");
  S.Actions = {""};
  CHECK(error(S) == "invalid action '': it is empty");
  S.Actions = {"s3:GetObject"};
  S.Resources = {"arn:aws:s3:::b/${aws:username"};
  CHECK(StringRef(error(S)).startswith(
      "invalid resource 'arn:aws:s3:::b/${aws:username': "));
  // Quotes and backslashes are characters like any other.
  S.Resources = {"arn:aws:s3:::b/\"x\\"};
  CHECK(error(S).empty());
}
