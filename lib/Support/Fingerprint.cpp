//===- Fingerprint.cpp - Stable identities of findings --------------------===//

#include "tollgate/Support/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"

using namespace llvm;

namespace tollgate {

/// The first 8 bytes of the SHA-1 of \p Data, in hex: the same on every
/// platform and in every release, unlike std::hash.
static std::string digest(StringRef Data) {
  std::array<uint8_t, 20> Hash = SHA1::hash(arrayRefFromStringRef(Data));
  return toHex(ArrayRef<uint8_t>(Hash).take_front(8), /*LowerCase=*/true);
}

std::string locationFingerprint(StringRef File, StringRef Code,
                                StringRef Pointer) {
  std::string Key;
  for (StringRef Part : {File, Code, Pointer}) {
    Key += Part;
    Key += '\0';
  }
  return digest(Key);
}

std::string textFingerprint(StringRef Text) {
  std::string Kept;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    if (InString) {
      Kept += C;
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r')
      continue;
    if (C == '"')
      InString = true;
    Kept += C;
  }
  return digest(Kept);
}

} // namespace tollgate
