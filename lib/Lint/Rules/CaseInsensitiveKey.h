//===- CaseInsensitiveKey.h - DenseMap keys that ignore case ----*- C++ -*-===//
///
/// \file
/// DenseMap/DenseSet traits for StringRef keys compared ignoring ASCII
/// case, as IAM compares action names and ARN fields. Looking a name up
/// hashes it in place: no lower-cased copy is made.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_CASEINSENSITIVEKEY_H
#define TOLLGATE_LIB_LINT_RULES_CASEINSENSITIVEKEY_H

#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>

namespace tollgate {

struct CaseInsensitiveKey {
  static llvm::StringRef getEmptyKey() {
    return llvm::DenseMapInfo<llvm::StringRef>::getEmptyKey();
  }
  static llvm::StringRef getTombstoneKey() {
    return llvm::DenseMapInfo<llvm::StringRef>::getTombstoneKey();
  }
  static unsigned getHashValue(llvm::StringRef S) {
    // Eight bytes at a time, each with bit 5 set: letters that differ only
    // in case hash alike, and so do equal characters.
    constexpr uint64_t Case = 0x2020202020202020ULL;
    constexpr uint64_t Mul = 0x9E3779B97F4A7C15ULL;
    uint64_t H = S.size() * Mul;
    const char *P = S.data();
    size_t N = S.size();
    for (; N >= 8; P += 8, N -= 8) {
      uint64_t W;
      std::memcpy(&W, P, 8);
      H = (H ^ (W | Case)) * Mul;
      H ^= H >> 29;
    }
    uint64_t W = 0;
    for (size_t I = 0; I < N; ++I)
      W |= uint64_t((unsigned char)P[I] | 0x20) << (8 * I);
    H = (H ^ W) * Mul;
    H ^= H >> 32;
    return unsigned(H);
  }
  static bool isEqual(llvm::StringRef A, llvm::StringRef B) {
    // The empty and tombstone keys are told apart by their data pointers.
    if (A.data() == getEmptyKey().data() || B.data() == getEmptyKey().data() ||
        A.data() == getTombstoneKey().data() ||
        B.data() == getTombstoneKey().data())
      return A.data() == B.data();
    return equalsIgnoringCase(A, B);
  }
  /// As StringRef::equals_insensitive, trying an exact comparison first:
  /// policies mostly spell names as the catalog does.
  static bool equalsIgnoringCase(llvm::StringRef A, llvm::StringRef B) {
    return A.size() == B.size() &&
           (A.empty() || std::memcmp(A.data(), B.data(), A.size()) == 0 ||
            A.equals_insensitive(B));
  }
};

} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_CASEINSENSITIVEKEY_H
