//===- PolicyString.cpp - Strings with policy variables -------------------===//

#include "tollgate/Policy/PolicyString.h"

namespace tollgate {

bool PolicyString::hasVariables() const {
  for (const StringPart &P : Parts)
    if (P.K == StringPart::Variable)
      return true;
  return false;
}

std::vector<StringPart> PolicyString::parts() const {
  if (!Parts.empty())
    return Parts;
  StringPart Whole;
  Whole.Value = Text;
  return {Whole};
}

} // namespace tollgate
