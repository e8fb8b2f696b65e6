//===- Reference.h - Shared helpers of the reference checks -----*- C++ -*-===//
///
/// \file
/// The reference checks (IAM401-IAM449) hold a policy against the IAM
/// service catalog: do its actions, condition keys, ARNs and principals name
/// things that exist, in the form AWS expects. This header gathers what
/// several of them need:
///
///  - StatementFacts: each statement's actions expanded against the catalog
///    and the catalog entry of each condition key, computed once per
///    statement and shared by every rule that asks (expanding `ec2:*` per
///    rule would cost more than all the checks together);
///  - ARN text taken apart into its six fields, with policy variables
///    marked so that no check mistakes them for literal text;
///  - the catalog's ARN formats indexed by the service field of the ARN;
///  - small syntax predicates (account ids, Regions, partitions, private
///    networks) that more than one check uses.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_LINT_RULES_REFERENCE_H
#define TOLLGATE_LIB_LINT_RULES_REFERENCE_H

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Lint/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace reference {

/// ASCII letter tests (LLVM 14's StringExtras has none for case).
inline bool isLowerAscii(char C) { return C >= 'a' && C <= 'z'; }
inline bool isUpperAscii(char C) { return C >= 'A' && C <= 'Z'; }

//===----------------------------------------------------------------------===//
// Per-statement facts
//===----------------------------------------------------------------------===//

struct ArnFormatInfo;

/// The fields of an ARN pattern whose variables have been marked: `arn`,
/// partition, service, region, account and resource. Count is the number of
/// fields found (at most 6; the resource keeps any further colons).
struct ArnFields {
  llvm::StringRef Field[6];
  unsigned Count = 0;

  llvm::StringRef prefix() const { return Field[0]; }
  llvm::StringRef partition() const { return Field[1]; }
  llvm::StringRef service() const { return Field[2]; }
  llvm::StringRef region() const { return Field[3]; }
  llvm::StringRef account() const { return Field[4]; }
  llvm::StringRef resource() const { return Field[5]; }
  bool complete() const { return Count == 6; }
};

/// Splits \p Marked at its first five colons.
ArnFields splitArnFields(llvm::StringRef Marked);

class ReferenceCache;
class StatementFacts;

/// One Resource or NotResource entry, taken apart once for the ARN checks.
class ResourceFacts {
public:
  /// The entry with its variables marked (see markVariables()).
  std::string Marked;

  /// True if the entry is a complete ARN (six fields, `arn` first) that
  /// names a literal service with ARN formats in the catalog.
  bool serviceKnown() const {
    compute();
    return ServiceKnown;
  }
  /// The formats of that service whose resource part the entry's resource
  /// part can match (see resourcePartCanMatch()). Computed on first use:
  /// most checks never need them.
  llvm::ArrayRef<const ArnFormatInfo *> formats() const {
    compute();
    return Formats;
  }

  /// Marked split at its first five colons (splitArnFields()), remembered
  /// as offsets: every ARN rule asks, and a copy stays valid.
  ArnFields fields() const;

private:
  friend std::unique_ptr<StatementFacts> computeFacts(const Statement &S,
                                                      ReferenceCache &Cache);
  void compute() const;

  /// The run's memo of ARN format matches.
  ReferenceCache *Cache = nullptr;
  mutable bool Split = false;
  mutable uint8_t FieldCount = 0;
  mutable std::array<std::pair<uint32_t, uint32_t>, 6> FieldSpans;
  mutable bool Computed = false;
  mutable bool ServiceKnown = false;
  mutable llvm::SmallVector<const ArnFormatInfo *, 4> Formats;
};

/// What the catalog makes of one Action or NotAction pattern.
enum class PatternStatus : uint8_t {
  Known,           ///< Names or matches catalog actions.
  NoPrefix,        ///< No colon and no wildcard: `GetObject`.
  WildcardService, ///< A wildcard in the service part: `*`, `s3*`, `*:Get*`.
  UnknownService,  ///< A literal service the catalog does not have.
  UnknownAction,   ///< A literal action the service does not have.
  NoMatch,         ///< A wildcard action part that matches no action.
};

/// What the catalog says about one statement's Action element, conditions
/// and resources.
class StatementFacts {
public:
  /// The status of each pattern, parallel to Statement::Action.Patterns.
  std::vector<PatternStatus> Patterns;
  /// The distinct services that the patterns name literally, in catalog
  /// order.
  std::vector<const ServiceInfo *> Services;
  /// A pattern names a service or action the catalog does not have, or a
  /// wildcard pattern matches no action: the statement covers actions the
  /// catalog cannot speak for.
  bool AnyUnknown = false;
  /// A pattern has a wildcard in its service part (`*`, `*:Get*`, `s3*`):
  /// it covers every service it can match, so it is not expanded.
  bool WildcardService = false;
  /// The element is NotAction.
  bool Negated = false;
  /// The catalog entry of each condition's key, parallel to
  /// Statement::Conditions; null where the catalog has none.
  std::vector<const ConditionKeyInfo *> Keys;
  /// Parallel to Statement::Resource.Patterns.
  std::vector<ResourceFacts> Resources;

  /// The distinct catalog actions that the Action (or NotAction) patterns
  /// with a literal service name, in catalog order. Expanded on first use.
  llvm::ArrayRef<const ActionInfo *> actions() const;

  /// True when actions() is exactly the set of actions the statement
  /// covers, as far as the catalog knows: an Action element whose patterns
  /// all resolved, with no wildcard service.
  bool actionsKnown() const {
    return !Negated && !AnyUnknown && !WildcardService;
  }

private:
  friend const StatementFacts &statementFacts(const Statement &S,
                                              RuleContext &Ctx);
  const Statement *S = nullptr;
  const Catalog *Cat = nullptr;
  mutable bool Expanded = false;
  mutable std::vector<const ActionInfo *> Actions;
};

/// The facts of \p S, a statement of Ctx.policy(). Computed on first use and
/// kept in the run's RuleAnalysis while the rules check that policy.
const StatementFacts &statementFacts(const Statement &S, RuleContext &Ctx);

/// The catalog entry for condition key \p Key: Catalog::conditionKey(),
/// and also the tag key families that some services spell with a literal
/// `tag-key` (`secretsmanager:ResourceTag/tag-key`) or with nothing after
/// the slash (`sagemaker:ResourceTag/`) instead of a placeholder.
const ConditionKeyInfo *lookupConditionKey(const Catalog &Cat,
                                           llvm::StringRef Key);

/// Did-you-mean for an unknown condition key: the catalog's suggestion, kept
/// only when it has the key's own prefix (a key of another service is no
/// correction) or the key's prefix is not a service.
std::optional<llvm::StringRef> suggestConditionKey(const Catalog &Cat,
                                                   llvm::StringRef Key);

/// The catalog's date, `2026-09-26`, for messages that say what the catalog
/// does not list.
llvm::StringRef catalogDate(const Catalog &Cat);

//===----------------------------------------------------------------------===//
// Strings with policy variables
//===----------------------------------------------------------------------===//

/// Stands for a policy variable (`${...}`) in text taken apart by these
/// helpers: a value unknown until the request, never literal text.
constexpr char VariableMark = '\x01';

/// \p Text with every `${...}` replaced by VariableMark. Works on the raw
/// text, so it applies whether or not the policy version enables variables
/// (under 2008-10-17 IAM017 reports them).
std::string markVariables(llvm::StringRef Text);

/// \p Marked (from markVariables) as an IAM wildcard pattern: each
/// VariableMark becomes `*`, so the pattern matches whatever the variable
/// could hold.
std::string markedToGlob(llvm::StringRef Marked);

/// True if \p Marked holds `*`, `?` or a variable: its literal characters do
/// not tell the whole value.
inline bool isOpen(llvm::StringRef Marked) {
  for (char C : Marked)
    if (C == '*' || C == '?' || C == '\x01')
      return true;
  return false;
}

/// True if the text parts of \p S hold a `*` or `?` (escapes such as `${*}`
/// are literal characters and do not count).
bool hasLiteralWildcard(const PolicyString &S);

//===----------------------------------------------------------------------===//
// ARNs
//===----------------------------------------------------------------------===//

/// One ARN format of the catalog, taken apart.
struct ArnFormatInfo {
  const ResourceTypeInfo *Type = nullptr;
  llvm::StringRef Format;
  /// The region and account fields as written: empty when the service's
  /// ARNs leave them empty, a placeholder, or a literal such as `aws`.
  llvm::StringRef Region, Account;
  /// The format's resource part (after the fifth colon).
  llvm::StringRef Resource;
};

/// The ARN formats whose service field is \p ArnService (compared
/// case-sensitively, as AWS writes ARN services in lower case), or an empty
/// list when the catalog has none.
llvm::ArrayRef<ArnFormatInfo> arnFormatsForService(RuleContext &Ctx,
                                                   llvm::StringRef ArnService);

/// True if the resource part \p ResourceGlob (an IAM wildcard pattern) can
/// name a resource of format \p F.
bool resourcePartCanMatch(llvm::StringRef ResourceGlob, const ArnFormatInfo &F);

/// The partitions AWS has: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b,
/// aws-iso-e, aws-iso-f and aws-eusc.
llvm::ArrayRef<llvm::StringRef> knownPartitions();

/// True if some known partition matches the (marked) field \p Partition.
bool isPartitionLike(llvm::StringRef Partition);

/// True for the shape of a Region code: two letters, one or more
/// lower-case words and a number (`us-east-1`, `us-gov-west-1`,
/// `us-isob-east-1`).
bool isRegionName(llvm::StringRef Region);

/// True for a 12-digit AWS account id.
bool isAccountId(llvm::StringRef S);

/// True if the (marked) field \p Account can hold a 12-digit account id:
/// only digits, `*`, `?` and variables, and not more than 12 characters
/// when it has no `*` or variable.
bool canBeAccountId(llvm::StringRef Account);

//===----------------------------------------------------------------------===//
// Condition operators, keys and values
//===----------------------------------------------------------------------===//

/// Every operator name IAM accepts: the base names, with `IfExists`
/// (except Null) and with a `ForAllValues:` or `ForAnyValue:` qualifier.
llvm::ArrayRef<llvm::StringRef> allOperatorNames();

/// The operator family that fits a key of \p Type (String for ARN keys too:
/// ARN keys take the ARN and the String operators).
const char *familyName(OperatorFamily F);

/// True if the service-specific key \p Key is a claim of a web identity or
/// SAML provider (`accounts.google.com:aud`,
/// `token.actions.githubusercontent.com:sub`, `saml:sub`): such keys are
/// named after the provider, not a service, and the catalog cannot list
/// every provider's.
bool isFederationKey(llvm::StringRef Key);

/// True for an IAM unique id, such as the user id `AIDAJQABLZS4A3QDU576Q`:
/// four upper-case letters and at least twelve more upper-case letters or
/// digits.
bool isUniqueId(llvm::StringRef S);

/// True if \p Key has the `service:name` shape: one colon that is neither
/// first nor last. Federation keys carry a host in the prefix and keep that
/// shape.
bool hasKeyFormat(llvm::StringRef Key);

/// Did-you-mean for a service prefix and for an action, as the catalog
/// gives it, remembered for the run: a policy that names a retired service
/// names it many times, and the search compares against every name.
std::optional<llvm::StringRef> suggestService(RuleContext &Ctx,
                                              llvm::StringRef Prefix);
std::optional<llvm::StringRef> suggestAction(RuleContext &Ctx,
                                             llvm::StringRef FullName);

/// True if \p Key is a tag key family named without its tag key:
/// `aws:ResourceTag`, `aws:RequestTag/`, `s3:ExistingObjectTag`. Such a key
/// is in no request context.
bool isTagKeyWithoutTag(llvm::StringRef Key, RuleContext &Ctx);

/// True if \p Key is the deprecated global key `aws:ARN`.
inline bool isDeprecatedGlobalKey(llvm::StringRef Key) {
  return Key.equals_insensitive("aws:ARN");
}

/// The global tag condition keys.
enum class TagKeyFamily : uint8_t {
  None,
  ResourceTag, ///< `aws:ResourceTag/...`
  RequestTag,  ///< `aws:RequestTag/...`
  TagKeys,     ///< `aws:TagKeys`
};

TagKeyFamily tagKeyFamily(llvm::StringRef Key);

/// The catalog spelling of \p Family: `aws:ResourceTag/${TagKey}`, ...
llvm::StringRef tagKeyFamilyName(TagKeyFamily Family);

/// True if some action or resource type of \p Service lists the tag key
/// family \p Family among its condition keys.
bool serviceSupportsTagKey(const ServiceInfo &Service, TagKeyFamily Family,
                           RuleContext &Ctx);

/// The condition is true when its key is absent from the request: a negated
/// operator, `IfExists` or `ForAllValues:`. None for `Null`, whose answer
/// depends on its value.
std::optional<bool> trueWhenKeyAbsent(const Condition &C);

/// Reports, as \p Check, each condition of \p S on a global tag key that
/// some of the statement's services do not support, so that the statement
/// never applies to their actions; \p Verb says what it then never does
/// ("allows", "denies").
void reportUnsupportedTagKeys(const Statement &S, RuleContext &Ctx,
                              const CheckInfo &Check, llvm::StringRef Verb);

/// The ARN field a check is about.
enum class ArnField { Region, Account };

/// Reports, as \p Check, each resource ARN of \p S that names \p Which
/// where the service's ARNs of that shape have none, so that it matches no
/// resource.
void reportFieldWhereNone(const Statement &S, RuleContext &Ctx,
                          const CheckInfo &Check, ArnField Which);

/// True if \p Net lies wholly inside an address range that never appears as
/// the source address of a request to a public AWS endpoint: RFC 1918
/// private IPv4, loopback, link-local, shared address space (100.64/10),
/// and IPv6 unique-local (fc00::/7), link-local and loopback.
bool isPrivateNetwork(const IpNetwork &Net);

} // namespace reference
} // namespace tollgate

#endif // TOLLGATE_LIB_LINT_RULES_REFERENCE_H
