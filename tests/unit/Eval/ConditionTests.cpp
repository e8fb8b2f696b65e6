//===- ConditionTests.cpp - Condition operators ---------------------------===//

#include "Build.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::test;

namespace {

/// A context built from key=value pairs; `key=[a,b]` style is written with
/// multi(), absent keys are simply not set.
struct Ctx {
  RequestContext C;
  Ctx &set(const char *K, const char *V) {
    C.set(K, V);
    return *this;
  }
  Ctx &multi(const char *K, std::initializer_list<const char *> Vs) {
    std::vector<std::string> Values(Vs.begin(), Vs.end());
    C.setMulti(K, Values);
    return *this;
  }
};

/// The decision for an identity policy allowing everything under one
/// condition: Allow when the condition holds.
Decision check(const char *Op, const char *Key,
               std::initializer_list<const char *> Values, const Ctx &C) {
  auto P = policy();
  Statement &S = allow(*P, {"*"});
  cond(*P, S, Op, Key, Values);
  PolicySet Set;
  Set.Identity.push_back(P.get());
  Request R = request("arn:aws:iam::111122223333:user/alice", "s3:GetObject",
                      "arn:aws:s3:::b/k");
  R.Context = C.C;
  return decide(R, Set).D;
}

bool holds(const char *Op, const char *Key,
           std::initializer_list<const char *> Values, const Ctx &C) {
  Decision D = check(Op, Key, Values, C);
  REQUIRE(D != Decision::Unsupported);
  return D == Decision::Allow;
}

const char *K = "test:Key";

} // namespace

TEST_CASE("StringEquals and StringNotEquals", "[eval][cond]") {
  CHECK(holds("StringEquals", K, {"a"}, Ctx().set(K, "a")));
  CHECK_FALSE(holds("StringEquals", K, {"a"}, Ctx().set(K, "A")));
  CHECK(holds("StringEquals", K, {"x", "a"}, Ctx().set(K, "a")));
  CHECK_FALSE(holds("StringEquals", K, {"a*"}, Ctx().set(K, "ab")));
  CHECK_FALSE(holds("StringEquals", K, {"a"}, Ctx()));
  // Key names ignore case.
  CHECK(holds("StringEquals", "TEST:KEY", {"a"}, Ctx().set(K, "a")));
  CHECK(holds("StringNotEquals", K, {"a"}, Ctx().set(K, "b")));
  CHECK_FALSE(holds("StringNotEquals", K, {"a"}, Ctx().set(K, "a")));
  // Negated operators NOR their values.
  CHECK_FALSE(holds("StringNotEquals", K, {"a", "b"}, Ctx().set(K, "b")));
  CHECK(holds("StringNotEquals", K, {"a", "b"}, Ctx().set(K, "c")));
  // An absent key: positive false, negated true.
  CHECK(holds("StringNotEquals", K, {"a"}, Ctx()));
  // The empty string is a value.
  CHECK(holds("StringEquals", K, {""}, Ctx().set(K, "")));
  CHECK_FALSE(holds("StringNotEquals", K, {""}, Ctx().set(K, "")));
}

TEST_CASE("IgnoreCase string operators", "[eval][cond]") {
  CHECK(holds("StringEqualsIgnoreCase", K, {"Hello"}, Ctx().set(K, "hELLO")));
  CHECK_FALSE(holds("StringEqualsIgnoreCase", K, {"Hello"}, Ctx().set(K, "x")));
  CHECK_FALSE(holds("StringEqualsIgnoreCase", K, {"Hello"}, Ctx()));
  CHECK_FALSE(
      holds("StringNotEqualsIgnoreCase", K, {"Hello"}, Ctx().set(K, "HELLO")));
  CHECK(holds("StringNotEqualsIgnoreCase", K, {"Hello"}, Ctx().set(K, "Help")));
  CHECK(holds("StringNotEqualsIgnoreCase", K, {"Hello"}, Ctx()));
}

TEST_CASE("StringLike and StringNotLike", "[eval][cond]") {
  CHECK(holds("StringLike", K, {"home/*"}, Ctx().set(K, "home/a/b")));
  CHECK(holds("StringLike", K, {"h?me"}, Ctx().set(K, "home")));
  CHECK_FALSE(holds("StringLike", K, {"home/*"}, Ctx().set(K, "Home/a")));
  CHECK_FALSE(holds("StringLike", K, {"h?me"}, Ctx().set(K, "hme")));
  CHECK(holds("StringLike", K, {"*"}, Ctx().set(K, "")));
  CHECK_FALSE(holds("StringLike", K, {"*"}, Ctx()));
  CHECK(holds("StringNotLike", K, {"tmp/*", "cache/*"}, Ctx().set(K, "x")));
  CHECK_FALSE(
      holds("StringNotLike", K, {"tmp/*", "cache/*"}, Ctx().set(K, "cache/1")));
  CHECK(holds("StringNotLike", K, {"tmp/*"}, Ctx()));
}

TEST_CASE("Numeric operators", "[eval][cond]") {
  CHECK(holds("NumericEquals", K, {"10"}, Ctx().set(K, "10")));
  CHECK(holds("NumericEquals", K, {"10"}, Ctx().set(K, "10.0")));
  CHECK_FALSE(holds("NumericEquals", K, {"10"}, Ctx().set(K, "11")));
  CHECK_FALSE(holds("NumericEquals", K, {"10"}, Ctx()));
  CHECK(holds("NumericNotEquals", K, {"10", "11"}, Ctx().set(K, "12")));
  CHECK_FALSE(holds("NumericNotEquals", K, {"10", "11"}, Ctx().set(K, "11")));
  CHECK(holds("NumericNotEquals", K, {"10"}, Ctx()));
  CHECK(holds("NumericLessThan", K, {"10"}, Ctx().set(K, "9.5")));
  CHECK_FALSE(holds("NumericLessThan", K, {"10"}, Ctx().set(K, "10")));
  CHECK(holds("NumericLessThanEquals", K, {"10"}, Ctx().set(K, "10")));
  CHECK_FALSE(holds("NumericLessThanEquals", K, {"10"}, Ctx().set(K, "11")));
  CHECK(holds("NumericGreaterThan", K, {"10"}, Ctx().set(K, "11")));
  CHECK_FALSE(holds("NumericGreaterThan", K, {"10"}, Ctx().set(K, "10")));
  CHECK(holds("NumericGreaterThanEquals", K, {"-1"}, Ctx().set(K, "-1")));
  CHECK_FALSE(holds("NumericGreaterThanEquals", K, {"0"}, Ctx().set(K, "-1")));
  CHECK_FALSE(holds("NumericGreaterThan", K, {"10"}, Ctx()));
  // Values that are not numbers compare as nothing.
  CHECK_FALSE(holds("NumericEquals", K, {"10"}, Ctx().set(K, "ten")));
  CHECK_FALSE(holds("NumericLessThan", K, {"ten"}, Ctx().set(K, "1")));
  CHECK(holds("NumericNotEquals", K, {"10"}, Ctx().set(K, "ten")));
  // Several values OR.
  CHECK(holds("NumericLessThan", K, {"1", "100"}, Ctx().set(K, "50")));
}

TEST_CASE("Date operators", "[eval][cond]") {
  const char *T = "aws:CurrentTime";
  CHECK(holds("DateLessThan", T, {"2020-01-01T00:00:00Z"},
              Ctx().set(T, "2019-12-31T23:59:59Z")));
  CHECK_FALSE(holds("DateLessThan", T, {"2020-01-01T00:00:00Z"},
                    Ctx().set(T, "2020-01-01T00:00:00Z")));
  CHECK(holds("DateLessThanEquals", T, {"2020-01-01T00:00:00Z"},
              Ctx().set(T, "2020-01-01")));
  CHECK(holds("DateGreaterThan", T, {"2020-01-01"},
              Ctx().set(T, "2020-01-01T00:00:01Z")));
  CHECK_FALSE(holds("DateGreaterThan", T, {"2020-01-01"},
                    Ctx().set(T, "2020-01-01T00:00:00Z")));
  CHECK(holds("DateGreaterThanEquals", T, {"2020-01-01"},
              Ctx().set(T, "2020-01-01T00:00:00Z")));
  CHECK(holds("DateEquals", T, {"2020-01-01T01:00:00+01:00"},
              Ctx().set(T, "2020-01-01T00:00:00Z")));
  CHECK_FALSE(holds("DateEquals", T, {"2020-01-01"}, Ctx()));
  CHECK(holds("DateNotEquals", T, {"2020-01-01"}, Ctx()));
  CHECK(holds("DateNotEquals", T, {"2020-01-01", "2020-01-02"},
              Ctx().set(T, "2020-01-03")));
  CHECK_FALSE(holds("DateNotEquals", T, {"2020-01-01", "2020-01-02"},
                    Ctx().set(T, "2020-01-02T00:00:00Z")));
  // Epoch seconds on either side, mixed with ISO dates.
  const char *E = "aws:EpochTime";
  CHECK(holds("DateGreaterThan", E, {"2020-01-01T00:00:00Z"},
              Ctx().set(E, "1577836801")));
  CHECK_FALSE(holds("DateGreaterThan", E, {"2020-01-01T00:00:00Z"},
                    Ctx().set(E, "1577836800")));
  CHECK(holds("DateLessThan", T, {"1577836800"},
              Ctx().set(T, "2019-12-31T23:59:59Z")));
  CHECK(holds("DateEquals", E, {"1577836800"}, Ctx().set(E, "1577836800")));
  CHECK_FALSE(holds("DateLessThan", T, {"2020-01-01"}, Ctx().set(T, "soon")));
}

TEST_CASE("Bool", "[eval][cond]") {
  const char *S = "aws:SecureTransport";
  CHECK(holds("Bool", S, {"true"}, Ctx().set(S, "true")));
  CHECK(holds("Bool", S, {"true"}, Ctx().set(S, "TRUE")));
  CHECK(holds("Bool", S, {"False"}, Ctx().set(S, "false")));
  CHECK_FALSE(holds("Bool", S, {"true"}, Ctx().set(S, "false")));
  CHECK_FALSE(holds("Bool", S, {"true"}, Ctx().set(S, "yes")));
  CHECK_FALSE(holds("Bool", S, {"true"}, Ctx()));
  CHECK(holds("BoolIfExists", S, {"false"}, Ctx()));
  CHECK_FALSE(holds("BoolIfExists", S, {"false"}, Ctx().set(S, "true")));
  // Bool takes policy variables.
  CHECK(holds("Bool", S, {"${test:Flag}"},
              Ctx().set(S, "true").set("test:Flag", "true")));
  CHECK_FALSE(holds("Bool", S, {"${test:Flag}"}, Ctx().set(S, "true")));
}

TEST_CASE("BinaryEquals", "[eval][cond]") {
  CHECK(holds("BinaryEquals", K, {"QmluYXJ5"}, Ctx().set(K, "QmluYXJ5")));
  CHECK_FALSE(holds("BinaryEquals", K, {"QmluYXJ5"}, Ctx().set(K, "qmluyxj5")));
  CHECK_FALSE(holds("BinaryEquals", K, {"QmluYXJ5"}, Ctx()));
  CHECK(holds("BinaryEqualsIfExists", K, {"QmluYXJ5"}, Ctx()));
}

TEST_CASE("IpAddress and NotIpAddress", "[eval][cond]") {
  const char *Ip = "aws:SourceIp";
  CHECK(
      holds("IpAddress", Ip, {"203.0.113.0/24"}, Ctx().set(Ip, "203.0.113.7")));
  CHECK_FALSE(
      holds("IpAddress", Ip, {"203.0.113.0/24"}, Ctx().set(Ip, "203.0.112.7")));
  CHECK(holds("IpAddress", Ip, {"203.0.113.7"}, Ctx().set(Ip, "203.0.113.7")));
  CHECK(holds("IpAddress", Ip, {"10.0.0.0/8", "203.0.113.0/24"},
              Ctx().set(Ip, "203.0.113.7")));
  CHECK_FALSE(holds("IpAddress", Ip, {"203.0.113.0/24"}, Ctx()));
  CHECK(holds("NotIpAddress", Ip, {"203.0.113.0/24"}, Ctx()));
  CHECK(holds("NotIpAddress", Ip, {"10.0.0.0/8", "192.168.0.0/16"},
              Ctx().set(Ip, "203.0.113.7")));
  CHECK_FALSE(holds("NotIpAddress", Ip, {"10.0.0.0/8", "192.168.0.0/16"},
                    Ctx().set(Ip, "192.168.1.1")));
  // IPv6.
  CHECK(holds("IpAddress", Ip, {"2001:db8::/32"},
              Ctx().set(Ip, "2001:db8:85a3::8a2e:370:7334")));
  CHECK_FALSE(
      holds("IpAddress", Ip, {"2001:db8::/32"}, Ctx().set(Ip, "2001:db9::1")));
  CHECK(holds("IpAddress", Ip, {"2001:DB8::1"},
              Ctx().set(Ip, "2001:db8:0:0:0:0:0:1")));
  CHECK(holds("NotIpAddress", Ip, {"2001:db8::/32"}, Ctx().set(Ip, "::1")));
  // An IPv4 range never holds an IPv6 address, and the other way round.
  CHECK_FALSE(holds("IpAddress", Ip, {"0.0.0.0/0"}, Ctx().set(Ip, "::1")));
  CHECK_FALSE(holds("IpAddress", Ip, {"::/0"}, Ctx().set(Ip, "10.0.0.1")));
  CHECK(holds("NotIpAddress", Ip, {"0.0.0.0/0"}, Ctx().set(Ip, "::1")));
  CHECK_FALSE(holds("IpAddress", Ip, {"0.0.0.0/0"}, Ctx().set(Ip, "bogus")));
}

TEST_CASE("ARN operators", "[eval][cond]") {
  const char *A = "aws:SourceArn";
  const char *Role = "arn:aws:iam::111122223333:role/app";
  CHECK(holds("ArnEquals", A, {Role}, Ctx().set(A, Role)));
  CHECK(holds("ArnLike", A, {"arn:aws:iam::*:role/*"}, Ctx().set(A, Role)));
  CHECK(holds("ArnEquals", A, {"arn:aws:iam::*:role/*"}, Ctx().set(A, Role)));
  CHECK(holds("ArnLike", A, {"arn:aws:iam::1111222233?3:role/app"},
              Ctx().set(A, Role)));
  // Case-sensitive, in every field.
  CHECK_FALSE(
      holds("ArnLike", A, {"arn:aws:iam::*:role/App"}, Ctx().set(A, Role)));
  CHECK_FALSE(
      holds("ArnLike", A, {"arn:aws:IAM::*:role/app"}, Ctx().set(A, Role)));
  // Field by field: `*` in the region field cannot swallow a colon, so a
  // value with a colon inside its region field does not match where
  // StringLike would.
  const char *Odd =
      "arn:aws:someservice:us-east-1:extra:111122223333:finance/x";
  CHECK_FALSE(holds("ArnLike", A,
                    {"arn:aws:someservice:*:111122223333:finance/*"},
                    Ctx().set(A, Odd)));
  CHECK(holds("StringLike", A, {"arn:aws:someservice:*:111122223333:finance/*"},
              Ctx().set(A, Odd)));
  // The resource field keeps its colons.
  CHECK(
      holds("ArnLike", A, {"arn:aws:logs:*:*:log-group:*"},
            Ctx().set(A, "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s")));
  CHECK_FALSE(holds("ArnLike", A, {Role}, Ctx().set(A, "not-an-arn")));
  CHECK_FALSE(holds("ArnLike", A, {Role}, Ctx()));
  CHECK(holds("ArnNotLike", A, {"arn:aws:iam::*:user/*"}, Ctx().set(A, Role)));
  CHECK_FALSE(holds("ArnNotEquals", A, {"arn:aws:iam::*:user/*", Role},
                    Ctx().set(A, Role)));
  CHECK(holds("ArnNotLike", A, {Role}, Ctx()));
  // Variables in ARN values.
  CHECK(holds("ArnLike", A, {"arn:aws:iam::${aws:PrincipalAccount}:role/*"},
              Ctx().set(A, Role).set("aws:PrincipalAccount", "111122223333")));
}

TEST_CASE("Null tests presence", "[eval][cond]") {
  CHECK(holds("Null", K, {"true"}, Ctx()));
  CHECK_FALSE(holds("Null", K, {"true"}, Ctx().set(K, "x")));
  CHECK(holds("Null", K, {"false"}, Ctx().set(K, "x")));
  CHECK(holds("Null", K, {"false"}, Ctx().set(K, "")));
  CHECK_FALSE(holds("Null", K, {"false"}, Ctx()));
  CHECK(holds("Null", K, {"false"}, Ctx().multi(K, {})));
  CHECK(holds("Null", K, {"TRUE"}, Ctx()));
  CHECK_FALSE(holds("Null", K, {"maybe"}, Ctx()));
  // Null takes no IfExists and no set qualifier: not decidable.
  CHECK(check("NullIfExists", K, {"true"}, Ctx()) == Decision::Unsupported);
  CHECK(check("ForAnyValue:Null", K, {"true"}, Ctx()) == Decision::Unsupported);
}

TEST_CASE("IfExists on every family", "[eval][cond]") {
  for (const char *Op :
       {"StringEqualsIfExists", "StringNotEqualsIfExists", "StringLikeIfExists",
        "StringEqualsIgnoreCaseIfExists", "NumericLessThanIfExists",
        "DateGreaterThanIfExists", "IpAddressIfExists", "NotIpAddressIfExists",
        "ArnLikeIfExists", "ArnNotEqualsIfExists", "BoolIfExists"}) {
    INFO(Op);
    CHECK(holds(Op, K, {"v"}, Ctx()));
  }
  // Present: evaluated as usual.
  CHECK_FALSE(holds("StringEqualsIfExists", K, {"a"}, Ctx().set(K, "b")));
  CHECK(holds("StringEqualsIfExists", K, {"a"}, Ctx().set(K, "a")));
  CHECK_FALSE(holds("StringNotEqualsIfExists", K, {"a"}, Ctx().set(K, "a")));
  CHECK(holds("NumericLessThanIfExists", K, {"5"}, Ctx().set(K, "4")));
  // The documented set-operator form too: IfExists wins on an absent key.
  CHECK(holds("ForAnyValue:StringEqualsIfExists", K, {"a"}, Ctx()));
}

TEST_CASE("ForAllValues", "[eval][cond][sets]") {
  const char *Tags = "aws:TagKeys";
  const char *Op = "ForAllValues:StringEquals";
  CHECK(holds(Op, Tags, {"a", "b"}, Ctx().multi(Tags, {"a", "b"})));
  CHECK(holds(Op, Tags, {"a", "b"}, Ctx().multi(Tags, {"b"})));
  CHECK_FALSE(holds(Op, Tags, {"a", "b"}, Ctx().multi(Tags, {"a", "c"})));
  // Absent, empty set, empty string: true.
  CHECK(holds(Op, Tags, {"a"}, Ctx()));
  CHECK(holds(Op, Tags, {"a"}, Ctx().multi(Tags, {})));
  CHECK(holds(Op, Tags, {"a"}, Ctx().set(Tags, "")));
  // A single-valued key is a set of one.
  CHECK(holds(Op, Tags, {"a"}, Ctx().set(Tags, "a")));
  CHECK_FALSE(holds(Op, Tags, {"a"}, Ctx().set(Tags, "b")));
  // With a negated operator: every value matches none of the policy values.
  const char *NotOp = "ForAllValues:StringNotEquals";
  CHECK(holds(NotOp, Tags, {"x", "y"}, Ctx().multi(Tags, {"a", "b"})));
  CHECK_FALSE(holds(NotOp, Tags, {"x", "y"}, Ctx().multi(Tags, {"a", "y"})));
  CHECK(holds(NotOp, Tags, {"x"}, Ctx()));
  CHECK(holds("ForAllValues:StringLike", Tags, {"team-*"},
              Ctx().multi(Tags, {"team-a", "team-b"})));
  CHECK(holds("ForAllValues:NumericLessThan", Tags, {"10"},
              Ctx().multi(Tags, {"1", "2"})));
}

TEST_CASE("ForAnyValue", "[eval][cond][sets]") {
  const char *Tags = "aws:TagKeys";
  const char *Op = "ForAnyValue:StringEquals";
  CHECK(holds(Op, Tags, {"a"}, Ctx().multi(Tags, {"z", "a"})));
  CHECK_FALSE(holds(Op, Tags, {"a"}, Ctx().multi(Tags, {"z", "y"})));
  // Absent, empty set, empty string: false.
  CHECK_FALSE(holds(Op, Tags, {"a"}, Ctx()));
  CHECK_FALSE(holds(Op, Tags, {"a"}, Ctx().multi(Tags, {})));
  CHECK_FALSE(holds(Op, Tags, {""}, Ctx().set(Tags, "")));
  CHECK(holds(Op, Tags, {"a"}, Ctx().set(Tags, "a")));
  const char *NotOp = "ForAnyValue:StringNotLike";
  CHECK(holds(NotOp, Tags, {"a*"}, Ctx().multi(Tags, {"ab", "x"})));
  CHECK_FALSE(holds(NotOp, Tags, {"a*"}, Ctx().multi(Tags, {"ab", "ac"})));
  CHECK_FALSE(holds(NotOp, Tags, {"a*"}, Ctx()));
  CHECK(holds("ForAnyValue:IpAddress", Tags, {"10.0.0.0/8"},
              Ctx().multi(Tags, {"192.168.0.1", "10.1.1.1"})));
}

TEST_CASE("plain operators never match a multivalued key", "[eval][cond]") {
  const char *Tags = "aws:TagKeys";
  CHECK_FALSE(holds("StringEquals", Tags, {"a"}, Ctx().multi(Tags, {"a"})));
  CHECK_FALSE(holds("StringNotEquals", Tags, {"a"}, Ctx().multi(Tags, {"b"})));
  CHECK_FALSE(
      holds("StringEqualsIfExists", Tags, {"a"}, Ctx().multi(Tags, {"a"})));
}

TEST_CASE("several keys and operators AND together", "[eval][cond]") {
  auto P = policy();
  Statement &S = allow(*P, {"*"});
  cond(*P, S, "StringEquals", "test:A", {"1"});
  cond(*P, S, "StringEquals", "test:B", {"2"});
  cond(*P, S, "NumericLessThan", "test:C", {"5"});
  PolicySet Set;
  Set.Identity.push_back(P.get());
  Request R = request("arn:aws:iam::111122223333:user/a", "s3:GetObject", "*");
  R.Context.set("test:A", "1");
  R.Context.set("test:B", "2");
  R.Context.set("test:C", "4");
  CHECK(decide(R, Set).D == Decision::Allow);
  R.Context.set("test:C", "6");
  CHECK(decide(R, Set).D == Decision::ImplicitDeny);
  CompiledPolicySet C(Set);
  Explanation E = C.explain(R);
  REQUIRE(E.Statements.size() == 1);
  CHECK(E.Statements[0].FailedConditions == std::vector<unsigned>{2});
  R.Context.erase("test:B");
  E = C.explain(R);
  CHECK(E.Statements[0].FailedConditions == std::vector<unsigned>{1, 2});
}

TEST_CASE("condition variables", "[eval][cond][variables]") {
  const char *User = "aws:username";
  CHECK(holds("StringEquals", K, {"${aws:username}"},
              Ctx().set(K, "alice").set(User, "alice")));
  CHECK(holds("StringLike", K, {"home/${aws:username}/*"},
              Ctx().set(K, "home/alice/x").set(User, "alice")));
  CHECK_FALSE(holds("StringLike", K, {"home/${aws:username}/*"},
                    Ctx().set(K, "home/bob/x").set(User, "alice")));
  // Defaults.
  CHECK(holds("StringEquals", K, {"${aws:username, 'guest'}"},
              Ctx().set(K, "guest")));
  CHECK(holds("StringEquals", K, {"pre-${test:Missing, ''}-post"},
              Ctx().set(K, "pre--post")));
  // Escapes: literal, even in StringLike.
  CHECK(holds("StringLike", K, {"a${*}"}, Ctx().set(K, "a*")));
  CHECK_FALSE(holds("StringLike", K, {"a${*}"}, Ctx().set(K, "ab")));
  CHECK(holds("StringLike", K, {"${?}*"}, Ctx().set(K, "?xyz")));
  CHECK(holds("StringEquals", K, {"${$}{x}"}, Ctx().set(K, "${x}")));
  // A value with no value: positive operators do not match.
  CHECK_FALSE(holds("StringEquals", K, {"${aws:username}"}, Ctx().set(K, "")));
  CHECK_FALSE(holds("StringLike", K, {"${aws:username}*"}, Ctx().set(K, "x")));
  // "Inverted condition operators like StringNotEquals or StringNotLike do
  // match against a null value."
  CHECK(holds("StringNotEquals", K, {"${aws:username}"}, Ctx().set(K, "x")));
  CHECK(holds("StringNotLike", K, {"${aws:username}*"}, Ctx().set(K, "x")));
  CHECK_FALSE(
      holds("StringNotLike", K, {"${aws:username}*", "x"}, Ctx().set(K, "x")));
  // Numeric, Date, IP and Binary values take no variables: literal text.
  CHECK_FALSE(holds("NumericEquals", K, {"${test:N}"},
                    Ctx().set(K, "5").set("test:N", "5")));
}

TEST_CASE("unknown operators are not decided", "[eval][cond]") {
  CHECK(check("StringSortOf", K, {"a"}, Ctx().set(K, "a")) ==
        Decision::Unsupported);
  // ... unless something else decides the statement anyway.
  auto P = policy();
  Statement &S = allow(*P, {"*"});
  cond(*P, S, "StringSortOf", K, {"a"});
  cond(*P, S, "StringEquals", K, {"b"});
  PolicySet Set;
  Set.Identity.push_back(P.get());
  Request R = request("arn:aws:iam::111122223333:user/a", "s3:GetObject", "*");
  R.Context.set(K, "a");
  CHECK(decide(R, Set).D == Decision::ImplicitDeny);
}
