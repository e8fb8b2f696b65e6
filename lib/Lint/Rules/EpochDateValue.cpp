//===- EpochDateValue.cpp - IAM447 epoch-date-value -----------------------===//
///
/// \file
/// A Date operator value written as epoch seconds (`1700000000`) for a key
/// other than `aws:EpochTime`: it is easy to misread and to get wrong by a
/// factor of a thousand; an ISO 8601 date says what it means. User docs:
/// rules/docs/epoch-date-value.md
///
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace tollgate {
namespace {

/// \p Seconds since the epoch as `YYYY-MM-DDThh:mm:ssZ` (Howard Hinnant's
/// civil_from_days).
std::string isoDate(int64_t Seconds) {
  int64_t Days = Seconds / 86400, Rest = Seconds % 86400;
  if (Rest < 0) {
    Rest += 86400;
    --Days;
  }
  int64_t Z = Days + 719468;
  int64_t Era = (Z >= 0 ? Z : Z - 146096) / 146097;
  int64_t Doe = Z - Era * 146097;
  int64_t Yoe = (Doe - Doe / 1460 + Doe / 36524 - Doe / 146096) / 365;
  int64_t Doy = Doe - (365 * Yoe + Yoe / 4 - Yoe / 100);
  int64_t Mp = (5 * Doy + 2) / 153;
  int64_t Day = Doy - (153 * Mp + 2) / 5 + 1;
  int64_t Month = Mp < 10 ? Mp + 3 : Mp - 9;
  int64_t Year = Yoe + Era * 400 + (Month <= 2);
  return formatv("{0:D4}-{1:D2}-{2:D2}T{3:D2}:{4:D2}:{5:D2}Z", Year, Month, Day,
                 Rest / 3600, Rest / 60 % 60, Rest % 60)
      .str();
}

class EpochDateValueRule final : public Rule {
public:
  static constexpr CheckInfo Info =
      CheckInfo::declare()
          .code("IAM447")
          .name("epoch-date-value")
          .severity(Severity::Warning)
          .summary("A date written as epoch seconds");
  const CheckInfo &info() const override { return Info; }

  void checkStatement(const Statement &S, RuleContext &Ctx) const override {
    for (const Condition &C : S.Conditions) {
      if (operatorFamily(C.Op) != OperatorFamily::Date ||
          C.Key.equals_insensitive("aws:EpochTime"))
        continue;
      for (const ConditionValue &V : C.Values) {
        StringRef Text = V.Value.Text;
        if (Text.empty() || !all_of(Text, isDigit) || !parseDate(Text))
          continue;
        Ctx.report(Info, V.Value.L,
                   "`" + Text + "` is read as epoch seconds, that is `" +
                       isoDate(*parseDate(Text) / 1000) +
                       "`; write the date in ISO 8601, which readers can "
                       "check");
      }
    }
  }
};

} // namespace
TOLLGATE_REGISTER_RULE(EpochDateValueRule);
} // namespace tollgate
