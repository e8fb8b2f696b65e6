//===- Known.cpp - The fidelity harness's model of real requests ----------===//

#include "Known.h"

#include "llvm/ADT/StringExtras.h"

#include <arpa/inet.h>
#include <cstring>

using namespace llvm;

namespace tollgate {
namespace fidelity {

const char *const AccountA = "111122223333";
const char *const AccountB = "444455556666";

const std::vector<KeySpec> &universeKeys() {
  // Types from the Service Authorization Reference; availability from the
  // "Availability" line of each key in "AWS global condition context keys".
  static const std::vector<KeySpec> Keys = {
      {"aws:CurrentTime", KeyType::Date, false, Presence::Always},
      {"aws:EpochTime", KeyType::Date, false, Presence::Always},
      {"aws:SecureTransport", KeyType::Bool, false, Presence::Always},
      {"aws:PrincipalArn", KeyType::Arn, false, Presence::Caller},
      {"aws:PrincipalAccount", KeyType::String, false, Presence::Caller},
      {"aws:PrincipalType", KeyType::String, false, Presence::Caller},
      {"aws:username", KeyType::String, false, Presence::Caller},
      {"aws:PrincipalTag/team", KeyType::String, false, Presence::PrincipalTag},
      {"aws:SourceIp", KeyType::Ip, false, Presence::Optional},
      {"aws:MultiFactorAuthPresent", KeyType::Bool, false, Presence::Optional},
      {"aws:TagKeys", KeyType::String, true, Presence::Optional},
      {"s3:prefix", KeyType::String, false, Presence::ServiceKey},
      {"s3:max-keys", KeyType::Numeric, false, Presence::ServiceKey},
  };
  return Keys;
}

const KeySpec *findKey(StringRef Key) {
  for (const KeySpec &K : universeKeys())
    if (Key.equals_insensitive(K.Name))
      return &K;
  return nullptr;
}

const std::vector<std::string> &universeCallers() {
  static const std::vector<std::string> C = {
      "",
      "arn:aws:iam::111122223333:root",
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::111122223333:user/bob",
      "arn:aws:sts::111122223333:assumed-role/app/s1",
      "arn:aws:iam::444455556666:root",
      "arn:aws:iam::444455556666:user/alice",
      "arn:aws:sts::444455556666:assumed-role/ext/s2",
      // An account no policy names.
      "arn:aws:iam::555566667777:user/carol",
      "s3.amazonaws.com",
  };
  return C;
}

namespace {
/// The resource part of an ARN (after the fifth colon), or "".
StringRef arnResource(StringRef Arn) {
  for (int I = 0; I < 5; ++I) {
    size_t P = Arn.find(':');
    if (P == StringRef::npos)
      return "";
    Arn = Arn.drop_front(P + 1);
  }
  return Arn;
}
} // namespace

bool isSignedIamCaller(const Caller &C) {
  return C.Kind == CallerKind::Root || C.Kind == CallerKind::User ||
         C.Kind == CallerKind::Role || C.Kind == CallerKind::RoleSession ||
         C.Kind == CallerKind::FederatedUser;
}

/// Session tags: "key-value pair attributes that you pass when you assume an
/// IAM role or federate a user in AWS STS" (so a federated user has them).
bool callerHasTags(const Caller &C) {
  return C.Kind == CallerKind::User || C.Kind == CallerKind::Role ||
         C.Kind == CallerKind::RoleSession ||
         C.Kind == CallerKind::FederatedUser;
}

std::vector<std::pair<std::string, std::string>> callerKeys(const Caller &C) {
  std::vector<std::pair<std::string, std::string>> K;
  if (C.Kind == CallerKind::Anonymous) {
    // The global condition key reference: aws:PrincipalAccount "For
    // anonymous requests, the request context returns anonymous", and
    // aws:PrincipalType is "included in the request context for all
    // requests, including anonymous requests" (Anonymous).
    K.push_back({"aws:PrincipalAccount", "anonymous"});
    K.push_back({"aws:PrincipalType", "Anonymous"});
    return K;
  }
  if (!isSignedIamCaller(C))
    return K;
  StringRef Res = arnResource(C.Id);
  std::string Arn = C.Id, Type;
  switch (C.Kind) {
  case CallerKind::Root:
    Type = "Account";
    break;
  case CallerKind::User:
    Type = "User";
    // The user name is the last part of the path.
    K.push_back({"aws:username", Res.rsplit('/').second.str()});
    break;
  case CallerKind::Role:
    Type = "AssumedRole";
    break;
  case CallerKind::RoleSession: {
    // For a role session, aws:PrincipalArn is the role's ARN.
    Type = "AssumedRole";
    StringRef Role = Res.drop_front(strlen("assumed-role/")).split('/').first;
    std::string Partition =
        StringRef(C.Id).split(':').second.split(':').first.str();
    Arn = "arn:" + Partition + ":iam::" + C.Account + ":role/" + Role.str();
    break;
  }
  default:
    Type = "FederatedUser";
    break;
  }
  K.push_back({"aws:PrincipalArn", Arn});
  K.push_back({"aws:PrincipalAccount", C.Account});
  K.push_back({"aws:PrincipalType", Type});
  return K;
}

bool isValidUtf8(StringRef S) {
  const unsigned char *P = S.bytes_begin(), *E = S.bytes_end();
  while (P < E) {
    unsigned char C = *P;
    unsigned N;
    uint32_t CP;
    if (C < 0x80) {
      ++P;
      continue;
    }
    if ((C & 0xE0) == 0xC0) {
      N = 1;
      CP = C & 0x1F;
    } else if ((C & 0xF0) == 0xE0) {
      N = 2;
      CP = C & 0x0F;
    } else if ((C & 0xF8) == 0xF0) {
      N = 3;
      CP = C & 0x07;
    } else {
      return false;
    }
    if (E - P <= N)
      return false;
    for (unsigned I = 1; I <= N; ++I) {
      if ((P[I] & 0xC0) != 0x80)
        return false;
      CP = (CP << 6) | (P[I] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF.
    static const uint32_t Min[] = {0, 0x80, 0x800, 0x10000};
    if (CP < Min[N] || (CP >= 0xD800 && CP <= 0xDFFF) || CP > 0x10FFFF)
      return false;
    P += N + 1;
  }
  return true;
}

std::optional<IpAddr> parseIp(StringRef S) {
  std::string T = S.str();
  IpAddr A;
  unsigned char Buf[16];
  if (inet_pton(AF_INET, T.c_str(), Buf) == 1) {
    for (int I = 0; I < 4; ++I)
      A.Bits = (A.Bits << 8) | Buf[I];
    return A;
  }
  if (inet_pton(AF_INET6, T.c_str(), Buf) == 1) {
    A.V6 = true;
    for (int I = 0; I < 16; ++I)
      A.Bits = (A.Bits << 8) | Buf[I];
    return A;
  }
  return std::nullopt;
}

std::string formatIp(const IpAddr &A) {
  char Out[64];
  unsigned char Buf[16];
  unsigned N = A.V6 ? 16 : 4;
  unsigned __int128 B = A.Bits;
  for (int I = N - 1; I >= 0; --I) {
    Buf[I] = static_cast<unsigned char>(B & 0xFF);
    B >>= 8;
  }
  inet_ntop(A.V6 ? AF_INET6 : AF_INET, Buf, Out, sizeof(Out));
  return Out;
}

std::optional<Cidr> parseCidr(StringRef S) {
  auto Parts = S.split('/');
  std::optional<IpAddr> A = parseIp(Parts.first);
  if (!A)
    return std::nullopt;
  Cidr C;
  C.Net = *A;
  C.Len = A->V6 ? 128 : 32;
  if (!Parts.second.empty() && Parts.second.getAsInteger(10, C.Len))
    return std::nullopt;
  return C;
}

namespace {
int64_t daysFromCivil(int64_t Y, unsigned M, unsigned D) {
  Y -= M <= 2;
  const int64_t Era = (Y >= 0 ? Y : Y - 399) / 400;
  const unsigned Yoe = static_cast<unsigned>(Y - Era * 400);
  const unsigned Doy = (153 * (M + (M > 2 ? -3 : 9)) + 2) / 5 + D - 1;
  const unsigned Doe = Yoe * 365 + Yoe / 4 - Yoe / 100 + Doy;
  return Era * 146097 + static_cast<int64_t>(Doe) - 719468;
}

bool digits(StringRef S, size_t Pos, size_t N, unsigned &Out) {
  if (Pos + N > S.size())
    return false;
  StringRef D = S.substr(Pos, N);
  return all_of(D, isDigit) && !D.getAsInteger(10, Out);
}
} // namespace

std::optional<int64_t> parseIsoTime(StringRef S) {
  unsigned Y, Mo, D, H = 0, Mi = 0, Se = 0;
  if (!digits(S, 0, 4, Y) || S.size() < 10 || S[4] != '-' ||
      !digits(S, 5, 2, Mo) || S[7] != '-' || !digits(S, 8, 2, D))
    return std::nullopt;
  if (Mo < 1 || Mo > 12 || D < 1 || D > 31)
    return std::nullopt;
  StringRef Rest = S.drop_front(10);
  int64_t Offset = 0;
  if (!Rest.empty()) {
    if (Rest.size() < 9 || Rest[0] != 'T' || !digits(Rest, 1, 2, H) ||
        Rest[3] != ':' || !digits(Rest, 4, 2, Mi) || Rest[6] != ':' ||
        !digits(Rest, 7, 2, Se))
      return std::nullopt;
    Rest = Rest.drop_front(9);
    if (Rest.consume_front(".")) {
      size_t N = 0;
      while (N < Rest.size() && isDigit(Rest[N]))
        ++N;
      if (!N)
        return std::nullopt;
      Rest = Rest.drop_front(N);
    }
    if (Rest == "Z") {
      Rest = "";
    } else if (Rest.size() == 6 && (Rest[0] == '+' || Rest[0] == '-')) {
      unsigned OH, OM;
      if (!digits(Rest, 1, 2, OH) || Rest[3] != ':' || !digits(Rest, 4, 2, OM))
        return std::nullopt;
      Offset = (Rest[0] == '+' ? 1 : -1) * int64_t(OH * 3600 + OM * 60);
      Rest = "";
    }
    if (!Rest.empty() || H > 23 || Mi > 59 || Se > 60)
      return std::nullopt;
  }
  return daysFromCivil(Y, Mo, D) * 86400 + H * 3600 + Mi * 60 + Se - Offset;
}

std::string formatIsoTime(int64_t T) {
  int64_t Days = T >= 0 ? T / 86400 : (T - 86399) / 86400;
  int64_t Secs = T - Days * 86400;
  // civil_from_days
  int64_t Z = Days + 719468;
  const int64_t Era = (Z >= 0 ? Z : Z - 146096) / 146097;
  const unsigned Doe = static_cast<unsigned>(Z - Era * 146097);
  const unsigned Yoe = (Doe - Doe / 1460 + Doe / 36524 - Doe / 146096) / 365;
  int64_t Y = static_cast<int64_t>(Yoe) + Era * 400;
  const unsigned Doy = Doe - (365 * Yoe + Yoe / 4 - Yoe / 100);
  const unsigned Mp = (5 * Doy + 2) / 153;
  const unsigned D = Doy - (153 * Mp + 2) / 5 + 1;
  const unsigned M = Mp < 10 ? Mp + 3 : Mp - 9;
  Y += M <= 2;
  char Buf[96];
  snprintf(Buf, sizeof(Buf), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
           static_cast<long long>(Y), M, D, static_cast<long long>(Secs / 3600),
           static_cast<long long>(Secs / 60 % 60),
           static_cast<long long>(Secs % 60));
  return Buf;
}

bool isAwsCurrentTime(StringRef S) {
  return S.size() == 20 && S.back() == 'Z' && parseIsoTime(S).has_value();
}

bool isDecimalNumber(StringRef S) {
  S.consume_front("-");
  auto Parts = S.split('.');
  if (Parts.first.empty() || !all_of(Parts.first, isDigit))
    return false;
  return !S.contains('.') ||
         (!Parts.second.empty() && all_of(Parts.second, isDigit));
}

} // namespace fidelity
} // namespace tollgate
