//===- InputsTests.cpp - Organization policies and context keys -----------===//

#include "tollgate/Account/Inputs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace tollgate;
using namespace tollgate::account;

namespace {

/// A temporary file holding \p Text, removed at the end of the test.
struct TempFile {
  llvm::SmallString<128> Path;
  explicit TempFile(llvm::StringRef Text) {
    int FD;
    REQUIRE_FALSE(llvm::sys::fs::createTemporaryFile("tollgate-inputs", "json",
                                                     FD, Path));
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  ~TempFile() { llvm::sys::fs::remove(Path); }
};

const char *DenyAllScp = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Deny", "Action": "*", "Resource": "*"}]})";

} // namespace

TEST_CASE("account inputs: context items group by key, in order") {
  llvm::Expected<ContextList> C =
      parseContext({"aws:SourceVpc=vpc-1", "aws:TagKeys=a", "aws:TagKeys=b",
                    "aws:Referer=x=y", "aws:UserAgent="});
  REQUIRE(bool(C));
  REQUIRE(C->size() == 4);
  CHECK((*C)[0] == ContextList::value_type{"aws:SourceVpc", {"vpc-1"}});
  CHECK((*C)[1] == ContextList::value_type{"aws:TagKeys", {"a", "b"}});
  // Only the first `=` separates; an empty value is a value.
  CHECK((*C)[2] == ContextList::value_type{"aws:Referer", {"x=y"}});
  CHECK((*C)[3] == ContextList::value_type{"aws:UserAgent", {""}});
  llvm::Expected<ContextList> Empty = parseContext({});
  REQUIRE(bool(Empty));
  CHECK(Empty->empty());
}

TEST_CASE("account inputs: a context item needs a key and `=`") {
  for (const char *Bad : {"nokey", "=value"}) {
    llvm::Expected<ContextList> C = parseContext({"a=b", Bad});
    REQUIRE_FALSE(bool(C));
    CHECK(llvm::toString(C.takeError()) ==
          std::string("takes KEY=VALUE, not `") + Bad + "`");
  }
}

TEST_CASE("account inputs: guardrails are read as SCPs and RCPs") {
  TempFile Scp(DenyAllScp), Rcp(DenyAllScp);
  std::string ScpPath = Scp.Path.str().str(), RcpPath = Rcp.Path.str().str();
  llvm::Expected<Guardrails> G = readGuardrails({ScpPath, ScpPath}, {RcpPath});
  REQUIRE(bool(G));
  REQUIRE(G->SCPs.size() == 2);
  REQUIRE(G->RCPs.size() == 1);
  CHECK(G->SCPs[0].P->Type == PolicyType::SCP);
  CHECK(G->RCPs[0].P->Type == PolicyType::RCP);
}

TEST_CASE("account inputs: an unreadable policy is an error naming it") {
  TempFile Broken("{\"Version\": ");
  std::string Path = Broken.Path.str().str();
  llvm::Expected<Guardrails> G = readGuardrails({}, {Path});
  REQUIRE_FALSE(bool(G));
  CHECK(llvm::toString(G.takeError()) ==
        "cannot read " + Path + " as a policy");
  llvm::Expected<LoadedPolicy> Missing =
      readPolicyAs("/nonexistent/policy.json", PolicyType::Resource);
  REQUIRE_FALSE(bool(Missing));
  CHECK(llvm::toString(Missing.takeError()) ==
        "cannot read /nonexistent/policy.json as a policy");
}
