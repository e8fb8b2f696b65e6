#include "tollgate/Support/Fingerprint.h"

#include <catch2/catch.hpp>

using namespace tollgate;

TEST_CASE("fingerprint: white space outside strings does not count") {
  std::string Compact = textFingerprint(R"({"Effect":"Allow","Action":"*"})");
  CHECK(Compact == textFingerprint("{\n  \"Effect\": \"Allow\",\n"
                                   "  \"Action\": \"*\"\n}"));
  CHECK(Compact == textFingerprint("{ \"Effect\" :\t\"Allow\" ,\r\n"
                                   "\"Action\":\"*\" }"));
  CHECK(Compact.size() == 16);
}

TEST_CASE("fingerprint: the text inside strings counts") {
  CHECK(textFingerprint(R"("s3:Get Object")") !=
        textFingerprint(R"("s3:GetObject")"));
  CHECK(textFingerprint(R"("a\" b")") != textFingerprint(R"("a\"b")"));
  CHECK(textFingerprint(R"("*")") != textFingerprint(R"("s3:*")"));
}

TEST_CASE("fingerprint: file, code and pointer each count") {
  std::string Base = locationFingerprint("p.json", "IAM101", "/Statement/0");
  CHECK(Base == locationFingerprint("p.json", "IAM101", "/Statement/0"));
  CHECK(Base != locationFingerprint("q.json", "IAM101", "/Statement/0"));
  CHECK(Base != locationFingerprint("p.json", "IAM102", "/Statement/0"));
  CHECK(Base != locationFingerprint("p.json", "IAM101", "/Statement/1"));
  // Parts are kept apart: moving a character across a boundary changes it.
  CHECK(locationFingerprint("ab", "c", "") !=
        locationFingerprint("a", "bc", ""));
  // The same on every platform and in every release.
  // Baselines written by one release are read by the next: the digest is
  // pinned.
  CHECK(Base == "69dc61572281043d");
}
