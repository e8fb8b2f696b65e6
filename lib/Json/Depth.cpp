//===- Depth.cpp - The nesting depth of JSON text -------------------------===//

#include "tollgate/Json/Depth.h"

namespace tollgate {

bool jsonNestsDeeperThan(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
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
