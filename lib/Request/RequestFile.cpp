//===- RequestFile.cpp - A request written as JSON ------------------------===//

#include "tollgate/Request/RequestFile.h"

#include "tollgate/Json/Depth.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/SmallVector.h"

#include <nlohmann/json.hpp>

#include <map>

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

static Error failure(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Error completeRequest(Request &R, std::string Kind,
                      const RequestOverrides &Over) {
  if (Over.Principal) {
    std::string Canonical = R.Principal.CanonicalId;
    R.Principal = Caller::fromId(*Over.Principal);
    R.Principal.CanonicalId = Canonical;
  }
  if (Over.PrincipalKind)
    Kind = *Over.PrincipalKind;
  if (!Kind.empty()) {
    std::optional<CallerKind> K = parseCallerKind(Kind);
    if (!K)
      return failure("unknown principal kind '" + Kind + "'");
    R.Principal.Kind = *K;
  }
  if (Over.Action)
    R.Action = *Over.Action;
  if (Over.Resource)
    R.Resource = *Over.Resource;
  if (Over.ResourceAccount)
    R.ResourceAccount = *Over.ResourceAccount;
  if (R.Action.empty())
    return failure("no action; give --action SERVICE:NAME");
  if (StringRef(R.Action).count(':') != 1)
    return failure("the action '" + R.Action +
                   "' is not of the form SERVICE:NAME");
  if (R.Resource.empty())
    R.Resource = "*";
  if (R.ResourceAccount.empty()) {
    // An ARN's account field names the owner; S3 ARNs have none.
    SmallVector<StringRef, 6> Fields;
    StringRef(R.Resource).split(Fields, ':', 5);
    if (Fields.size() == 6 && !Fields[4].empty())
      R.ResourceAccount = Fields[4].str();
  }
  // --context KEY=VALUE: a repeated key becomes multivalued.
  std::map<std::string, std::vector<std::string>> Ctx;
  std::vector<std::string> Order;
  for (const std::string &C : Over.Context) {
    StringRef Key, Value;
    std::tie(Key, Value) = StringRef(C).split('=');
    if (Key.empty() || Key.size() == C.size())
      return failure("--context wants KEY=VALUE, got '" + C + "'");
    std::string Folded = Key.lower();
    if (!Ctx.count(Folded))
      Order.push_back(Key.str());
    if (Value == "[]")
      Ctx[Folded];
    else
      Ctx[Folded].push_back(Value.str());
  }
  for (const std::string &Key : Order) {
    const std::vector<std::string> &Values = Ctx[StringRef(Key).lower()];
    if (Values.size() == 1)
      R.Context.set(Key, Values.front());
    else
      R.Context.setMulti(Key, Values);
  }
  return Error::success();
}

} // namespace tollgate
