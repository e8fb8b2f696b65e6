#include "tollgate/Support/JsonString.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("json string: ends past its closing quote") {
  CHECK(jsonStringEnd(R"("abc", 1)", 0) == 5);
  CHECK(jsonStringEnd(R"([1, "x"])", 4) == 7);
  CHECK(jsonStringEnd(R"("")", 0) == 2);
}

TEST_CASE("json string: escaped quotes and backslashes") {
  CHECK(jsonStringEnd(R"("a\"b" x)", 0) == 6);
  // An escaped backslash does not escape the quote after it.
  CHECK(jsonStringEnd(R"("a\\" x)", 0) == 5);
  CHECK(jsonStringEnd(R"("\\\"" x)", 0) == 6);
}

TEST_CASE("json string: an unclosed string runs to the end") {
  CHECK(jsonStringEnd(R"("abc)", 0) == 4);
  CHECK(jsonStringEnd(R"("abc\")", 0) == 6);
  CHECK(jsonStringEnd("\"", 0) == 1);
}
