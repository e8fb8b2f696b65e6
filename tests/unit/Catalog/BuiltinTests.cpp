// The embedded catalog is compiled at build time into constant tables; it
// must answer every question exactly as the text catalog it was compiled
// from does.

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
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

TEST_CASE("builtin catalog: the embedded tables are the text catalog's") {
  const Catalog &Builtin = Catalog::builtin();
  const Catalog &Text = textCatalog();
  CHECK(Builtin.toSource() == Text.toSource());
  CHECK(Builtin.dataSource() == Text.dataSource());
  CHECK(Builtin.dataVersion() == Text.dataVersion());
  CHECK(Builtin.dataDate() == Text.dataDate());
  REQUIRE(Builtin.services().size() == Text.services().size());
  REQUIRE(Builtin.actions().size() == Text.actions().size());
  REQUIRE(Builtin.globalConditionKeys().size() ==
          Text.globalConditionKeys().size());

  Catalog::Summary S = Catalog::builtinSummary();
  CHECK(S.Source == Text.dataSource());
  CHECK(S.Version == Text.dataVersion());
  CHECK(S.Date == Text.dataDate());
  CHECK(S.Services == Text.services().size());
  CHECK(S.Actions == Text.actions().size());
}

TEST_CASE("builtin catalog: every record and lookup agrees with the text") {
  const Catalog &Builtin = Catalog::builtin();
  const Catalog &Text = textCatalog();
  size_t Mismatches = 0;
  auto Same = [&](const std::string &A, const std::string &B) {
    if (A == B)
      return;
    if (++Mismatches <= 5)
      CHECK(A == B);
  };

  for (size_t I = 0; I < Text.globalConditionKeys().size(); ++I)
    Same(describe(&Builtin.globalConditionKeys()[I]),
         describe(&Text.globalConditionKeys()[I]));
  for (size_t I = 0; I < Text.services().size(); ++I) {
    const ServiceInfo &SI = Builtin.services()[I], &ST = Text.services()[I];
    Same(describe(&SI), describe(&ST));
    Same(describe(Builtin.service(ST.Prefix.upper())),
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
        Same(describeAll(Builtin.resourceTypesForArn(Format, SI)),
             describeAll(Text.resourceTypesForArn(Format, ST)));
    }
    for (size_t J = 0; J < ST.ConditionKeys.size(); ++J) {
      StringRef Name = ST.ConditionKeys[J].Name;
      Same(describe(&SI.ConditionKeys[J]), describe(&ST.ConditionKeys[J]));
      Same(describe(Builtin.conditionKey(Name)),
           describe(Text.conditionKey(Name)));
    }
    Same(describeAll(Builtin.expandActionPattern(ST.Prefix.str() + ":*")),
         describeAll(Text.expandActionPattern(ST.Prefix.str() + ":*")));
  }
  for (size_t I = 0; I < Text.actions().size(); ++I) {
    const ActionInfo &A = Text.actions()[I];
    Same(describe(&Builtin.actions()[I]), describe(&A));
    std::string Lower = A.FullName.lower();
    Same(describe(Builtin.action(Lower)), describe(Text.action(Lower)));
    std::string Prefix = A.FullName.take_front(A.FullName.size() - 1).str();
    Same(describeAll(Builtin.expandActionPattern(Prefix + "*")),
         describeAll(Text.expandActionPattern(Prefix + "*")));
    for (StringRef Key : A.ConditionKeys)
      CHECK(Builtin.isConditionKeyForAction(Builtin.actions()[I], Key) ==
            Text.isConditionKeyForAction(A, Key));
    for (const ActionResource &R : A.Resources)
      if (R.Type && !R.Type->ArnFormats.empty()) {
        StringRef Format = R.Type->ArnFormats.front();
        Same(describeAll(
                 Builtin.resourceTypesForArn(Format, Builtin.actions()[I])),
             describeAll(Text.resourceTypesForArn(Format, A)));
      }
  }
  for (StringRef Key : {"aws:ResourceTag/team", "s3:ExistingObjectTag/a",
                        "AWS:SOURCEIP", "ec2:ResourceTag/x/y", "nope:key"})
    Same(describe(Builtin.conditionKey(Key)), describe(Text.conditionKey(Key)));
  for (StringRef Typo : {"s3:GetObjct", "ec3:RunInstances", "iam:PasRole"})
    CHECK(Builtin.suggestAction(Typo) == Text.suggestAction(Typo));
  CHECK(Builtin.suggestService("ec3") == Text.suggestService("ec3"));
  CHECK(Builtin.suggestConditionKey("aws:SourceIP4") ==
        Text.suggestConditionKey("aws:SourceIP4"));
  CHECK(Mismatches == 0);
}

/// The formats of every resource type whose service field is \p Service, by
/// a scan of the whole catalog.
std::string scanArnFormats(const Catalog &C, StringRef Service) {
  std::string Out;
  for (const ServiceInfo &S : C.services())
    for (const ResourceTypeInfo &T : S.ResourceTypes)
      for (StringRef Format : T.ArnFormats) {
        llvm::SmallVector<StringRef, 7> Fields;
        Format.split(Fields, ':', /*MaxSplit=*/5);
        if (Fields.size() == 6 && Fields[2] == Service)
          Out += describe(&T) + " " + Format.str() + "\n";
      }
  return Out;
}

std::string describeFormats(ArrayRef<ArnFormatRef> Formats) {
  std::string Out;
  for (const ArnFormatRef &F : Formats)
    Out += describe(F.Type) + " " + F.Format.str() + "\n";
  return Out;
}

TEST_CASE("builtin catalog: ARN formats by their service field") {
  const Catalog &Builtin = Catalog::builtin();
  const Catalog &Text = textCatalog();
  ArrayRef<ArnFormatRef> S3 = Builtin.arnFormatsOfService("s3");
  REQUIRE(!S3.empty());
  CHECK(llvm::any_of(S3, [](const ArnFormatRef &F) {
    return F.Format == "arn:${Partition}:s3:::${BucketName}" &&
           F.Type->Name == "bucket";
  }));
  // Compared byte by byte; formats whose service is a placeholder are none.
  CHECK(Builtin.arnFormatsOfService("S3").empty());
  CHECK(Builtin.arnFormatsOfService("${Vendor}").empty());
  CHECK(Builtin.arnFormatsOfService("no-such-service").empty());
  size_t Services = 0;
  for (const ServiceInfo &S : Text.services())
    for (StringRef Service : {S.Prefix, StringRef("ec2"), StringRef("iam")}) {
      ++Services;
      std::string Scanned = scanArnFormats(Text, Service);
      CHECK(describeFormats(Text.arnFormatsOfService(Service)) == Scanned);
      CHECK(describeFormats(Builtin.arnFormatsOfService(Service)) == Scanned);
    }
  CHECK(Services == 3 * Text.services().size());
}
