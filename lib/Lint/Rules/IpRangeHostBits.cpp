//===- IpRangeHostBits.cpp - IAM440 ip-range-host-bits --------------------===//
///
/// \file
/// A CIDR block with bits set after its prefix (`203.0.113.5/24`): IAM
/// ignores them, so the block is `203.0.113.0/24`, which the value should
/// say. User docs: rules/docs/ip-range-host-bits.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace tollgate {
namespace {

/// The network \p Net with its host bits cleared, in the usual notation
/// (IPv6 with the longest run of zero groups shortened to `::`).
std::string networkText(IpNetwork Net) {
  unsigned Bytes = Net.V6 ? 16 : 4;
  for (unsigned I = 0; I < Bytes; ++I) {
    unsigned Kept = Net.Prefix > I * 8 ? Net.Prefix - I * 8 : 0;
    if (Kept < 8)
      Net.Bytes[I] &= static_cast<uint8_t>(0xFF00u >> Kept);
  }
  std::string Out;
  raw_string_ostream OS(Out);
  if (!Net.V6) {
    OS << unsigned(Net.Bytes[0]) << '.' << unsigned(Net.Bytes[1]) << '.'
       << unsigned(Net.Bytes[2]) << '.' << unsigned(Net.Bytes[3]);
  } else {
    unsigned Groups[8];
    for (unsigned G = 0; G < 8; ++G)
      Groups[G] = Net.Bytes[2 * G] << 8 | Net.Bytes[2 * G + 1];
    int BestStart = -1, BestLength = 1;
    for (int G = 0; G < 8;) {
      int Length = 0;
      while (G + Length < 8 && Groups[G + Length] == 0)
        ++Length;
      if (Length > BestLength) {
        BestStart = G;
        BestLength = Length;
      }
      G += Length ? Length : 1;
    }
    for (int G = 0; G < 8; ++G) {
      if (G == BestStart) {
        OS << "::";
        G += BestLength - 1;
        continue;
      }
      if (G && G != BestStart + BestLength)
        OS << ':';
      OS << format("%x", Groups[G]);
    }
  }
  OS << '/' << Net.Prefix;
  return OS.str();
}

bool hasHostBits(const IpNetwork &Net) {
  unsigned Bytes = Net.V6 ? 16 : 4;
  for (unsigned I = 0; I < Bytes; ++I) {
    unsigned Kept = Net.Prefix > I * 8 ? Net.Prefix - I * 8 : 0;
    if (Kept < 8 && (Net.Bytes[I] & (0xFFu >> Kept)))
      return true;
  }
  return false;
}

class IpRangeHostBitsRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM440")
          .name("ip-range-host-bits")
          .severity(Severity::Suggestion)
          .summary("A CIDR block with bits set after its prefix length");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::Ip)
        continue;
      for (const ConditionValue &V : C.Values) {
        if (!V.Value.Text.contains('/'))
          continue;
        std::optional<IpNetwork> Net = parseIpNetwork(V.Value.Text);
        if (!Net || !hasHostBits(*Net))
          continue;
        Ctx.report(Info, V.Value.L,
                   "`" + V.Value.Text + "` has bits set after its /" +
                       Twine(Net->Prefix) +
                       " prefix, which IAM ignores; write `" +
                       networkText(*Net) + "`");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(IpRangeHostBitsRule);
} // namespace tollgate
