#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lsp/Server.h"
#include "tollgate/Lsp/Uri.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace tollgate;
using namespace tollgate::lsp;
using Json = nlohmann::json;

namespace {

/// A server driven in-process, message by message.
class Session {
public:
  Session() : S(options()) {}

  static ServerOptions options() {
    ServerOptions O;
    O.Version = "test";
    return O;
  }

  std::vector<Json> send(const std::string &Body) {
    std::vector<Json> Out;
    for (const std::string &Reply : S.handle(Body))
      Out.push_back(Json::parse(Reply));
    return Out;
  }
  std::vector<Json> send(const Json &Msg) { return send(Msg.dump()); }

  /// Sends a request and returns its response (the first message back).
  Json request(const std::string &Method, Json Params) {
    std::vector<Json> Out = send({{"jsonrpc", "2.0"},
                                  {"id", ++Id},
                                  {"method", Method},
                                  {"params", Params}});
    REQUIRE(!Out.empty());
    CHECK(Out.front()["id"] == Id);
    return Out.front();
  }
  std::vector<Json> notify(const std::string &Method, Json Params) {
    return send({{"jsonrpc", "2.0"}, {"method", Method}, {"params", Params}});
  }

  void initialize() {
    Json R = request("initialize", {{"capabilities", Json::object()}});
    REQUIRE(R.contains("result"));
    CHECK(notify("initialized", Json::object()).empty());
  }

  /// Opens \p Text as \p Uri and returns the diagnostics published.
  Json open(const std::string &Uri, const std::string &Text) {
    std::vector<Json> Out =
        notify("textDocument/didOpen", {{"textDocument",
                                         {{"uri", Uri},
                                          {"languageId", "json"},
                                          {"version", 1},
                                          {"text", Text}}}});
    REQUIRE(Out.size() == 1);
    CHECK(Out[0]["method"] == "textDocument/publishDiagnostics");
    CHECK(Out[0]["params"]["uri"] == Uri);
    return Out[0]["params"]["diagnostics"];
  }

  Json at(const std::string &Method, const std::string &Uri, unsigned Line,
          unsigned Character) {
    return request(Method,
                   {{"textDocument", {{"uri", Uri}}},
                    {"position", {{"line", Line}, {"character", Character}}}});
  }

  Server S;
  int Id = 0;
};

/// The diagnostics with code \p Code.
std::vector<Json> withCode(const Json &Diags, const std::string &Code) {
  std::vector<Json> Out;
  for (const Json &D : Diags)
    if (D["code"] == Code)
      Out.push_back(D);
  return Out;
}

std::vector<std::string> labels(const Json &Completion) {
  std::vector<std::string> Out;
  for (const Json &I : Completion["result"]["items"])
    Out.push_back(I["label"]);
  return Out;
}

bool has(const std::vector<std::string> &V, const std::string &S) {
  return std::find(V.begin(), V.end(), S) != V.end();
}

/// A temporary directory with \p Files (name, text), removed at the end.
class TempDir {
public:
  TempDir() {
    REQUIRE(!llvm::sys::fs::createUniqueDirectory("tollgate-lsp", Dir));
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Dir); }
  std::string write(const std::string &Name, const std::string &Text) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    REQUIRE(!EC);
    OS << Text;
    return std::string(P);
  }
  std::string path(const std::string &Name) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  llvm::SmallString<128> Dir;
};

const char *const Uri = "file:///nonexistent-dir/policy.json";

} // namespace

TEST_CASE("requests before initialize are refused", "[lsp][lifecycle]") {
  Session S;
  Json R = S.at("textDocument/hover", Uri, 0, 0);
  CHECK(R["error"]["code"] == -32002);
  // Notifications before initialize are dropped without a reply.
  CHECK(S.notify(
             "textDocument/didOpen",
             {{"textDocument", {{"uri", Uri}, {"version", 1}, {"text", "{}"}}}})
            .empty());
}

TEST_CASE("initialize, shutdown and exit", "[lsp][lifecycle]") {
  Session S;
  Json R = S.request("initialize", {{"capabilities", Json::object()}});
  const Json &Caps = R["result"]["capabilities"];
  CHECK(Caps["textDocumentSync"]["change"] == 1);
  CHECK(Caps["textDocumentSync"]["openClose"] == true);
  CHECK(Caps["hoverProvider"] == true);
  CHECK(Caps["completionProvider"]["triggerCharacters"].size() == 2);
  CHECK(Caps["codeActionProvider"]["codeActionKinds"][0] == "quickfix");
  CHECK(R["result"]["serverInfo"]["name"] == "tollgate");
  CHECK(S.request("initialize", Json::object())["error"]["code"] == -32600);

  Json Down = S.request("shutdown", nullptr);
  CHECK(Down.contains("result"));
  CHECK(Down["result"].is_null());
  CHECK(S.at("textDocument/hover", Uri, 0, 0)["error"]["code"] == -32600);
  CHECK(!S.S.exited());
  S.notify("exit", nullptr);
  CHECK(S.S.exited());
  CHECK(S.S.exitCode() == 0);
}

TEST_CASE("exit without shutdown exits with 1", "[lsp][lifecycle]") {
  Session S;
  S.initialize();
  S.notify("exit", nullptr);
  CHECK(S.S.exited());
  CHECK(S.S.exitCode() == 1);
}

TEST_CASE("malformed messages get JSON-RPC errors", "[lsp][errors]") {
  Session S;
  S.initialize();
  auto Error = [&](const std::string &Body) {
    std::vector<Json> Out = S.send(Body);
    REQUIRE(Out.size() == 1);
    return Out[0]["error"]["code"].get<int>();
  };
  CHECK(Error("{\"jsonrpc\": \"2.0\", ") == -32700);
  CHECK(Error("\xFF") == -32700);
  CHECK(Error(std::string(100000, '[')) == -32700);
  CHECK(Error("[1, 2]") == -32600);
  CHECK(Error("{\"jsonrpc\": \"2.0\", \"id\": 3}") == -32600);
  CHECK(Error("{\"jsonrpc\": \"2.0\", \"id\": [1], \"method\": \"x\"}") ==
        -32600);
  CHECK(Error("{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"nope\"}") ==
        -32601);
  // Parameters of the wrong shape.
  CHECK(S.request("textDocument/hover",
                  {{"textDocument", 5}})["error"]["code"] == -32602);
  CHECK(S.request(
            "textDocument/hover",
            {{"textDocument", {{"uri", "file:///not-open.json"}}},
             {"position", {{"line", 0}, {"character", 0}}}})["error"]["code"] ==
        -32602);
  // Unknown notifications and bad notifications get no reply at all.
  CHECK(S.notify("$/setTrace", {{"value", "off"}}).empty());
  CHECK(S.notify("textDocument/didChange", {{"textDocument", 1}}).empty());
  // And the server still answers.
  CHECK(S.request("shutdown", nullptr).contains("result"));
}

TEST_CASE("serve() reads framed messages until exit", "[lsp][transport]") {
  auto Frame = [](const std::string &Body) {
    return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  };
  std::string Input =
      Frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
      "Content-Type: text\r\n\r\n" + // no Content-Length
      Frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
      Frame(R"({"jsonrpc":"2.0","method":"exit"})") +
      Frame(R"({"jsonrpc":"2.0","id":3,"method":"never read"})");
  std::istringstream In(Input);
  std::string Output;
  llvm::raw_string_ostream OS(Output);
  Server S(Session::options());
  CHECK(serve(S, In, OS) == 0);
  OS.flush();
  std::istringstream Replies(Output);
  std::vector<Json> Got;
  for (ReadResult R = readMessage(Replies); R.S == ReadResult::Message;
       R = readMessage(Replies))
    Got.push_back(Json::parse(R.Body));
  REQUIRE(Got.size() == 3);
  CHECK(Got[0]["id"] == 1);
  CHECK(Got[1]["error"]["code"] == -32700);
  CHECK(Got[1]["id"].is_null());
  CHECK(Got[2]["id"] == 2);
}

TEST_CASE("serve() ends when the input ends, with a huge length too",
          "[lsp][transport]") {
  std::istringstream In("Content-Length: 99999999999999\r\n\r\n{}");
  std::string Output;
  llvm::raw_string_ostream OS(Output);
  Server S(Session::options());
  CHECK(serve(S, In, OS) == 1);
}

TEST_CASE("diagnostics on open, change and close", "[lsp][diagnostics]") {
  Session S;
  S.initialize();
  std::string Text = "{\n"
                     "  \"Version\": \"2012-10-17\",\n"
                     "  \"Statement\": [{\n"
                     "    \"Effect\": \"Allow\",\n"
                     "    \"Action\": \"s3:GetObjct\",\n"
                     "    \"Resource\": \"arn:aws:s3:::b/*\"\n"
                     "  }]\n"
                     "}\n";
  Json Diags = S.open(Uri, Text);
  std::vector<Json> Unknown = withCode(Diags, "IAM402");
  REQUIRE(Unknown.size() == 1);
  const Json &D = Unknown[0];
  CHECK(D["severity"] == 1);
  CHECK(D["source"] == "tollgate");
  CHECK(D["range"]["start"] == Json({{"line", 4}, {"character", 14}}));
  CHECK(D["range"]["end"] == Json({{"line", 4}, {"character", 27}}));
  CHECK(D["message"].get<std::string>().find("did you mean `s3:GetObject`") !=
        std::string::npos);

  // A change to the full text is linted again.
  std::string Fixed = Text;
  Fixed.replace(Fixed.find("GetObjct"), 8, "GetObject");
  std::vector<Json> Out =
      S.notify("textDocument/didChange",
               {{"textDocument", {{"uri", Uri}, {"version", 2}}},
                {"contentChanges", {{{"text", Fixed}}}}});
  REQUIRE(Out.size() == 1);
  CHECK(Out[0]["params"]["version"] == 2);
  CHECK(withCode(Out[0]["params"]["diagnostics"], "IAM402").empty());

  // A ranged change, which some clients send anyway.
  Json Ranged = Json::parse(R"({
    "textDocument": {"version": 3},
    "contentChanges": [{
      "range": {"start": {"line": 4, "character": 18},
                "end": {"line": 4, "character": 27}},
      "text": "PutObjekt"}]})");
  Ranged["textDocument"]["uri"] = Uri;
  Out = S.notify("textDocument/didChange", Ranged);
  REQUIRE(Out.size() == 1);
  std::vector<Json> Again = withCode(Out[0]["params"]["diagnostics"], "IAM402");
  REQUIRE(Again.size() == 1);
  CHECK(Again[0]["message"].get<std::string>().find("`s3:PutObjekt`") !=
        std::string::npos);

  Out = S.notify("textDocument/didClose", {{"textDocument", {{"uri", Uri}}}});
  REQUIRE(Out.size() == 1);
  CHECK(Out[0]["params"]["diagnostics"].empty());
}

TEST_CASE("diagnostic columns count UTF-16 code units", "[lsp][diagnostics]") {
  Session S;
  S.initialize();
  // Before the action on its line: `é` (2 bytes, 1 unit) and `😀` (4 bytes,
  // 2 units) in the Sid.
  std::string Text = "{\"Statement\": [{\"Sid\": \"é😀\", \"Effect\": "
                     "\"Allow\", \"Action\": \"s3:GetObjct\", \"Resource\": "
                     "\"*\"}]}";
  Json Diags = S.open(Uri, Text);
  std::vector<Json> Unknown = withCode(Diags, "IAM402");
  REQUIRE(Unknown.size() == 1);
  size_t Bytes = Text.find("\"s3:GetObjct\"");
  // 3 bytes more than units for é and 😀 together: 1 + 2.
  unsigned Units = unsigned(Bytes) - 1 - 2;
  CHECK(Unknown[0]["range"]["start"]["line"] == 0);
  CHECK(Unknown[0]["range"]["start"]["character"] == Units);
  CHECK(Unknown[0]["range"]["end"]["character"] == Units + 13);
}

TEST_CASE("files that are not policies get no diagnostics",
          "[lsp][diagnostics]") {
  Session S;
  S.initialize();
  CHECK(S.open("file:///x/package.json", "{\"name\": \"x\", \"version\": 1}")
            .empty());
  // A broken policy is still a policy.
  Json Broken = S.open(Uri, "{\"Statement\": [");
  CHECK(!Broken.empty());
}

TEST_CASE("CloudFormation YAML is linted in place", "[lsp][diagnostics]") {
  Session S;
  S.initialize();
  std::string Text = "AWSTemplateFormatVersion: '2010-09-09'\n"
                     "Resources:\n"
                     "  Role:\n"
                     "    Type: AWS::IAM::ManagedPolicy\n"
                     "    Properties:\n"
                     "      PolicyDocument:\n"
                     "        Version: '2012-10-17'\n"
                     "        Statement:\n"
                     "          - Effect: Allow\n"
                     "            Action: ec2:DescribeInstancez\n"
                     "            Resource: '*'\n";
  Json Diags = S.open("file:///nonexistent-dir/template.yaml", Text);
  std::vector<Json> Unknown = withCode(Diags, "IAM402");
  REQUIRE(Unknown.size() == 1);
  CHECK(Unknown[0]["range"]["start"] == Json({{"line", 9}, {"character", 20}}));
}

TEST_CASE("the configuration is found as lint finds it", "[lsp][diagnostics]") {
  TempDir Dir;
  Dir.write(".tollgate.yaml", "ignore: [IAM402]\n");
  std::string Policy = Dir.write(
      "policy.json", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                     "\"s3:GetObjct\", \"Resource\": \"*\"}}");
  Session S;
  S.initialize();
  std::string Text = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                     "\"s3:GetObjct\", \"Resource\": \"*\"}}";
  CHECK(withCode(S.open(pathToUri(Policy), Text), "IAM402").empty());
  // The same text elsewhere has the finding.
  CHECK(withCode(S.open(Uri, Text), "IAM402").size() == 1);
}

TEST_CASE("security findings are errors that say so", "[lsp][diagnostics]") {
  Session S;
  S.initialize();
  Json Diags = S.open(Uri, "{\"Statement\": {\"Effect\": \"Allow\", "
                           "\"Action\": \"*\", \"Resource\": \"*\"}}");
  std::vector<Json> AllowAll = withCode(Diags, "IAM101");
  REQUIRE(AllowAll.size() == 1);
  CHECK(AllowAll[0]["severity"] == 1);
  CHECK(AllowAll[0]["message"].get<std::string>().rfind("security: ", 0) == 0);
}

TEST_CASE("help URLs come from the option", "[lsp][diagnostics]") {
  ServerOptions O = Session::options();
  O.HelpUrl = [](const CheckInfo &C) {
    return std::string("https://example.test/") + C.Name;
  };
  Server S(O);
  S.handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  std::vector<std::string> Out = S.handle(
      Json({{"jsonrpc", "2.0"},
            {"method", "textDocument/didOpen"},
            {"params",
             {{"textDocument",
               {{"uri", Uri},
                {"text", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                         "\"s3:GetObjct\", \"Resource\": \"*\"}}"}}}}}})
          .dump());
  REQUIRE(Out.size() == 1);
  std::vector<Json> Unknown =
      withCode(Json::parse(Out[0])["params"]["diagnostics"], "IAM402");
  REQUIRE(Unknown.size() == 1);
  CHECK(Unknown[0]["codeDescription"]["href"] ==
        "https://example.test/unknown-action");
}

namespace {
const char *const HoverPolicy =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [{\n"
    "    \"Effect\": \"Allow\",\n"
    "    \"Action\": [\"s3:GetObject\", \"s3:Get*\", \"s3:Nope\"],\n"
    "    \"Resource\": \"*\",\n"
    "    \"Condition\": {\"ForAnyValue:StringLikeIfExists\": "
    "{\"aws:SourceIp\": \"x\", \"aws:TagKeys\": \"y\"}}\n"
    "  }]\n"
    "}\n";

std::string hoverText(Session &S, unsigned Line, unsigned Character) {
  Json R = S.at("textDocument/hover", Uri, Line, Character);
  if (R["result"].is_null())
    return "";
  CHECK(R["result"]["contents"]["kind"] == "markdown");
  return R["result"]["contents"]["value"];
}

bool contains(const std::string &S, const std::string &Part) {
  return S.find(Part) != std::string::npos;
}
} // namespace

TEST_CASE("hover on an action", "[lsp][hover]") {
  Session S;
  S.initialize();
  S.open(Uri, HoverPolicy);
  std::string H = hoverText(S, 4, 20);
  CHECK(contains(H, "**s3:GetObject** (Amazon S3)"));
  CHECK(contains(H, "Access level: Read"));
  CHECK(contains(H, "Resource types: `accesspointobject`, `object`"));
  CHECK(contains(H, "Condition keys: "));
  Json R = S.at("textDocument/hover", Uri, 4, 20);
  CHECK(R["result"]["range"]["start"] ==
        Json({{"line", 4}, {"character", 15}}));
}

TEST_CASE("hover on a pattern lists what it expands to, capped",
          "[lsp][hover]") {
  Session S;
  S.initialize();
  S.open(Uri, HoverPolicy);
  std::string H = hoverText(S, 4, 33);
  CHECK(contains(H, "**s3:Get*** matches "));
  // The count is the catalog's, and what is not listed is counted.
  size_t Total = std::stoul(H.substr(H.find("matches ") + 8));
  CHECK(Total ==
        tollgate::Catalog::builtin().expandActionPattern("s3:Get*").size());
  CHECK(contains(H, "and " + std::to_string(Total - 20) + " more"));
  // At most 20 listed.
  size_t Items = 0;
  for (size_t At = H.find("\n- "); At != std::string::npos;
       At = H.find("\n- ", At + 1))
    ++Items;
  CHECK(Items == 20);
  std::string Unknown = hoverText(S, 4, 44);
  CHECK(contains(Unknown, "not an action"));
}

TEST_CASE("hover on condition keys and operators", "[lsp][hover]") {
  Session S;
  S.initialize();
  S.open(Uri, HoverPolicy);
  std::string Op = hoverText(S, 6, 25);
  CHECK(
      contains(Op, "**ForAnyValue:StringLikeIfExists** (condition operator)"));
  CHECK(contains(Op, "`ForAnyValue:`"));
  CHECK(contains(Op, "`IfExists`"));
  std::string Ip = hoverText(S, 6, 64);
  CHECK(contains(Ip, "**aws:SourceIp** (global condition key"));
  CHECK(contains(Ip, "Type: IPAddress, single-valued"));
  std::string Tags = hoverText(S, 6, 85);
  CHECK(contains(Tags, "**aws:TagKeys**"));
  CHECK(contains(Tags, "multivalued"));
  // Nothing to say about Effect.
  CHECK(hoverText(S, 3, 7).empty());
}

TEST_CASE("hover works on text that does not parse", "[lsp][hover]") {
  Session S;
  S.initialize();
  S.open(Uri, "{\"Statement\": [{\"Action\": [\"iam:PassRole\", ");
  CHECK(contains(hoverText(S, 0, 32), "**iam:PassRole** (AWS Identity and "
                                      "Access Management"));
  // A statement the parser drops (its Effect is invalid).
  S.open(Uri, "{\"Statement\": [{\"Effect\": \"allow\", \"Action\": "
              "\"iam:PassRole\", \"Resource\": \"*\"}]}");
  CHECK(contains(hoverText(S, 0, 50), "**iam:PassRole**"));
}

TEST_CASE("completion of actions after `service:`", "[lsp][completion]") {
  Session S;
  S.initialize();
  std::string Text = "{\"Statement\": [{\"Action\": [\"s3:GetObj";
  S.open(Uri, Text);
  Json R = S.at("textDocument/completion", Uri, 0, unsigned(Text.size()));
  std::vector<std::string> L = labels(R);
  CHECK(has(L, "s3:GetObject"));
  CHECK(has(L, "s3:GetObjectAcl"));
  CHECK(!has(L, "s3:PutObject"));
  const Json &First = R["result"]["items"][0];
  CHECK(First["textEdit"]["range"]["start"]["character"] == 28);
  CHECK(First["textEdit"]["range"]["end"]["character"] == Text.size());
  // Services before the colon.
  std::string Svc = "{\"Statement\": [{\"Action\": \"dynamo";
  S.open(Uri, Svc);
  CHECK(
      has(labels(S.at("textDocument/completion", Uri, 0, unsigned(Svc.size()))),
          "dynamodb:"));
}

TEST_CASE("completion of condition operators and keys", "[lsp][completion]") {
  Session S;
  S.initialize();
  std::string Op = "{\"Statement\": [{\"Condition\": {\"StringEq";
  S.open(Uri, Op);
  std::vector<std::string> L =
      labels(S.at("textDocument/completion", Uri, 0, unsigned(Op.size())));
  CHECK(has(L, "StringEquals"));
  CHECK(has(L, "StringEqualsIgnoreCaseIfExists"));
  CHECK(!has(L, "ArnLike"));
  std::string Key =
      "{\"Statement\": [{\"Condition\": {\"StringEquals\": {\"aws:Princ";
  S.open(Uri, Key);
  L = labels(S.at("textDocument/completion", Uri, 0, unsigned(Key.size())));
  CHECK(has(L, "aws:PrincipalOrgID"));
  CHECK(has(L, "aws:PrincipalTag/${TagKey}"));
  std::string Service =
      "{\"Statement\": [{\"Condition\": {\"StringLike\": {\"s3:pre";
  S.open(Uri, Service);
  L = labels(S.at("textDocument/completion", Uri, 0, unsigned(Service.size())));
  CHECK(has(L, "s3:prefix"));
  // Elsewhere, nothing.
  std::string Sid = "{\"Statement\": [{\"Sid\": \"s3:";
  S.open(Uri, Sid);
  CHECK(labels(S.at("textDocument/completion", Uri, 0, unsigned(Sid.size())))
            .empty());
}

TEST_CASE("completion in a YAML template", "[lsp][completion]") {
  Session S;
  S.initialize();
  std::string Text = "Resources:\n"
                     "  P:\n"
                     "    Type: AWS::IAM::ManagedPolicy\n"
                     "    Properties:\n"
                     "      PolicyDocument:\n"
                     "        Statement:\n"
                     "          - Effect: Allow\n"
                     "            Action:\n"
                     "              - sqs:SendMes";
  S.open("file:///x/template.yaml", Text);
  Json R = S.at("textDocument/completion", "file:///x/template.yaml", 8, 26);
  CHECK(has(labels(R), "sqs:SendMessage"));
  CHECK(R["result"]["items"][0]["textEdit"]["range"]["start"] ==
        Json({{"line", 8}, {"character", 16}}));
}

TEST_CASE("code actions replace what a finding suggests", "[lsp][codeaction]") {
  Session S;
  S.initialize();
  // An invalid Effect drops its statement, so the two mistakes are in two
  // documents.
  // A Version, so that its own finding (which has a fix) is not in range.
  std::string Text = "{\"Version\": \"2012-10-17\", \"Statement\": "
                     "[{\"Effect\": \"Allow\", \"Action\": "
                     "\"s3:GetObjct\", \"Resource\": \"*\"}]}";
  std::string Lower = "{\"Version\": \"2012-10-17\", \"Statement\": "
                      "[{\"Effect\": \"allow\", \"Action\": "
                      "\"s3:GetObject\", \"Resource\": \"*\"}]}";
  const char *const Other = "file:///nonexistent-dir/other.json";
  S.open(Uri, Text);
  S.open(Other, Lower);
  auto Actions = [&](const char *Doc, unsigned From, unsigned To) {
    return S.request("textDocument/codeAction",
                     {{"textDocument", {{"uri", Doc}}},
                      {"range",
                       {{"start", {{"line", 0}, {"character", From}}},
                        {"end", {{"line", 0}, {"character", To}}}}},
                      {"context", {{"diagnostics", Json::array()}}}})["result"];
  };
  unsigned At = unsigned(Text.find("s3:GetObjct"));
  Json A = Actions(Uri, At, At);
  REQUIRE(A.size() == 1);
  CHECK(A[0]["title"] == "Replace `s3:GetObjct` with `s3:GetObject`");
  CHECK(A[0]["kind"] == "quickfix");
  CHECK(A[0]["isPreferred"] == true);
  CHECK(A[0]["diagnostics"][0]["code"] == "IAM402");
  const Json &Edit = A[0]["edit"]["changes"][Uri][0];
  CHECK(Edit["newText"] == "s3:GetObject");
  CHECK(Edit["range"]["start"]["character"] == At);
  CHECK(Edit["range"]["end"]["character"] == At + 11);

  unsigned E = unsigned(Lower.find("allow"));
  Json Effect = Actions(Other, E, E + 2);
  REQUIRE(Effect.size() == 1);
  CHECK(Effect[0]["title"] == "Replace `allow` with `Allow`");
  CHECK(Effect[0]["edit"]["changes"][Other][0]["newText"] == "Allow");
  // Away from any finding with a suggestion: none.
  CHECK(Actions(Uri, 0, 1).empty());
}

TEST_CASE("code actions offer the fixes of lint --fix", "[lsp][codeaction]") {
  Session S;
  S.initialize();
  std::string Text = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                     "\"s3:GetObject\", \"Resource\": \"*\"}]}";
  S.open(Uri, Text);
  Json A = S.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", Uri}}},
       {"range",
        {{"start", {{"line", 0}, {"character", 0}}},
         {"end", {{"line", 0}, {"character", unsigned(Text.size())}}}}},
       {"context", {{"diagnostics", Json::array()}}}})["result"];
  REQUIRE(A.is_array());
  const Json *Version = nullptr;
  for (const Json &X : A)
    if (X["diagnostics"][0]["code"] == "IAM014")
      Version = &X;
  REQUIRE(Version);
  CHECK((*Version)["title"] == "add \"Version\": \"2012-10-17\"");
  const Json &Edit = (*Version)["edit"]["changes"][Uri][0];
  CHECK(Edit["newText"].get<std::string>().find(
            "\"Version\": \"2012-10-17\"") != std::string::npos);
}

TEST_CASE("a document over the size limit is refused as lint refuses it",
          "[lsp][diagnostics]") {
  ServerOptions O = Session::options();
  O.Lint.Load.MaxFileSize = 20;
  Server S(O);
  S.handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  std::string Text = "{\"Statement\": [], \"Version\": \"2012-10-17\"}";
  Json Open = {{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", Uri}, {"text", Text}}}}}};
  std::vector<std::string> Out = S.handle(Open.dump());
  REQUIRE(Out.size() == 1);
  Json Diags = Json::parse(Out[0])["params"]["diagnostics"];
  REQUIRE(Diags.size() == 1);
  CHECK(Diags[0]["code"] == "IAM004");
  CHECK(Diags[0]["message"] == "file is " + std::to_string(Text.size()) +
                                   " bytes; tollgate reads files up to 20 "
                                   "bytes");
}
