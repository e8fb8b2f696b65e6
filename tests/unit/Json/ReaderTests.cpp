#include "tollgate/Json/Reader.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::json;

static ReadResult readOk(llvm::StringRef Text) {
  ReadResult R = read(Text);
  REQUIRE(R.Doc);
  return R;
}

static ReadIssue readFails(llvm::StringRef Text) {
  ReadResult R = read(Text);
  REQUIRE_FALSE(R.Doc);
  REQUIRE_FALSE(R.Issues.empty());
  REQUIRE(R.Issues.back().isFatal());
  return R.Issues.back();
}

TEST_CASE("reader: every value kind with its span") {
  llvm::StringRef Text = R"({"a": [true, false, null, -1.5e3, "x"], "b": {}})";
  ReadResult R = readOk(Text);
  const Value &Root = R.Doc->root();
  REQUIRE(Root.K == Kind::Object);
  REQUIRE(Root.Members.size() == 2);
  CHECK(Root.Members[0].Key == "a");
  CHECK(Root.Members[0].KeyRange.Begin == 1);
  CHECK(Root.Members[0].KeyRange.End == 4);
  const Value &A = Root.Members[0].Val;
  REQUIRE(A.K == Kind::Array);
  REQUIRE(A.Elements.size() == 5);
  CHECK(A.Elements[0].K == Kind::Bool);
  CHECK(A.Elements[0].BoolValue);
  CHECK_FALSE(A.Elements[1].BoolValue);
  CHECK(A.Elements[2].K == Kind::Null);
  CHECK(A.Elements[3].K == Kind::Number);
  CHECK(A.Elements[3].Text == "-1.5e3");
  CHECK(A.Elements[4].Text == "x");
  CHECK(Text.slice(A.Elements[4].Range.Begin, A.Elements[4].Range.End) ==
        "\"x\"");
  CHECK(Root.get("b")->K == Kind::Object);
  CHECK(Root.get("missing") == nullptr);
}

TEST_CASE("reader: escapes are decoded, surrogate pairs joined") {
  ReadResult R = readOk(R"(["a\"b\\c\/\n\t", "\u00e9\u2603", "\ud83d\ude00"])");
  const Value &Root = R.Doc->root();
  CHECK(Root.Elements[0].Text == "a\"b\\c/\n\t");
  CHECK(Root.Elements[1].Text == "\xC3\xA9\xE2\x98\x83");
  CHECK(Root.Elements[2].Text == "\xF0\x9F\x98\x80");
}

TEST_CASE("reader: duplicate keys are reported, the last value kept") {
  ReadResult R = readOk(R"({"k": 1, "j": 2, "k": 3})");
  REQUIRE(R.Issues.size() == 1);
  CHECK(R.Issues[0].K == ReadIssue::DuplicateKey);
  CHECK(R.Issues[0].Range.Begin == 17);
  CHECK(R.Issues[0].Previous.Begin == 1);
  CHECK(R.Doc->root().get("k")->Text == "3");
}

TEST_CASE("reader: duplicate keys in large objects") {
  std::string Text = "{";
  for (int I = 0; I < 40; ++I)
    Text += "\"k" + std::to_string(I) + "\": 0, ";
  Text += "\"k7\": 1}";
  ReadResult R = readOk(Text);
  REQUIRE(R.Issues.size() == 1);
  CHECK(R.Issues[0].Message == "duplicate key \"k7\"");
}

TEST_CASE("reader: syntax errors at the exact byte") {
  CHECK(readFails("").Message ==
        "the document is empty; expected a JSON object");
  CHECK(readFails("{\"a\": 1,}").Range.Begin == 8);
  CHECK(readFails("{\"a\" 1}").Range.Begin == 5);
  CHECK(readFails("[1 2]").Range.Begin == 3);
  CHECK(readFails("{} x").Range.Begin == 3);
  CHECK(readFails("[01]").Range.Begin == 2);
  CHECK(readFails("[1.]").Range.Begin == 3);
  CHECK(readFails("[tru]").Message ==
        "expected a JSON value, found 'tru' (strings need double quotes)");
  CHECK(readFails("[\"a\\x\"]").Message ==
        "invalid escape sequence '\\x' in a string");
  // The quoted character is whole, never one byte of it.
  CHECK(readFails("[\"a\\\xC3\xA9\"]").Message ==
        "invalid escape sequence '\\\xC3\xA9' in a string");
  CHECK(readFails("[\"a\\\xC3\xA9\"]").Range.End == 6);
  CHECK(readFails("[\"a\nb\"]").Range.Begin == 3);
  CHECK(readFails("[\"abc").K == ReadIssue::Syntax);
  CHECK(readFails("[\"\\u12\"]").K == ReadIssue::Syntax);
}

TEST_CASE("reader: encoding errors") {
  CHECK(readFails("[\"\xff\"]").K == ReadIssue::Encoding);
  CHECK(readFails("[\"\xc3\"]").K == ReadIssue::Encoding);
  CHECK(readFails("[\"\\udc00\"]").K == ReadIssue::Encoding);
  CHECK(readFails("[\"\\ud800x\"]").K == ReadIssue::Encoding);
  CHECK(readFails(llvm::StringRef("\0[]", 3)).K == ReadIssue::Syntax);
}

TEST_CASE("reader: limits") {
  ReadOptions Shallow;
  Shallow.MaxDepth = 3;
  CHECK(read("[[[1]]]", Shallow).Doc);
  ReadResult Deep = read("[[[[1]]]]", Shallow);
  CHECK_FALSE(Deep.Doc);
  CHECK(Deep.Issues.back().K == ReadIssue::TooDeep);
  CHECK(Deep.Issues.back().Range.Begin == 3);
  CHECK(readFails("[1e400]").K == ReadIssue::NumberRange);
  CHECK(read("[1e-400]").Doc);
  CHECK(read(std::string(100000, '[')).Issues.back().K == ReadIssue::TooDeep);
}

TEST_CASE("reader: a byte order mark is skipped") {
  ReadResult R = readOk("\xEF\xBB\xBF{\"a\": 1}");
  CHECK(R.Doc->root().Range.Begin == 3);
}
