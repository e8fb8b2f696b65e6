//===- Fingerprint.cpp - Stable identities of findings --------------------===//

#include "tollgate/Support/Fingerprint.h"
#include "tollgate/Support/JsonString.h"

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
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"') {
      size_t End = jsonStringEnd(Text, I);
      Kept += Text.slice(I, End);
      I = End - 1;
    } else if (C != ' ' && C != '\t' && C != '\n' && C != '\r') {
      Kept += C;
    }
  }
  return digest(Kept);
}

} // namespace tollgate
