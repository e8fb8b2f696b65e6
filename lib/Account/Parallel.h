//===- Parallel.h - Independent work items over threads ---------*- C++ -*-===//

#ifndef TOLLGATE_LIB_ACCOUNT_PARALLEL_H
#define TOLLGATE_LIB_ACCOUNT_PARALLEL_H

#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <atomic>
#include <cstddef>

namespace tollgate {
namespace account {

/// Calls \p Work(I) for every I below \p N on \p Jobs threads (0: one per
/// hardware thread; 1: on the calling thread). Each call must write only
/// its own result slot, so the results do not depend on the schedule.
template <typename Fn> void parallelFor(size_t N, unsigned Jobs, Fn Work) {
  if (Jobs == 1 || N < 2) {
    for (size_t I = 0; I < N; ++I)
      Work(I);
    return;
  }
  llvm::ThreadPool Pool(llvm::hardware_concurrency(Jobs));
  std::atomic<size_t> Next{0};
  for (unsigned T = 0, E = Pool.getThreadCount(); T < E; ++T)
    Pool.async([&] {
      for (size_t I; (I = Next.fetch_add(1)) < N;)
        Work(I);
    });
  Pool.wait();
}

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_LIB_ACCOUNT_PARALLEL_H
