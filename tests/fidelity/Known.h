//===- Known.h - The fidelity harness's model of real requests --*- C++ -*-===//
///
/// \file
/// What the harness knows about the requests AWS sends, written down here
/// independently of the product: the two accounts and the callers of the
/// universe, the condition keys the generated policies use with their
/// documented type, the keys that follow from the caller, and small helpers
/// for the value types (IP addresses, dates, UTF-8). Both the request
/// universe (Universe.h) and the realism checker (Realism.h) use it.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_KNOWN_H
#define TOLLGATE_TESTS_FIDELITY_KNOWN_H

#include "tollgate/Eval/Request.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

#include <cstdint>
#include <string>
#include <vector>

namespace tollgate {
namespace fidelity {

extern const char *const AccountA;
extern const char *const AccountB;

/// The value type of a condition key, as the Service Authorization
/// Reference gives it.
enum class KeyType { String, Arn, Numeric, Date, Bool, Ip };

/// When a key is in a request.
enum class Presence {
  Always,       ///< Every request (aws:CurrentTime, aws:SecureTransport).
  Caller,       ///< Follows from the caller (aws:PrincipalArn, ...).
  PrincipalTag, ///< Optional, only for IAM users and role sessions.
  Optional,     ///< Absent or present on any action.
  ServiceKey,   ///< Only on the actions the catalog lists it for.
};

struct KeySpec {
  const char *Name; ///< Documented spelling.
  KeyType Type;
  bool Multi; ///< ArrayOf...
  Presence When;
};

/// The keys of the universe. Keys outside it are judged by the catalog.
const std::vector<KeySpec> &universeKeys();
/// The spec of \p Key (any case), or null.
const KeySpec *findKey(llvm::StringRef Key);

/// The callers of the universe: anonymous, the root users, IAM users and
/// role sessions of both accounts, a user of an account no policy names,
/// and a service principal.
const std::vector<std::string> &universeCallers();

/// The principal keys a caller's requests carry, as (key, value); empty
/// for anonymous and service callers. aws:username only for IAM users.
std::vector<std::pair<std::string, std::string>> callerKeys(const Caller &C);
/// True when the caller is an IAM principal that can carry
/// aws:PrincipalTag/* (IAM users and role sessions).
bool callerHasTags(const Caller &C);
/// True for the IAM principals that sign their requests (root, users,
/// role sessions, federated users): they always carry aws:PrincipalArn and
/// aws:PrincipalAccount.
bool isSignedIamCaller(const Caller &C);

// Value helpers.
bool isValidUtf8(llvm::StringRef S);
/// An IPv4 or IPv6 address (no prefix) as 128 bits; IPv4 in the low 32.
struct IpAddr {
  bool V6 = false;
  unsigned __int128 Bits = 0;
};
std::optional<IpAddr> parseIp(llvm::StringRef S);
std::string formatIp(const IpAddr &A);
/// `addr/len` or a bare address (full length).
struct Cidr {
  IpAddr Net;
  unsigned Len = 32;
};
std::optional<Cidr> parseCidr(llvm::StringRef S);
/// Seconds since the epoch from `YYYY-MM-DD[Thh:mm:ss[.fff](Z|+hh:mm)]`.
std::optional<int64_t> parseIsoTime(llvm::StringRef S);
/// `YYYY-MM-DDThh:mm:ssZ`, the form AWS puts in aws:CurrentTime.
std::string formatIsoTime(int64_t Seconds);
bool isAwsCurrentTime(llvm::StringRef S);
bool isDecimalNumber(llvm::StringRef S);

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_KNOWN_H
