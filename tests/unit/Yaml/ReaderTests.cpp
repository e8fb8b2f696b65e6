//===- ReaderTests.cpp - The located YAML reader --------------------------===//

#include "tollgate/Yaml/Reader.h"

#include <catch2/catch.hpp>

#include <string>

using namespace tollgate;
using namespace tollgate::yaml;

static std::string spanText(llvm::StringRef Text, Span S) {
  return Text.slice(S.Begin, S.End).str();
}

TEST_CASE("yaml: colons inside flow collections are plain text") {
  // YAML 1.2 allows `:` in a plain scalar of a flow collection when no space
  // follows it; CloudFormation templates rely on it.
  std::string Text = "A: !Equals [!Ref AWS::AccountId, \"1\"]\n"
                     "B: {Type: AWS::S3::Bucket}\n"
                     "C: [s3:GetObject, s3:PutObject]\n";
  Stream S = read(Text);
  REQUIRE_FALSE(S.Err);
  REQUIRE(S.Root);
  const Node &R = *S.Root;
  REQUIRE(R.mappingSize() == 3);
  const Node &A = R.value(0);
  CHECK(A.Tag == "!Equals");
  REQUIRE(A.Items.size() == 2);
  CHECK(A.Items[0].Tag == "!Ref");
  CHECK(A.Items[0].Value == "AWS::AccountId");
  CHECK(spanText(Text, A.Items[0].Range) == "!Ref AWS::AccountId");
  CHECK(spanText(Text, A.Items[0].TagRange) == "!Ref");
  CHECK(A.Items[1].Style == ScalarStyle::DoubleQuoted);
  CHECK(spanText(Text, A.Range) == "!Equals [!Ref AWS::AccountId, \"1\"]");
  CHECK(R.value(1).value(0).Value == "AWS::S3::Bucket");
  CHECK(R.value(2).Items[1].Value == "s3:PutObject");
}

TEST_CASE("yaml: byte spans after non-ASCII text") {
  std::string Text = "a: \xC3\xA9t\xC3\xA9\nb: [x, {c: d}]\n";
  Stream S = read(Text);
  REQUIRE_FALSE(S.Err);
  const Node &R = *S.Root;
  CHECK(spanText(Text, R.value(0).Range) == "\xC3\xA9t\xC3\xA9");
  CHECK(spanText(Text, R.key(1).Range) == "b");
  CHECK(spanText(Text, R.value(1).Range) == "[x, {c: d}]");
  CHECK(spanText(Text, R.value(1).Items[1].value(0).Range) == "d");
}

TEST_CASE("yaml: block collections span their items") {
  std::string Text = "top:\n  - a\n  - k: v\n    l: |\n      text\n";
  Stream S = read(Text);
  REQUIRE_FALSE(S.Err);
  const Node &Seq = S.Root->value(0);
  CHECK(Seq.isSequence());
  CHECK_FALSE(Seq.Flow);
  CHECK(Seq.Items.size() == 2);
  CHECK(Seq.Items[1].value(1).Style == ScalarStyle::Literal);
  CHECK(Seq.Items[1].value(1).Value == "text\n");
  CHECK(spanText(Text, Seq.Items[1].key(0).Range) == "k");
}

TEST_CASE("yaml: nulls, empty values and aliases") {
  Stream S = read("a:\nb: ~\nc: 'null'\nd: &x 1\ne: *x\n");
  REQUIRE_FALSE(S.Err);
  const Node &R = *S.Root;
  CHECK(R.value(0).isNull());
  CHECK(R.value(1).isNull());
  CHECK_FALSE(R.value(2).isNull());
  CHECK(R.value(3).Anchor == "x");
  CHECK(R.value(4).Kind == NodeKind::Alias);
  CHECK(R.value(4).Anchor == "x");
}

TEST_CASE("yaml: syntax errors have a line and a column") {
  Stream S = read("a: b\nc: [d\n");
  REQUIRE(S.Err);
  CHECK(S.Err->K == Error::Syntax);
  CHECK(S.Err->Line == 2);
  CHECK(S.Err->Column == 6);
  CHECK(S.Err->Message ==
        "did not find expected ',' or ']' while parsing a flow sequence "
        "that starts at line 2, column 4");
  S = read("a: b\n  c: d\n");
  REQUIRE(S.Err);
  CHECK(S.Err->Line == 2);
  CHECK(S.Err->Column == 4);
  CHECK_FALSE(S.Root);
}

TEST_CASE("yaml: invalid UTF-8 is an encoding error at its byte") {
  Stream S = read("a: b\nc: \xFF\n");
  REQUIRE(S.Err);
  CHECK(S.Err->K == Error::Encoding);
  CHECK(S.Err->Range.Begin == 8);
}

TEST_CASE("yaml: nesting is limited without recursion") {
  // 400,000 levels: the reader stops at the limit, long before the end.
  for (const char *Open : {"[", "{", "- "}) {
    std::string Text;
    for (int I = 0; I < 400000; ++I)
      Text += Open;
    Stream S = read(Text);
    REQUIRE(S.Err);
    CHECK(S.Err->K == Error::TooDeep);
    CHECK(S.Err->Message == "nesting is deeper than 256 levels");
  }
  std::string Ok(256, '[');
  Ok += std::string(256, ']');
  CHECK_FALSE(read(Ok).Err);
  std::string Deep(257, '[');
  Deep += std::string(257, ']');
  REQUIRE(read(Deep).Err);
  CHECK(read(Deep).Err->Range.Begin == 256);
}

TEST_CASE("yaml: later documents are counted, the first is kept") {
  std::string Text = "a: 1\n---\nb: 2\n";
  Stream S = read(Text);
  REQUIRE_FALSE(S.Err);
  CHECK(S.Documents == 2);
  CHECK(spanText(Text, S.SecondDocument) == "---");
  CHECK(S.Root->key(0).Value == "a");
  S = read("");
  CHECK_FALSE(S.Err);
  CHECK_FALSE(S.Root);
}
