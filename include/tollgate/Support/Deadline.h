//===- Deadline.h - A time limit shared by the steps of one task -*- C++
//-*-===//
///
/// \file
/// A point in time after which a task stops and reports that it did not
/// finish (for the verifier: Unknown). Loops that may run long ask
/// expired(); calls that take a time limit of their own get remainingMs().
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_SUPPORT_DEADLINE_H
#define TOLLGATE_SUPPORT_DEADLINE_H

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace tollgate {

class Deadline {
public:
  using Clock = std::chrono::steady_clock;

  /// No time limit.
  Deadline() = default;
  /// \p Ms milliseconds from now.
  static Deadline in(uint64_t Ms) {
    Deadline D;
    D.End = Clock::now() + std::chrono::milliseconds(Ms);
    D.Limited = true;
    return D;
  }

  bool expired() const { return Limited && Clock::now() >= End; }

  /// The earlier of two deadlines.
  static Deadline earliest(const Deadline &A, const Deadline &B) {
    if (!A.Limited)
      return B;
    if (!B.Limited)
      return A;
    return A.End <= B.End ? A : B;
  }

  /// The milliseconds left (at least 1, for APIs where 0 means none).
  unsigned remainingMs(unsigned Cap) const {
    if (!Limited)
      return Cap;
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    End - Clock::now())
                    .count();
    return static_cast<unsigned>(
        std::max<int64_t>(1, std::min<int64_t>(Left, Cap)));
  }

private:
  Clock::time_point End;
  bool Limited = false;
};

} // namespace tollgate

#endif // TOLLGATE_SUPPORT_DEADLINE_H
