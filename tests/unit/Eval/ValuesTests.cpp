//===- ValuesTests.cpp - Typed condition values ---------------------------===//

#include "tollgate/Eval/Values.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("numbers", "[eval][values]") {
  CHECK(*parseNumber("12") == 12);
  CHECK(*parseNumber("-0.5") == -0.5);
  CHECK(*parseNumber("1e3") == 1000);
  CHECK_FALSE(parseNumber(""));
  CHECK_FALSE(parseNumber("0x10"));
  CHECK_FALSE(parseNumber("inf"));
  CHECK_FALSE(parseNumber(" 1"));
  CHECK_FALSE(parseNumber("12abc"));
}
