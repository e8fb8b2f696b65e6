#include "../../../lib/Lint/Rules/Redundancy.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

using namespace tollgate;

TEST_CASE("prefix index: finds exactly the keys that are prefixes") {
  std::mt19937 Rng(7);
  auto randomKey = [&](size_t MaxLen) {
    std::string K;
    size_t N = Rng() % (MaxLen + 1);
    for (size_t I = 0; I < N; ++I)
      K += "ab:"[Rng() % 3];
    return K;
  };
  for (int Round = 0; Round < 50; ++Round) {
    std::vector<std::string> Keys;
    PrefixIndex Index;
    for (uint32_t I = 0; I < 60; ++I) {
      Keys.push_back(randomKey(6));
      Index.add(Keys.back(), /*Arn=*/false, I);
    }
    Index.finish();
    for (int Q = 0; Q < 40; ++Q) {
      std::string Query = randomKey(8);
      std::set<uint32_t> Expected, Found;
      for (uint32_t I = 0; I < Keys.size(); ++I)
        if (llvm::StringRef(Query).startswith(Keys[I]))
          Expected.insert(I);
      size_t Steps = 1000;
      for (const PrefixIndex::Range &R : Index.prefixesOf(Query, Steps))
        for (const PrefixIndex::Entry *E = R.first; E != R.second; ++E) {
          CHECK(llvm::StringRef(Query).startswith(E->Key));
          Found.insert(E->Id);
        }
      CHECK(Found == Expected);
    }
  }
}

TEST_CASE("prefix index: keys are lower-cased literal prefixes") {
  CHECK(coverKey("S3:Get*", false) == "s3:get");
  CHECK(coverKey("arn:aws:s3:::", true) == "arn:aws:s3");
  CHECK(coverKey("arn:aws:S3:::b?c", true) == "arn:aws:s3:::b");
}
