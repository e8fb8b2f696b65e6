//===- Depth.cpp - The nesting depth of JSON text -------------------------===//

#include "tollgate/Json/Depth.h"
#include "tollgate/Support/JsonString.h"

namespace tollgate {

bool jsonNestsDeeperThan(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"') {
      I = jsonStringEnd(Text, I) - 1;
    } else if (C == '[' || C == '{') {
      if (++Depth > Limit)
        return true;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return false;
}

} // namespace tollgate
