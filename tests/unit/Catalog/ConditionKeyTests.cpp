#include "tollgate/Catalog/Catalog.h"

#include <catch2/catch.hpp>

using namespace tollgate;

namespace {
const Catalog &catalog() { return Catalog::builtin(); }
} // namespace

TEST_CASE("condition keys: global keys and their types") {
  const ConditionKeyInfo *SourceIp = catalog().conditionKey("aws:SourceIp");
  REQUIRE(SourceIp);
  CHECK(SourceIp->Global);
  CHECK(SourceIp->Type == ConditionKeyType::IPAddress);
  CHECK_FALSE(SourceIp->MultiValued);
  CHECK(catalog().conditionKey("AWS:SOURCEIP") == SourceIp);

  const ConditionKeyInfo *TagKeys = catalog().conditionKey("aws:TagKeys");
  REQUIRE(TagKeys);
  CHECK(TagKeys->MultiValued);
  CHECK(TagKeys->Type == ConditionKeyType::String);

  for (const char *Name :
       {"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:SourceVpce",
        "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
        "aws:CalledVia", "aws:SecureTransport", "aws:MultiFactorAuthAge",
        "aws:CurrentTime", "aws:PrincipalArn"}) {
    CAPTURE(Name);
    const ConditionKeyInfo *K = catalog().conditionKey(Name);
    REQUIRE(K);
    CHECK(K->Global);
  }
  CHECK(catalog().conditionKey("aws:PrincipalOrgPaths")->MultiValued);
  CHECK(catalog().conditionKey("aws:CalledVia")->MultiValued);
  CHECK(catalog().conditionKey("aws:SourceArn")->Type == ConditionKeyType::ARN);
  CHECK(catalog().conditionKey("aws:SecureTransport")->Type ==
        ConditionKeyType::Bool);
  CHECK(catalog().conditionKey("aws:CurrentTime")->Type ==
        ConditionKeyType::Date);
  CHECK(catalog().conditionKey("aws:MultiFactorAuthAge")->Type ==
        ConditionKeyType::Numeric);
  CHECK_FALSE(catalog().conditionKey("aws:NoSuchKey"));
}

TEST_CASE("condition keys: tag templates match concrete keys") {
  const ConditionKeyInfo *Resource =
      catalog().conditionKey("aws:ResourceTag/team");
  REQUIRE(Resource);
  CHECK(Resource->Name == "aws:ResourceTag/${TagKey}");
  CHECK(Resource->Template);
  CHECK(catalog().conditionKey("aws:RequestTag/env")->Name ==
        "aws:RequestTag/${TagKey}");
  CHECK(catalog().conditionKey("aws:PrincipalTag/Dept")->Name ==
        "aws:PrincipalTag/${TagKey}");
  CHECK(catalog().conditionKey("AWS:resourcetag/Team") == Resource);
  CHECK_FALSE(catalog().conditionKey("aws:ResourceTag/"));

  const ConditionKeyInfo *Existing =
      catalog().conditionKey("s3:ExistingObjectTag/classification");
  REQUIRE(Existing);
  CHECK(Existing->Name == "s3:ExistingObjectTag/<key>");
  CHECK(Existing->Service == catalog().service("s3"));
}

TEST_CASE("condition keys: template matching") {
  CHECK(conditionKeyMatches("aws:ResourceTag/${TagKey}", "aws:ResourceTag/a"));
  CHECK(
      conditionKeyMatches("aws:ResourceTag/${TagKey}", "aws:resourcetag/a/b"));
  CHECK_FALSE(
      conditionKeyMatches("aws:ResourceTag/${TagKey}", "aws:ResourceTag/"));
  CHECK_FALSE(
      conditionKeyMatches("aws:ResourceTag/${TagKey}", "aws:RequestTag/a"));
  CHECK(conditionKeyMatches("s3:ExistingObjectTag/<key>",
                            "s3:ExistingObjectTag/x"));
  CHECK(conditionKeyMatches("s3:prefix", "S3:Prefix"));
  CHECK_FALSE(conditionKeyMatches("s3:prefix", "s3:prefixes"));
  CHECK(hasKeyPlaceholder("kms:EncryptionContext:${EncryptionContextKey}"));
  CHECK_FALSE(hasKeyPlaceholder("aws:SourceIp"));
}

TEST_CASE("condition keys: service keys") {
  const ConditionKeyInfo *Passed =
      catalog().conditionKey("iam:PassedToService");
  REQUIRE(Passed);
  CHECK_FALSE(Passed->Global);
  CHECK(Passed->Service == catalog().service("iam"));
  CHECK(Passed->Type == ConditionKeyType::String);

  const ConditionKeyInfo *Context =
      catalog().conditionKey("kms:EncryptionContext:project");
  REQUIRE(Context);
  CHECK(Context->Name == "kms:EncryptionContext:${EncryptionContextKey}");

  // Keys a service defines under another prefix are found too.
  CHECK(catalog().conditionKey("accounts.google.com:aud"));
}

TEST_CASE("condition keys: which keys apply to an action") {
  const ActionInfo *PassRole = catalog().action("iam:PassRole");
  REQUIRE(PassRole);
  CHECK(catalog().isConditionKeyForAction(*PassRole, "iam:PassedToService"));
  CHECK(catalog().isConditionKeyForAction(*PassRole, "aws:SourceIp"));
  CHECK_FALSE(catalog().isConditionKeyForAction(*PassRole, "s3:prefix"));

  const ActionInfo *GetObject = catalog().action("s3:GetObject");
  REQUIRE(GetObject);
  CHECK(catalog().isConditionKeyForAction(*GetObject,
                                          "s3:ExistingObjectTag/owner"));
  CHECK_FALSE(
      catalog().isConditionKeyForAction(*GetObject, "iam:PassedToService"));
}

TEST_CASE("condition keys: remembered answers stay per action and key") {
  // Asked twice, in either case, for two actions of one key: each answer
  // is the action's own, the second time as the first.
  const ActionInfo *PassRole = catalog().action("iam:PassRole");
  const ActionInfo *GetRole = catalog().action("iam:GetRole");
  REQUIRE(PassRole);
  REQUIRE(GetRole);
  for (int Round = 0; Round < 2; ++Round) {
    CAPTURE(Round);
    CHECK(catalog().isConditionKeyForAction(*PassRole, "iam:PassedToService"));
    CHECK(catalog().isConditionKeyForAction(*PassRole, "IAM:passedtoservice"));
    CHECK_FALSE(
        catalog().isConditionKeyForAction(*GetRole, "iam:PassedToService"));
    CHECK_FALSE(
        catalog().isConditionKeyForAction(*GetRole, "IAM:PASSEDTOSERVICE"));
  }
}
