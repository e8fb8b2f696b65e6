//===- RequestModel.h - The requests AWS can send ---------------*- C++ -*-===//
///
/// \file
/// What a verdict quantifies over: the requests AWS can send, not every
/// string. The rules come from the Service Authorization Reference (the
/// catalog: key types and `ArrayOf` cardinality, the keys and resource types
/// of each action) and from the Availability lines of the global condition
/// key reference:
///
///  - a single-valued key (String, ARN, Bool, Date, Numeric, IPAddress,
///    Binary) is absent or exactly one value of its type; an `ArrayOf` key
///    is a set;
///  - keys about the caller follow from the caller: "aws:PrincipalArn ...
///    is included in the request context for all signed requests.
///    Anonymous requests do not include this key"; "aws:username ... is
///    always included in the request context for IAM users. Anonymous
///    requests and requests that are made using the AWS account root user
///    or IAM roles do not include this key";
///  - keys whose Availability reads "This key is always included in the
///    request context" (aws:CurrentTime, aws:EpochTime, aws:RequestedRegion,
///    aws:SecureTransport, aws:UserAgent, aws:ViaAWSService) are present;
///  - a service key that the catalog does not list for the action is absent
///    (`s3:prefix` never reaches `s3:GetObject`);
///  - the resource has one of the action's ARN formats, or is `*` for an
///    action that takes no resource, and its account is the request's
///    resource account.
///
/// The evaluator, the verifier and the tests read these rules here and
/// nowhere else.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_REQUEST_REQUESTMODEL_H
#define TOLLGATE_REQUEST_REQUESTMODEL_H

#include "tollgate/Eval/Request.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tollgate {

class Catalog;
struct ActionInfo;

namespace request {

/// The type of a condition key's values.
enum class ValueType : uint8_t { String, Arn, Bool, Date, Numeric, Ip, Binary };

/// What the model knows of one condition key.
struct KeyFacts {
  /// The catalog documents the key (possibly as a template such as
  /// `aws:PrincipalTag/${TagKey}`).
  bool Known = false;
  ValueType Type = ValueType::String;
  /// An `ArrayOf` key: a set in every request that carries it.
  bool MultiValued = false;
  /// Present in every request.
  bool AlwaysPresent = false;
  /// A key of a service (not `aws:`): present only with actions the catalog
  /// lists it for.
  bool ServiceKey = false;
  /// The key's documented spelling (`aws:SourceIp`), with a template's
  /// placeholder replaced by the text of the key asked about.
  std::string Spelling;
};

/// What a caller fixes of one key that follows from the caller.
struct CallerValue {
  enum Kind : uint8_t {
    Absent, ///< Never in the request.
    Fixed,  ///< Exactly Value.
    Shaped, ///< One value matching the IAM wildcard pattern Value.
    Free,   ///< Present or not, any value: the caller does not decide.
  };
  Kind K = Free;
  std::string Value;
};

/// Which request model a verdict uses.
enum class ModelKind : uint8_t {
  /// The requests AWS sends (the rules above).
  Realistic,
  /// Every key free, any string anywhere (IAM Access Analyzer's reading).
  Textual,
};

/// `service:Name`, as AWS names actions (a lower-case service prefix).
bool isActionName(llvm::StringRef Action);

/// The partitions a resource ARN names: "aws" (commercial Regions),
/// "aws-cn" (China) and "aws-us-gov" (AWS GovCloud (US)), the partitions of
/// the ARN page of the IAM User Guide.
llvm::ArrayRef<llvm::StringRef> partitions();

/// `realistic` or `textual`.
std::optional<ModelKind> parseModelKind(llvm::StringRef Name);

class RequestModel {
public:
  explicit RequestModel(const Catalog &Cat) : Cat(Cat) {}

  const Catalog &catalog() const { return Cat; }

  /// The facts of condition key \p Key (any case).
  const KeyFacts &facts(llvm::StringRef Key) const;

  /// The value that caller \p C gives key \p Key, or nothing when the key
  /// does not follow from the caller.
  std::optional<CallerValue> callerValue(llvm::StringRef Key,
                                         const Caller &C) const;

  /// False when \p Key is a service key that the catalog does not list for
  /// \p Action (so no request of that action carries it). True for global
  /// keys, for unknown actions and for keys the catalog does not know.
  bool keyReaches(const ActionInfo *Action, llvm::StringRef Key) const;

  /// The ARN formats of \p Action's resource types as IAM wildcard patterns
  /// (a placeholder becomes `?*`), or {"*"} when the action takes no
  /// resource.
  /// Empty for actions outside the catalog.
  std::vector<std::string> resourceShapes(const ActionInfo &Action) const;
  /// Does \p Resource have one of resourceShapes(\p Action)? (A cheap first
  /// test: violations() also applies the formats' placeholder rules.)
  bool hasResourceShape(const ActionInfo &Action,
                        llvm::StringRef Resource) const;

  /// The account that owns the resource of \p R.
  static std::string resourceAccount(const Request &R);

  /// Every rule that \p R breaks, one sentence each; empty when AWS can
  /// send \p R. Without \p Resource, the resource and its account are not
  /// checked (policies whose resources are computed at deployment).
  std::vector<std::string> violations(const Request &R,
                                      bool Resource = true) const;

  /// The rules \p R breaks by what it holds, leaving out keys it lacks
  /// (a partial request, as a user writes one for `tollgate eval`).
  std::vector<std::string> contradictions(const Request &R) const;

  /// Makes \p R a request AWS can send, changing as little as it can: keys
  /// of the caller set from the caller, keys that are always present given
  /// a plain value, keys the action never carries dropped, a list on a
  /// single-valued key cut to its first value, a lone value of an `ArrayOf`
  /// key made a set, keys and the action spelled as documented.
  void complete(Request &R) const;

  /// True when complete() gives \p Key a value in every request of caller
  /// \p C, whatever the request held: a key that is always present, or one
  /// the caller fixes.
  bool restores(llvm::StringRef Key, const Caller &C) const;

  /// The documented spelling of the action, if the catalog knows it.
  std::string actionSpelling(llvm::StringRef Action) const;

  /// A resource of each of \p Action's ARN formats, in account
  /// \p Account: placeholders filled with readable values.
  std::vector<std::string> sampleResources(const ActionInfo &Action,
                                           llvm::StringRef Account) const;

  /// The assumptions a verdict of \p K rests on, one sentence each.
  static std::vector<std::string> assumptions(ModelKind K);

private:
  std::vector<std::string> check(const Request &R, bool Resource,
                                 bool Missing) const;
  /// callerValue() of each key of the caller (callerKeyNames()), for \p C.
  llvm::ArrayRef<std::optional<CallerValue>>
  callerKeyValues(const Caller &C) const;
  const Catalog &Cat;
  /// facts() by the key's text as asked: the verifier completes and checks
  /// requests with the same few keys many thousand times.
  mutable llvm::StringMap<KeyFacts> Facts;
  /// callerKeyValues() of the last caller asked, and who that was.
  mutable Caller ValuesFor;
  mutable std::vector<std::optional<CallerValue>> Values;
  /// resourceShapes() by action: the verifier asks for the same actions'
  /// shapes again and again. A model is used by one thread at a time.
  mutable std::unordered_map<const ActionInfo *, std::vector<std::string>>
      Shapes;
};

/// The keys that always carry a value, with the value complete() gives them.
struct DefaultKey {
  const char *Name;
  const char *Value;
};
llvm::ArrayRef<DefaultKey> alwaysPresentKeys();

} // namespace request
} // namespace tollgate

#endif // TOLLGATE_REQUEST_REQUESTMODEL_H
