//===- Transport.cpp - Framed JSON-RPC messages ---------------------------===//

#include "tollgate/Lsp/Transport.h"

#include <algorithm>
#include <limits>
#include <tuple>

using namespace llvm;

namespace tollgate {
namespace lsp {

/// Header lines are short (`Content-Length: 123`); a longer line is not a
/// header.
static constexpr size_t MaxHeaderLine = 1024;
static constexpr unsigned MaxHeaderLines = 32;

namespace {
enum class LineStatus { Ok, End, TooLong };
}

/// Reads one header line, without its CRLF (a bare LF is accepted too).
static LineStatus readHeaderLine(std::istream &In, std::string &Line) {
  Line.clear();
  for (;;) {
    int C = In.get();
    if (C == std::char_traits<char>::eof())
      return LineStatus::End;
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return LineStatus::Ok;
    }
    if (Line.size() == MaxHeaderLine) {
      // Drop the rest of the line so that reading can go on after it.
      In.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      return In.eof() ? LineStatus::End : LineStatus::TooLong;
    }
    Line.push_back(char(C));
  }
}

static ReadResult problem(ReadResult::Status S, std::string Why) {
  ReadResult R;
  R.S = S;
  R.Problem = std::move(Why);
  return R;
}

ReadResult readMessage(std::istream &In, uint64_t MaxBytes) {
  std::string Line, Problem;
  bool HasLength = false;
  uint64_t Length = 0;
  unsigned Lines = 0;
  bool Started = false;
  for (;;) {
    LineStatus LS = readHeaderLine(In, Line);
    if (LS == LineStatus::End)
      return ReadResult();
    if (LS == LineStatus::TooLong) {
      Problem = "a header line is longer than " +
                std::to_string(MaxHeaderLine) + " bytes";
      Started = true;
      continue;
    }
    if (Line.empty()) {
      // Blank lines before a header are tolerated.
      if (!Started)
        continue;
      break;
    }
    Started = true;
    if (++Lines > MaxHeaderLines) {
      Problem = "more than " + std::to_string(MaxHeaderLines) + " header lines";
      continue;
    }
    StringRef Name, Value;
    std::tie(Name, Value) = StringRef(Line).split(':');
    Value = Value.trim();
    if (Name.size() == Line.size()) {
      Problem = "header line without a colon: `" + Line + "`";
      continue;
    }
    if (Name.trim().equals_insensitive("Content-Length")) {
      if (Value.getAsInteger(10, Length)) {
        Problem = "Content-Length is not a number: `" + Value.str() + "`";
        continue;
      }
      HasLength = true;
    }
    // Other headers (Content-Type) are read and ignored.
  }
  if (Problem.empty() && !HasLength)
    Problem = "the header has no Content-Length";
  if (!Problem.empty())
    return problem(ReadResult::BadHeader, Problem);
  if (Length > MaxBytes) {
    // Skip the body piece by piece to stay in step with the stream.
    uint64_t Left = Length;
    char Buffer[4096];
    while (Left && In.read(Buffer, std::streamsize(std::min<uint64_t>(
                                       Left, sizeof(Buffer)))))
      Left -= uint64_t(In.gcount());
    if (Left)
      return ReadResult();
    return problem(ReadResult::TooLarge,
                   "a message of " + std::to_string(Length) +
                       " bytes is over the limit of " +
                       std::to_string(MaxBytes) + " bytes");
  }
  ReadResult R;
  R.S = ReadResult::Message;
  R.Body.resize(size_t(Length));
  if (Length && !In.read(&R.Body[0], std::streamsize(Length)))
    return ReadResult();
  return R;
}

void writeMessage(raw_ostream &OS, StringRef Body) {
  OS << "Content-Length: " << Body.size() << "\r\n\r\n" << Body;
  OS.flush();
}

} // namespace lsp
} // namespace tollgate
