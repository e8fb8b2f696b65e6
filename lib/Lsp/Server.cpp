//===- Server.cpp - The tollgate language server --------------------------===//
//
// Messages are handled in the order they come, on one thread: a lint of
// one document takes milliseconds (tens for the largest managed policies),
// so nothing is queued or cancelled.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Lsp/Server.h"
#include "Features.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Json/Depth.h"
#include "tollgate/Lsp/Fixes.h"
#include "tollgate/Lsp/Positions.h"
#include "tollgate/Lsp/Uri.h"

#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <map>

using namespace llvm;
using Json = nlohmann::json;

namespace tollgate {
namespace lsp {

namespace {
/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
};

/// LSP's DiagnosticSeverity.
enum LspSeverity : int { SevError = 1, SevWarning = 2, SevInformation = 3 };

/// The text of message \p J. A string that is not UTF-8 (a finding that
/// quotes a broken document) is written with replacement characters rather
/// than failing.
std::string dump(const Json &J) {
  return J.dump(-1, ' ', false, Json::error_handler_t::replace);
}

struct Document {
  std::string Uri;
  /// The path the document is linted as: its file, or for a document that
  /// is not a file, the last part of its URI.
  std::string Path;
  std::string Text;
  int64_t Version = 0;
  /// The findings of the last lint, whose Source holds the text linted.
  FileFindings Findings;
};

/// Thrown by a handler for a request it cannot answer.
struct RequestError {
  int Code;
  std::string Message;
};
} // namespace

struct Server::Impl {
  explicit Impl(ServerOptions O) : Options(std::move(O)) {
    Options.Lint.Load.SkipNonPolicies = true;
    Options.Lint.Jobs = 1;
  }

  std::vector<std::string> handle(StringRef Body);
  void dispatch(const Json &Msg, std::vector<std::string> &Out);
  Json request(StringRef Method, const Json &Params,
               std::vector<std::string> &Out);
  void notification(StringRef Method, const Json &Params,
                    std::vector<std::string> &Out);

  Json initialize(const Json &Params);
  void open(const Json &Params, std::vector<std::string> &Out);
  void change(const Json &Params, std::vector<std::string> &Out);
  void close(const Json &Params, std::vector<std::string> &Out);
  Json hover(const Json &Params);
  Json completion(const Json &Params);
  Json codeActions(const Json &Params);

  Document &document(const Json &Params);
  uint32_t offsetOf(const Document &D, const Json &Position) const;
  void lint(Document &D, std::vector<std::string> &Out);
  Json diagnostic(const Document &D, const LineIndex &Lines,
                  const Diagnostic &Diag) const;
  Json range(const LineIndex &Lines, Span S) const;
  void relintAll(std::vector<std::string> &Out);

  ServerOptions Options;
  bool Initialized = false;
  bool ShutDown = false;
  bool Exited = false;
  std::map<std::string, Document> Documents;
  /// The last problem shown to the user (a `--config` file gone).
  std::string LastProblem;
};

static Json rpcError(const Json &Id, int Code, StringRef Message) {
  return {{"jsonrpc", "2.0"},
          {"id", Id},
          {"error", {{"code", Code}, {"message", Message.str()}}}};
}

static Json notify(StringRef Method, Json Params) {
  return {{"jsonrpc", "2.0"},
          {"method", Method.str()},
          {"params", std::move(Params)}};
}

std::vector<std::string> Server::Impl::handle(StringRef Body) {
  std::vector<std::string> Out;
  if (jsonNestsDeeperThan(Body)) {
    Out.push_back(dump(rpcError(nullptr, ParseError,
                                "the message nests deeper than " +
                                    std::to_string(MaxJsonDepth) + " levels")));
    return Out;
  }
  Json Msg = Json::parse(Body.begin(), Body.end(), nullptr, false);
  if (Msg.is_discarded()) {
    Out.push_back(
        dump(rpcError(nullptr, ParseError, "the message is not valid JSON")));
    return Out;
  }
  // A batch (an array) is not part of LSP.
  if (!Msg.is_object()) {
    Out.push_back(dump(
        rpcError(nullptr, InvalidRequest, "a message must be a JSON object")));
    return Out;
  }
  dispatch(Msg, Out);
  return Out;
}

void Server::Impl::dispatch(const Json &Msg, std::vector<std::string> &Out) {
  auto Id = Msg.find("id");
  bool HasId = Id != Msg.end();
  if (HasId && !Id->is_string() && !Id->is_number_integer() && !Id->is_null()) {
    Out.push_back(dump(rpcError(nullptr, InvalidRequest,
                                "the id must be a number or a string")));
    return;
  }
  auto Method = Msg.find("method");
  if (Method == Msg.end() || !Method->is_string()) {
    // A response to a request of ours: the server sends none, so there is
    // nothing to match it with.
    if (HasId && (Msg.contains("result") || Msg.contains("error")))
      return;
    Out.push_back(dump(rpcError(HasId ? *Id : Json(nullptr), InvalidRequest,
                                "the message has no method")));
    return;
  }
  std::string Name = Method->get<std::string>();
  Json Params = Msg.value("params", Json::object());
  if (!HasId) {
    try {
      notification(Name, Params, Out);
    } catch (const Json::exception &) {
      // Notifications get no reply, not even an error.
    }
    return;
  }
  Json Reply;
  try {
    Json Result = request(Name, Params, Out);
    Reply = {{"jsonrpc", "2.0"}, {"id", *Id}, {"result", std::move(Result)}};
  } catch (const RequestError &E) {
    Reply = rpcError(*Id, E.Code, E.Message);
  } catch (const Json::exception &E) {
    Reply = rpcError(*Id, InvalidParams,
                     std::string("invalid parameters for ") + Name + ": " +
                         E.what());
  }
  // The reply comes before the notifications the request caused.
  Out.insert(Out.begin(), dump(Reply));
}

Json Server::Impl::request(StringRef Method, const Json &Params,
                           std::vector<std::string> &Out) {
  if (Method == "initialize") {
    if (Initialized)
      throw RequestError{InvalidRequest, "the server is already initialized"};
    Initialized = true;
    return initialize(Params);
  }
  if (!Initialized)
    throw RequestError{ServerNotInitialized,
                       "the server is not initialized yet"};
  if (ShutDown)
    throw RequestError{InvalidRequest, "the server is shutting down"};
  if (Method == "shutdown") {
    ShutDown = true;
    return nullptr;
  }
  if (Method == "textDocument/hover")
    return hover(Params);
  if (Method == "textDocument/completion")
    return completion(Params);
  if (Method == "textDocument/codeAction")
    return codeActions(Params);
  throw RequestError{MethodNotFound, "unknown method `" + Method.str() + "`"};
}

void Server::Impl::notification(StringRef Method, const Json &Params,
                                std::vector<std::string> &Out) {
  if (Method == "exit") {
    Exited = true;
    return;
  }
  if (!Initialized || ShutDown)
    return;
  if (Method == "textDocument/didOpen")
    open(Params, Out);
  else if (Method == "textDocument/didChange")
    change(Params, Out);
  else if (Method == "textDocument/didClose")
    close(Params, Out);
  else if (Method == "textDocument/didSave")
    // A saved `.tollgate.yaml` may change the findings of every document.
    relintAll(Out);
  // `initialized`, `$/...` and others need nothing.
}

Json Server::Impl::initialize(const Json &Params) {
  Json Sync = {{"openClose", true},
               {"change", 1}, // Full
               {"save", {{"includeText", false}}}};
  Json Capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", Sync},
      {"hoverProvider", true},
      {"completionProvider", {{"triggerCharacters", {":", "\""}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
  };
  return {{"capabilities", Capabilities},
          {"serverInfo", {{"name", "tollgate"}, {"version", Options.Version}}}};
}

/// The path the document at \p Uri is linted as.
static std::string pathOf(StringRef Uri) {
  if (std::optional<std::string> P = uriToPath(Uri))
    return *P;
  // Not a file (an unsaved buffer): named after the URI's last part, so
  // that the name still says JSON or YAML, in the current directory.
  StringRef Last = sys::path::filename(Uri, sys::path::Style::posix);
  return Last.empty() ? "untitled" : Last.str();
}

Document &Server::Impl::document(const Json &Params) {
  std::string Uri = Params.at("textDocument").at("uri").get<std::string>();
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    throw RequestError{InvalidParams, "the document `" + Uri + "` is not open"};
  return It->second;
}

void Server::Impl::open(const Json &Params, std::vector<std::string> &Out) {
  const Json &TD = Params.at("textDocument");
  Document D;
  D.Uri = TD.at("uri").get<std::string>();
  D.Path = pathOf(D.Uri);
  D.Text = TD.at("text").get<std::string>();
  D.Version = TD.value("version", int64_t(0));
  std::string Key = D.Uri;
  Document &Stored = Documents[Key];
  Stored = std::move(D);
  lint(Stored, Out);
}

void Server::Impl::change(const Json &Params, std::vector<std::string> &Out) {
  Document &D = document(Params);
  for (const Json &C : Params.at("contentChanges")) {
    std::string Text = C.at("text").get<std::string>();
    if (!C.contains("range")) {
      D.Text = std::move(Text);
      continue;
    }
    // A client may send ranges even to a server that asked for full text.
    uint32_t Begin = offsetOf(D, C["range"].at("start"));
    uint32_t End = offsetOf(D, C["range"].at("end"));
    if (End < Begin)
      std::swap(Begin, End);
    D.Text.replace(Begin, End - Begin, Text);
  }
  D.Version = Params.at("textDocument").value("version", D.Version);
  lint(D, Out);
}

void Server::Impl::close(const Json &Params, std::vector<std::string> &Out) {
  std::string Uri = Params.at("textDocument").at("uri").get<std::string>();
  if (!Documents.erase(Uri))
    return;
  Out.push_back(dump(notify("textDocument/publishDiagnostics",
                            {{"uri", Uri}, {"diagnostics", Json::array()}})));
}

void Server::Impl::relintAll(std::vector<std::string> &Out) {
  for (auto &Entry : Documents)
    lint(Entry.second, Out);
}

uint32_t Server::Impl::offsetOf(const Document &D, const Json &Position) const {
  LspPosition P;
  P.Line = Position.at("line").get<uint32_t>();
  P.Character = Position.at("character").get<uint32_t>();
  return LineIndex(D.Text).offset(P);
}

Json Server::Impl::range(const LineIndex &Lines, Span S) const {
  LspPosition B = Lines.position(S.Begin), E = Lines.endPosition(S.End);
  return {{"start", {{"line", B.Line}, {"character", B.Character}}},
          {"end", {{"line", E.Line}, {"character", E.Character}}}};
}

static int lspSeverity(Severity S) {
  switch (S) {
  case Severity::Error:
  case Severity::Security:
    return SevError;
  case Severity::Warning:
    return SevWarning;
  case Severity::Suggestion:
    return SevInformation;
  }
  return SevError;
}

Json Server::Impl::diagnostic(const Document &D, const LineIndex &Lines,
                              const Diagnostic &Diag) const {
  std::string Message = Diag.Message;
  // Security findings show as errors; the message keeps their level.
  if (Diag.Level == Severity::Security)
    Message = "security: " + Message;
  Json Out = {{"range", range(Lines, Diag.Range)},
              {"severity", lspSeverity(Diag.Level)},
              {"code", Diag.Check->Code},
              {"source", "tollgate"},
              {"message", Message}};
  if (Options.HelpUrl) {
    std::string Url = Options.HelpUrl(*Diag.Check);
    if (!Url.empty())
      Out["codeDescription"] = {{"href", Url}};
  }
  if (!Diag.Notes.empty()) {
    Json Related = Json::array();
    for (const DiagNote &N : Diag.Notes)
      Related.push_back(
          {{"location", {{"uri", D.Uri}, {"range", range(Lines, N.Range)}}},
           {"message", N.Message}});
    Out["relatedInformation"] = std::move(Related);
  }
  return Out;
}

void Server::Impl::lint(Document &D, std::vector<std::string> &Out) {
  Json Diags = Json::array();
  Expected<std::unique_ptr<Linter>> L = Linter::create(Options.Lint);
  if (!L) {
    // Said once, not on every key press, until the problem changes.
    std::string Problem = "tollgate: " + toString(L.takeError());
    if (Problem != LastProblem)
      Out.push_back(dump(
          notify("window/showMessage", {{"type", 1}, {"message", Problem}})));
    LastProblem = std::move(Problem);
    D.Findings = FileFindings();
  } else {
    LastProblem.clear();
    D.Findings = (*L)->lintText(D.Path, D.Text);
    // As many as lint reports by default, the most severe first.
    std::vector<FileFindings> Capped(1);
    std::swap(Capped[0], D.Findings);
    capFindings(Capped, DefaultMaxFindingsPerFile);
    std::swap(Capped[0], D.Findings);
    if (!D.Findings.Skipped) {
      LineIndex Lines(D.Findings.Source->text());
      for (const Diagnostic &Diag : D.Findings.Diags)
        Diags.push_back(diagnostic(D, Lines, Diag));
    }
  }
  Json Params = {{"uri", D.Uri}, {"diagnostics", std::move(Diags)}};
  Params["version"] = D.Version;
  Out.push_back(dump(notify("textDocument/publishDiagnostics", Params)));
}

Json Server::Impl::hover(const Json &Params) {
  Document &D = document(Params);
  uint32_t Offset = offsetOf(D, Params.at("position"));
  std::optional<HoverInfo> H =
      hoverAt(D.Path, D.Text, Offset, Options.Lint.Load,
              Options.Lint.Cat ? *Options.Lint.Cat : Catalog::builtin());
  if (!H)
    return nullptr;
  LineIndex Lines(D.Text);
  return {{"contents", {{"kind", "markdown"}, {"value", H->Markdown}}},
          {"range", range(Lines, H->Range)}};
}

Json Server::Impl::completion(const Json &Params) {
  Document &D = document(Params);
  uint32_t Offset = offsetOf(D, Params.at("position"));
  std::optional<Completions> C =
      completeAt(D.Text, Offset,
                 Options.Lint.Cat ? *Options.Lint.Cat : Catalog::builtin());
  Json Items = Json::array();
  if (C) {
    LineIndex Lines(D.Text);
    Json Range = range(Lines, C->Replace);
    for (const CompletionEntry &E : C->Items)
      Items.push_back(
          {{"label", E.Label},
           {"kind", int(E.Kind)},
           {"detail", E.Detail},
           {"textEdit", {{"range", Range}, {"newText", E.NewText}}}});
  }
  return {{"isIncomplete", false}, {"items", std::move(Items)}};
}

Json Server::Impl::codeActions(const Json &Params) {
  Document &D = document(Params);
  Json Actions = Json::array();
  // The findings are those of the current text: every change is linted.
  if (!D.Findings.Source || D.Findings.Skipped)
    return Actions;
  const SourceFile &File = *D.Findings.Source;
  LineIndex Lines(File.text());
  uint32_t Begin = offsetOf(D, Params.at("range").at("start"));
  uint32_t End = offsetOf(D, Params.at("range").at("end"));
  for (const Diagnostic &Diag : D.Findings.Diags) {
    // Findings that touch the range asked about.
    if (Diag.Range.End < Begin || Diag.Range.Begin > End)
      continue;
    for (const Fix &F : allFixes(File, Diag)) {
      Json Edits = Json::array();
      for (const TextEdit &E : F.Edits)
        Edits.push_back(
            {{"range", range(Lines, E.Range)}, {"newText", E.NewText}});
      Json Action = {{"title", F.Title},
                     {"kind", "quickfix"},
                     {"diagnostics", {diagnostic(D, Lines, Diag)}},
                     {"edit", {{"changes", {{D.Uri, std::move(Edits)}}}}}};
      if (F.Preferred)
        Action["isPreferred"] = true;
      Actions.push_back(std::move(Action));
    }
  }
  return Actions;
}

Server::Server(ServerOptions Options)
    : I(std::make_unique<Impl>(std::move(Options))) {}
Server::~Server() = default;

std::vector<std::string> Server::handle(StringRef Body) {
  try {
    return I->handle(Body);
  } catch (const std::exception &E) {
    return {dump(rpcError(nullptr, InternalError, E.what()))};
  }
}

std::string Server::framingError(const ReadResult &R) const {
  int Code = R.S == ReadResult::TooLarge ? InvalidRequest : ParseError;
  return dump(rpcError(nullptr, Code, R.Problem));
}

bool Server::exited() const { return I->Exited; }
int Server::exitCode() const { return I->ShutDown ? 0 : 1; }

int serve(Server &S, std::istream &In, raw_ostream &Out) {
  while (!S.exited()) {
    ReadResult R = readMessage(In);
    if (R.S == ReadResult::EndOfStream)
      return 1;
    if (R.S != ReadResult::Message) {
      writeMessage(Out, S.framingError(R));
      continue;
    }
    for (const std::string &Reply : S.handle(R.Body))
      writeMessage(Out, Reply);
  }
  return S.exitCode();
}

} // namespace lsp
} // namespace tollgate
