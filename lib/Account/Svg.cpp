//===- Svg.cpp - The escalation graph as SVG, drawn by Graphviz -----------===//

#include "tollgate/Account/Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

using namespace llvm;

namespace tollgate {
namespace account {

Error writeEscalationSvg(const Account &A, const EscalationGraph &G,
                         raw_ostream &OS) {
  ErrorOr<std::string> Dot = sys::findProgramByName("dot");
  if (!Dot)
    return createStringError(
        inconvertibleErrorCode(),
        "--format svg needs Graphviz's `dot` (Debian package graphviz); "
        "--format dot writes its input");
  SmallString<64> In, Out;
  if (sys::fs::createTemporaryFile("tollgate-escalation", "dot", In) ||
      sys::fs::createTemporaryFile("tollgate-escalation", "svg", Out))
    return createStringError(inconvertibleErrorCode(),
                             "cannot create a temporary file");
  {
    std::error_code EC;
    raw_fd_ostream F(In, EC);
    writeEscalationDot(A, G, F);
  }
  StringRef Args[] = {*Dot, "-Tsvg", "-o", Out, In};
  std::string Msg;
  int RC = sys::ExecuteAndWait(*Dot, Args, llvm::None, {}, /*SecondsToWait=*/60,
                               0, &Msg);
  Error Status = Error::success();
  if (RC != 0)
    Status = createStringError(inconvertibleErrorCode(),
                               "dot failed" + (Msg.empty() ? "" : ": " + Msg));
  else if (ErrorOr<std::unique_ptr<MemoryBuffer>> B =
               MemoryBuffer::getFile(Out))
    OS << (*B)->getBuffer();
  sys::fs::remove(In);
  sys::fs::remove(Out);
  return Status;
}

} // namespace account
} // namespace tollgate
