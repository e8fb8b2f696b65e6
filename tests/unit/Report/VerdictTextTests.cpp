#include "tollgate/Report/Verdicts.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace llvm;

namespace {
Request exampleRequest() {
  Request R;
  R.Principal = Caller::fromId("arn:aws:iam::111122223333:user/alice");
  R.Action = "s3:GetObject";
  R.Resource = "arn:aws:s3:::b/k\x01";
  R.Context.set("aws:SourceVpc", "vpc-1");
  R.Context.setMulti("aws:TagKeys", {"a", "b"});
  R.Context.set("aws:UserAgent", "curl");
  return R;
}
} // namespace

TEST_CASE("verdicts: a request a field a line, values aligned", "[verdicts]") {
  std::vector<std::string> Read = {"aws:sourcevpc", "aws:tagkeys"};
  std::string Text;
  raw_string_ostream OS(Text);
  printRequest(exampleRequest(), /*FutureAction=*/false, "2026-01-01", OS, "  ",
               &Read);
  std::string Kind = callerKindName(exampleRequest().Principal.Kind).str();
  CHECK(OS.str() == "  principal: arn:aws:iam::111122223333:user/alice (" +
                        Kind +
                        ")\n"
                        "  action:    s3:GetObject\n"
                        "  resource:  arn:aws:s3:::b/k\\x01\n"
                        "  resource account: 111122223333 (the caller's)\n"
                        "  context:   aws:SourceVpc = \"vpc-1\"\n"
                        "  context:   aws:TagKeys = [\"a\", \"b\"]\n"
                        "  also:      aws:UserAgent (no policy reads them)\n");
}

TEST_CASE("verdicts: the request on one line keeps each field whole",
          "[verdicts]") {
  Request R = exampleRequest();
  R.Resource = "arn:aws:s3:::b/k: with a colon";
  std::string Line = requestLine(R, /*FutureAction=*/true, "2026-01-01");
  CHECK(StringRef(Line).startswith("principal arn:aws:iam::111122223333:user/"
                                   "alice ("));
  CHECK(StringRef(Line).contains(
      "; action s3:GetObject  (an action not in the catalog of 2026-01-01); "
      "resource arn:aws:s3:::b/k: with a colon; resource account "));
  CHECK(StringRef(Line).endswith("; context aws:UserAgent = \"curl\""));
}
