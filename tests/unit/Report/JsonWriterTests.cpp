#include "../../../lib/Report/JsonWriter.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>

using namespace tollgate;
using Json = nlohmann::ordered_json;

namespace {
std::string written(llvm::function_ref<void(JsonWriter &)> Write) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  JsonWriter W(OS, 0);
  Write(W);
  OS.flush();
  return Out;
}

std::string dumped(const Json &J, int Indent) {
  return J.dump(Indent, ' ', false, Json::error_handler_t::replace);
}
} // namespace

TEST_CASE("json writer: strings as nlohmann::json escapes them") {
  std::vector<std::string> Cases = {"",
                                    "plain",
                                    "quote \" and \\ backslash",
                                    "\t\n\r\b\f",
                                    std::string("nul \0 byte", 10),
                                    "\x01\x1f\x7f",
                                    "caf\xC3\xA9",
                                    "bad \xC3 utf-8",
                                    "\xFF\xFE",
                                    "\xED\xA0\x80 surrogate",
                                    "\xF0\x9F\x98\x80 emoji"};
  std::mt19937 Rng(11);
  for (int I = 0; I < 2000; ++I) {
    std::string S;
    size_t N = Rng() % 12;
    for (size_t K = 0; K < N; ++K)
      S += static_cast<char>("a\"\\\n\x01\xC3\xA9\xF0\x9F\x80\xFF"[Rng() % 12]);
    Cases.push_back(S);
  }
  for (const std::string &S : Cases) {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    JsonWriter::writeString(OS, S);
    OS.flush();
    CAPTURE(S);
    CHECK(Out == dumped(Json(S), -1));
  }
}

TEST_CASE("json writer: the layout of dump(2)") {
  Json J = {{"a", 1u},
            {"empty", Json::array()},
            {"obj", Json::object()},
            {"list", {"x", true, false}},
            {"nested", {{"k", {{"deep", 7u}}}}}};
  std::string Out = written([](JsonWriter &W) {
    W.objectBegin();
    W.key("a");
    W.value(1u);
    W.key("empty");
    W.arrayBegin();
    W.arrayEnd();
    W.key("obj");
    W.objectBegin();
    W.objectEnd();
    W.key("list");
    W.arrayBegin();
    W.element();
    W.value("x");
    W.element();
    W.value(true);
    W.element();
    W.value(false);
    W.arrayEnd();
    W.key("nested");
    W.objectBegin();
    W.key("k");
    W.objectBegin();
    W.key("deep");
    W.value(7u);
    W.objectEnd();
    W.objectEnd();
    W.objectEnd();
  });
  CHECK(Out == dumped(J, 2));
}
