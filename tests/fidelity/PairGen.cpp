//===- PairGen.cpp - Seeded policy pairs over a small universe ------------===//
///
/// \file
/// Policies are built in a normal form (every element a list, conditions as
/// operator -> key -> values) so that the transforms can edit them; render
/// writes scalars back at random.
///
//===----------------------------------------------------------------------===//

#include "PairGen.h"
#include "Known.h"

#include <algorithm>
#include <map>

using nlohmann::json;

namespace tollgate {
namespace fidelity {

namespace {

struct Slot {
  std::vector<std::string> Actions, Resources;
};

/// Actions and the resources they act on, by resource type.
const std::vector<Slot> &slots() {
  static const std::vector<Slot> S = {
      {{"s3:GetObject", "s3:PutObject", "s3:getobject", "s3:*Object", "s3:Get*",
        "s3:?etObject", "s3:*"},
       {"arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-a/?",
        "arn:aws:s3:::bucket-a/é*", "arn:aws:s3:::bucket-a/日/?",
        "arn:aws:s3:::bucket-a/home/${aws:username}/*",
        "arn:aws:s3:::bucket-a/home/${aws:username, 'guest'}/*",
        "arn:aws:s3:::bucket-a/${*}?", "arn:aws:s3:::bucket-?/*",
        "arn:aws:s3:::bucket-a/😀", "arn:aws:s3:::bucket-a/dév/*",
        "arn:aws:s3:::*/x", "arn:aws:s3:::bucket-a/é",
        "arn:aws:s3:::bucket-a/team/${aws:PrincipalTag/team}/*"}},
      {{"s3:ListBucket", "s3:List*", "s3:*"},
       {"arn:aws:s3:::bucket-a", "arn:aws:s3:::bucket-*",
        "arn:aws:s3:::bucket-?"}},
      {{"iam:PassRole", "iam:GetRole", "iam:*Role", "iam:Get*"},
       {"arn:aws:iam::111122223333:role/app", "arn:aws:iam::*:role/*",
        "arn:aws:iam::111122223333:role/a?p",
        "arn:aws:iam::444455556666:role/ext",
        "arn:aws:iam::111122223333:role/${aws:username}"}},
      {{"sqs:SendMessage", "sqs:*", "sqs:Send*"},
       {"arn:aws:sqs:us-east-1:111122223333:queue1",
        "arn:aws:sqs:*:111122223333:queue?", "arn:aws:sqs:*:*:*"}},
  };
  return S;
}

const std::vector<std::string> &principalIds() {
  static const std::vector<std::string> P = {
      "111122223333",
      "arn:aws:iam::111122223333:root",
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::111122223333:role/app",
      "arn:aws:sts::111122223333:assumed-role/app/s1",
      "arn:aws:iam::444455556666:root",
      "arn:aws:iam::444455556666:user/alice",
      "444455556666",
  };
  return P;
}

struct CondKey {
  const char *Key;
  std::vector<std::string> Ops;
  std::vector<std::string> Values;
  bool NullOk;
};

const std::vector<CondKey> &condKeys() {
  static const std::vector<CondKey> K = {
      {"aws:SourceIp", {"IpAddress", "NotIpAddress"}, {}, true},
      {"aws:SecureTransport", {"Bool"}, {"true", "false"}, false},
      {"aws:MultiFactorAuthPresent", {"Bool"}, {"true", "false"}, true},
      {"aws:CurrentTime",
       {"DateLessThan", "DateGreaterThan", "DateGreaterThanEquals",
        "DateEquals"},
       {"2020-01-01T00:00:00Z", "2026-06-15T12:00:00Z", "2030-01-01T00:00:00Z"},
       false},
      {"aws:EpochTime",
       {"DateLessThan", "DateGreaterThan", "DateLessThanEquals"},
       {"1577836800", "1781524800", "1893456000"},
       false},
      {"aws:TagKeys",
       {"ForAllValues:StringEquals", "ForAnyValue:StringEquals",
        "ForAnyValue:StringLike", "ForAllValues:StringLike"},
       {"env", "team", "Owner", "é", "t*"},
       true},
      {"aws:PrincipalTag/team",
       {"StringEquals", "StringLike", "StringNotEquals",
        "StringEqualsIgnoreCase", "StringNotLike"},
       {"dev", "dév", "d?v", "ops", "*", "Dev"},
       true},
      {"aws:username",
       {"StringEquals", "StringLike", "StringNotEquals"},
       {"alice", "bob", "a*"},
       true},
      {"aws:PrincipalArn",
       {"ArnEquals", "ArnLike", "ArnNotLike", "StringLike"},
       {"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::*:role/app",
        "arn:aws:iam::111122223333:*", "arn:aws:iam::444455556666:root"},
       false},
      {"aws:PrincipalAccount",
       {"StringEquals", "StringNotEquals"},
       {"111122223333", "444455556666"},
       false},
      {"aws:PrincipalType",
       {"StringEquals", "StringNotEquals"},
       {"User", "AssumedRole", "Account"},
       false},
      {"s3:prefix",
       {"StringLike", "StringEquals", "StringNotLike"},
       {"home/", "home/${aws:username}/*", "é/*", "${*}", "tmp/?",
        "home/${aws:username, 'guest'}/"},
       true},
      {"s3:max-keys",
       {"NumericLessThan", "NumericEquals", "NumericGreaterThanEquals"},
       {"5", "10", "100"},
       true},
  };
  return K;
}

json &conditionOf(json &S) {
  if (!S.contains("Condition"))
    S["Condition"] = json::object();
  return S["Condition"];
}

std::string stripQualifiers(const std::string &Op, std::string &Qual,
                            bool &IfExists) {
  std::string B = Op;
  Qual.clear();
  for (const char *P : {"ForAllValues:", "ForAnyValue:"})
    if (B.rfind(P, 0) == 0) {
      Qual = P;
      B = B.substr(strlen(P));
    }
  IfExists = B.size() > 8 && B.compare(B.size() - 8, 8, "IfExists") == 0;
  if (IfExists)
    B = B.substr(0, B.size() - 8);
  return B;
}

/// The operator that is true exactly when \p Op is false on a present
/// single value (and true on an absent key when \p Op is positive).
std::string negatedOp(const std::string &Op) {
  static const std::map<std::string, std::string> N = {
      {"StringEquals", "StringNotEquals"},
      {"StringLike", "StringNotLike"},
      {"StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"},
      {"ArnEquals", "ArnNotEquals"},
      {"ArnLike", "ArnNotLike"},
      {"NumericEquals", "NumericNotEquals"},
      {"DateEquals", "DateNotEquals"},
      {"IpAddress", "NotIpAddress"},
  };
  for (const auto &KV : N) {
    if (KV.first == Op)
      return KV.second;
    if (KV.second == Op)
      return KV.first;
  }
  return "";
}

/// Order operators on keys that are in every request: the complement.
std::string complementOp(const std::string &Op) {
  static const std::map<std::string, std::string> N = {
      {"DateLessThan", "DateGreaterThanEquals"},
      {"DateGreaterThan", "DateLessThanEquals"},
  };
  for (const auto &KV : N) {
    if (KV.first == Op)
      return KV.second;
    if (KV.second == Op)
      return KV.first;
  }
  return "";
}

bool alwaysPresentKey(const std::string &K) {
  return K == "aws:CurrentTime" || K == "aws:EpochTime" ||
         K == "aws:SecureTransport";
}

/// The statement's action, resource and principal parts (what it applies
/// to), without effect and conditions.
json scopeOf(const json &S) {
  json T = json::object();
  for (const char *F : {"Action", "NotAction", "Resource", "NotResource",
                        "Principal", "NotPrincipal"})
    if (S.contains(F))
      T[F] = S[F];
  return T;
}

std::vector<size_t> allowIndices(const json &P) {
  std::vector<size_t> I;
  for (size_t K = 0; K < P["Statement"].size(); ++K)
    if (P["Statement"][K]["Effect"] == "Allow")
      I.push_back(K);
  return I;
}

} // namespace

std::string PairGenerator::ipLiteral() {
  static const std::vector<std::string> V4 = {
      "10.0.0.0",    "10.0.8.0",        "10.1.2.3", "192.168.1.1",
      "203.0.113.7", "255.255.255.255", "0.0.0.0",  "172.16.5.4"};
  static const std::vector<std::string> V6 = {"2001:db8::", "2001:db8:1::5",
                                              "::", "2001:db9::1"};
  bool Six = chance(0.2);
  IpAddr A = *parseIp(Six ? oneOf(V6) : oneOf(V4));
  unsigned Max = Six ? 128 : 32;
  unsigned Len;
  if (Six) {
    static const std::vector<unsigned> L = {0, 16, 32, 33, 48, 64, 127, 128};
    Len = chance(0.5) ? oneOf(L) : pick(129);
  } else {
    Len = pick(33);
  }
  if (chance(0.1))
    Len = Max;
  if (Len < Max) {
    unsigned __int128 Mask =
        Len == 0 ? 0 : ~(unsigned __int128)0 << (Max - Len);
    if (!Six)
      Mask &= 0xFFFFFFFFu;
    A.Bits &= Mask;
  }
  if (Len == Max && chance(0.5))
    return formatIp(A);
  return formatIp(A) + "/" + std::to_string(Len);
}

void PairGenerator::addCondition(json &S) {
  const CondKey &K = oneOf(condKeys());
  std::string Op;
  json Values = json::array();
  if (K.NullOk && chance(0.12)) {
    Op = "Null";
    Values.push_back(chance(0.5) ? "true" : "false");
  } else {
    Op = oneOf(K.Ops);
    if (Op.rfind("For", 0) != 0 && chance(0.15))
      Op += "IfExists";
    unsigned N = 1 + (chance(0.35) ? 1 : 0);
    for (unsigned I = 0; I < N; ++I) {
      std::string V = K.Values.empty() ? ipLiteral() : oneOf(K.Values);
      if (std::find(Values.begin(), Values.end(), V) == Values.end())
        Values.push_back(V);
    }
  }
  json &C = conditionOf(S);
  if (C.contains(Op) && C[Op].contains(K.Key))
    return;
  C[Op][K.Key] = Values;
}

json PairGenerator::statement(bool ResourcePolicy) {
  json S = json::object();
  bool Deny = chance(0.3);
  S["Effect"] = Deny ? "Deny" : "Allow";
  const Slot &Sl = chance(0.06) ? slots()[pick(4)] : slots()[pick(4)];
  json Acts = json::array();
  for (unsigned I = 0, N = 1 + pick(2); I < N; ++I) {
    std::string A = chance(0.04) ? "*" : oneOf(Sl.Actions);
    if (std::find(Acts.begin(), Acts.end(), A) == Acts.end())
      Acts.push_back(A);
  }
  S[chance(Deny ? 0.2 : 0.05) ? "NotAction" : "Action"] = Acts;
  json Res = json::array();
  for (unsigned I = 0, N = 1 + pick(2); I < N; ++I) {
    std::string R = chance(0.05) ? "*" : oneOf(Sl.Resources);
    if (std::find(Res.begin(), Res.end(), R) == Res.end())
      Res.push_back(R);
  }
  S[chance(Deny ? 0.15 : 0.05) ? "NotResource" : "Resource"] = Res;
  if (ResourcePolicy) {
    if (Deny && chance(0.25)) {
      S["NotPrincipal"] = {
          {"AWS", chance(0.5) ? json::array({"arn:aws:iam::111122223333:user/"
                                             "alice",
                                             "arn:aws:iam::111122223333:root"})
                              : json::array({"arn:aws:sts::111122223333:"
                                             "assumed-role/app/s1",
                                             "arn:aws:iam::111122223333:role/"
                                             "app",
                                             "arn:aws:iam::111122223333:"
                                             "root"})}};
    } else if (chance(0.25)) {
      S["Principal"] = "*";
    } else if (chance(0.1)) {
      S["Principal"] = {{"Service", json::array({"s3.amazonaws.com"})}};
    } else {
      json P = json::array();
      for (unsigned I = 0, N = 1 + pick(2); I < N; ++I) {
        std::string X = oneOf(principalIds());
        if (std::find(P.begin(), P.end(), X) == P.end())
          P.push_back(X);
      }
      S["Principal"] = {{"AWS", P}};
    }
  }
  if (chance(0.7))
    for (unsigned I = 0, N = 1 + (chance(0.35) ? 1 : 0); I < N; ++I)
      addCondition(S);
  if (S.contains("Condition") && S["Condition"].empty())
    S.erase("Condition");
  return S;
}

json PairGenerator::policy(bool ResourcePolicy) {
  json P = {{"Version", "2012-10-17"}, {"Statement", json::array()}};
  for (unsigned I = 0, N = 1 + pick(3); I < N; ++I)
    P["Statement"].push_back(statement(ResourcePolicy));
  return P;
}

bool PairGenerator::rewrite(json &P, bool ResourcePolicy, std::string &Name) {
  json &Ss = P["Statement"];
  static const std::vector<std::string> Kinds = {"reorder",
                                                 "split-actions",
                                                 "split-resources",
                                                 "split-principals",
                                                 "split-values",
                                                 "deny-negation",
                                                 "null-as-like",
                                                 "variable-default",
                                                 "ip-split",
                                                 "ip-bare",
                                                 "action-case",
                                                 "account-principal-form",
                                                 "date-epoch",
                                                 "numeric-form",
                                                 "deny-notaction-guard",
                                                 "deny-notresource-guard"};
  if (Name.empty())
    Name = oneOf(Kinds);
  size_t SI = pick(unsigned(Ss.size()));
  json &S = Ss[SI];
  if (Name == "reorder") {
    std::shuffle(Ss.begin(), Ss.end(), Rng);
    for (json &St : Ss)
      for (auto &F : St.items())
        if (F.value().is_array())
          std::shuffle(F.value().begin(), F.value().end(), Rng);
    return true;
  }
  if (Name == "split-actions" || Name == "split-resources") {
    const char *F = Name == "split-actions" ? "Action" : "Resource";
    if (!S.contains(F) || S[F].size() < 2)
      return false;
    json S2 = S;
    S[F] = json::array({S[F][0]});
    S2[F].erase(0);
    Ss.push_back(S2);
    return true;
  }
  if (Name == "split-principals") {
    if (!S.contains("Principal") || !S["Principal"].is_object() ||
        !S["Principal"].contains("AWS") || S["Principal"]["AWS"].size() < 2)
      return false;
    json S2 = S;
    S["Principal"]["AWS"] = json::array({S["Principal"]["AWS"][0]});
    S2["Principal"]["AWS"].erase(0);
    Ss.push_back(S2);
    return true;
  }
  if (Name == "split-values") {
    if (!S.contains("Condition"))
      return false;
    for (auto &OpE : S["Condition"].items()) {
      std::string Q;
      bool IfE;
      std::string Base = stripQualifiers(OpE.key(), Q, IfE);
      bool Positive = Base == "StringEquals" || Base == "StringLike" ||
                      Base == "StringEqualsIgnoreCase" || Base == "ArnLike" ||
                      Base == "ArnEquals" || Base == "IpAddress" ||
                      Base == "NumericEquals" || Base == "DateEquals";
      if (!Positive || Q == "ForAllValues:")
        continue;
      for (auto &KV : OpE.value().items())
        if (KV.value().size() >= 2) {
          json S2 = S;
          std::string Op = OpE.key(), Key = KV.key();
          S["Condition"][Op][Key] = json::array({KV.value()[0]});
          S2["Condition"][Op][Key].erase(0);
          Ss.push_back(S2);
          return true;
        }
    }
    return false;
  }
  if (Name == "deny-negation") {
    // Identity policies with a single Allow: its condition moves into a
    // Deny of the same scope with the negated operator.
    std::vector<size_t> Allows = allowIndices(P);
    if (ResourcePolicy || Allows.size() != 1)
      return false;
    json &A = Ss[Allows[0]];
    if (!A.contains("Condition"))
      return false;
    for (auto &OpE : A["Condition"].items()) {
      std::string Q;
      bool IfE;
      std::string Base = stripQualifiers(OpE.key(), Q, IfE);
      if (!Q.empty() || Base == "Null")
        continue;
      for (auto &KV : OpE.value().items()) {
        std::string Key = KV.key();
        std::string DenyOp;
        json DenyValues = KV.value();
        bool NeedPresent = false;
        if (Base == "Bool") {
          // Values are true or false: the Deny names the other one.
          if (DenyValues.size() != 1)
            continue;
          DenyValues =
              json::array({DenyValues[0] == "true" ? "false" : "true"});
          DenyOp = IfE ? "Bool" : "BoolIfExists";
          if (alwaysPresentKey(Key))
            DenyOp = "Bool";
        } else if (!negatedOp(Base).empty()) {
          DenyOp = negatedOp(Base);
          NeedPresent = IfE;
        } else if (!complementOp(Base).empty() && alwaysPresentKey(Key) &&
                   DenyValues.size() == 1) {
          // A list is a disjunction; its complement would be a conjunction,
          // which one condition of a plain operator cannot state.
          DenyOp = complementOp(Base);
        } else {
          continue;
        }
        json D = scopeOf(A);
        D["Effect"] = "Deny";
        D["Condition"] = json::object();
        D["Condition"][DenyOp][Key] = DenyValues;
        if (NeedPresent)
          D["Condition"]["Null"][Key] = json::array({"false"});
        std::string Op = OpE.key();
        A["Condition"][Op].erase(Key);
        if (A["Condition"][Op].empty())
          A["Condition"].erase(Op);
        if (A["Condition"].empty())
          A.erase("Condition");
        Ss.push_back(D);
        return true;
      }
    }
    return false;
  }
  if (Name == "null-as-like") {
    if (!S.contains("Condition") || !S["Condition"].contains("Null"))
      return false;
    json &N = S["Condition"]["Null"];
    for (auto &KV : N.items()) {
      std::string Key = KV.key();
      if (Key != "aws:PrincipalTag/team" && Key != "aws:username" &&
          Key != "s3:prefix")
        continue;
      std::string Op =
          KV.value()[0] == "false" ? "StringLike" : "StringNotLike";
      if (S["Condition"].contains(Op) && S["Condition"][Op].contains(Key))
        continue;
      S["Condition"][Op][Key] = json::array({"*"});
      N.erase(Key);
      if (N.empty())
        S["Condition"].erase("Null");
      return true;
    }
    return false;
  }
  if (Name == "variable-default") {
    // ".../${aws:username, 'guest'}/..." is the same pattern without the
    // default, plus the default for callers without a user name.
    if (!S.contains("Resource"))
      return false;
    const std::string Var = "${aws:username, 'guest'}";
    for (size_t I = 0; I < S["Resource"].size(); ++I) {
      std::string R = S["Resource"][I];
      size_t At = R.find(Var);
      if (At == std::string::npos)
        continue;
      if (S.contains("Condition") && S["Condition"].contains("Null") &&
          S["Condition"]["Null"].contains("aws:username"))
        return false;
      json S2 = S;
      S["Resource"][I] =
          R.substr(0, At) + "${aws:username}" + R.substr(At + Var.size());
      S2["Resource"] =
          json::array({R.substr(0, At) + "guest" + R.substr(At + Var.size())});
      conditionOf(S2)["Null"]["aws:username"] = json::array({"true"});
      Ss.push_back(S2);
      return true;
    }
    return false;
  }
  if (Name == "ip-split" || Name == "ip-bare") {
    for (json &St : Ss) {
      if (!St.contains("Condition"))
        continue;
      for (auto &OpE : St["Condition"].items()) {
        if (OpE.key().find("IpAddress") == std::string::npos)
          continue;
        for (auto &KV : OpE.value().items())
          for (size_t I = 0; I < KV.value().size(); ++I) {
            std::string V = KV.value()[I];
            std::optional<Cidr> C = parseCidr(V);
            if (!C)
              continue;
            unsigned Max = C->Net.V6 ? 128 : 32;
            if (Name == "ip-bare") {
              if (C->Len != Max)
                continue;
              KV.value()[I] = V.find('/') == std::string::npos
                                  ? V + "/" + std::to_string(Max)
                                  : formatIp(C->Net);
              return true;
            }
            if (C->Len >= Max)
              continue;
            IpAddr Hi = C->Net;
            Hi.Bits |= (unsigned __int128)1 << (Max - C->Len - 1);
            std::string L = "/" + std::to_string(C->Len + 1);
            KV.value()[I] = formatIp(C->Net) + L;
            KV.value().push_back(formatIp(Hi) + L);
            return true;
          }
      }
    }
    return false;
  }
  if (Name == "action-case") {
    const char *F = S.contains("Action") ? "Action" : "NotAction";
    size_t I = pick(unsigned(S[F].size()));
    std::string A = S[F][I];
    std::string L = A;
    for (char &C : L)
      C = chance(0.5) ? char(tolower(C)) : char(toupper(C));
    S[F][I] = L;
    return true;
  }
  if (Name == "account-principal-form") {
    for (json &St : Ss)
      for (const char *F : {"Principal", "NotPrincipal"})
        if (St.contains(F) && St[F].is_object() && St[F].contains("AWS"))
          for (auto &X : St[F]["AWS"]) {
            std::string V = X;
            if (V.size() == 12 && V.find(':') == std::string::npos) {
              X = "arn:aws:iam::" + V + ":root";
              return true;
            }
            // NotPrincipal: the account ARN and the account id differ in
            // what they exempt, so only Principal is rewritten back.
            if (std::string(F) == "Principal" &&
                V.rfind("arn:aws:iam::", 0) == 0 && V.size() == 30 &&
                V.compare(25, 5, ":root") == 0) {
              X = V.substr(13, 12);
              return true;
            }
          }
    return false;
  }
  if (Name == "date-epoch" || Name == "numeric-form") {
    for (json &St : Ss) {
      if (!St.contains("Condition"))
        continue;
      for (auto &OpE : St["Condition"].items()) {
        bool Date = OpE.key().find("Date") != std::string::npos;
        bool Num = OpE.key().find("Numeric") != std::string::npos;
        if ((Name == "date-epoch" && !Date) || (Name == "numeric-form" && !Num))
          continue;
        for (auto &KV : OpE.value().items())
          for (auto &X : KV.value()) {
            std::string V = X;
            if (Num) {
              X = V.find('.') == std::string::npos ? V + ".0" : V;
              return true;
            }
            if (std::optional<int64_t> T = parseIsoTime(V)) {
              X = std::to_string(*T);
              return true;
            }
            if (!V.empty() && std::all_of(V.begin(), V.end(), ::isdigit)) {
              X = formatIsoTime(std::stoll(V));
              return true;
            }
          }
      }
    }
    return false;
  }
  if (Name == "deny-notaction-guard" || Name == "deny-notresource-guard") {
    // A Deny of every action (resource) no Allow names: no Allow grants
    // them, so nothing changes.
    bool Act = Name == "deny-notaction-guard";
    if (ResourcePolicy)
      return false;
    json All = json::array();
    for (size_t I : allowIndices(P)) {
      const char *F = Act ? "Action" : "Resource";
      if (!Ss[I].contains(F))
        return false;
      for (const json &X : Ss[I][F])
        if (std::find(All.begin(), All.end(), X) == All.end())
          All.push_back(X);
    }
    if (All.empty())
      return false;
    json D = {{"Effect", "Deny"}};
    D[Act ? "NotAction" : "NotResource"] = All;
    D[Act ? "Resource" : "Action"] = json::array({"*"});
    Ss.push_back(D);
    return true;
  }
  return false;
}

bool PairGenerator::mutate(json &P, bool ResourcePolicy, std::string &Name) {
  json &Ss = P["Statement"];
  static const std::vector<std::string> Kinds = {
      "drop-deny",       "drop-statement",
      "widen-resource",  "narrow-resource",
      "prefix-length",   "flip-bool",
      "drop-condition",  "add-principal",
      "flip-effect",     "operator-swap",
      "split-notaction", "username-as-principalarn",
      "narrow-action",   "notprincipal-drop-account",
      "change-value"};
  if (Name.empty())
    Name = oneOf(Kinds);
  size_t SI = pick(unsigned(Ss.size()));
  json &S = Ss[SI];
  if (Name == "drop-deny" || Name == "drop-statement") {
    if (Ss.size() < 2)
      return false;
    for (size_t I = 0; I < Ss.size(); ++I) {
      size_t K = (SI + I) % Ss.size();
      if (Name == "drop-statement" || Ss[K]["Effect"] == "Deny") {
        Ss.erase(K);
        return true;
      }
    }
    return false;
  }
  if (Name == "widen-resource" || Name == "narrow-resource") {
    const char *F = S.contains("Resource") ? "Resource" : "NotResource";
    size_t I = pick(unsigned(S[F].size()));
    std::string R = S[F][I];
    if (R == "*")
      return false;
    if (Name == "widen-resource") {
      if (chance(0.3) || R.back() == '}')
        R += "*";
      else if (R.back() != '*' && R.back() != '?') {
        // The last character (all its bytes) becomes `?`.
        size_t Cut = R.size() - 1;
        while (Cut > 0 && (static_cast<unsigned char>(R[Cut]) & 0xC0) == 0x80)
          --Cut;
        R = R.substr(0, Cut) + "?";
      } else
        R = R.substr(0, R.rfind('/') == std::string::npos ? R.size()
                                                          : R.rfind('/') + 1) +
            "*";
    } else {
      if (R.back() == '*' || R.back() == '?')
        R.back() = 'x';
      else
        R += chance(0.5) ? "é" : "1";
    }
    S[F][I] = R;
    return true;
  }
  // Condition edits: find a condition of the wanted kind anywhere.
  for (size_t Off = 0; Off < Ss.size(); ++Off) {
    json &St = Ss[(SI + Off) % Ss.size()];
    if (Name == "add-principal" && ResourcePolicy && St.contains("Principal")) {
      if (St["Principal"].is_string())
        continue;
      if (!St["Principal"].contains("AWS"))
        St["Principal"]["AWS"] = json::array();
      St["Principal"]["AWS"].push_back(chance(0.3) ? "*"
                                                   : oneOf(principalIds()));
      return true;
    }
    if (Name == "notprincipal-drop-account" && St.contains("NotPrincipal")) {
      json &L = St["NotPrincipal"]["AWS"];
      for (size_t I = 0; I < L.size(); ++I)
        if (std::string(L[I]).find(":root") != std::string::npos) {
          L.erase(I);
          return true;
        }
      continue;
    }
    if (Name == "flip-effect") {
      St["Effect"] = St["Effect"] == "Allow" ? "Deny" : "Allow";
      if (St.contains("NotPrincipal") && St["Effect"] == "Allow") {
        St["Principal"] = St["NotPrincipal"];
        St.erase("NotPrincipal");
      }
      return true;
    }
    if (Name == "split-notaction") {
      if (!St.contains("NotAction") || St["NotAction"].size() < 2)
        continue;
      json S2 = St;
      St["NotAction"] = json::array({St["NotAction"][0]});
      S2["NotAction"].erase(0);
      Ss.push_back(S2);
      return true;
    }
    if (Name == "narrow-action") {
      if (!St.contains("Action"))
        continue;
      for (auto &A : St["Action"]) {
        std::string V = A;
        static const std::map<std::string, std::string> N = {
            {"s3:Get*", "s3:GetObject"},   {"s3:*Object", "s3:PutObject"},
            {"s3:*", "s3:GetObject"},      {"iam:*Role", "iam:PassRole"},
            {"iam:Get*", "iam:GetRole"},   {"sqs:*", "sqs:SendMessage"},
            {"s3:List*", "s3:ListBucket"}, {"*", "s3:GetObject"}};
        auto It = N.find(V);
        if (It != N.end()) {
          A = It->second;
          return true;
        }
      }
      continue;
    }
    if (!St.contains("Condition"))
      continue;
    json &C = St["Condition"];
    std::vector<std::string> Ops;
    for (auto &OpE : C.items())
      Ops.push_back(OpE.key());
    for (const std::string &Op : Ops) {
      std::string Key = C[Op].begin().key();
      json &Vals = C[Op][Key];
      std::string Q;
      bool IfE;
      std::string Base = stripQualifiers(Op, Q, IfE);
      if (Name == "drop-condition") {
        C[Op].erase(Key);
        if (C[Op].empty())
          C.erase(Op);
        if (C.empty())
          St.erase("Condition");
        return true;
      }
      if (Name == "flip-bool" && (Base == "Bool" || Base == "Null")) {
        Vals[0] = Vals[0] == "true" ? "false" : "true";
        return true;
      }
      if (Name == "prefix-length" &&
          Base.find("IpAddress") != std::string::npos) {
        std::string V = Vals[0];
        std::optional<Cidr> Ci = parseCidr(V);
        if (!Ci)
          continue;
        unsigned Max = Ci->Net.V6 ? 128 : 32;
        int Len = int(Ci->Len) + (chance(0.5) ? 1 : -1) * int(1 + pick(3));
        Len = std::max(0, std::min(int(Max), Len));
        IpAddr A = Ci->Net;
        if (Len < int(Max)) {
          unsigned __int128 Mask =
              Len == 0 ? 0 : ~(unsigned __int128)0 << (Max - Len);
          A.Bits &= Mask;
        }
        Vals[0] = formatIp(A) + "/" + std::to_string(Len);
        return true;
      }
      if (Name == "username-as-principalarn" && Key == "aws:username" &&
          Base == "StringEquals") {
        json Arns = json::array();
        for (const json &V : Vals)
          Arns.push_back("arn:aws:iam::111122223333:user/" + std::string(V));
        C.erase(Op);
        C["ArnEquals"]["aws:PrincipalArn"] = Arns;
        return true;
      }
      if (Name == "operator-swap") {
        std::string New;
        if (Q == "ForAllValues:")
          New = "ForAnyValue:" + Base;
        else if (Q == "ForAnyValue:")
          New = "ForAllValues:" + Base;
        else if (Base == "StringEquals")
          New = chance(0.5) ? "StringEqualsIgnoreCase" : "StringLike";
        else if (Base == "StringLike")
          New = "StringEquals";
        else if (!negatedOp(Base).empty())
          New = negatedOp(Base);
        else if (Base != "Null")
          New = Base + "IfExists";
        else
          continue;
        if (IfE && New.find("IfExists") == std::string::npos && Q.empty())
          New += "IfExists";
        if (C.contains(New) && C[New].contains(Key))
          continue;
        C[New][Key] = Vals;
        C[Op].erase(Key);
        if (C[Op].empty())
          C.erase(Op);
        return true;
      }
      if (Name == "change-value") {
        for (const CondKey &K : condKeys())
          if (Key == K.Key && Base != "Null") {
            Vals[pick(unsigned(Vals.size()))] =
                K.Values.empty() ? ipLiteral() : oneOf(K.Values);
            return true;
          }
      }
    }
  }
  return false;
}

PolicyPair PairGenerator::next() {
  PolicyPair Pair;
  Pair.ResourcePolicy = chance(0.3);
  bool Rewrite = chance(0.5);
  // The kind first, then policies until one admits it, so that every kind
  // is as frequent as the others.
  std::string Kind;
  {
    json P = policy(Pair.ResourcePolicy);
    Rewrite ? rewrite(P, Pair.ResourcePolicy, Kind)
            : mutate(P, Pair.ResourcePolicy, Kind);
  }
  // Kinds that need one type of policy.
  if (Kind == "add-principal" || Kind == "notprincipal-drop-account" ||
      Kind == "split-principals" || Kind == "account-principal-form")
    Pair.ResourcePolicy = true;
  if (Kind == "deny-negation" || Kind == "deny-notaction-guard" ||
      Kind == "deny-notresource-guard")
    Pair.ResourcePolicy = false;
  for (int Try = 0; Try < 200; ++Try) {
    json P = policy(Pair.ResourcePolicy);
    json D = P;
    std::string Name = Kind;
    bool Ok = Rewrite ? rewrite(D, Pair.ResourcePolicy, Name)
                      : mutate(D, Pair.ResourcePolicy, Name);
    if (!Ok || D["Statement"].empty())
      continue;
    // Sometimes a second rewrite on top.
    std::string Name2;
    if (Rewrite && chance(0.25) && rewrite(D, Pair.ResourcePolicy, Name2))
      Name += "+" + Name2;
    Pair.Kind = std::string(Rewrite ? "rewrite:" : "mutation:") + Name;
    Pair.Rewrite = Rewrite;
    Pair.Original = P;
    Pair.Derived = D;
    return Pair;
  }
  // A kind that no policy of this type admits (NotPrincipal or Principal
  // edits in identity policies, for instance): reorder instead.
  Pair.Original = policy(Pair.ResourcePolicy);
  Pair.Derived = Pair.Original;
  std::string Name = "reorder";
  rewrite(Pair.Derived, Pair.ResourcePolicy, Name);
  Pair.Kind = "rewrite:reorder";
  Pair.Rewrite = true;
  return Pair;
}

std::string renderPolicy(const json &P, uint64_t Salt) {
  std::mt19937_64 R(Salt);
  json Out = P;
  for (json &S : Out["Statement"])
    for (auto &F : S.items()) {
      if (F.value().is_array() && F.value().size() == 1 && R() % 2)
        F.value() = F.value()[0];
      if (F.key() == "Condition")
        for (auto &Op : F.value().items())
          for (auto &KV : Op.value().items())
            if (KV.value().size() == 1 && R() % 2)
              KV.value() = KV.value()[0];
    }
  return Out.dump();
}

} // namespace fidelity
} // namespace tollgate
