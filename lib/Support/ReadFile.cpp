//===- ReadFile.cpp - Reading an input with a size limit ------------------===//

#include "tollgate/Support/ReadFile.h"

#include "llvm/Support/Errno.h"
#include "llvm/Support/FileSystem.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

static ReadOutcome failure(ReadOutcome::Status S, std::string Message) {
  ReadOutcome R;
  R.S = S;
  R.Message = std::move(Message);
  return R;
}

static ReadOutcome tooLarge(uint64_t Size, bool Exact, uint64_t MaxBytes) {
  if (Exact)
    return failure(ReadOutcome::TooLarge,
                   "file is " + std::to_string(Size) +
                       " bytes; tollgate reads files up to " +
                       std::to_string(MaxBytes) + " bytes");
  return failure(ReadOutcome::TooLarge, "input is larger than " +
                                            std::to_string(MaxBytes) +
                                            " bytes, the most tollgate reads");
}

/// Reads \p FD until end of input or until it holds more than \p MaxBytes.
/// \p SizeHint, the size of a regular file, sizes the first read (one more
/// byte, to see the end); otherwise reads grow the buffer geometrically from
/// 64 KiB. The text keeps no spare capacity: a run keeps the text of every
/// file it reports on, and a 64 KiB buffer for each small policy file of a
/// large corpus was most of a lint run's memory (and zeroing it most of its
/// time).
static ReadOutcome readAll(sys::fs::file_t FD, uint64_t MaxBytes,
                           uint64_t SizeHint = 0) {
  ReadOutcome R;
  size_t Chunk =
      SizeHint ? static_cast<size_t>(std::min<uint64_t>(SizeHint, MaxBytes) + 1)
               : 64 * 1024;
  for (;;) {
    size_t Old = R.Text.size();
    size_t Want = static_cast<size_t>(std::min<uint64_t>(
        Chunk, MaxBytes + 1 - std::min<uint64_t>(Old, MaxBytes + 1)));
    if (Want == 0)
      return tooLarge(0, false, MaxBytes);
    R.Text.resize(Old + Want);
    Expected<size_t> Got =
        sys::fs::readNativeFile(FD, MutableArrayRef<char>(&R.Text[Old], Want));
    if (!Got) {
      std::string Why = toString(Got.takeError());
      return failure(ReadOutcome::CannotRead, Why);
    }
    R.Text.resize(Old + *Got);
    // A short read of a regular file is its end (reads of pipes and
    // terminals may stop short of it).
    if (*Got == 0 || (SizeHint && *Got < Want)) {
      if (R.Text.capacity() - R.Text.size() > 64)
        R.Text.shrink_to_fit();
      return R;
    }
    Chunk = std::max<size_t>(64 * 1024, R.Text.size());
  }
}

ReadOutcome readBounded(StringRef Path, uint64_t MaxBytes) {
  if (Path == "-")
    return readAll(sys::fs::getStdinHandle(), MaxBytes);
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return failure(ReadOutcome::CannotRead, EC.message());
  if (sys::fs::is_directory(Status))
    return failure(ReadOutcome::IsDirectory, "is a directory");
  if (sys::fs::is_regular_file(Status) && Status.getSize() > MaxBytes)
    return tooLarge(Status.getSize(), true, MaxBytes);
  Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(Path);
  if (!FD) {
    std::string Why = toString(FD.takeError());
    return failure(ReadOutcome::CannotRead, Why);
  }
  ReadOutcome R = readAll(
      *FD, MaxBytes, sys::fs::is_regular_file(Status) ? Status.getSize() : 0);
  sys::fs::closeFile(*FD);
  return R;
}

} // namespace tollgate
