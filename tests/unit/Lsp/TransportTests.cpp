#include "tollgate/Lsp/Transport.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tollgate::lsp;

namespace {
std::string framed(const std::string &Body) {
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}
} // namespace

TEST_CASE("messages are read one after the other", "[lsp][transport]") {
  std::istringstream In(framed("{\"a\":1}") +
                        "Content-Length: 2\r\nContent-Type: "
                        "application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  ReadResult R = readMessage(In);
  REQUIRE(R.S == ReadResult::Message);
  CHECK(R.Body == "{\"a\":1}");
  R = readMessage(In);
  REQUIRE(R.S == ReadResult::Message);
  CHECK(R.Body == "{}");
  CHECK(readMessage(In).S == ReadResult::EndOfStream);
}

TEST_CASE("a body may hold any bytes, newlines included", "[lsp][transport]") {
  std::string Body = "{\"t\":\"a\\r\\n\"}\r\n\r\nContent-Length: 3";
  std::istringstream In(framed(Body));
  ReadResult R = readMessage(In);
  REQUIRE(R.S == ReadResult::Message);
  CHECK(R.Body == Body);
}

TEST_CASE("a header without Content-Length is an error and reading goes on",
          "[lsp][transport]") {
  std::istringstream In("Content-Type: x\r\n\r\n" + framed("{}"));
  ReadResult R = readMessage(In);
  CHECK(R.S == ReadResult::BadHeader);
  CHECK(R.Problem == "the header has no Content-Length");
  R = readMessage(In);
  REQUIRE(R.S == ReadResult::Message);
  CHECK(R.Body == "{}");
}

TEST_CASE("a Content-Length that is not a number is an error",
          "[lsp][transport]") {
  std::istringstream In("Content-Length: -5\r\n\r\n");
  ReadResult R = readMessage(In);
  CHECK(R.S == ReadResult::BadHeader);
  CHECK(R.Problem.find("not a number") != std::string::npos);
  std::istringstream NoColon("garbage\r\n\r\n");
  CHECK(readMessage(NoColon).S == ReadResult::BadHeader);
}

TEST_CASE("an over-long header line is an error", "[lsp][transport]") {
  std::istringstream In("X-Long: " + std::string(5000, 'x') +
                        "\r\nContent-Length: 2\r\n\r\n{}" + framed("[]"));
  ReadResult R = readMessage(In);
  CHECK(R.S == ReadResult::BadHeader);
  CHECK(R.Problem.find("longer than") != std::string::npos);
}

TEST_CASE("a body over the limit is skipped and the next one read",
          "[lsp][transport]") {
  std::istringstream In(framed(std::string(100, 'x')) + framed("{}"));
  ReadResult R = readMessage(In, 10);
  CHECK(R.S == ReadResult::TooLarge);
  CHECK(R.Problem.find("100 bytes") != std::string::npos);
  R = readMessage(In, 10);
  REQUIRE(R.S == ReadResult::Message);
  CHECK(R.Body == "{}");
}

TEST_CASE("input that ends inside a message ends the stream",
          "[lsp][transport]") {
  std::istringstream Body("Content-Length: 10\r\n\r\n{}");
  CHECK(readMessage(Body).S == ReadResult::EndOfStream);
  std::istringstream Header("Content-Length: 10");
  CHECK(readMessage(Header).S == ReadResult::EndOfStream);
  // A length far past the limit and the input: no allocation, no wait.
  std::istringstream Huge("Content-Length: 18446744073709551615\r\n\r\n{}");
  CHECK(readMessage(Huge).S == ReadResult::EndOfStream);
}

TEST_CASE("messages are written with their length", "[lsp][transport]") {
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeMessage(OS, "{\"é\":1}");
  CHECK(S == "Content-Length: 8\r\n\r\n{\"é\":1}");
}
