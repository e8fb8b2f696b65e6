#include "tollgate/Lsp/Positions.h"
#include "tollgate/Lsp/Uri.h"

#include <catch2/catch.hpp>

using namespace tollgate::lsp;

namespace {
std::pair<uint32_t, uint32_t> at(const LineIndex &L, uint32_t Offset) {
  LspPosition P = L.position(Offset);
  return {P.Line, P.Character};
}
} // namespace

TEST_CASE("ASCII positions count bytes from 0", "[lsp][positions]") {
  LineIndex L("ab\ncd\n");
  CHECK(at(L, 0) == std::make_pair(0u, 0u));
  CHECK(at(L, 2) == std::make_pair(0u, 2u));
  CHECK(at(L, 3) == std::make_pair(1u, 0u));
  CHECK(at(L, 4) == std::make_pair(1u, 1u));
  CHECK(at(L, 6) == std::make_pair(2u, 0u));
  CHECK(L.lineCount() == 3);
}

TEST_CASE("characters are UTF-16 code units", "[lsp][positions]") {
  // é is 2 bytes and 1 unit, € 3 bytes and 1 unit, 😀 4 bytes and 2 units.
  std::string Text = "é€😀x";
  LineIndex L(Text);
  CHECK(at(L, 2) == std::make_pair(0u, 1u));
  CHECK(at(L, 5) == std::make_pair(0u, 2u));
  CHECK(at(L, 9) == std::make_pair(0u, 4u));
  CHECK(at(L, 10) == std::make_pair(0u, 5u));
  CHECK(utf16Length(Text) == 5);
  // And back.
  CHECK(L.offset({0, 1}) == 2);
  CHECK(L.offset({0, 2}) == 5);
  CHECK(L.offset({0, 4}) == 9);
  // Between the two halves of a surrogate pair: the pair's start.
  CHECK(L.offset({0, 3}) == 5);
}

TEST_CASE("an offset inside a UTF-8 sequence", "[lsp][positions]") {
  LineIndex L("aé");
  // Byte 2 is inside é: as a start it is before é, as an end after it.
  CHECK(L.position(2).Character == 1);
  CHECK(L.endPosition(2).Character == 2);
}

TEST_CASE("invalid UTF-8 counts one unit a byte", "[lsp][positions]") {
  std::string Text = "\xC3x\xFF\x80y";
  LineIndex L(Text);
  CHECK(L.position(uint32_t(Text.size())).Character == 5);
}

TEST_CASE("lines end at LF, CRLF and CR", "[lsp][positions]") {
  LineIndex L("a\r\nb\rc\nd");
  CHECK(at(L, 3) == std::make_pair(1u, 0u));
  CHECK(at(L, 5) == std::make_pair(2u, 0u));
  CHECK(at(L, 7) == std::make_pair(3u, 0u));
  // The line break is not part of the line.
  CHECK(at(L, 2) == std::make_pair(0u, 1u));
  CHECK(L.offset({0, 9}) == 1);
  CHECK(L.offset({1, 0}) == 3);
  CHECK(L.offset({9, 0}) == 8);
}

TEST_CASE("offsets and positions round-trip", "[lsp][positions]") {
  std::string Text = "{\n  \"Sid\": \"ünï😀\",\r\n  \"A\": 1\n}";
  LineIndex L(Text);
  for (uint32_t I = 0; I <= Text.size(); ++I) {
    bool Boundary = I == Text.size() || (Text[I] & 0xC0) != 0x80;
    if (Boundary && !(I > 0 && Text[I - 1] == '\r'))
      CHECK(L.offset(L.position(I)) == I);
  }
}

TEST_CASE("file URIs and paths", "[lsp][uri]") {
  CHECK(uriToPath("file:///tmp/a%20b/p.json") == "/tmp/a b/p.json");
  CHECK(uriToPath("file://localhost/etc/x") == "/etc/x");
  CHECK(uriToPath("FILE:///x") == "/x");
  CHECK(!uriToPath("untitled:Untitled-1"));
  CHECK(!uriToPath("file://server/share"));
  CHECK(!uriToPath("file:///bad%2"));
  CHECK(!uriToPath("file:///nul%00"));
  CHECK(pathToUri("/tmp/a b/é.json") == "file:///tmp/a%20b/%C3%A9.json");
  CHECK(uriToPath(pathToUri("/tmp/a b/é#1.json")) == "/tmp/a b/é#1.json");
}
