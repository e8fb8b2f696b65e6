//===- Merge.cpp - Putting the JSON outputs of many accounts together -----===//

#include "tollgate/Account/Merge.h"
#include "tollgate/Json/Depth.h"
#include "tollgate/Support/ReadFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {
namespace account {

int mergeOutputs(ArrayRef<std::string> Paths, raw_ostream &OS,
                 raw_ostream &Err) {
  std::string Command;
  Json Accounts = Json::array();
  for (const std::string &Path : Paths) {
    ReadOutcome In = readBounded(Path, uint64_t(256) << 20);
    if (!In) {
      Err << "tollgate account merge: error: " << Path << ": " << In.Message
          << "\n";
      return 2;
    }
    if (jsonNestsDeeperThan(In.Text)) {
      Err << "tollgate account merge: error: " << Path
          << ": nested too deeply\n";
      return 2;
    }
    Json J = Json::parse(In.Text, nullptr, /*allow_exceptions=*/false);
    if (!J.is_object() || !J.contains("command") || !J["command"].is_string()) {
      Err << "tollgate account merge: error: " << Path
          << ": not a JSON output of `tollgate account`\n";
      return 2;
    }
    std::string C = J["command"];
    if (Command.empty())
      Command = C;
    else if (C != Command) {
      Err << "tollgate account merge: error: " << Path << " answers `" << C
          << "`, the others `" << Command << "`\n";
      return 2;
    }
    if (J.contains("accounts") && J["accounts"].is_array()) {
      for (Json &A : J["accounts"])
        Accounts.push_back(std::move(A));
    } else {
      J.erase("command");
      Accounts.push_back(std::move(J));
    }
  }
  std::stable_sort(Accounts.begin(), Accounts.end(),
                   [](const Json &A, const Json &B) {
                     return A.value("account", "") < B.value("account", "");
                   });
  Json Out = {{"command", Command}, {"accounts", Accounts}};
  OS << Out.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  return 0;
}

} // namespace account
} // namespace tollgate
