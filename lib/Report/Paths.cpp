//===- Paths.cpp - Names of files and pages in reports --------------------===//

#include "tollgate/Report/Reporters.h"

using namespace llvm;

namespace tollgate {

std::string defaultHelpBaseUrl() {
  return std::string(TOLLGATE_REPOSITORY_URL) + "/blob/main/rules/docs/";
}

std::string helpUrl(const CheckInfo &C, StringRef BaseUrl) {
  std::string Url = BaseUrl.empty() ? defaultHelpBaseUrl() : BaseUrl.str();
  if (Url.back() != '/')
    Url += '/';
  return Url + C.Name + ".md";
}

StringRef displayPath(StringRef Name) {
  StringRef Shown = Name;
  while (Shown.size() > 2 && Shown.consume_front("./"))
    while (Shown.consume_front("/"))
      ;
  return Shown.empty() ? Name : Shown;
}

} // namespace tollgate
