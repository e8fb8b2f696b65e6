//===- FuzzLsp.cpp - Fuzz the language server -----------------------------===//
//
// The input is the text of a document. The server opens it, answers hover
// and completion at many offsets and code actions over the whole text,
// then reads the same bytes as framed messages. It must never crash or
// hang, and every position it answers with must lie inside the document.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Lsp/Positions.h"
#include "tollgate/Lsp/Server.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

using namespace tollgate;
using namespace tollgate::lsp;
using Json = nlohmann::json;

/// Every `range` in \p J lies within the \p Lines lines of the document.
static void checkRanges(const Json &J, size_t Lines) {
  if (J.is_object()) {
    for (auto It = J.begin(); It != J.end(); ++It) {
      if (It.key() == "range") {
        for (const char *End : {"start", "end"})
          if (It.value()[End]["line"].get<size_t>() >= Lines)
            abort();
      }
      checkRanges(It.value(), Lines);
    }
  } else if (J.is_array()) {
    for (const Json &E : J)
      checkRanges(E, Lines);
  }
}

static void send(Server &S, const Json &Msg, size_t Lines) {
  for (const std::string &Reply :
       S.handle(Msg.dump(-1, ' ', false, Json::error_handler_t::replace)))
    checkRanges(Json::parse(Reply), Lines);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  ServerOptions Options;
  Server S(Options);
  S.handle(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{}})");
  // The client sends UTF-8; bytes that are not are replaced, as a client
  // would have.
  Json Doc = Text;
  std::string Valid =
      Json::parse(Doc.dump(-1, ' ', false, Json::error_handler_t::replace))
          .get<std::string>();
  LineIndex Index(Valid);
  size_t Lines = Index.lineCount();
  const char *Uri = "file:///fuzz/policy.json";
  send(S,
       {{"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params", {{"textDocument", {{"uri", Uri}, {"text", Valid}}}}}},
       Lines);
  size_t Step = Valid.size() / 16 + 1;
  for (size_t Offset = 0; Offset <= Valid.size(); Offset += Step) {
    LspPosition P = Index.position(uint32_t(Offset));
    Json Position = {{"line", P.Line}, {"character", P.Character}};
    for (const char *Method : {"textDocument/hover", "textDocument/completion"})
      send(S,
           {{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", Method},
            {"params",
             {{"textDocument", {{"uri", Uri}}}, {"position", Position}}}},
           Lines);
  }
  LspPosition End = Index.position(uint32_t(Valid.size()));
  Json Actions = {
      {"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/codeAction"}};
  Actions["params"]["textDocument"]["uri"] = Uri;
  Actions["params"]["range"]["start"] = {{"line", 0}, {"character", 0}};
  Actions["params"]["range"]["end"] = {{"line", End.Line},
                                       {"character", End.Character}};
  Actions["params"]["context"]["diagnostics"] = Json::array();
  send(S, Actions, Lines);

  // The same bytes as a stream of messages.
  std::istringstream In(Text);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  Server Raw(Options);
  serve(Raw, In, OS);
  return 0;
}
