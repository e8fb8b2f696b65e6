#include "tollgate/Lsp/CursorContext.h"

#include <catch2/catch.hpp>

using namespace tollgate::lsp;

namespace {
/// The context at the `|` in \p Marked, which is removed.
std::optional<CursorContext> contextAt(std::string Marked) {
  size_t At = Marked.find('|');
  REQUIRE(At != std::string::npos);
  Marked.erase(At, 1);
  return cursorContext(Marked, uint32_t(At));
}

std::vector<std::string> path(std::initializer_list<const char *> Keys) {
  return std::vector<std::string>(Keys.begin(), Keys.end());
}
} // namespace

TEST_CASE("JSON: an action being typed", "[lsp][context]") {
  auto C =
      contextAt(R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Ge|)");
  REQUIRE(C);
  CHECK(C->Prefix == "s3:Ge");
  CHECK(!C->IsKey);
  CHECK(C->Path == path({"Statement", "Action"}));
}

TEST_CASE("JSON: a string value after a closed one", "[lsp][context]") {
  auto C = contextAt(
      R"({"Statement": {"Action": ["a:b", "ec2:|"], "Resource": "*"}})");
  REQUIRE(C);
  CHECK(C->Prefix == "ec2:");
  CHECK(C->Path == path({"Statement", "Action"}));
}

TEST_CASE("JSON: operators and keys in a Condition", "[lsp][context]") {
  auto Op = contextAt(R"({"Statement": {"Condition": {"StringEq|": {}}}})");
  REQUIRE(Op);
  CHECK(Op->IsKey);
  CHECK(Op->Prefix == "StringEq");
  CHECK(Op->Path == path({"Statement", "Condition"}));
  auto Key =
      contextAt(R"({"Statement": {"Condition": {"Bool": {"a": "b", "aws:Sec|)");
  REQUIRE(Key);
  CHECK(Key->IsKey);
  CHECK(Key->Prefix == "aws:Sec");
  CHECK(Key->Path == path({"Statement", "Condition", "Bool"}));
}

TEST_CASE("JSON: escapes and brackets in strings do not confuse the scan",
          "[lsp][context]") {
  auto C = contextAt(R"({"Sid": "a\"{[", "Action": "|")");
  REQUIRE(C);
  CHECK(C->Path == path({"Action"}));
  CHECK(C->Prefix.empty());
}

TEST_CASE("JSON: outside a string there is no context", "[lsp][context]") {
  CHECK(!contextAt(R"({"Action": |)"));
  CHECK(!contextAt(R"({"Action": "x"|})"));
}

TEST_CASE("YAML: an action in a block list", "[lsp][context]") {
  auto C = contextAt("Resources:\n"
                     "  Role:\n"
                     "    Properties:\n"
                     "      PolicyDocument:\n"
                     "        Statement:\n"
                     "          - Effect: Allow\n"
                     "            Action:\n"
                     "              - s3:Get|\n");
  REQUIRE(C);
  CHECK(C->Prefix == "s3:Get");
  CHECK(!C->IsKey);
  CHECK(C->Path == path({"Resources", "Role", "Properties", "PolicyDocument",
                         "Statement", "Action"}));
}

TEST_CASE("YAML: a list at its key's indentation, and quotes",
          "[lsp][context]") {
  auto C = contextAt("Statement:\n"
                     "- Effect: Allow\n"
                     "  Action:\n"
                     "  - 'iam:Pa|\n");
  REQUIRE(C);
  CHECK(C->Prefix == "iam:Pa");
  CHECK(C->Path == path({"Statement", "Action"}));
}

TEST_CASE("YAML: a scalar value and a flow list", "[lsp][context]") {
  auto C = contextAt("Statement:\n  - Action: s3:|\n");
  REQUIRE(C);
  CHECK(C->Prefix == "s3:");
  CHECK(C->Path == path({"Statement", "Action"}));
  auto F = contextAt("Statement:\n  - Action: [s3:GetObject, \"ec2:De|\n");
  REQUIRE(F);
  CHECK(F->Prefix == "ec2:De");
}

TEST_CASE("YAML: condition operators and keys", "[lsp][context]") {
  auto K = contextAt("Statement:\n"
                     "  - Condition:\n"
                     "      StringEquals:\n"
                     "        aws:Pr|\n");
  REQUIRE(K);
  CHECK(K->IsKey);
  CHECK(K->Prefix == "aws:Pr");
  CHECK(K->Path == path({"Statement", "Condition", "StringEquals"}));
  auto Op = contextAt("Statement:\n"
                      "  - Condition:\n"
                      "      Bool:\n"
                      "        aws:SecureTransport: false\n"
                      "      Null|\n");
  REQUIRE(Op);
  CHECK(Op->IsKey);
  CHECK(Op->Path == path({"Statement", "Condition"}));
}
