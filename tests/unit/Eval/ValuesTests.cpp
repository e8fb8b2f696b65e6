//===- ValuesTests.cpp - Typed condition values ---------------------------===//

#include "tollgate/Eval/Values.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("numbers are decimal literals", "[eval][values]") {
  CHECK(*parseNumber("12") == 12);
  CHECK(*parseNumber("-0.5") == -0.5);
  CHECK(*parseNumber("+3") == 3);
  CHECK(*parseNumber("1e3") == 1000);
  CHECK(*parseNumber(".5") == 0.5);
  CHECK(*parseNumber("5.") == 5);
  CHECK_FALSE(parseNumber(""));
  CHECK_FALSE(parseNumber("."));
  CHECK_FALSE(parseNumber("0x10"));
  CHECK_FALSE(parseNumber("inf"));
  CHECK_FALSE(parseNumber("nan"));
  CHECK_FALSE(parseNumber(" 1"));
  CHECK_FALSE(parseNumber("12abc"));
  CHECK_FALSE(parseNumber("1e"));
}

TEST_CASE("dates: ISO 8601 forms and epoch seconds", "[eval][values]") {
  const int64_t Base = 1577836800000; // 2020-01-01T00:00:00Z
  CHECK(*parseDate("2020-01-01T00:00:00Z") == Base);
  CHECK(*parseDate("2020-01-01") == Base);
  CHECK(*parseDate("2020-01") == Base);
  CHECK(*parseDate("2020") == 2020 * 1000); // all digits: epoch seconds
  CHECK(*parseDate("2020-01-01T00:00Z") == Base);
  CHECK(*parseDate("2020-01-01T00:00:00") == Base);
  CHECK(*parseDate("2020-01-01T00:00:00.250Z") == Base + 250);
  CHECK(*parseDate("2020-01-01T00:00:00.1Z") == Base + 100);
  CHECK(*parseDate("2020-01-01T01:00:00+01:00") == Base);
  CHECK(*parseDate("2019-12-31T23:00:00-01:00") == Base);
  CHECK(*parseDate("2020-01-01T05:30:00+0530") == Base);
  CHECK(*parseDate("1577836800") == Base);
  CHECK(*parseDate("0") == 0);
  CHECK(*parseDate("-86400") == -86400000);
  CHECK(*parseDate("1970-01-01T00:00:00Z") == 0);
  CHECK(*parseDate("2024-02-29T00:00:00Z") == 1709164800000);
  CHECK_FALSE(parseDate(""));
  CHECK_FALSE(parseDate("2023-02-29"));
  CHECK_FALSE(parseDate("2020-13-01"));
  CHECK_FALSE(parseDate("2020-01-01T25:00:00Z"));
  CHECK_FALSE(parseDate("2020-01-01T00:00:00Q"));
  CHECK_FALSE(parseDate("2020-01T00:00Z"));
  CHECK_FALSE(parseDate("yesterday"));
  CHECK_FALSE(parseDate("1577836800.5"));
}

TEST_CASE("booleans ignore case", "[eval][values]") {
  CHECK(*parseBool("true"));
  CHECK(*parseBool("TRUE"));
  CHECK_FALSE(*parseBool("False"));
  CHECK_FALSE(parseBool("yes"));
  CHECK_FALSE(parseBool(""));
}

TEST_CASE("IPv4 networks", "[eval][values]") {
  auto Net = parseIpNetwork("203.0.113.0/24");
  REQUIRE(Net);
  CHECK_FALSE(Net->V6);
  CHECK(Net->Prefix == 24);
  CHECK(Net->contains(*parseIpAddress("203.0.113.255")));
  CHECK_FALSE(Net->contains(*parseIpAddress("203.0.114.0")));
  // No prefix means a single address (/32).
  auto One = parseIpNetwork("10.1.2.3");
  REQUIRE(One);
  CHECK(One->Prefix == 32);
  CHECK(One->contains(*parseIpAddress("10.1.2.3")));
  CHECK_FALSE(One->contains(*parseIpAddress("10.1.2.4")));
  // Host bits in the network are ignored.
  CHECK(parseIpNetwork("10.1.2.3/8")->contains(*parseIpAddress("10.9.9.9")));
  CHECK(parseIpNetwork("0.0.0.0/0")->contains(*parseIpAddress("1.2.3.4")));
  CHECK_FALSE(parseIpNetwork("10.0.0.0/33"));
  CHECK_FALSE(parseIpNetwork("10.0.0/8"));
  CHECK_FALSE(parseIpNetwork("10.0.0.256"));
  CHECK_FALSE(parseIpNetwork("010.0.0.1"));
  CHECK_FALSE(parseIpNetwork("10.0.0.0/"));
  CHECK_FALSE(parseIpAddress("10.0.0.1/32"));
}

TEST_CASE("IPv6 networks", "[eval][values]") {
  auto Net = parseIpNetwork("2001:db8::/32");
  REQUIRE(Net);
  CHECK(Net->V6);
  CHECK(Net->contains(*parseIpAddress("2001:db8:1234::1")));
  CHECK(Net->contains(*parseIpAddress("2001:0DB8:0:0:0:0:0:1")));
  CHECK_FALSE(Net->contains(*parseIpAddress("2001:db9::1")));
  CHECK(parseIpNetwork("::/0")->contains(*parseIpAddress("::1")));
  auto Full = parseIpNetwork("2001:db8:0:0:1:0:0:1");
  REQUIRE(Full);
  CHECK(Full->Prefix == 128);
  CHECK(Full->contains(*parseIpAddress("2001:db8::1:0:0:1")));
  // Embedded IPv4 in the last 32 bits.
  CHECK(parseIpNetwork("::ffff:0:0/96")
            ->contains(*parseIpAddress("::ffff:192.0.2.1")));
  // An odd prefix length.
  CHECK(parseIpNetwork("2001:db8:8000::/33")
            ->contains(*parseIpAddress("2001:db8:ffff::1")));
  CHECK_FALSE(parseIpNetwork("2001:db8:8000::/33")
                  ->contains(*parseIpAddress("2001:db8:7fff::1")));
  // Families never mix.
  CHECK_FALSE(parseIpNetwork("::/0")->contains(*parseIpAddress("1.2.3.4")));
  CHECK_FALSE(
      parseIpNetwork("0.0.0.0/0")->contains(*parseIpAddress("::ffff:1.2.3.4")));
  CHECK_FALSE(parseIpNetwork("2001:db8::1::2"));
  CHECK_FALSE(parseIpNetwork("2001:db8::/129"));
  CHECK_FALSE(parseIpNetwork("12345::"));
  CHECK_FALSE(parseIpNetwork("1:2:3:4:5:6:7:8:9"));
  CHECK_FALSE(parseIpNetwork("1:2:3:4:5:6:7"));
}

TEST_CASE("ARNs split into six fields", "[eval][values]") {
  std::array<llvm::StringRef, 6> F;
  REQUIRE(splitArn("arn:aws:logs:us-east-1:123456789012:log-group:x:*", F));
  CHECK(F[0] == "arn");
  CHECK(F[2] == "logs");
  CHECK(F[4] == "123456789012");
  CHECK(F[5] == "log-group:x:*");
  REQUIRE(splitArn("arn:aws:s3:::bucket", F));
  CHECK(F[3].empty());
  CHECK(F[5] == "bucket");
  CHECK_FALSE(splitArn("arn:aws:s3", F));
  CHECK_FALSE(splitArn("*", F));
}
