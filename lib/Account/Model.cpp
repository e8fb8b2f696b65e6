//===- Model.cpp - Reading an account's authorization details -------------===//
//
// The reader walks the located JSON of the whole file and parses each policy
// document where it stands, so spans are offsets in the file. Anything that
// does not fit the format becomes a Problem with its pointer; nothing here
// trusts the input's shape.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Account/Model.h"
#include "tollgate/Json/Reader.h"
#include "tollgate/Parse/Parser.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace llvm;

namespace tollgate {
namespace account {

StringRef principalKindName(PrincipalKind K) {
  return K == PrincipalKind::User ? "user" : "role";
}

std::string Principal::label() const {
  return (principalKindName(Kind) + "/" + Name).str();
}

bool Account::usable() const {
  return none_of(Problems, [](const Problem &P) { return P.Fatal; });
}

const ManagedPolicy *Account::policyByArn(StringRef Arn) const {
  auto It = PolicyIndex.find(Arn);
  return It == PolicyIndex.end() ? nullptr : &Policies[It->second];
}

const Group *Account::groupByName(StringRef Name) const {
  auto It = GroupIndex.find(Name);
  return It == GroupIndex.end() ? nullptr : &Groups[It->second];
}

std::vector<const Principal *> Account::principals() const {
  std::vector<const Principal *> All;
  All.reserve(Users.size() + Roles.size());
  for (const Principal &U : Users)
    All.push_back(&U);
  for (const Principal &R : Roles)
    All.push_back(&R);
  return All;
}

const Principal *Account::principalByArn(StringRef Arn) const {
  auto It = PrincipalIndex.find(Arn);
  if (It == PrincipalIndex.end())
    return nullptr;
  size_t I = It->second;
  return I < Users.size() ? &Users[I] : &Roles[I - Users.size()];
}

void Account::index() {
  PolicyIndex.clear();
  GroupIndex.clear();
  PrincipalIndex.clear();
  for (size_t I = 0; I < Policies.size(); ++I)
    PolicyIndex.try_emplace(Policies[I].Arn, I);
  for (size_t I = 0; I < Groups.size(); ++I) {
    GroupIndex.try_emplace(Groups[I].Name, I);
    Groups[I].Members.clear();
  }
  for (size_t I = 0; I < Users.size(); ++I) {
    PrincipalIndex.try_emplace(Users[I].Arn, I);
    for (const std::string &G : Users[I].Groups) {
      auto It = GroupIndex.find(G);
      if (It != GroupIndex.end())
        Groups[It->second].Members.push_back(I);
    }
  }
  for (size_t I = 0; I < Roles.size(); ++I)
    PrincipalIndex.try_emplace(Roles[I].Arn, Users.size() + I);
}

static void addManaged(const Account &A, const std::string &Arn, StringRef Via,
                       EffectivePolicies &E) {
  const ManagedPolicy *M = A.policyByArn(Arn);
  const Document *D = M ? M->defaultDocument() : nullptr;
  if (!D || !D->P) {
    E.Missing.push_back(("managed policy " + Arn + Via).str());
    return;
  }
  E.Identity.push_back(
      {D->P.get(),
       ("managed policy " + Arn + " (" + M->DefaultVersion + ")" + Via).str(),
       D->Pointer});
}

static void addInline(const std::vector<Document> &Docs, StringRef Via,
                      EffectivePolicies &E) {
  for (const Document &D : Docs)
    if (D.P)
      E.Identity.push_back(
          {D.P.get(), ("inline policy " + D.Name + Via).str(), D.Pointer});
}

EffectivePolicies Account::effective(const Principal &P) const {
  EffectivePolicies E;
  addInline(P.Inline, "", E);
  for (const std::string &Arn : P.Attached)
    addManaged(*this, Arn, "", E);
  for (const std::string &GroupName : P.Groups) {
    const Group *G = groupByName(GroupName);
    if (!G) {
      E.Missing.push_back("group " + GroupName);
      continue;
    }
    std::string Via = " of group " + G->Name;
    addInline(G->Inline, Via, E);
    for (const std::string &Arn : G->Attached)
      addManaged(*this, Arn, Via, E);
  }
  if (P.Boundary) {
    const ManagedPolicy *M = policyByArn(*P.Boundary);
    const Document *D = M ? M->defaultDocument() : nullptr;
    if (D && D->P)
      E.Boundary = AppliedPolicy{
          D->P.get(), "permissions boundary " + *P.Boundary, D->Pointer};
    else
      E.Missing.push_back("permissions boundary " + *P.Boundary);
  }
  return E;
}

namespace {

/// Walks the file and fills an Account.
class Builder {
public:
  Builder(Account &A) : A(A) {}

  void read(const json::Value &Root);

private:
  Account &A;
  /// Account ids seen in principal ARNs, with counts.
  std::map<std::string, unsigned> SeenIds;
  /// Managed policy and group references, checked once all is read.
  struct Reference {
    Span Range;
    std::string Pointer, Target;
    bool IsGroup;
  };
  std::vector<Reference> References;

  void problem(const json::Value &V, const std::string &Pointer,
               const Twine &Message) {
    A.Problems.push_back({V.Range, Pointer, Message.str(), false});
  }

  /// The string member \p Key of \p Obj, or "" with a problem when
  /// \p Required.
  std::string str(const json::Value &Obj, StringRef Key,
                  const std::string &Pointer, bool Required = true) {
    const json::Value *V = Obj.get(Key);
    if (V && V->isString())
      return V->Text.str();
    if (Required || V)
      problem(V ? *V : Obj,
              V ? Pointer + "/" + escapePointerToken(Key) : Pointer,
              V ? Twine("`") + Key + "` should be a string, not " +
                      json::kindName(V->K)
                : Twine("missing `") + Key + "`");
    return "";
  }

  /// The array member \p Key of \p Obj; empty (with a problem unless
  /// absent and optional) otherwise.
  ArrayRef<json::Value> list(const json::Value &Obj, StringRef Key,
                             const std::string &Pointer,
                             bool Required = false) {
    const json::Value *V = Obj.get(Key);
    if (V && V->isArray())
      return V->Elements;
    if (V || Required)
      problem(V ? *V : Obj,
              V ? Pointer + "/" + escapePointerToken(Key) : Pointer,
              V ? Twine("`") + Key + "` should be an array, not " +
                      json::kindName(V->K)
                : Twine("missing `") + Key + "`");
    return {};
  }

  bool object(const json::Value &V, const std::string &Pointer,
              StringRef What) {
    if (V.isObject())
      return true;
    problem(V, Pointer,
            Twine(What) + " should be an object, not " + json::kindName(V.K));
    return false;
  }

  Document document(const json::Value &V, std::string Name, std::string Pointer,
                    PolicyType Type) {
    Document D;
    D.Name = std::move(Name);
    D.Pointer = std::move(Pointer);
    if (!V.isObject()) {
      problem(V, D.Pointer,
              Twine("the policy document should be an object, not ") +
                  json::kindName(V.K));
      return D;
    }
    D.P = parsePolicy(V, A.Source, Type, D.Diags);
    return D;
  }

  std::vector<Document> inlinePolicies(const json::Value &Obj, StringRef Key,
                                       const std::string &Pointer) {
    std::vector<Document> Out;
    ArrayRef<json::Value> L = list(Obj, Key, Pointer);
    for (size_t I = 0; I < L.size(); ++I) {
      std::string P = Pointer + "/" + Key.str() + "/" + std::to_string(I);
      if (!object(L[I], P, "an inline policy"))
        continue;
      std::string Name = str(L[I], "PolicyName", P);
      const json::Value *Doc = L[I].get("PolicyDocument");
      if (!Doc) {
        problem(L[I], P, "missing `PolicyDocument`");
        continue;
      }
      Out.push_back(
          document(*Doc, Name, P + "/PolicyDocument", PolicyType::Identity));
    }
    return Out;
  }

  std::vector<std::string> attached(const json::Value &Obj,
                                    const std::string &Pointer) {
    std::vector<std::string> Out;
    ArrayRef<json::Value> L = list(Obj, "AttachedManagedPolicies", Pointer);
    for (size_t I = 0; I < L.size(); ++I) {
      std::string P = Pointer + "/AttachedManagedPolicies/" + std::to_string(I);
      if (!object(L[I], P, "an attached policy"))
        continue;
      std::string Arn = str(L[I], "PolicyArn", P);
      if (Arn.empty())
        continue;
      References.push_back({L[I].Range, P, Arn, false});
      Out.push_back(std::move(Arn));
    }
    return Out;
  }

  void noteAccount(StringRef Arn) {
    // arn:aws:iam::123456789012:user/x
    SmallVector<StringRef, 6> F;
    Arn.split(F, ':', 5);
    if (F.size() == 6 && F[4].size() == 12 && all_of(F[4], isDigit))
      ++SeenIds[F[4].str()];
  }

  Principal principal(const json::Value &V, PrincipalKind K,
                      const std::string &Pointer);
  void readUsers(const json::Value &Root);
  void readGroups(const json::Value &Root);
  void readRoles(const json::Value &Root);
  void readPolicies(const json::Value &Root);
};

Principal Builder::principal(const json::Value &V, PrincipalKind K,
                             const std::string &Pointer) {
  Principal P;
  P.Kind = K;
  P.Pointer = Pointer;
  P.Name = str(V, K == PrincipalKind::User ? "UserName" : "RoleName", Pointer);
  P.Arn = str(V, "Arn", Pointer);
  P.Path = str(V, "Path", Pointer, /*Required=*/false);
  noteAccount(P.Arn);
  P.Attached = attached(V, Pointer);
  if (const json::Value *B = V.get("PermissionsBoundary")) {
    std::string BP = Pointer + "/PermissionsBoundary";
    if (object(*B, BP, "PermissionsBoundary")) {
      std::string Arn = str(*B, "PermissionsBoundaryArn", BP);
      if (!Arn.empty())
        P.Boundary = Arn;
    }
  }
  return P;
}

void Builder::readUsers(const json::Value &Root) {
  ArrayRef<json::Value> L = list(Root, "UserDetailList", "");
  for (size_t I = 0; I < L.size(); ++I) {
    std::string Ptr = "/UserDetailList/" + std::to_string(I);
    if (!object(L[I], Ptr, "a user"))
      continue;
    Principal U = principal(L[I], PrincipalKind::User, Ptr);
    U.Inline = inlinePolicies(L[I], "UserPolicyList", Ptr);
    ArrayRef<json::Value> G = list(L[I], "GroupList", Ptr);
    for (size_t J = 0; J < G.size(); ++J) {
      std::string GP = Ptr + "/GroupList/" + std::to_string(J);
      if (G[J].isString()) {
        U.Groups.push_back(G[J].Text.str());
        References.push_back({G[J].Range, GP, U.Groups.back(), true});
      } else
        problem(G[J], GP, "a group name should be a string");
    }
    A.Users.push_back(std::move(U));
  }
}

void Builder::readGroups(const json::Value &Root) {
  ArrayRef<json::Value> L = list(Root, "GroupDetailList", "");
  for (size_t I = 0; I < L.size(); ++I) {
    std::string Ptr = "/GroupDetailList/" + std::to_string(I);
    if (!object(L[I], Ptr, "a group"))
      continue;
    Group G;
    G.Name = str(L[I], "GroupName", Ptr);
    G.Arn = str(L[I], "Arn", Ptr);
    G.Path = str(L[I], "Path", Ptr, /*Required=*/false);
    G.Inline = inlinePolicies(L[I], "GroupPolicyList", Ptr);
    G.Attached = attached(L[I], Ptr);
    A.Groups.push_back(std::move(G));
  }
}

void Builder::readRoles(const json::Value &Root) {
  ArrayRef<json::Value> L = list(Root, "RoleDetailList", "");
  for (size_t I = 0; I < L.size(); ++I) {
    std::string Ptr = "/RoleDetailList/" + std::to_string(I);
    if (!object(L[I], Ptr, "a role"))
      continue;
    Principal R = principal(L[I], PrincipalKind::Role, Ptr);
    R.Inline = inlinePolicies(L[I], "RolePolicyList", Ptr);
    if (const json::Value *T = L[I].get("AssumeRolePolicyDocument"))
      R.Trust = document(*T, "trust policy", Ptr + "/AssumeRolePolicyDocument",
                         PolicyType::Trust);
    else
      problem(L[I], Ptr, "missing `AssumeRolePolicyDocument`");
    ArrayRef<json::Value> IP = list(L[I], "InstanceProfileList", Ptr);
    for (size_t J = 0; J < IP.size(); ++J) {
      std::string P = Ptr + "/InstanceProfileList/" + std::to_string(J);
      if (object(IP[J], P, "an instance profile"))
        R.InstanceProfiles.push_back(str(IP[J], "InstanceProfileName", P));
    }
    A.Roles.push_back(std::move(R));
  }
}

void Builder::readPolicies(const json::Value &Root) {
  ArrayRef<json::Value> L = list(Root, "Policies", "");
  for (size_t I = 0; I < L.size(); ++I) {
    std::string Ptr = "/Policies/" + std::to_string(I);
    if (!object(L[I], Ptr, "a managed policy"))
      continue;
    ManagedPolicy M;
    M.Name = str(L[I], "PolicyName", Ptr);
    M.Arn = str(L[I], "Arn", Ptr);
    M.AwsManaged = StringRef(M.Arn).startswith("arn:aws:iam::aws:");
    M.DefaultVersion = str(L[I], "DefaultVersionId", Ptr, /*Required=*/false);
    ArrayRef<json::Value> V = list(L[I], "PolicyVersionList", Ptr, true);
    for (size_t J = 0; J < V.size(); ++J) {
      std::string P = Ptr + "/PolicyVersionList/" + std::to_string(J);
      if (!object(V[J], P, "a policy version"))
        continue;
      std::string Id = str(V[J], "VersionId", P);
      const json::Value *Doc = V[J].get("Document");
      if (!Doc) {
        problem(V[J], P, "missing `Document`");
        continue;
      }
      const json::Value *IsDefault = V[J].get("IsDefaultVersion");
      bool Default =
          IsDefault ? IsDefault->K == json::Kind::Bool && IsDefault->BoolValue
                    : Id == M.DefaultVersion;
      if (Default) {
        if (M.Default)
          problem(V[J], P, "a second default version of " + M.Arn);
        M.Default = M.Versions.size();
        if (M.DefaultVersion.empty())
          M.DefaultVersion = Id;
      }
      M.Versions.push_back(document(*Doc, M.Arn + " (" + Id + ")",
                                    P + "/Document", PolicyType::Identity));
    }
    if (!M.Default && !M.Versions.empty())
      problem(L[I], Ptr, "no default version of " + M.Arn + " in the file");
    A.Policies.push_back(std::move(M));
  }
}

void Builder::read(const json::Value &Root) {
  if (!Root.isObject()) {
    A.Problems.push_back(
        {Root.Range, "",
         "the authorization details should be an object with "
         "UserDetailList, GroupDetailList, RoleDetailList and Policies",
         true});
    return;
  }
  if (!Root.get("UserDetailList") && !Root.get("RoleDetailList") &&
      !Root.get("GroupDetailList") && !Root.get("Policies")) {
    A.Problems.push_back({Root.Range, "",
                          "not the output of `aws iam "
                          "get-account-authorization-details`: none of "
                          "UserDetailList, GroupDetailList, RoleDetailList, "
                          "Policies",
                          true});
    return;
  }
  readUsers(Root);
  readGroups(Root);
  readRoles(Root);
  readPolicies(Root);
  A.index();
  if (A.Id.empty()) {
    unsigned Best = 0;
    for (const auto &[Id, N] : SeenIds)
      if (N > Best) {
        Best = N;
        A.Id = Id;
      }
  }
  // References the file does not resolve.
  for (const Reference &R : References) {
    if (R.IsGroup ? A.groupByName(R.Target) != nullptr
                  : A.policyByArn(R.Target) != nullptr)
      continue;
    A.Problems.push_back(
        {R.Range, R.Pointer,
         (R.IsGroup ? "group " : "managed policy ") + R.Target +
             " is not in the file; the permissions it gives are not known",
         false});
  }
}

} // namespace

std::unique_ptr<Account> readAccountText(StringRef Name, std::string Text,
                                         const ReadOptions &Options) {
  auto A = std::make_unique<Account>();
  A->Id = Options.AccountId;
  A->Source = std::make_shared<SourceFile>(Name.str(), std::move(Text));
  json::ReadResult R = json::read(A->Source->text());
  for (const json::ReadIssue &I : R.Issues)
    if (I.isFatal())
      A->Problems.push_back({I.Range, "", I.Message, true});
  if (!R.Doc)
    return A;
  A->Json = std::move(R.Doc);
  Builder(*A).read(A->Json->root());
  return A;
}

std::unique_ptr<Account> readAccountFile(StringRef Path,
                                         const ReadOptions &Options) {
  ReadOutcome In = readBounded(Path, Options.MaxFileSize);
  if (!In) {
    auto A = std::make_unique<Account>();
    A->Source = SourceFile::unread(Path.str());
    A->Problems.push_back({{}, "", In.Message, true});
    return A;
  }
  return readAccountText(Path, std::move(In.Text), Options);
}

} // namespace account
} // namespace tollgate
