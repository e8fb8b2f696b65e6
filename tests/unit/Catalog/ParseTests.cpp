#include "tollgate/Catalog/Catalog.h"

#include <catch2/catch.hpp>

#include <string>

using namespace tollgate;

namespace {

std::string errorOf(llvm::StringRef Text) {
  auto C = Catalog::parse(Text);
  if (C)
    return "";
  return llvm::toString(C.takeError());
}

} // namespace

TEST_CASE("catalog parser: a small catalog") {
  const char *Text = "# comment\n"
                     "V\tpackage\tp\n"
                     "V\tversion\t1\n"
                     "V\tdate\t2024-01-01\n"
                     "G\taws:SourceIp\tIPAddress\tnetwork\n"
                     "S\tx\tService X\n"
                     "K\tx:Flag\tBool\n"
                     "K\tx:Names\tArrayOfString\n"
                     "T\tthing\tarn:${Partition}:x:::${Thing}\tx:Flag\n"
                     "A\tx:DoIt\tWrite\tx:Names\n"
                     "R\tthing\t*\n"
                     "A\tx:look\tRead\n";
  auto C = Catalog::parse(Text);
  if (!C)
    FAIL(llvm::toString(C.takeError()));
  const Catalog &Cat = **C;
  CHECK(Cat.dataSource() == "p");
  CHECK(Cat.dataVersion() == "1");
  CHECK(Cat.dataDate() == "2024-01-01");
  REQUIRE(Cat.services().size() == 1);
  const ActionInfo *DoIt = Cat.action("X:doit");
  REQUIRE(DoIt);
  CHECK(DoIt->Level == AccessLevel::Write);
  REQUIRE(DoIt->Resources.size() == 1);
  CHECK(DoIt->Resources[0].Required);
  CHECK(DoIt->Resources[0].Type == &Cat.services()[0].ResourceTypes[0]);
  CHECK(DoIt->ConditionKeys.size() == 1);
  CHECK(Cat.action("x:Look")->Resources.empty());
  CHECK(Cat.conditionKey("x:names")->MultiValued);
  CHECK(Cat.conditionKey("X:FLAG")->Type == ConditionKeyType::Bool);
  CHECK(Cat.expandActionPattern("x:*").size() == 2);
}

TEST_CASE("catalog parser: errors name the line") {
  CHECK(errorOf("S\tx\tX\nA\ty:DoIt\tRead\n").find("line 2") !=
        std::string::npos);
  CHECK(errorOf("S\tx\tX\nA\tx:DoIt\tSometimes\n").find("access level") !=
        std::string::npos);
  CHECK(errorOf("A\tx:DoIt\tRead\n").find("outside a service") !=
        std::string::npos);
  CHECK(errorOf("S\tx\tX\nA\tx:b\tRead\nA\tx:a\tRead\n").find("not sorted") !=
        std::string::npos);
  CHECK(errorOf("S\ty\tY\nS\tx\tX\n").find("not sorted") != std::string::npos);
  CHECK(errorOf("S\tx\tX\nK\tx:k\tColour\n").find("condition key") !=
        std::string::npos);
  CHECK(errorOf("S\tx\tX\nQ\tx\n").find("unknown record") != std::string::npos);
  CHECK(errorOf("").empty());
}
