//===- Fix.h - Fixes: byte edits that a finding proposes --------*- C++ -*-===//
///
/// \file
/// A fix is a set of minimal byte edits against the text a finding was made
/// on, so that everything the fix does not touch (formatting, comments, key
/// order) stays as it was. Each fix says how safe it is to apply unasked and
/// what it claims about access; the claim is checked with the verifier
/// before the fix is applied (ClaimCheck.h).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_FIX_FIX_H
#define TOLLGATE_FIX_FIX_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tollgate {

/// Replace Length bytes at Offset with Replacement (Length 0: insert).
struct Edit {
  uint32_t Offset = 0;
  uint32_t Length = 0;
  std::string Replacement;

  uint32_t end() const { return Offset + Length; }
};

/// Whether `lint --fix` applies a fix unasked (Safe) or only with
/// `--unsafe-fixes`: a guess at what the author meant.
enum class FixSafety : uint8_t { Safe, Unsafe };

/// What a fix claims about the policy's access, and what the verifier
/// checks: KeepsAccess must be proved (the fixed policy is equivalent to
/// the original); a fix that ChangesAccess shows what changes.
enum class AccessClaim : uint8_t { KeepsAccess, ChangesAccess };

llvm::StringRef fixSafetyName(FixSafety S);
llvm::StringRef accessClaimName(AccessClaim C);

struct Fix {
  /// The check whose finding proposes the fix (`IAM010`).
  std::string Code;
  /// What the fix does, for people: "change `allow` to `Allow`".
  std::string Title;
  FixSafety Safety = FixSafety::Safe;
  AccessClaim Claim = AccessClaim::KeepsAccess;
  /// Sorted by offset, not overlapping.
  std::vector<Edit> Edits;
  /// The finding's JSON pointer and message, which name the fix across
  /// passes (offsets move as other fixes are applied).
  std::string Pointer, Message;
  /// Where the finding is, in the text the fix edits.
  Span Finding;

  /// The bytes the edits cover, from the first edit's offset to the last
  /// edit's end.
  Span hull() const;
  /// Names the fix across passes.
  std::string key() const;
};

/// Applies \p Edits (sorted by offset, not overlapping) to \p Text.
std::string applyEdits(llvm::StringRef Text, llvm::ArrayRef<Edit> Edits);

/// True when the edits of \p A and \p B cannot both be applied: their hulls
/// overlap, or both insert at one offset (the order would be a guess).
bool fixesConflict(const Fix &A, const Fix &B);

/// Which fixes of \p Fixes one pass applies together: in order of offset,
/// each fix that conflicts with none taken before it. Returns their indices
/// in increasing order of offset.
std::vector<size_t> selectCompatible(llvm::ArrayRef<Fix> Fixes);

struct AppliedEdits {
  std::string Text;
  /// Indices into the fixes given.
  std::vector<size_t> Applied, Deferred;
};

/// One pass: applies every fix that selectCompatible() takes and defers
/// the others to the next pass (against the new text).
AppliedEdits applyCompatible(llvm::StringRef Text, llvm::ArrayRef<Fix> Fixes);

} // namespace tollgate

#endif // TOLLGATE_FIX_FIX_H
