//===- CheckedSet.cpp - The policies a checked policy is read with --------===//

#include "tollgate/Verify/CheckedSet.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {

PolicySet checkedSet(const Policy *Checked, const CallerPolicies &Callers) {
  PolicySet S;
  if (Checked && hasPrincipals(Checked->Type)) {
    S.Resource = Checked;
    S.Identity = Callers.Identity;
    if (S.Identity.empty())
      S.Identity.push_back(Callers.AllowAll);
  } else {
    if (Checked)
      S.Identity.push_back(Checked);
    S.Identity.insert(S.Identity.end(), Callers.Identity.begin(),
                      Callers.Identity.end());
  }
  S.Boundary = Callers.Boundary;
  S.SCPs = Callers.SCPs;
  return S;
}

bool isPublicAccessResourceType(StringRef Type) {
  static const char *Types[] = {"AWS::DynamoDB::Table",
                                "AWS::DynamoDB::Stream",
                                "AWS::EFS::FileSystem",
                                "AWS::OpenSearchService::Domain",
                                "AWS::Kinesis::Stream",
                                "AWS::Kinesis::StreamConsumer",
                                "AWS::KMS::Key",
                                "AWS::Lambda::Function",
                                "AWS::S3::Bucket",
                                "AWS::S3::AccessPoint",
                                "AWS::S3Express::DirectoryBucket",
                                "AWS::S3::Glacier",
                                "AWS::S3Outposts::Bucket",
                                "AWS::S3Outposts::AccessPoint",
                                "AWS::SecretsManager::Secret",
                                "AWS::SNS::Topic",
                                "AWS::SQS::Queue",
                                "AWS::IAM::AssumeRolePolicyDocument",
                                "AWS::S3Tables::TableBucket",
                                "AWS::ApiGateway::RestApi",
                                "AWS::CodeArtifact::Domain",
                                "AWS::Backup::BackupVault",
                                "AWS::CloudTrail::Dashboard",
                                "AWS::CloudTrail::EventDataStore",
                                "AWS::S3Tables::Table",
                                "AWS::S3Express::AccessPoint"};
  return any_of(Types, [&](const char *T) { return Type == T; });
}

} // namespace tollgate
