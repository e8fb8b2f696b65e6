// The embedded catalog is loaded from a binary image compiled at build time;
// it must answer every question exactly as the text catalog it was compiled
// from does.

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <catch2/catch.hpp>

#include <string>

using namespace tollgate;
using llvm::ArrayRef;
using llvm::StringRef;

namespace {

const Catalog &textCatalog() {
  static std::unique_ptr<llvm::MemoryBuffer> Text = [] {
    auto Buffer = llvm::MemoryBuffer::getFile(TOLLGATE_SOURCE_DIR
                                              "/rules/catalog/iam-catalog.txt");
    REQUIRE(static_cast<bool>(Buffer));
    return std::move(*Buffer);
  }();
  static std::unique_ptr<Catalog> Parsed = [] {
    auto C = Catalog::parse(Text->getBuffer());
    REQUIRE(static_cast<bool>(C));
    return std::move(*C);
  }();
  return *Parsed;
}

std::string join(ArrayRef<StringRef> Items) {
  return llvm::join(Items.begin(), Items.end(), ",");
}

/// A record described by its names and fields, pointers by the names of
/// what they point to, so that records of two catalogs compare.
std::string describe(const ServiceInfo *S) {
  return S ? (S->Prefix + "|" + S->Name).str() : "null";
}

std::string describe(const ResourceTypeInfo *T) {
  if (!T)
    return "null";
  return describe(T->Service) + "/" + T->Name.str() + "|" +
         join(T->ArnFormats) + "|" + join(T->ConditionKeys);
}

std::string describe(const ConditionKeyInfo *K) {
  if (!K)
    return "null";
  return K->Name.str() + "|" + K->Category.str() + "|" + describe(K->Service) +
         "|" + conditionKeyTypeName(K->Type).str() +
         (K->MultiValued ? "|multi" : "") + (K->Global ? "|global" : "") +
         (K->Template ? "|template" : "");
}

std::string describe(const ActionInfo *A) {
  if (!A)
    return "null";
  std::string Out = A->FullName.str() + "|" + A->Name.str() + "|" +
                    describe(A->Service) + "|" +
                    accessLevelName(A->Level).str() + "|" +
                    join(A->ConditionKeys) + "|" + join(A->DependentActions);
  for (const ActionResource &R : A->Resources)
    Out += "\n  " + R.Name.str() + (R.Required ? " required " : " ") +
           describe(R.Type) + "|" + join(R.ConditionKeys) + "|" +
           join(R.DependentActions);
  return Out;
}

template <typename T> std::string describeAll(const T &Items) {
  std::string Out;
  for (const auto *Item : Items)
    Out += describe(Item) + "\n";
  return Out;
}

} // namespace

TEST_CASE("catalog image: the embedded image is the text catalog's image") {
  const Catalog &Image = Catalog::builtin();
  const Catalog &Text = textCatalog();
  CHECK(Image.toImage() == Text.toImage());
  CHECK(Image.dataSource() == Text.dataSource());
  CHECK(Image.dataVersion() == Text.dataVersion());
  CHECK(Image.dataDate() == Text.dataDate());
  REQUIRE(Image.services().size() == Text.services().size());
  REQUIRE(Image.actions().size() == Text.actions().size());
  REQUIRE(Image.globalConditionKeys().size() ==
          Text.globalConditionKeys().size());

  Catalog::Summary S = Catalog::builtinSummary();
  CHECK(S.Source == Text.dataSource());
  CHECK(S.Version == Text.dataVersion());
  CHECK(S.Date == Text.dataDate());
  CHECK(S.Services == Text.services().size());
  CHECK(S.Actions == Text.actions().size());
}

TEST_CASE("catalog image: every record and lookup agrees with the text") {
  const Catalog &Image = Catalog::builtin();
  const Catalog &Text = textCatalog();
  size_t Mismatches = 0;
  auto Same = [&](const std::string &A, const std::string &B) {
    if (A == B)
      return;
    if (++Mismatches <= 5)
      CHECK(A == B);
  };

  for (size_t I = 0; I < Text.globalConditionKeys().size(); ++I)
    Same(describe(&Image.globalConditionKeys()[I]),
         describe(&Text.globalConditionKeys()[I]));
  for (size_t I = 0; I < Text.services().size(); ++I) {
    const ServiceInfo &SI = Image.services()[I], &ST = Text.services()[I];
    Same(describe(&SI), describe(&ST));
    Same(describe(Image.service(ST.Prefix.upper())),
         describe(Text.service(ST.Prefix.upper())));
    REQUIRE(SI.ResourceTypes.size() == ST.ResourceTypes.size());
    REQUIRE(SI.ConditionKeys.size() == ST.ConditionKeys.size());
    REQUIRE(SI.Actions.size() == ST.Actions.size());
    for (size_t J = 0; J < ST.ResourceTypes.size(); ++J) {
      const ResourceTypeInfo &T = ST.ResourceTypes[J];
      Same(describe(&SI.ResourceTypes[J]), describe(&T));
      Same(describe(SI.resourceType(T.Name.upper())),
           describe(ST.resourceType(T.Name.upper())));
      for (StringRef Format : T.ArnFormats)
        Same(describeAll(Image.resourceTypesForArn(Format, SI)),
             describeAll(Text.resourceTypesForArn(Format, ST)));
    }
    for (size_t J = 0; J < ST.ConditionKeys.size(); ++J) {
      StringRef Name = ST.ConditionKeys[J].Name;
      Same(describe(&SI.ConditionKeys[J]), describe(&ST.ConditionKeys[J]));
      Same(describe(Image.conditionKey(Name)),
           describe(Text.conditionKey(Name)));
    }
    Same(describeAll(Image.expandActionPattern(ST.Prefix.str() + ":*")),
         describeAll(Text.expandActionPattern(ST.Prefix.str() + ":*")));
  }
  for (size_t I = 0; I < Text.actions().size(); ++I) {
    const ActionInfo &A = Text.actions()[I];
    Same(describe(&Image.actions()[I]), describe(&A));
    std::string Lower = A.FullName.lower();
    Same(describe(Image.action(Lower)), describe(Text.action(Lower)));
    std::string Prefix = A.FullName.take_front(A.FullName.size() - 1).str();
    Same(describeAll(Image.expandActionPattern(Prefix + "*")),
         describeAll(Text.expandActionPattern(Prefix + "*")));
    for (StringRef Key : A.ConditionKeys)
      CHECK(Image.isConditionKeyForAction(Image.actions()[I], Key) ==
            Text.isConditionKeyForAction(A, Key));
    for (const ActionResource &R : A.Resources)
      if (R.Type && !R.Type->ArnFormats.empty()) {
        StringRef Format = R.Type->ArnFormats.front();
        Same(describeAll(Image.resourceTypesForArn(Format, Image.actions()[I])),
             describeAll(Text.resourceTypesForArn(Format, A)));
      }
  }
  for (StringRef Key : {"aws:ResourceTag/team", "s3:ExistingObjectTag/a",
                        "AWS:SOURCEIP", "ec2:ResourceTag/x/y", "nope:key"})
    Same(describe(Image.conditionKey(Key)), describe(Text.conditionKey(Key)));
  for (StringRef Typo : {"s3:GetObjct", "ec3:RunInstances", "iam:PasRole"})
    CHECK(Image.suggestAction(Typo) == Text.suggestAction(Typo));
  CHECK(Image.suggestService("ec3") == Text.suggestService("ec3"));
  CHECK(Image.suggestConditionKey("aws:SourceIP4") ==
        Text.suggestConditionKey("aws:SourceIP4"));
  CHECK(Mismatches == 0);
}

TEST_CASE("catalog image: a damaged image is refused, not read") {
  const std::string Good = textCatalog().toImage();
  auto Loaded = Catalog::fromImage(Good);
  REQUIRE(static_cast<bool>(Loaded));

  for (size_t Size :
       {size_t(0), size_t(7), size_t(40), Good.size() / 2, Good.size() - 1}) {
    auto Truncated = Catalog::fromImage(StringRef(Good).take_front(Size));
    CHECK(!Truncated);
    llvm::consumeError(Truncated.takeError());
  }

  std::string BadMagic = Good;
  BadMagic[7] = 'X';
  Loaded = Catalog::fromImage(BadMagic);
  CHECK(!Loaded);
  llvm::consumeError(Loaded.takeError());

  // The first service record, just after the 64-byte header, with indexes
  // and string offsets far past the end of their tables.
  std::string BadIndex = Good;
  for (size_t I = 64; I < 64 + 40; ++I)
    BadIndex[I] = '\x7f';
  Loaded = Catalog::fromImage(BadIndex);
  CHECK(!Loaded);
  llvm::consumeError(Loaded.takeError());
}
