//===- RequestFile.cpp - A request written as JSON ------------------------===//

#include "tollgate/Request/RequestFile.h"

#include "tollgate/Json/Depth.h"
#include "tollgate/Support/ReadFile.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace tollgate {

Expected<RequestFile> readRequestFile(StringRef Path) {
  RequestFile Out;
  Request &R = Out.R;
  std::string &Kind = Out.Kind;
  std::string Message;
  raw_string_ostream Err(Message);
  auto fail = [&]() {
    return createStringError(inconvertibleErrorCode(),
                             StringRef(Err.str()).rtrim("\n"));
  };
  ReadOutcome Read = readBounded(Path);
  if (!Read) {
    Err << "cannot read " << Path << ": " << Read.Message << '\n';
    return fail();
  }
  // nlohmann::json recurses once per level.
  if (jsonNestsDeeperThan(Read.Text)) {
    Err << "" << Path << ": nesting is deeper than " << MaxJsonDepth
        << " levels\n";
    return fail();
  }
  nlohmann::json J =
      nlohmann::json::parse(Read.Text.begin(), Read.Text.end(), nullptr,
                            /*allow_exceptions=*/false);
  if (J.is_discarded() || !J.is_object()) {
    Err << "" << Path << ": not a JSON object\n";
    return fail();
  }
  auto Str = [&](const char *Key, std::string &Value) -> bool {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return true;
    if (!It->is_string()) {
      Err << Path << ": \"" << Key << "\" must be a string\n";
      return false;
    }
    Value = It->get<std::string>();
    return true;
  };
  std::string Principal, Canonical;
  if (!Str("principal", Principal) || !Str("principalKind", Kind) ||
      !Str("canonicalId", Canonical) || !Str("action", R.Action) ||
      !Str("resource", R.Resource) ||
      !Str("resourceAccount", R.ResourceAccount))
    return fail();
  R.Principal = Caller::fromId(Principal);
  R.Principal.CanonicalId = Canonical;
  auto Ctx = J.find("context");
  if (Ctx != J.end() && !Ctx->is_null()) {
    if (!Ctx->is_object()) {
      Err << "" << Path << ": \"context\" must be an object\n";
      return fail();
    }
    auto Text = [](const nlohmann::json &V, std::string &Value) {
      if (V.is_string())
        Value = V.get<std::string>();
      else if (V.is_boolean() || V.is_number())
        Value = V.dump();
      else
        return false;
      return true;
    };
    for (auto &E : Ctx->items()) {
      std::string V;
      if (E.value().is_array()) {
        std::vector<std::string> Values;
        for (auto &Item : E.value()) {
          if (!Text(Item, V)) {
            Err << "" << Path << ": context key \"" << E.key()
                << "\" holds a value that is not a string\n";
            return fail();
          }
          Values.push_back(V);
        }
        R.Context.setMulti(E.key(), Values);
      } else if (Text(E.value(), V)) {
        R.Context.set(E.key(), V);
      } else {
        Err << "" << Path << ": context key \"" << E.key()
            << "\" must be a string or an array of strings\n";
        return fail();
      }
    }
  }
  return Out;
}

} // namespace tollgate
