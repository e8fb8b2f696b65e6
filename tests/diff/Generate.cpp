//===- Generate.cpp - Seeded cases for the differential test --------------===//
///
/// \file
/// The vocabulary is deliberately small (two accounts, a handful of
/// actions, resources and condition keys) so that random policies and
/// random requests meet often. Generated requests stay inside what both
/// evaluators model: resource ARNs without wildcards, well-formed typed
/// values for typed keys, no principals the simulator does not model (root
/// user, identity providers).
///
//===----------------------------------------------------------------------===//

#include "Generate.h"

#include <algorithm>
#include <cctype>
#include <dirent.h>
#include <fstream>
#include <sstream>

using nlohmann::json;

namespace tollgate {
namespace diff {

namespace {

const char *const AccountA = "111122223333";
const char *const AccountB = "444455556666";

const std::vector<std::string> Callers = {
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:user/bob",
    "arn:aws:sts::111122223333:assumed-role/app/s1",
    "arn:aws:sts::111122223333:assumed-role/ops/s2",
    "arn:aws:iam::111122223333:role/app",
    "arn:aws:sts::111122223333:federated-user/bob",
    "arn:aws:iam::444455556666:user/eve",
    "arn:aws:sts::444455556666:assumed-role/ext/s3",
    "",
    "s3.amazonaws.com",
    "cloudtrail.amazonaws.com",
};

const std::vector<std::string> PrincipalValues = {
    "*",
    "111122223333",
    "444455556666",
    "arn:aws:iam::111122223333:root",
    "arn:aws:iam::444455556666:root",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:user/bob",
    "arn:aws:iam::111122223333:role/app",
    "arn:aws:iam::111122223333:role/team/ops",
    "arn:aws:sts::111122223333:assumed-role/app/s1",
    "arn:aws:iam::444455556666:user/eve",
    "arn:aws:iam::444455556666:role/ext",
};

const std::vector<std::string> Actions = {
    "s3:GetObject",     "s3:PutObject",         "s3:ListBucket",
    "s3:DeleteObject",  "ec2:RunInstances",     "ec2:DescribeInstances",
    "sqs:SendMessage",  "sqs:ReceiveMessage",   "dynamodb:GetItem",
    "dynamodb:PutItem", "lambda:InvokeFunction"};

const std::vector<std::string> ActionPatterns = {"s3:GetObject",
                                                 "s3:getobject",
                                                 "s3:*",
                                                 "s3:Get*",
                                                 "s3:*Object",
                                                 "s3:Get?bject",
                                                 "s3:P*t*",
                                                 "ec2:*",
                                                 "ec2:Describe*",
                                                 "sqs:*Message",
                                                 "dynamodb:*Item",
                                                 "lambda:Invoke*",
                                                 "*",
                                                 "s3:List*",
                                                 "dynamodb:GetItem"};

const std::vector<std::string> Resources = {
    "arn:aws:s3:::bucket-a/key1",
    "arn:aws:s3:::bucket-a/home/alice/doc",
    "arn:aws:s3:::bucket-a/home/bob/doc",
    "arn:aws:s3:::bucket-b/x",
    "arn:aws:s3:::bucket-a",
    "arn:aws:sqs:us-east-1:111122223333:queue1",
    "arn:aws:sqs:us-west-2:444455556666:queue2",
    "arn:aws:dynamodb:us-west-2:111122223333:table/T1",
    "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc",
    "arn:aws:lambda:us-east-1:444455556666:function:fn",
};

const std::vector<std::string> ResourcePatterns = {
    "*",
    "arn:aws:s3:::bucket-a/*",
    "arn:aws:s3:::bucket-a",
    "arn:aws:s3:::bucket-?/*",
    "arn:aws:s3:::*",
    "arn:aws:s3:::bucket-a/home/${aws:username}/*",
    "arn:aws:s3:::bucket-a/home/${aws:username, 'bob'}/*",
    "arn:aws:sqs:*:111122223333:queue*",
    "arn:aws:sqs:us-*:*:*",
    "arn:aws:dynamodb:*:*:table/T*",
    "arn:aws:dynamodb:us-west-2:111122223333:table/T1",
    "arn:aws:ec2:*:*:instance/*",
    "arn:aws:lambda:*:444455556666:function:*",
    "arn:aws:*:us-east-1:*:*",
    "arn:aws:s3:::BUCKET-A/*",
    "arn:AWS:S3:::bucket-a/*",
};

struct KeyInfo {
  const char *Key;
  const char *Family; // String, Numeric, Date, Epoch, Bool, Ip, Arn, Binary
  std::vector<std::string> RequestValues;
  std::vector<std::string> PolicyValues;
};

const std::vector<KeyInfo> &keys() {
  static const std::vector<KeyInfo> K = {
      {"aws:PrincipalTag/team",
       "String",
       {"blue", "red", "Blue", "", "green"},
       {"blue", "red", "BLUE", "b*", "*e*", "gr?en", "${aws:username}",
        "${aws:PrincipalTag/other, 'blue'}", "${*}", ""}},
      {"s3:prefix",
       "String",
       {"home/alice/", "home/bob/x", "tmp/", "*"},
       {"home/${aws:username}/*", "home/*", "tmp/", "${*}", "home/alice/",
        "${aws:username}"}},
      {"aws:username", "String", {"alice", "bob", ""}, {"alice", "bob", "a*"}},
      {"aws:TagKeys",
       "String",
       {"env", "team", "Owner"},
       {"env", "team", "owner", "t*", "Env"}},
      {"s3:max-keys",
       "Numeric",
       {"0", "5", "10", "10.5", "-1", "100"},
       {"5", "10", "10.5", "0", "-1"}},
      {"aws:CurrentTime",
       "Date",
       {"2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", "2020-06-15T12:00:00Z",
        "2021-01-01", "2020-01-01T01:00:00+01:00", "2020-01-01T00:00:00.500Z"},
       {"2020-01-01T00:00:00Z", "2020-06-15T12:00:00Z", "2020-01-01",
        "2021-01-01T00:00:00Z", "2020-06-15T13:00:00+01:00"}},
      {"aws:EpochTime",
       "Epoch",
       {"1577836800", "1577836799", "1592222400", "1609459200"},
       {"1577836800", "1592222400", "1609459200"}},
      {"aws:SecureTransport",
       "Bool",
       {"true", "false", "TRUE"},
       {"true", "false"}},
      {"aws:SourceIp",
       "Ip",
       {"10.0.0.1", "10.1.2.3", "192.168.1.1", "203.0.113.7", "2001:db8::1",
        "2001:db8:1:2::5", "2001:db9::1"},
       {"10.0.0.0/8", "10.0.0.1", "10.0.0.1/32", "192.168.0.0/16",
        "203.0.113.0/24", "0.0.0.0/0", "2001:db8::/32", "2001:db8:1::/48",
        "::/0"}},
      {"aws:SourceArn",
       "Arn",
       {"arn:aws:s3:::bucket-a", "arn:aws:sqs:us-east-1:111122223333:queue1",
        "arn:aws:iam::111122223333:role/app",
        "arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s"},
       {"arn:aws:s3:::bucket-a", "arn:aws:s3:::*", "arn:aws:sqs:*:*:queue?",
        "arn:aws:iam::${aws:PrincipalAccount}:role/*",
        "arn:aws:logs:*:*:log-group:*", "arn:aws:*:*:111122223333:*"}},
      {"aws:PrincipalAccount",
       "String",
       {"111122223333", "444455556666"},
       {"111122223333", "4444*"}},
      {"test:Blob", "Binary", {"QmluYXJ5", "b3RoZXI="}, {"QmluYXJ5"}},
  };
  return K;
}

const std::vector<std::string> &opsFor(const std::string &Family) {
  static const std::vector<std::string> String = {"StringEquals",
                                                  "StringNotEquals",
                                                  "StringEqualsIgnoreCase",
                                                  "StringNotEqualsIgnoreCase",
                                                  "StringLike",
                                                  "StringNotLike"};
  static const std::vector<std::string> Numeric = {
      "NumericEquals",      "NumericNotEquals",
      "NumericLessThan",    "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals"};
  static const std::vector<std::string> Date = {
      "DateEquals",         "DateNotEquals",   "DateLessThan",
      "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"};
  static const std::vector<std::string> Bool = {"Bool"};
  static const std::vector<std::string> Ip = {"IpAddress", "NotIpAddress"};
  static const std::vector<std::string> Arn = {"ArnEquals", "ArnLike",
                                               "ArnNotEquals", "ArnNotLike"};
  static const std::vector<std::string> Binary = {"BinaryEquals"};
  if (Family == "String")
    return String;
  if (Family == "Numeric")
    return Numeric;
  if (Family == "Date" || Family == "Epoch")
    return Date;
  if (Family == "Bool")
    return Bool;
  if (Family == "Ip")
    return Ip;
  if (Family == "Arn")
    return Arn;
  return Binary;
}

json asArray(const json &V) {
  if (V.is_array())
    return V;
  json A = json::array();
  if (!V.is_null())
    A.push_back(V);
  return A;
}

std::string valueText(const json &V) {
  if (V.is_string())
    return V.get<std::string>();
  return V.dump();
}

bool hasWild(const std::string &S) {
  return S.find_first_of("*?") != std::string::npos;
}

std::string accountOf(const std::string &Arn) {
  size_t Pos = 0;
  for (int I = 0; I < 4; ++I) {
    Pos = Arn.find(':', Pos);
    if (Pos == std::string::npos)
      return "";
    ++Pos;
  }
  size_t End = Arn.find(':', Pos);
  if (End == std::string::npos)
    return "";
  return Arn.substr(Pos, End - Pos);
}

bool isSessionCaller(const std::string &C) {
  return C.find(":assumed-role/") != std::string::npos ||
         C.find(":federated-user/") != std::string::npos;
}

bool isServiceCaller(const std::string &C) {
  return C.size() > 14 && C.compare(C.size() - 14, 14, ".amazonaws.com") == 0;
}

/// Requests the simulator answers with service-specific rules that are not
/// IAM policy semantics (always-allowed and always-denied actions).
bool serviceSpecific(const CaseRequest &R) {
  std::string A = R.Action;
  std::transform(A.begin(), A.end(), A.begin(), ::tolower);
  if (A == "sts:getcalleridentity")
    return true;
  if (A.rfind("iam:", 0) == 0 &&
      (R.Resource.find(":iam::aws:policy/") != std::string::npos ||
       R.Resource.find(":role/aws-reserved/") != std::string::npos))
    return true;
  if (A.rfind("kms:", 0) == 0 &&
      R.Resource.find(":alias/aws/") != std::string::npos)
    return true;
  return false;
}

} // namespace

int PolicyPool::add(const json &Doc) { return addText(Doc.dump()); }

int PolicyPool::addText(std::string Text) {
  Texts.push_back(std::move(Text));
  return static_cast<int>(Texts.size() - 1);
}

std::vector<std::pair<std::string, json>> readCorpus(const std::string &Dir,
                                                     size_t Limit) {
  std::vector<std::string> Names;
  if (DIR *D = opendir(Dir.c_str())) {
    while (dirent *E = readdir(D)) {
      std::string N = E->d_name;
      if (N.size() > 5 && N.compare(N.size() - 5, 5, ".json") == 0)
        Names.push_back(N);
    }
    closedir(D);
  }
  std::sort(Names.begin(), Names.end());
  std::vector<std::pair<std::string, json>> Out;
  for (const std::string &N : Names) {
    if (Limit && Out.size() >= Limit)
      break;
    std::ifstream In(Dir + "/" + N);
    std::stringstream SS;
    SS << In.rdbuf();
    json J = json::parse(SS.str(), nullptr, false);
    if (J.is_discarded() || !J.is_object() || !J.contains("Statement"))
      continue;
    Out.push_back({N, std::move(J)});
  }
  return Out;
}

unsigned Generator::pick(unsigned N) {
  return static_cast<unsigned>(Rng() % (N ? N : 1));
}

bool Generator::chance(double P) {
  return std::uniform_real_distribution<double>(0, 1)(Rng) < P;
}

/// Replaces each wildcard of \p Pattern by a concrete run. In a prefix ARN
/// field the run holds no colon; in the resource field it may hold slashes.
std::string Generator::concretize(const std::string &Pattern, bool ArnField,
                                  bool ResourceField) {
  static const std::vector<std::string> StarFill = {"",    "x",  "abc",
                                                    "Get", "A1", "zz"};
  static const std::vector<std::string> ResourceFill = {"",     "x",   "a/b",
                                                        "dir/", "k-1", "x:y"};
  std::string Out;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    char C = Pattern[I];
    // Keep `${...}` intact for resolveVars().
    if (C == '$' && I + 1 < Pattern.size() && Pattern[I + 1] == '{') {
      size_t End = Pattern.find('}', I);
      if (End != std::string::npos) {
        Out += Pattern.substr(I, End - I + 1);
        I = End;
        continue;
      }
    }
    if (C == '*')
      Out += ResourceField ? oneOf(ResourceFill) : oneOf(StarFill);
    else if (C == '?')
      Out += static_cast<char>('a' + pick(26));
    else
      Out += C;
  }
  (void)ArnField;
  return Out;
}

/// One small edit: change, drop, add or flip the case of a character.
std::string Generator::nearMiss(const std::string &Text, bool KeepColons) {
  if (Text.empty())
    return "x";
  std::string S = Text;
  // Never touch an ARN's leading "arn:": a request resource is always an ARN.
  size_t Keep = S.rfind("arn:", 0) == 0 && KeepColons ? 4 : 0;
  if (S.size() <= Keep)
    return S + "k";
  for (int Try = 0; Try < 8; ++Try) {
    size_t I = Keep + pick(static_cast<unsigned>(S.size() - Keep));
    if (KeepColons &&
        (S[I] == ':' || S[I] == '$' || S[I] == '{' || S[I] == '}'))
      continue;
    switch (pick(4)) {
    case 0:
      S[I] = S[I] == 'z' ? 'y' : static_cast<char>(S[I] + 1);
      if (S[I] == ':' || S[I] == '*' || S[I] == '?' || S[I] == '{')
        S[I] = 'q';
      break;
    case 1:
      S.erase(I, 1);
      break;
    case 2:
      S.insert(I, 1, 'k');
      break;
    default:
      S[I] = std::isupper(static_cast<unsigned char>(S[I]))
                 ? static_cast<char>(std::tolower(S[I]))
                 : static_cast<char>(std::toupper(S[I]));
      break;
    }
    return S;
  }
  return S + "k";
}

/// A concrete ARN from an ARN pattern, field by field.
std::string Generator::concretizeArn(const std::string &Pattern) {
  if (Pattern == "*")
    return oneOf(Resources);
  std::vector<std::string> Fields;
  size_t Begin = 0;
  for (int I = 0; I < 5; ++I) {
    size_t End = Pattern.find(':', Begin);
    if (End == std::string::npos)
      break;
    Fields.push_back(Pattern.substr(Begin, End - Begin));
    Begin = End + 1;
  }
  Fields.push_back(Pattern.substr(Begin));
  while (Fields.size() < 6)
    Fields.push_back("*");
  std::string Out;
  for (size_t I = 0; I < 6; ++I) {
    std::string F = Fields[I];
    if (I == 0)
      F = "arn";
    else if (I == 1 && hasWild(F))
      F = "aws";
    else if (I == 2 && hasWild(F))
      F = oneOf(std::vector<std::string>{"s3", "ec2", "sqs"});
    else if (I == 3 && hasWild(F))
      F = oneOf(std::vector<std::string>{"us-east-1", "eu-west-1", ""});
    else if (I == 4 && hasWild(F))
      F = chance(0.7) ? AccountA : AccountB;
    else
      F = concretize(F, true, I == 5);
    Out += F;
    if (I < 5)
      Out += ':';
  }
  return Out;
}

void Generator::addContext(CaseRequest &R, const std::string &Key,
                           std::vector<std::string> Values, bool Multi) {
  for (ContextEntry &E : R.Context) {
    std::string A = E.Key, B = Key;
    std::transform(A.begin(), A.end(), A.begin(), ::tolower);
    std::transform(B.begin(), B.end(), B.begin(), ::tolower);
    if (A == B)
      return; // The first setting wins.
  }
  R.Context.push_back({Key, Multi, std::move(Values)});
}

/// Substitutes policy variables with values that it also puts in the
/// request context (or leaves them unset, to exercise unresolved ones).
std::string Generator::resolveVars(const std::string &Text, CaseRequest &R) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '$' && I + 1 < Text.size() && Text[I + 1] == '{') {
      size_t End = Text.find('}', I);
      if (End == std::string::npos) {
        Out += Text.substr(I);
        break;
      }
      std::string Body = Text.substr(I + 2, End - I - 2);
      I = End;
      if (Body == "*" || Body == "?" || Body == "$") {
        Out += Body == "$" ? "$" : "x"; // Avoid wildcards in requests.
        continue;
      }
      std::string Key = Body.substr(0, Body.find(','));
      while (!Key.empty() && Key.back() == ' ')
        Key.pop_back();
      std::string Value = oneOf(std::vector<std::string>{"alice", "bob", "v1"});
      if (chance(0.85))
        addContext(R, Key, {Value}, false);
      Out += Value;
      continue;
    }
    Out += Text[I];
  }
  return Out;
}

/// A request value near the policy value \p Value of operator \p Op:
/// matching it when \p Hit, else just off it.
std::string Generator::valueNear(const std::string &Op, const std::string &V,
                                 bool Hit, CaseRequest &R) {
  std::string Base = Op;
  for (const char *Prefix : {"ForAllValues:", "ForAnyValue:"})
    if (Base.rfind(Prefix, 0) == 0)
      Base = Base.substr(strlen(Prefix));
  if (Base.size() > 8 && Base.compare(Base.size() - 8, 8, "IfExists") == 0)
    Base = Base.substr(0, Base.size() - 8);
  if (Base.rfind("Numeric", 0) == 0) {
    double D = atof(V.c_str());
    if (Hit)
      return V;
    std::ostringstream OS;
    OS << (D + (chance(0.5) ? 1 : -1));
    return OS.str();
  }
  if (Base.rfind("Date", 0) == 0) {
    if (Hit || V.empty())
      return V;
    if (std::all_of(V.begin(), V.end(), ::isdigit))
      return std::to_string(atoll(V.c_str()) + (chance(0.5) ? 1 : -1));
    if (V.size() == 20 && V[19] == 'Z') // YYYY-MM-DDThh:mm:ssZ
      return V.substr(0, 17) + (V[18] == '9' ? "58" : "59") + "Z";
    return "2030-01-01T00:00:00Z";
  }
  if (Base == "Bool")
    return Hit ? V : (V == "true" ? "false" : "true");
  if (Base == "IpAddress" || Base == "NotIpAddress") {
    std::string Addr = V.substr(0, V.find('/'));
    if (Addr.find(':') != std::string::npos) {
      // Keep IPv6 simple: the network address itself, or another network.
      if (Hit)
        return Addr.back() == ':' ? Addr + "1" : Addr;
      return "2001:db9::1";
    }
    if (Hit)
      return Addr;
    size_t Dot = Addr.find('.');
    int First = atoi(Addr.substr(0, Dot).c_str());
    return std::to_string((First + 1) % 224) + Addr.substr(Dot);
  }
  if (Base.rfind("Arn", 0) == 0) {
    std::string A = concretizeArn(resolveVars(V, R));
    return Hit ? A : nearMiss(A, true);
  }
  if (Base == "Null")
    return "x";
  std::string S = resolveVars(V, R);
  if (Base.find("Like") != std::string::npos)
    S = concretize(S, false, false);
  return Hit ? S : nearMiss(S, false);
}

void Generator::fromCorpus(
    const std::vector<std::pair<std::string, json>> &Corpus, unsigned PerPolicy,
    PolicyPool &Pool, std::vector<Case> &Out) {
  json AllowAll = {
      {"Version", "2012-10-17"},
      {"Statement",
       {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}};
  int AllowAllId = Pool.add(AllowAll);
  for (const auto &Entry : Corpus) {
    const json &Doc = Entry.second;
    int Id = Pool.add(Doc);
    json Statements = asArray(Doc["Statement"]);
    if (Statements.empty())
      continue;
    for (unsigned K = 0; K < PerPolicy; ++K) {
      const json &S =
          Statements[pick(static_cast<unsigned>(Statements.size()))];
      if (!S.is_object())
        continue;
      Case C;
      C.Id = NextId++;
      C.Origin = Entry.first;
      CaseRequest &R = C.Request;
      // Mostly callers of the policy's own account.
      static const std::vector<std::string> CorpusCallers = {
          Callers[0], Callers[2], Callers[3], Callers[4], Callers[6]};
      R.Principal = oneOf(CorpusCallers);
      // Action: from the statement (concretized), a near miss, or another.
      json As = asArray(S.contains("Action") ? S["Action"] : S["NotAction"]);
      std::string A =
          As.empty() ? "s3:GetObject"
                     : valueText(As[pick(static_cast<unsigned>(As.size()))]);
      if (A == "*" || A.find(':') == std::string::npos)
        A = oneOf(Actions);
      A = concretize(A, false, false);
      unsigned Roll = pick(10);
      if (Roll == 0)
        A = nearMiss(A, true);
      else if (Roll == 1)
        A = oneOf(Actions);
      if (A.find(':') == std::string::npos || A.back() == ':')
        A = oneOf(Actions);
      R.Action = A;
      // Resource likewise.
      json Rs =
          asArray(S.contains("Resource") ? S["Resource"] : S["NotResource"]);
      std::string Res =
          Rs.empty() ? "*"
                     : valueText(Rs[pick(static_cast<unsigned>(Rs.size()))]);
      Res = concretizeArn(resolveVars(Res, R));
      if (chance(0.15))
        Res = nearMiss(Res, true);
      R.Resource = Res;
      R.ResourceAccount = AccountA;
      // Context: values at and around each condition literal, or absent.
      if (S.contains("Condition") && S["Condition"].is_object()) {
        for (auto &OpEntry : S["Condition"].items()) {
          std::string Op = OpEntry.key();
          bool Set = Op.rfind("For", 0) == 0;
          if (!OpEntry.value().is_object())
            continue;
          for (auto &KV : OpEntry.value().items()) {
            if (chance(0.2))
              continue; // absent
            json Vals = asArray(KV.value());
            std::vector<std::string> Out;
            unsigned N = Set ? pick(4) : 1;
            for (unsigned I = 0; I < N; ++I) {
              std::string V =
                  Vals.empty()
                      ? "x"
                      : valueText(
                            Vals[pick(static_cast<unsigned>(Vals.size()))]);
              if (Op == "Null") {
                V = "v";
              } else {
                V = valueNear(Op, V, chance(0.6), R);
              }
              Out.push_back(V);
            }
            addContext(R, KV.key(), Out, Set);
          }
        }
      }
      // The policy's role.
      unsigned Role = pick(10);
      if (Role < 6) {
        C.Identity = {Id};
      } else if (Role == 6) {
        C.Identity = {AllowAllId};
        C.Boundary = Id;
      } else if (Role == 7) {
        C.Identity = {AllowAllId};
        C.SCPs = {Id};
      } else if (Role == 8 && isSessionCaller(R.Principal)) {
        C.Identity = {AllowAllId};
        C.Session = Id;
      } else {
        C.Identity = {Id, AllowAllId};
      }
      if (R.Principal.find(":federated-user/") != std::string::npos &&
          C.Session < 0)
        C.Session = AllowAllId;
      if (serviceSpecific(R))
        continue;
      Out.push_back(std::move(C));
    }
  }
}

json Generator::randomCondition() {
  const KeyInfo &K = oneOf(keys());
  std::string Family = K.Family;
  std::string Op;
  if (chance(0.07)) {
    Op = "Null";
  } else {
    Op = oneOf(opsFor(Family));
    if (chance(0.25))
      Op = (chance(0.5) ? "ForAllValues:" : "ForAnyValue:") + Op;
    if (chance(0.2))
      Op += "IfExists";
  }
  json Values = json::array();
  unsigned N = 1 + pick(3);
  for (unsigned I = 0; I < N; ++I) {
    if (Op == "Null")
      Values.push_back(chance(0.5) ? "true" : "false");
    else
      Values.push_back(oneOf(K.PolicyValues));
  }
  json C;
  C[Op][K.Key] = Values.size() == 1 && chance(0.5) ? Values[0] : Values;
  return C;
}

json Generator::randomStatement(bool ResourcePolicy, bool ControlPolicy,
                                bool AllowOnly) {
  json S;
  S["Effect"] = AllowOnly || chance(0.7) ? "Allow" : "Deny";
  json Acts = json::array();
  for (unsigned I = 0, N = 1 + pick(2); I < N; ++I)
    Acts.push_back(oneOf(ActionPatterns));
  S[chance(0.1) ? "NotAction" : "Action"] = Acts;
  json Res = json::array();
  for (unsigned I = 0, N = 1 + pick(2); I < N; ++I)
    Res.push_back(oneOf(ResourcePatterns));
  if (!ResourcePolicy || chance(0.9))
    S[chance(0.1) ? "NotResource" : "Resource"] = Res;
  if (ResourcePolicy) {
    if (chance(0.15)) {
      S["Principal"] = "*";
    } else {
      json P = json::array();
      for (unsigned I = 0, N = 1 + pick(2); I < N; ++I)
        P.push_back(oneOf(PrincipalValues));
      json Service = json::array({"s3.amazonaws.com"});
      json Obj;
      Obj["AWS"] = P;
      if (chance(0.2))
        Obj["Service"] = Service;
      S[chance(0.08) ? "NotPrincipal" : "Principal"] = Obj;
    }
  }
  if (ControlPolicy)
    S["Principal"] = "*";
  if (chance(0.6)) {
    json Cond = json::object();
    for (unsigned I = 0, N = 1 + pick(2); I < N; ++I) {
      json C = randomCondition();
      for (auto &E : C.items())
        for (auto &KV : E.value().items())
          Cond[E.key()][KV.key()] = KV.value();
    }
    S["Condition"] = Cond;
  }
  return S;
}

json Generator::randomPolicy(bool ResourcePolicy, bool ControlPolicy,
                             bool AllowOnly) {
  json P;
  P["Version"] = "2012-10-17";
  json Ss = json::array();
  for (unsigned I = 0, N = 1 + pick(3); I < N; ++I)
    Ss.push_back(randomStatement(ResourcePolicy, ControlPolicy, AllowOnly));
  P["Statement"] = Ss;
  return P;
}

CaseRequest Generator::randomRequest(const std::string &Caller) {
  CaseRequest R;
  R.Principal = Caller;
  R.Action = oneOf(Actions);
  R.Resource = oneOf(Resources);
  std::string Acct = accountOf(R.Resource);
  R.ResourceAccount = Acct.empty() ? (chance(0.8) ? AccountA : AccountB) : Acct;
  for (const KeyInfo &K : keys()) {
    if (chance(0.4))
      continue;
    std::string F = K.Family;
    bool Multi =
        std::string(K.Key) == "aws:TagKeys" ? chance(0.8) : chance(0.05);
    std::vector<std::string> Vs;
    unsigned N = Multi ? pick(4) : 1;
    for (unsigned I = 0; I < N; ++I)
      Vs.push_back(oneOf(K.RequestValues));
    addContext(R, K.Key, Vs, Multi);
  }
  return R;
}

void Generator::random(unsigned Count, PolicyPool &Pool,
                       std::vector<Case> &Out) {
  for (unsigned I = 0; I < Count; ++I) {
    Case C;
    C.Id = NextId++;
    C.Origin = "random";
    std::string Caller = oneOf(Callers);
    C.Request = randomRequest(Caller);
    bool Principal = !Caller.empty() && !isServiceCaller(Caller);
    if (Principal) {
      for (unsigned K = 0, N = chance(0.8) ? 1 + pick(2) : 0; K < N; ++K)
        C.Identity.push_back(Pool.add(randomPolicy(false, false, false)));
      if (chance(0.2))
        C.Boundary = Pool.add(randomPolicy(false, false, false));
      if (chance(0.25))
        for (unsigned K = 0, N = 1 + pick(2); K < N; ++K)
          C.SCPs.push_back(Pool.add(randomPolicy(false, true, false)));
      bool Federated = Caller.find(":federated-user/") != std::string::npos;
      if (isSessionCaller(Caller) && (Federated || chance(0.25)))
        C.Session = Pool.add(randomPolicy(false, false, false));
    }
    if (chance(0.55))
      C.Resource = Pool.add(randomPolicy(true, false, false));
    if (chance(0.15))
      C.RCPs.push_back(Pool.add(randomPolicy(false, true, false)));
    if (serviceSpecific(C.Request))
      continue;
    Out.push_back(std::move(C));
  }
}

std::string policyLine(int Id, const std::string &Text) {
  return "{\"type\":\"policy\",\"id\":" + std::to_string(Id) +
         ",\"doc\":" + Text + "}";
}

static json requestJson(const CaseRequest &R) {
  json J;
  J["principal"] = R.Principal.empty() ? json() : json(R.Principal);
  J["action"] = R.Action;
  J["resource"] = R.Resource;
  J["resourceAccount"] = R.ResourceAccount;
  json Ctx = json::object();
  for (const ContextEntry &E : R.Context)
    Ctx[E.Key] = E.Multi ? json(E.Values) : json(E.Values.front());
  J["context"] = Ctx;
  return J;
}

std::string caseLine(const Case &C) {
  json J;
  J["type"] = "case";
  J["id"] = C.Id;
  J["identity"] = C.Identity;
  J["resource"] = C.Resource >= 0 ? json(C.Resource) : json();
  J["boundary"] = C.Boundary >= 0 ? json(C.Boundary) : json();
  J["session"] = C.Session >= 0 ? json(C.Session) : json();
  J["scps"] = C.SCPs;
  J["rcps"] = C.RCPs;
  J["request"] = requestJson(C.Request);
  return J.dump();
}

json caseReplay(const Case &C, const PolicyPool &Pool) {
  auto Doc = [&](int Id) { return json::parse(Pool.Texts[Id]); };
  auto Docs = [&](const std::vector<int> &Ids) {
    json A = json::array();
    for (int Id : Ids)
      A.push_back(Doc(Id));
    return A;
  };
  json J;
  J["origin"] = C.Origin;
  J["identity"] = Docs(C.Identity);
  if (C.Resource >= 0)
    J["resource"] = Doc(C.Resource);
  if (C.Boundary >= 0)
    J["boundary"] = Doc(C.Boundary);
  if (C.Session >= 0)
    J["session"] = Doc(C.Session);
  J["scps"] = Docs(C.SCPs);
  J["rcps"] = Docs(C.RCPs);
  J["request"] = requestJson(C.Request);
  return J;
}

bool caseFromReplay(const json &J, PolicyPool &Pool, Case &C) {
  if (!J.is_object() || !J.contains("request"))
    return false;
  auto One = [&](const char *Key) {
    return J.contains(Key) && J[Key].is_object() ? Pool.add(J[Key]) : -1;
  };
  auto Many = [&](const char *Key) {
    std::vector<int> Ids;
    if (J.contains(Key))
      for (const json &D : J[Key])
        Ids.push_back(Pool.add(D));
    return Ids;
  };
  C.Origin = J.value("origin", "replay");
  C.Identity = Many("identity");
  C.Resource = One("resource");
  C.Boundary = One("boundary");
  C.Session = One("session");
  C.SCPs = Many("scps");
  C.RCPs = Many("rcps");
  const json &R = J["request"];
  C.Request.Principal = R.value("principal", json()).is_string()
                            ? R["principal"].get<std::string>()
                            : "";
  C.Request.Action = R.value("action", "");
  C.Request.Resource = R.value("resource", "*");
  C.Request.ResourceAccount = R.value("resourceAccount", "");
  if (R.contains("context"))
    for (auto &E : R["context"].items()) {
      ContextEntry CE;
      CE.Key = E.key();
      CE.Multi = E.value().is_array();
      for (const json &V : asArray(E.value()))
        CE.Values.push_back(valueText(V));
      C.Request.Context.push_back(CE);
    }
  return true;
}

} // namespace diff
} // namespace tollgate
