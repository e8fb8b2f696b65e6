//===- ResourceMismatch.cpp - IAM431 resource-mismatch --------------------===//
///
/// \file
/// A Resource entry of a kind that none of the statement's actions acts on,
/// so that it grants (or denies) nothing. The check covers the confusions
/// that the catalog can judge with certainty:
///
///  - an S3 bucket ARN (`arn:aws:s3:::my-bucket`) for object actions such as
///    `s3:GetObject`, which act on `arn:aws:s3:::my-bucket/*`, and an object
///    ARN for bucket actions such as `s3:ListBucket`;
///  - `iam:PassRole` on an IAM resource that is not a role (an instance
///    profile, a user).
///
/// Beyond these it stays silent on purpose. The Service Authorization
/// Reference leaves resource types out of some actions' entries (services
/// documented on two pages under one prefix lose rows, renamed services
/// such as `codestar-connections` and `codeconnections` accept each other's
/// ARNs), and AWS matches some ARNs against actions documented as taking
/// only `*` (`s3:ListAllMyBuckets` on `arn:aws:s3:::*`). A general "no
/// resource type matches" check reports hundreds of AWS's own managed
/// policies for those gaps. User docs: rules/docs/resource-mismatch.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace tollgate {
namespace {

/// The resource type names that \p RF matched among its service's formats.
SmallVector<StringRef, 4> kindsOf(const reference::ResourceFacts &RF) {
  SmallVector<StringRef, 4> Kinds;
  for (const reference::ArnFormatInfo *F : RF.formats())
    if (!is_contained(Kinds, F->Type->Name))
      Kinds.push_back(F->Type->Name);
  return Kinds;
}

bool actsOn(const ActionInfo &A, StringRef TypeName) {
  return any_of(A.Resources, [&](const ActionResource &R) {
    return R.Name.equals_insensitive(TypeName);
  });
}

class ResourceMismatchRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM431")
          .name("resource-mismatch")
          .severity(Severity::Warning)
          .summary("An S3 bucket ARN for object actions, an object ARN for "
                   "bucket actions, "
                   "or iam:PassRole on something other than a role");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    if (!S.Resource.Present || S.Resource.Negated)
      return;
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    if (!F.actionsKnown() || F.Services.empty())
      return;
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      const reference::ResourceFacts &RF = F.Resources[I];
      reference::ArnFields Fields = reference::splitArnFields(RF.Marked);
      if (!Fields.complete())
        continue;
      StringRef Service = Fields.service();
      if (Service != "s3" && Service != "iam")
        continue;
      if (RF.formats().empty())
        continue;
      if (Service == "s3")
        checkS3(S, S.Resource.Patterns[I], RF, F, Ctx);
      else if (Service == "iam")
        checkPassRole(S, S.Resource.Patterns[I], RF, F, Ctx);
    }
  }

private:
  void checkS3(const Statement &S, const PolicyString &R,
               const reference::ResourceFacts &RF,
               const reference::StatementFacts &F, RuleContext &Ctx) const {
    SmallVector<StringRef, 4> Kinds = kindsOf(RF);
    if (Kinds.size() != 1 ||
        (Kinds.front() != "bucket" && Kinds.front() != "object"))
      return;
    bool IsBucket = Kinds.front() == "bucket";
    StringRef Other = IsBucket ? "object" : "bucket";
    // Every action must act on the other kind and none on this one; an
    // action that takes only `*`, or one of another service, leaves the
    // entry's purpose open.
    const ActionInfo *Example = nullptr;
    for (const ActionInfo *A : F.actions()) {
      if (A->Service->Prefix != "s3" || !actsOn(*A, Other) ||
          actsOn(*A, Kinds.front()))
        return;
      if (!Example)
        Example = A;
    }
    std::string Message =
        ("resource `" + R.Text + "` is an S3 " + Kinds.front() + ", but " +
         (F.actions().size() == 1 ? "`" + Example->FullName + "` acts"
                                  : "the statement's actions, such as `" +
                                        Example->FullName + "`, act") +
         " on " + Other + "s")
            .str();
    Message += S.Eff == Effect::Allow ? ", so it grants nothing"
                                      : ", so it denies nothing";
    Message += IsBucket
                   ? ("; write `" + R.Text + "/*` for the objects in it").str()
                   : std::string("; name the bucket, without a path");
    Ctx.report(Info, R.L, Message);
  }

  void checkPassRole(const Statement &S, const PolicyString &R,
                     const reference::ResourceFacts &RF,
                     const reference::StatementFacts &F,
                     RuleContext &Ctx) const {
    if (F.actions().size() != 1 ||
        F.actions().front()->FullName != "iam:PassRole")
      return;
    SmallVector<StringRef, 4> Kinds = kindsOf(RF);
    if (is_contained(Kinds, "role"))
      return;
    Ctx.report(Info, R.L,
               "resource `" + R.Text + "` is an IAM " + Kinds.front() +
                   ", but `iam:PassRole` acts on roles only, so it " +
                   (S.Eff == Effect::Allow ? "grants" : "denies") +
                   " nothing; name the role, such as "
                   "`arn:aws:iam::111122223333:role/name`");
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(ResourceMismatchRule);
} // namespace tollgate
