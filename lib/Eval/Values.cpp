//===- Values.cpp - Typed condition values --------------------------------===//

#include "tollgate/Eval/Values.h"

#include <cstdio>

#include "llvm/ADT/StringExtras.h"

#include <cstdlib>
#include <cstring>
#include <string>

using namespace llvm;

namespace tollgate {

Optional<double> parseNumber(StringRef Text) {
  // Validate the shape first: strtod also accepts hex, "inf", "nan" and
  // leading spaces, none of which is a number in a policy.
  size_t I = 0, N = Text.size();
  if (I < N && (Text[I] == '+' || Text[I] == '-'))
    ++I;
  size_t Digits = 0;
  while (I < N && isDigit(Text[I]))
    ++I, ++Digits;
  if (I < N && Text[I] == '.') {
    ++I;
    while (I < N && isDigit(Text[I]))
      ++I, ++Digits;
  }
  if (Digits == 0)
    return None;
  if (I < N && (Text[I] == 'e' || Text[I] == 'E')) {
    ++I;
    if (I < N && (Text[I] == '+' || Text[I] == '-'))
      ++I;
    size_t ExpDigits = 0;
    while (I < N && isDigit(Text[I]))
      ++I, ++ExpDigits;
    if (ExpDigits == 0)
      return None;
  }
  if (I != N)
    return None;
  char Buf[64];
  if (N >= sizeof(Buf)) {
    std::string Copy = Text.str();
    return std::strtod(Copy.c_str(), nullptr);
  }
  std::memcpy(Buf, Text.data(), N);
  Buf[N] = 0;
  return std::strtod(Buf, nullptr);
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (Howard
/// Hinnant's days_from_civil).
static int64_t daysFromCivil(int64_t Y, unsigned M, unsigned D) {
  Y -= M <= 2;
  const int64_t Era = (Y >= 0 ? Y : Y - 399) / 400;
  const unsigned Yoe = static_cast<unsigned>(Y - Era * 400);
  const unsigned Doy = (153 * (M + (M > 2 ? -3 : 9)) + 2) / 5 + D - 1;
  const unsigned Doe = Yoe * 365 + Yoe / 4 - Yoe / 100 + Doy;
  return Era * 146097 + static_cast<int64_t>(Doe) - 719468;
}

static bool isLeap(int64_t Y) {
  return (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
}

static unsigned daysInMonth(int64_t Y, unsigned M) {
  static const unsigned Days[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return M == 2 && isLeap(Y) ? 29 : Days[M - 1];
}

/// Reads exactly \p Count digits at \p I.
static bool readDigits(StringRef S, size_t &I, unsigned Count, unsigned &Out) {
  if (I + Count > S.size())
    return false;
  Out = 0;
  for (unsigned K = 0; K < Count; ++K) {
    char C = S[I + K];
    if (!isDigit(C))
      return false;
    Out = Out * 10 + static_cast<unsigned>(C - '0');
  }
  I += Count;
  return true;
}

Optional<int64_t> parseDate(StringRef S) {
  if (S.empty())
    return None;
  // Epoch seconds: an optional minus and digits only. Four digits alone are
  // a year in ISO 8601, but AWS (and every evaluator we know) reads an
  // all-digit value as epoch time, so we do too.
  {
    StringRef Digits = S;
    bool Neg = Digits.consume_front("-");
    if (!Digits.empty() && Digits.size() <= 15 &&
        all_of(Digits, [](char C) { return isDigit(C); })) {
      int64_t V = 0;
      for (char C : Digits)
        V = V * 10 + (C - '0');
      return (Neg ? -V : V) * 1000;
    }
  }
  size_t I = 0;
  unsigned Year, Month = 1, Day = 1, Hour = 0, Minute = 0, Second = 0;
  if (!readDigits(S, I, 4, Year))
    return None;
  if (I < S.size() && S[I] == '-') {
    ++I;
    if (!readDigits(S, I, 2, Month) || Month < 1 || Month > 12)
      return None;
    if (I < S.size() && S[I] == '-') {
      ++I;
      if (!readDigits(S, I, 2, Day) || Day < 1 ||
          Day > daysInMonth(Year, Month))
        return None;
    }
  }
  int64_t Millis = 0;
  int64_t OffsetMinutes = 0;
  if (I < S.size() && (S[I] == 'T' || S[I] == 't')) {
    // A time needs a full date before it.
    if (I != 10)
      return None;
    ++I;
    if (!readDigits(S, I, 2, Hour) || Hour > 24)
      return None;
    if (I >= S.size() || S[I] != ':')
      return None;
    ++I;
    if (!readDigits(S, I, 2, Minute) || Minute > 59)
      return None;
    if (I < S.size() && S[I] == ':') {
      ++I;
      if (!readDigits(S, I, 2, Second) || Second > 60)
        return None;
      if (I < S.size() && (S[I] == '.' || S[I] == ',')) {
        ++I;
        size_t Start = I;
        int64_t Frac = 0;
        unsigned Scale = 0;
        while (I < S.size() && isDigit(S[I])) {
          if (Scale < 3) {
            Frac = Frac * 10 + (S[I] - '0');
            ++Scale;
          }
          ++I;
        }
        if (I == Start)
          return None;
        while (Scale < 3)
          Frac *= 10, ++Scale;
        Millis = Frac;
      }
    }
    if (Hour == 24 && (Minute != 0 || Second != 0 || Millis != 0))
      return None;
    if (I < S.size()) {
      char Z = S[I];
      if (Z == 'Z' || Z == 'z') {
        ++I;
      } else if (Z == '+' || Z == '-') {
        ++I;
        unsigned OH, OM = 0;
        if (!readDigits(S, I, 2, OH) || OH > 23)
          return None;
        if (I < S.size() && S[I] == ':')
          ++I;
        if (!readDigits(S, I, 2, OM) || OM > 59)
          return None;
        OffsetMinutes =
            (Z == '+' ? 1 : -1) * static_cast<int64_t>(OH * 60 + OM);
      } else {
        return None;
      }
    }
  }
  if (I != S.size())
    return None;
  int64_t Days = daysFromCivil(Year, Month, Day);
  int64_t Seconds =
      Days * 86400 + Hour * 3600 + Minute * 60 + Second - OffsetMinutes * 60;
  return Seconds * 1000 + Millis;
}

Optional<bool> parseBool(StringRef Text) {
  if (Text.equals_insensitive("true"))
    return true;
  if (Text.equals_insensitive("false"))
    return false;
  return None;
}

bool IpNetwork::contains(const IpNetwork &Addr) const {
  if (V6 != Addr.V6)
    return false;
  unsigned Full = Prefix / 8, Rest = Prefix % 8;
  for (unsigned I = 0; I < Full; ++I)
    if (Bytes[I] != Addr.Bytes[I])
      return false;
  if (Rest == 0)
    return true;
  uint8_t Mask = static_cast<uint8_t>(0xFF << (8 - Rest));
  return (Bytes[Full] & Mask) == (Addr.Bytes[Full] & Mask);
}

static bool parseV4(StringRef S, uint8_t *Out) {
  SmallVector<StringRef, 4> Parts;
  S.split(Parts, '.', -1, true);
  if (Parts.size() != 4)
    return false;
  for (unsigned I = 0; I < 4; ++I) {
    StringRef P = Parts[I];
    if (P.empty() || P.size() > 3 || !all_of(P, isDigit))
      return false;
    // A leading zero would mean octal to some readers: refuse it.
    if (P.size() > 1 && P[0] == '0')
      return false;
    unsigned V = 0;
    for (char C : P)
      V = V * 10 + (C - '0');
    if (V > 255)
      return false;
    Out[I] = static_cast<uint8_t>(V);
  }
  return true;
}

static bool parseHexGroup(StringRef G, uint16_t &Out) {
  if (G.empty() || G.size() > 4)
    return false;
  unsigned V = 0;
  for (char C : G) {
    if (!isHexDigit(C))
      return false;
    V = V * 16 + hexDigitValue(C);
  }
  Out = static_cast<uint16_t>(V);
  return true;
}

static bool parseV6(StringRef S, uint8_t *Out) {
  // Split at "::" (at most one), then read groups on each side; the last
  // group may be a dotted IPv4 address.
  uint16_t Groups[8] = {};
  size_t DoubleColon = S.find("::");
  if (DoubleColon != StringRef::npos &&
      S.find("::", DoubleColon + 1) != StringRef::npos)
    return false;
  auto ReadSide = [](StringRef Side, SmallVectorImpl<uint16_t> &G,
                     bool AllowV4) -> bool {
    if (Side.empty())
      return true;
    SmallVector<StringRef, 8> Parts;
    Side.split(Parts, ':', -1, true);
    for (size_t I = 0; I < Parts.size(); ++I) {
      StringRef P = Parts[I];
      if (AllowV4 && I + 1 == Parts.size() && P.contains('.')) {
        uint8_t V4[4];
        if (!parseV4(P, V4))
          return false;
        G.push_back(static_cast<uint16_t>(V4[0] << 8 | V4[1]));
        G.push_back(static_cast<uint16_t>(V4[2] << 8 | V4[3]));
        continue;
      }
      uint16_t V;
      if (!parseHexGroup(P, V))
        return false;
      G.push_back(V);
    }
    return true;
  };
  SmallVector<uint16_t, 8> Head, Tail;
  if (DoubleColon == StringRef::npos) {
    if (!ReadSide(S, Head, true) || Head.size() != 8)
      return false;
    std::copy(Head.begin(), Head.end(), Groups);
  } else {
    if (!ReadSide(S.substr(0, DoubleColon), Head, false) ||
        !ReadSide(S.substr(DoubleColon + 2), Tail, true))
      return false;
    if (Head.size() + Tail.size() > 7)
      return false;
    std::copy(Head.begin(), Head.end(), Groups);
    std::copy(Tail.begin(), Tail.end(), Groups + (8 - Tail.size()));
  }
  for (unsigned I = 0; I < 8; ++I) {
    Out[2 * I] = static_cast<uint8_t>(Groups[I] >> 8);
    Out[2 * I + 1] = static_cast<uint8_t>(Groups[I] & 0xFF);
  }
  return true;
}

static Optional<IpNetwork> parseAddress(StringRef S) {
  IpNetwork N;
  if (S.contains(':')) {
    if (!parseV6(S, N.Bytes.data()))
      return None;
    N.V6 = true;
    N.Prefix = 128;
    return N;
  }
  if (!parseV4(S, N.Bytes.data()))
    return None;
  N.Prefix = 32;
  return N;
}

Optional<IpNetwork> parseIpAddress(StringRef Text) {
  if (Text.contains('/'))
    return None;
  return parseAddress(Text);
}

Optional<IpNetwork> parseIpNetwork(StringRef Text) {
  StringRef Addr, Len;
  std::tie(Addr, Len) = Text.split('/');
  Optional<IpNetwork> N = parseAddress(Addr);
  if (!N)
    return None;
  if (Addr.size() == Text.size())
    return N;
  if (Len.empty() || Len.size() > 3 || !all_of(Len, isDigit))
    return None;
  unsigned P = 0;
  for (char C : Len)
    P = P * 10 + (C - '0');
  if (P > (N->V6 ? 128u : 32u))
    return None;
  N->Prefix = P;
  return N;
}

bool splitArn(StringRef Text, std::array<StringRef, 6> &Fields) {
  StringRef Rest = Text;
  for (unsigned I = 0; I < 5; ++I) {
    size_t Colon = Rest.find(':');
    if (Colon == StringRef::npos)
      return false;
    Fields[I] = Rest.substr(0, Colon);
    Rest = Rest.substr(Colon + 1);
  }
  Fields[5] = Rest;
  return true;
}

/// The civil date of day \p Days since 1970-01-01 (Howard Hinnant's
/// days-to-civil algorithm).
static void civilFromDays(int64_t Days, int64_t &Y, unsigned &M, unsigned &D) {
  Days += 719468;
  int64_t Era = (Days >= 0 ? Days : Days - 146096) / 146097;
  unsigned Doe = static_cast<unsigned>(Days - Era * 146097);
  unsigned Yoe = (Doe - Doe / 1460 + Doe / 36524 - Doe / 146096) / 365;
  Y = static_cast<int64_t>(Yoe) + Era * 400;
  unsigned Doy = Doe - (365 * Yoe + Yoe / 4 - Yoe / 100);
  unsigned Mp = (5 * Doy + 2) / 153;
  D = Doy - (153 * Mp + 2) / 5 + 1;
  M = Mp < 10 ? Mp + 3 : Mp - 9;
  Y += M <= 2;
}

std::string formatIsoTime(int64_t Ms) {
  int64_t Days = Ms >= 0 ? Ms / 86400000 : -((-Ms + 86399999) / 86400000);
  int64_t Rem = Ms - Days * 86400000;
  int64_t Y;
  unsigned Mo, D;
  civilFromDays(Days, Y, Mo, D);
  if (Y < 0 || Y > 9999)
    return "";
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%04lld-%02u-%02uT%02u:%02u:%02u",
                static_cast<long long>(Y), Mo, D,
                static_cast<unsigned>(Rem / 3600000),
                static_cast<unsigned>(Rem / 60000 % 60),
                static_cast<unsigned>(Rem / 1000 % 60));
  std::string Out = Buf;
  if (Rem % 1000) {
    std::snprintf(Buf, sizeof(Buf), ".%03u", static_cast<unsigned>(Rem % 1000));
    Out += Buf;
  }
  return Out + "Z";
}

} // namespace tollgate
