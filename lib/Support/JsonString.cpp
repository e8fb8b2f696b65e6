//===- JsonString.cpp - Where a JSON string ends --------------------------===//

#include "tollgate/Support/JsonString.h"

namespace tollgate {

size_t jsonStringEnd(llvm::StringRef Text, size_t Quote) {
  bool Escaped = false;
  for (size_t I = Quote + 1; I < Text.size(); ++I) {
    char C = Text[I];
    if (Escaped)
      Escaped = false;
    else if (C == '\\')
      Escaped = true;
    else if (C == '"')
      return I + 1;
  }
  return Text.size();
}

} // namespace tollgate
