//===- InvalidArnPartition.cpp - IAM423 invalid-arn-partition -------------===//
///
/// \file
/// An ARN whose partition field is not an AWS partition (`aws`, `aws-cn`,
/// `aws-us-gov`, the ISO partitions, `aws-eusc`) and cannot match one.
/// User docs: rules/docs/invalid-arn-partition.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "tollgate/Support/Spelling.h"

using namespace llvm;

namespace tollgate {
namespace {

class InvalidArnPartitionRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM423")
          .name("invalid-arn-partition")
          .severity(Severity::Error)
          .summary("An ARN whose partition is not an AWS partition");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    const reference::StatementFacts &F = reference::statementFacts(S, Ctx);
    for (size_t I = 0; I < S.Resource.Patterns.size(); ++I) {
      reference::ArnFields Fields = F.Resources[I].fields();
      if (Fields.Count < 3 || Fields.prefix() != "arn" ||
          reference::isPartitionLike(Fields.partition()))
        continue;
      const PolicyString &R = S.Resource.Patterns[I];
      StringRef Partition = Fields.partition();
      std::string Message =
          Partition.empty()
              ? ("ARN `" + R.Text + "` has an empty partition").str()
              : ("unknown partition `" + Partition + "` in ARN `" + R.Text +
                 "`")
                    .str();
      std::optional<StringRef> Fix;
      if (!Partition.empty())
        Fix = closestSpelling(Partition, reference::knownPartitions());
      if (Fix)
        Message += ("; did you mean `" + *Fix + "`?").str();
      else
        Message += "; use `aws`, `aws-cn` or `aws-us-gov` (or `*`)";
      Ctx.report(Info, R.L, Message);
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(InvalidArnPartitionRule);
} // namespace tollgate
