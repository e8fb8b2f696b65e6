//===- Values.h - Typed condition values ------------------------*- C++ -*-===//
///
/// \file
/// Readers for the typed values of the condition operator families: numbers,
/// dates, IP addresses and CIDR blocks, booleans and ARNs. Each returns None
/// for text it cannot read; the evaluator treats such a value as equal to,
/// less than and inside of nothing.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_EVAL_VALUES_H
#define TOLLGATE_EVAL_VALUES_H

#include "llvm/ADT/StringRef.h"
#include <optional>

#include <array>
#include <cstdint>

namespace tollgate {

/// A decimal number: optional sign, digits, optional fraction and exponent
/// (`12`, `-0.5`, `1e3`). No hexadecimal, infinity or NaN.
std::optional<double> parseNumber(llvm::StringRef Text);

/// A date as milliseconds since the Unix epoch (UTC). Accepts the W3C
/// profile of ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by `Z`, `+hh:mm`, `-hh:mm`,
/// `+hhmm` or nothing, meaning UTC) and epoch seconds (an integer such as
/// `1700000000`).
std::optional<int64_t> parseDate(llvm::StringRef Text);
/// \p Ms (milliseconds since the epoch) as ISO 8601 in UTC, as AWS writes
/// aws:CurrentTime (`2026-01-01T00:00:00Z`, with `.mmm` when there are
/// milliseconds); "" outside the years 0000-9999.
std::string formatIsoTime(int64_t Ms);

/// "true" or "false", in any case.
std::optional<bool> parseBool(llvm::StringRef Text);

/// An IPv4 or IPv6 network. IPv4 addresses are kept apart from IPv6 ones
/// (an IPv4-mapped IPv6 address is an IPv6 address).
struct IpNetwork {
  bool V6 = false;
  /// The address bytes, big-endian; IPv4 uses the first four.
  std::array<uint8_t, 16> Bytes{};
  /// The prefix length: 0..32 for IPv4, 0..128 for IPv6.
  unsigned Prefix = 0;

  /// True when \p Addr (a single address) lies inside this network.
  bool contains(const IpNetwork &Addr) const;
};

/// An address with an optional `/prefix`; without one the network is the
/// single address (/32 or /128).
std::optional<IpNetwork> parseIpNetwork(llvm::StringRef Text);
/// A single address, without a prefix.
std::optional<IpNetwork> parseIpAddress(llvm::StringRef Text);

/// The six colon-separated fields of an ARN: `arn`, partition, service,
/// region, account and resource. The resource field keeps any further
/// colons. Returns false when \p Text has fewer than six fields.
bool splitArn(llvm::StringRef Text, std::array<llvm::StringRef, 6> &Fields);

} // namespace tollgate

#endif // TOLLGATE_EVAL_VALUES_H
