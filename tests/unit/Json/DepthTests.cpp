#include "tollgate/Json/Depth.h"

#include <catch2/catch.hpp>

#include <string>

using namespace tollgate;

TEST_CASE("depth: nesting is counted over arrays and objects") {
  std::string At = std::string(256, '[') + std::string(256, ']');
  CHECK_FALSE(jsonNestsDeeperThan(At));
  CHECK(jsonNestsDeeperThan("[" + At + "]"));
  CHECK(jsonNestsDeeperThan(std::string(300, '{')));
  CHECK(jsonNestsDeeperThan("[[1],[2],{\"a\":[3]}]", 2));
  CHECK_FALSE(jsonNestsDeeperThan("[[1],[2],{\"a\":[3]}]", 3));
}

TEST_CASE("depth: brackets inside strings do not count") {
  CHECK_FALSE(jsonNestsDeeperThan("[\"" + std::string(1000, '[') + "\"]", 2));
  CHECK_FALSE(
      jsonNestsDeeperThan("[\"\\\"" + std::string(1000, '{') + "\"]", 2));
}
