//===- Uri.cpp - Document URIs and file paths -----------------------------===//

#include "tollgate/Lsp/Uri.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

std::optional<std::string> uriToPath(StringRef Uri) {
  if (!Uri.consume_front_insensitive("file://"))
    return std::nullopt;
  // `file://host/path`: only the local host is a path here.
  if (!Uri.startswith("/")) {
    if (!Uri.consume_front_insensitive("localhost"))
      return std::nullopt;
  }
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] != '%') {
      Path.push_back(Uri[I]);
      continue;
    }
    if (I + 2 >= Uri.size() || !isHexDigit(Uri[I + 1]) ||
        !isHexDigit(Uri[I + 2]))
      return std::nullopt;
    Path.push_back(char(hexFromNibbles(Uri[I + 1], Uri[I + 2])));
    I += 2;
  }
  if (Path.empty() || Path.find('\0') != std::string::npos)
    return std::nullopt;
  return Path;
}

std::string pathToUri(StringRef Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    unsigned char U = C;
    if (isAlnum(C) || StringRef("/-._~").contains(C)) {
      Uri.push_back(C);
      continue;
    }
    Uri.push_back('%');
    Uri.push_back(hexdigit(U >> 4));
    Uri.push_back(hexdigit(U & 15));
  }
  return Uri;
}

} // namespace lsp
} // namespace tollgate
