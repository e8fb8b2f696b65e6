#include "tollgate/Parse/Load.h"
#include "tollgate/Parse/PolicyVariables.h"

#include <catch2/catch.hpp>

using namespace tollgate;

static LoadedPolicy
load(std::string Text, std::optional<PolicyType> Type = PolicyType::Identity) {
  LoadOptions Options;
  Options.Type = Type;
  return loadPolicyText("test.json", std::move(Text), Options);
}

static std::vector<std::string> codes(const LoadedPolicy &L) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : L.Diags)
    Out.push_back(D.Check->Code);
  return Out;
}

TEST_CASE("parser: a full statement becomes IR with locations") {
  LoadedPolicy L = load(R"({
  "Version": "2012-10-17",
  "Id": "p1",
  "Statement": {
    "Sid": "One",
    "Effect": "Deny",
    "NotAction": ["s3:Get*", "iam:PassRole"],
    "Resource": "arn:aws:s3:::b/${aws:username}/*",
    "Condition": {
      "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]},
      "NumericLessThan": {"s3:max-keys": 10},
      "Bool": {"aws:SecureTransport": false}
    }
  }
})");
  REQUIRE(L.P);
  CHECK(L.Diags.empty());
  const Policy &P = *L.P;
  CHECK(P.Version == "2012-10-17");
  CHECK(P.Id == "p1");
  REQUIRE(P.Statements.size() == 1);
  const Statement &S = P.Statements[0];
  CHECK(S.Sid == "One");
  CHECK(S.Eff == Effect::Deny);
  CHECK(S.Action.Negated);
  REQUIRE(S.Action.Patterns.size() == 2);
  CHECK(S.Action.Patterns[1].service() == "iam");
  CHECK(S.Action.Patterns[1].name() == "PassRole");
  CHECK(P.pointer(S.Action.Patterns[1].L.Path) == "/Statement/NotAction/1");
  Position Pos = P.Source->position(S.Action.Patterns[1].L.Range.Begin);
  CHECK(Pos.Line == 7);
  CHECK(Pos.Column == 30);

  REQUIRE(S.Resource.Patterns.size() == 1);
  const PolicyString &R = S.Resource.Patterns[0];
  REQUIRE(R.Parts.size() == 3);
  CHECK(R.Parts[0].Value == "arn:aws:s3:::b/");
  CHECK(R.Parts[1].K == StringPart::Variable);
  CHECK(R.Parts[1].Value == "aws:username");
  CHECK(R.Parts[2].Value == "/*");

  REQUIRE(S.Conditions.size() == 3);
  const Condition &C = S.Conditions[0];
  CHECK(C.Op == ConditionOp::StringLike);
  CHECK(C.Qualifier == SetQualifier::ForAnyValue);
  CHECK(C.IfExists);
  CHECK(C.Key == "aws:TagKeys");
  CHECK(C.Values.size() == 2);
  CHECK(P.pointer(C.KeyLoc.Path) ==
        "/Statement/Condition/ForAnyValue:StringLikeIfExists/aws:TagKeys");
  CHECK(S.Conditions[1].Values[0].K == ConditionValue::Number);
  CHECK(S.Conditions[1].Values[0].Value.Text == "10");
  CHECK(S.Conditions[2].Values[0].K == ConditionValue::Boolean);
  CHECK(S.Conditions[2].Values[0].Value.Text == "false");
}

TEST_CASE("parser: principals") {
  LoadedPolicy L = load(R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:root"], "Service": "ec2.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Deny", "NotPrincipal": {"CanonicalUser": "abc"}, "Action": "s3:GetObject", "Resource": "*"}]})",
                        PolicyType::Resource);
  REQUIRE(L.P);
  CHECK(L.Diags.empty());
  const auto &S = L.P->Statements;
  CHECK(S[0].Principal.Everyone);
  REQUIRE(S[1].Principal.Values.size() == 3);
  CHECK(S[1].Principal.Values[2].Kind == PrincipalKind::Service);
  CHECK(S[1].Principal.Values[1].Value.Text ==
        "arn:aws:iam::444455556666:root");
  CHECK(S[2].Principal.Negated);
}

TEST_CASE("parser: escaped strings are owned by the policy") {
  LoadedPolicy L = load(
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Get\u004fbject", "Resource": "*"}})");
  REQUIRE(L.P);
  CHECK(L.P->Statements[0].Action.Patterns[0].Text == "s3:GetObject");
}

TEST_CASE("parser: variables are text under the old version") {
  LoadedPolicy L = load(
      R"({"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}"}})");
  REQUIRE(L.P);
  CHECK(codes(L) == std::vector<std::string>{"IAM016", "IAM017"});
  CHECK(L.P->Statements[0].Resource.Patterns[0].Parts.empty());
}

TEST_CASE("parser: type detection") {
  LoadOptions Detect;
  LoadedPolicy Trust = loadPolicyText(
      "t.json",
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}})",
      Detect);
  REQUIRE(Trust.P);
  CHECK(Trust.TypeAssumed);
  CHECK(Trust.P->Type == PolicyType::Trust);
  CHECK(Trust.Diags.empty());
  LoadedPolicy Res = loadPolicyText(
      "r.json",
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}})",
      Detect);
  CHECK(Res.P->Type == PolicyType::Resource);
  LoadedPolicy Id = loadPolicyText(
      "i.json",
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}})",
      Detect);
  CHECK(Id.P->Type == PolicyType::Identity);
}

TEST_CASE("parser: input errors leave no IR") {
  LoadedPolicy L = load("{\"Version\": ");
  CHECK_FALSE(L.P);
  CHECK(L.hasInputError());
  CHECK(codes(L) == std::vector<std::string>{"IAM002"});
}

TEST_CASE("parser: size quota of an SCP is an error") {
  std::string Actions;
  for (int I = 0; I < 400; ++I)
    Actions += "\"s3:GetObjectVersion" + std::to_string(I) + "\",";
  Actions.pop_back();
  LoadedPolicy L = load(
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": [)" +
          Actions + R"(], "Resource": "*"}})",
      PolicyType::SCP);
  REQUIRE(codes(L) == std::vector<std::string>{"IAM026"});
  CHECK(L.Diags[0].Level == Severity::Error);
}

TEST_CASE("policy variables: parts, defaults, escapes and errors") {
  std::vector<StringPart> Parts;
  VariableError E;
  REQUIRE(splitPolicyVariables("a${aws:username, 'it''s'}b${*}", Parts, E));
  REQUIRE(Parts.size() == 4);
  CHECK(Parts[1].K == StringPart::Variable);
  CHECK(Parts[1].HasDefault);
  CHECK(Parts[1].Default == "it''s");
  CHECK(Parts[3].K == StringPart::Escape);
  CHECK(Parts[3].Value == "*");

  Parts.clear();
  CHECK_FALSE(splitPolicyVariables("x${aws:username", Parts, E));
  CHECK(E.Begin == 1);
  Parts.clear();
  CHECK_FALSE(splitPolicyVariables("${aws:username, 'a'b'}", Parts, E));
  CHECK(E.Message == "a quote inside a default value must be written twice");
  Parts.clear();
  CHECK_FALSE(splitPolicyVariables("${ aws:username}", Parts, E));
  CHECK(E.Begin == 2);
  Parts.clear();
  CHECK(splitPolicyVariables("no variables, a lone $ and {}", Parts, E));
  CHECK(Parts.size() == 1);
}
