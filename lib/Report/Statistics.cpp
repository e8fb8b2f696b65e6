//===- Statistics.cpp - Counts of findings by check -----------------------===//
//
//   12  IAM101  allow-all           security
//    3  IAM019  duplicate-sid       warning
//
//===----------------------------------------------------------------------===//

#include "tollgate/Report/Reporters.h"

#include "llvm/Support/Format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <map>

using namespace llvm;

namespace tollgate {

namespace {
struct CheckCount {
  const CheckInfo *Check;
  size_t Count;
};
} // namespace

/// The checks with findings in \p Files, most findings first; ties by code.
static std::vector<CheckCount> countByCheck(ArrayRef<FileFindings> Files) {
  std::map<const CheckInfo *, size_t> Counts;
  for (const FileFindings &F : Files)
    for (const Diagnostic &D : F.Diags)
      ++Counts[D.Check];
  std::vector<CheckCount> Sorted;
  for (auto &[Check, N] : Counts)
    Sorted.push_back({Check, N});
  std::sort(Sorted.begin(), Sorted.end(),
            [](const CheckCount &A, const CheckCount &B) {
              if (A.Count != B.Count)
                return A.Count > B.Count;
              return std::strcmp(A.Check->Code, B.Check->Code) < 0;
            });
  return Sorted;
}

void writeStatistics(ArrayRef<FileFindings> Files, OutputFormat Format,
                     raw_ostream &OS) {
  std::vector<CheckCount> Counts = countByCheck(Files);
  if (Format == OutputFormat::Json) {
    nlohmann::ordered_json All = nlohmann::ordered_json::array();
    for (const CheckCount &C : Counts)
      All.push_back({{"code", C.Check->Code},
                     {"name", C.Check->Name},
                     {"severity", severityName(C.Check->DefaultSeverity).str()},
                     {"count", C.Count}});
    OS << All.dump(2) << '\n';
    return;
  }
  // Columns as wide as their widest entry.
  size_t CountWidth = 1, NameWidth = 0;
  for (const CheckCount &C : Counts) {
    CountWidth = std::max(CountWidth, std::to_string(C.Count).size());
    NameWidth = std::max(NameWidth, std::strlen(C.Check->Name));
  }
  for (const CheckCount &C : Counts)
    OS << right_justify(std::to_string(C.Count), CountWidth) << "  "
       << left_justify(C.Check->Code, 8)
       << left_justify(C.Check->Name, NameWidth + 2)
       << severityName(C.Check->DefaultSeverity) << '\n';
}

} // namespace tollgate
