//===- Model.h - An account's authorization details -------------*- C++ -*-===//
///
/// \file
/// The users, groups, roles and managed policies of one AWS account, as
/// `aws iam get-account-authorization-details` writes them, with every
/// policy document parsed into the IR. The documents are parsed in place
/// from the located JSON of the whole file, so every finding and every
/// statement keeps its line in that file, and a policy's JSON pointers are
/// prefixed by the pointer of the document in the file.
///
/// Reading is bounded: the file size limit of every input, the JSON nesting
/// limit, and a problem list instead of a crash for anything unexpected
/// (a missing list, a string where an object belongs, a reference to a
/// policy the file does not hold).
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_ACCOUNT_MODEL_H
#define TOLLGATE_ACCOUNT_MODEL_H

#include "tollgate/Json/Value.h"
#include "tollgate/Policy/Policy.h"
#include "tollgate/Support/Diagnostic.h"
#include "tollgate/Support/Source.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tollgate {
namespace account {

/// Something in the file that is not as the format says, at a place.
struct Problem {
  Span Range;
  /// RFC 6901 pointer into the file.
  std::string Pointer;
  std::string Message;
  /// The file cannot be used at all (unreadable, not JSON).
  bool Fatal = false;
};

/// One policy document of the file.
struct Document {
  /// The policy's name (inline policies) or ARN and version (managed).
  std::string Name;
  /// Where the document sits in the file.
  std::string Pointer;
  /// Null when the document could not be read at all.
  std::unique_ptr<Policy> P;
  /// Grammar findings of the parser, with pointers relative to Pointer.
  std::vector<Diagnostic> Diags;
};

struct ManagedPolicy {
  std::string Name, Arn;
  /// `arn:aws:iam::aws:policy/...`: maintained by AWS.
  bool AwsManaged = false;
  std::string DefaultVersion;
  /// Every version the file holds.
  std::vector<Document> Versions;
  /// The index of the default version in Versions, if the file has it.
  std::optional<size_t> Default;

  const Document *defaultDocument() const {
    return Default ? &Versions[*Default] : nullptr;
  }
};

struct Group {
  std::string Name, Arn, Path;
  std::vector<Document> Inline;
  /// ARNs of the attached managed policies.
  std::vector<std::string> Attached;
  /// Indices of the users that are members (Account::Users).
  std::vector<size_t> Members;
};

enum class PrincipalKind : uint8_t { User, Role };

llvm::StringRef principalKindName(PrincipalKind K);

/// A user or a role.
struct Principal {
  PrincipalKind Kind = PrincipalKind::User;
  std::string Name, Arn, Path;
  std::string Pointer;
  std::vector<Document> Inline;
  std::vector<std::string> Attached;
  /// The boundary's policy ARN, if any.
  std::optional<std::string> Boundary;
  /// Users: the names of their groups.
  std::vector<std::string> Groups;
  /// Roles: the trust policy (AssumeRolePolicyDocument).
  std::optional<Document> Trust;
  /// Roles: the instance profiles that hold the role.
  std::vector<std::string> InstanceProfiles;

  bool isRole() const { return Kind == PrincipalKind::Role; }
  /// `user/NAME` or `role/NAME`: short and unique within the account.
  std::string label() const;
};

/// A policy that applies to a principal, and why.
struct AppliedPolicy {
  const Policy *P = nullptr;
  /// `inline policy X`, `managed policy ARN (v3)`, `inline policy X of
  /// group G`, ...
  std::string Origin;
  /// The document's pointer in the file.
  std::string Pointer;
};

/// Everything that decides what a principal may do in its own account.
struct EffectivePolicies {
  std::vector<AppliedPolicy> Identity;
  std::optional<AppliedPolicy> Boundary;
  /// References the file does not resolve (a managed policy it does not
  /// hold, a group it does not list). With any of these the principal's
  /// permissions are not known in full.
  std::vector<std::string> Missing;
};

class Account {
public:
  SourceFileRef Source;
  /// The account id: given, or the one the principals' ARNs name most.
  std::string Id;
  std::vector<Principal> Users, Roles;
  std::vector<Group> Groups;
  std::vector<ManagedPolicy> Policies;
  /// Problems found while reading; the account is usable unless one is
  /// fatal.
  std::vector<Problem> Problems;

  bool usable() const;
  const ManagedPolicy *policyByArn(llvm::StringRef Arn) const;
  const Group *groupByName(llvm::StringRef Name) const;
  /// Users then roles.
  std::vector<const Principal *> principals() const;
  const Principal *principalByArn(llvm::StringRef Arn) const;

  /// The identity policies of \p P (its own inline and attached policies,
  /// then those of its groups) and its boundary.
  EffectivePolicies effective(const Principal &P) const;

  /// For building: indexes the names and ARNs read so far.
  void index();

  /// Keeps the located JSON alive (policies point into it).
  std::unique_ptr<json::Document> Json;

private:
  llvm::StringMap<size_t> PolicyIndex, GroupIndex, PrincipalIndex;
};

struct ReadOptions {
  /// Overrides the account id found in the ARNs.
  std::string AccountId;
  /// Files larger than this are refused unread.
  uint64_t MaxFileSize = 64u << 20;
};

/// Reads the authorization details at \p Path ("-": standard input). Never
/// returns null; look at Account::usable() and Account::Problems.
std::unique_ptr<Account> readAccountFile(llvm::StringRef Path,
                                         const ReadOptions &Options = {});

/// readAccountFile() for text in memory, named \p Name in messages.
std::unique_ptr<Account> readAccountText(llvm::StringRef Name, std::string Text,
                                         const ReadOptions &Options = {});

} // namespace account
} // namespace tollgate

#endif // TOLLGATE_ACCOUNT_MODEL_H
