//===- Universe.cpp - The finite universe of realistic requests -----------===//

#include "Universe.h"
#include "Known.h"
#include "Realism.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using nlohmann::json;
using namespace llvm;

namespace tollgate {
namespace fidelity {

namespace {

const char *const CoreActions[] = {
    "s3:GetObject", "s3:PutObject",    "s3:ListBucket",     "iam:PassRole",
    "iam:GetRole",  "sqs:SendMessage", "sqs:ReceiveMessage"};

void addUnique(std::vector<std::string> &V, const std::string &S) {
  if (std::find(V.begin(), V.end(), S) == V.end())
    V.push_back(S);
}

std::vector<std::string> asList(const json &V) {
  std::vector<std::string> Out;
  if (V.is_array()) {
    for (const json &X : V)
      if (X.is_string())
        Out.push_back(X);
  } else if (V.is_string()) {
    Out.push_back(V);
  }
  return Out;
}

/// The values a variable can take in the universe.
std::vector<std::string> variableValues(StringRef Body) {
  StringRef Key = Body.split(',').first.trim();
  std::vector<std::string> V;
  if (Body == "*" || Body == "?" || Body == "$")
    return {Body.str()};
  if (Key.equals_insensitive("aws:username"))
    V = {"alice", "bob"};
  else if (Key.equals_insensitive("aws:PrincipalTag/team"))
    V = {"dev", "dév", "ops"};
  else
    V = {"v1"};
  // A default in quotes: `${key, 'default'}`.
  size_t Q = Body.find('\'');
  if (Q != StringRef::npos)
    V.push_back(Body.substr(Q + 1).rsplit('\'').first.str());
  return V;
}

/// Every substitution of the variables of \p S (first value for all but
/// one variable at a time, to stay small).
std::vector<std::string> resolveVariables(const std::string &S) {
  std::vector<std::string> Out = {""};
  size_t I = 0;
  while (I < S.size()) {
    if (S[I] == '$' && I + 1 < S.size() && S[I + 1] == '{') {
      size_t End = S.find('}', I);
      if (End == std::string::npos)
        break;
      std::vector<std::string> Vals =
          variableValues(StringRef(S).slice(I + 2, End));
      std::vector<std::string> Next;
      for (const std::string &Prefix : Out)
        for (const std::string &V : Vals)
          if (Next.size() < 12)
            Next.push_back(Prefix + V);
      Out = Next;
      I = End + 1;
      continue;
    }
    for (std::string &P : Out)
      P += S[I];
    ++I;
  }
  return Out;
}

/// Fills the wildcards of \p S, variant \p K of four: `*` by "", "x",
/// "é/日", "a/b"; `?` by "a", "é", "😀", "Z". Variables and escapes
/// (`${...}`) are kept for resolveVariables().
std::string fill(const std::string &S, unsigned K, bool SlashOk) {
  static const char *Star[] = {"", "x", "é/日", "a/b"};
  static const char *StarNoSlash[] = {"", "x", "é日", "ab"};
  static const char *Q[] = {"a", "é", "😀", "Z"};
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '$' && I + 1 < S.size() && S[I + 1] == '{') {
      size_t End = S.find('}', I);
      if (End != std::string::npos) {
        Out += S.substr(I, End - I + 1);
        I = End;
        continue;
      }
    }
    if (C == '*')
      Out += SlashOk ? Star[K] : StarNoSlash[K];
    else if (C == '?')
      Out += Q[K];
    else
      Out += C;
  }
  return Out;
}

/// Instances of a string pattern: fills and near misses (one character
/// more, one less, case changed), each with every value of its variables.
std::vector<std::string> instances(const std::string &Pattern, bool SlashOk) {
  std::vector<std::string> Out;
  std::vector<std::string> Filled;
  for (unsigned K = 0; K < 4; ++K)
    addUnique(Filled, fill(Pattern, K, SlashOk));
  for (const std::string &F : Filled)
    for (const std::string &R : resolveVariables(F))
      addUnique(Out, R);
  for (const std::string &Base : resolveVariables(fill(Pattern, 1, SlashOk))) {
    addUnique(Out, Base + "1");
    if (Base.empty())
      continue;
    // Drop the last character (all its bytes).
    size_t Cut = Base.size() - 1;
    while (Cut > 0 && (static_cast<unsigned char>(Base[Cut]) & 0xC0) == 0x80)
      --Cut;
    addUnique(Out, Base.substr(0, Cut));
    std::string Up = Base;
    Up[0] = std::isupper(static_cast<unsigned char>(Up[0])) ? toLower(Up[0])
                                                            : toUpper(Up[0]);
    addUnique(Out, Up);
  }
  return Out;
}

/// Instances of an ARN pattern: region and account wildcards take the
/// universe's values; the resource part is filled as a string.
std::vector<std::string> arnInstances(const std::string &Pattern) {
  std::vector<std::string> Out;
  if (Pattern == "*")
    return Out;
  SmallVector<StringRef, 6> F;
  StringRef(Pattern).split(F, ':', 5);
  if (F.size() != 6)
    return Out;
  std::vector<std::string> Regions = {F[3].str()}, Accounts = {F[4].str()};
  if (F[3].find_first_of("*?") != StringRef::npos)
    Regions = {"us-east-1", "eu-west-1"};
  if (F[4].find_first_of("*?") != StringRef::npos)
    Accounts = {AccountA, AccountB};
  std::string Service = F[2].str();
  if (Service.find_first_of("*?") != std::string::npos)
    return Out;
  for (const std::string &Res : instances(F[5].str(), true))
    for (const std::string &Reg : Regions)
      for (const std::string &Acc : Accounts)
        addUnique(Out,
                  "arn:aws:" + Service + ":" + Reg + ":" + Acc + ":" + Res);
  return Out;
}

/// A resource of format \p Format in account \p Account.
std::string fillFormat(StringRef Format, StringRef Account) {
  std::string Out;
  while (!Format.empty()) {
    if (Format.startswith("${")) {
      size_t End = Format.find('}');
      StringRef Name = Format.slice(2, End);
      if (Name == "Partition")
        Out += "aws";
      else if (Name == "Region")
        Out += "us-east-1";
      else if (Name == "Account")
        Out += Account.str();
      else
        Out += "canon1";
      Format = Format.drop_front(End + 1);
      continue;
    }
    Out += Format.front();
    Format = Format.drop_front();
  }
  return Out;
}

/// The account of an ARN, or "".
std::string arnAccount(StringRef Arn) {
  SmallVector<StringRef, 6> F;
  Arn.split(F, ':', 5);
  return F.size() == 6 ? F[4].str() : "";
}

struct Literals {
  std::vector<std::string> ActionPatterns, ResourcePatterns;
  /// Key (documented spelling) -> values written for it, and whether an
  /// operator names it.
  std::map<std::string, std::vector<std::string>> KeyValues;
  std::set<std::string> Keys;
};

void scanVariables(const std::string &S, Literals &L) {
  size_t I = 0;
  while ((I = S.find("${", I)) != std::string::npos) {
    size_t End = S.find('}', I);
    if (End == std::string::npos)
      return;
    StringRef Key = StringRef(S).slice(I + 2, End).split(',').first.trim();
    if (const KeySpec *K = findKey(Key))
      L.Keys.insert(K->Name);
    I = End;
  }
}

Literals collect(const std::vector<json> &Policies) {
  Literals L;
  for (const json &P : Policies)
    for (const json &S : P["Statement"]) {
      for (const char *F : {"Action", "NotAction"})
        if (S.contains(F))
          for (const std::string &A : asList(S[F]))
            addUnique(L.ActionPatterns, A);
      for (const char *F : {"Resource", "NotResource"})
        if (S.contains(F))
          for (const std::string &R : asList(S[F])) {
            addUnique(L.ResourcePatterns, R);
            scanVariables(R, L);
          }
      if (!S.contains("Condition"))
        continue;
      for (auto &Op : S["Condition"].items())
        for (auto &KV : Op.value().items()) {
          const KeySpec *K = findKey(KV.key());
          if (!K)
            continue;
          L.Keys.insert(K->Name);
          for (const std::string &V : asList(KV.value())) {
            scanVariables(V, L);
            if (Op.key() != "Null")
              addUnique(L.KeyValues[K->Name], V);
          }
        }
    }
  return L;
}

std::vector<std::string> ipValues(const std::vector<std::string> &Lits) {
  std::vector<std::string> Out;
  for (const std::string &L : Lits) {
    std::optional<Cidr> C = parseCidr(L);
    if (!C)
      continue;
    unsigned Max = C->Net.V6 ? 128 : 32;
    unsigned __int128 Top =
        C->Net.V6 ? ~(unsigned __int128)0 : (unsigned __int128)0xFFFFFFFFu;
    unsigned __int128 Host =
        C->Len >= Max
            ? 0
            : (C->Len == 0 ? Top
                           : (((unsigned __int128)1 << (Max - C->Len)) - 1));
    IpAddr First = C->Net, Last = C->Net;
    First.Bits &= ~Host & Top;
    Last.Bits = First.Bits | Host;
    addUnique(Out, formatIp(First));
    addUnique(Out, formatIp(Last));
    if (First.Bits > 0) {
      IpAddr B = First;
      --B.Bits;
      addUnique(Out, formatIp(B));
    }
    if (Last.Bits < Top) {
      IpAddr A = Last;
      ++A.Bits;
      addUnique(Out, formatIp(A));
    }
  }
  addUnique(Out, "198.51.100.7");
  addUnique(Out, "2001:db8::1");
  return Out;
}

std::vector<std::string> numericValues(const std::vector<std::string> &Lits) {
  std::vector<std::string> Out;
  for (const std::string &L : Lits) {
    double D = atof(L.c_str());
    long long F = static_cast<long long>(D);
    for (long long X : {F - 1, F, F + 1})
      if (X >= 0)
        addUnique(Out, std::to_string(X));
  }
  return Out;
}

std::vector<std::string> stringValues(const std::vector<std::string> &Lits) {
  std::vector<std::string> Out;
  for (const std::string &L : Lits)
    for (const std::string &I : instances(L, true))
      addUnique(Out, I);
  addUnique(Out, "zz");
  return Out;
}

} // namespace

Universe::Universe(const std::vector<json> &Policies, bool IdentityPolicies,
                   const Catalog &Cat)
    : IdentityPolicies(IdentityPolicies) {
  Literals L = collect(Policies);
  for (const std::string &Id : universeCallers()) {
    Caller C = Caller::fromId(Id);
    if (!IdentityPolicies || C.Kind == CallerKind::User ||
        C.Kind == CallerKind::RoleSession)
      Callers.push_back(C);
  }

  // Actions: the core ones, then one action of each class that the
  // policies cannot tell apart (the same action patterns match it, it has
  // the same resource types and supports the same service keys of the
  // universe), among the services the resource patterns name, those with
  // a resource the patterns can name first.
  std::vector<std::string> Instances;
  for (const std::string &P : L.ResourcePatterns)
    for (const std::string &I : arnInstances(P))
      addUnique(Instances, I);
  std::vector<std::string> Actions(std::begin(CoreActions),
                                   std::end(CoreActions));
  std::map<const ActionInfo *, uint64_t> Mask;
  for (size_t I = 0; I < L.ActionPatterns.size() && I < 64; ++I)
    for (const ActionInfo *AI : Cat.expandActionPattern(L.ActionPatterns[I]))
      if (AI->Service->Prefix == "s3" || AI->Service->Prefix == "iam" ||
          AI->Service->Prefix == "sqs")
        Mask[AI] |= uint64_t(1) << I;
  std::map<std::string, const ActionInfo *> Classes;
  for (const auto &KV : Mask) {
    const ActionInfo *AI = KV.first;
    std::string Sig =
        std::to_string(KV.second) + "|" + AI->Service->Prefix.str() + "|";
    for (const ActionResource &R : AI->Resources)
      Sig += R.Name.str() + ",";
    for (const KeySpec &K : universeKeys())
      if (K.When == Presence::ServiceKey)
        Sig += actionSupportsKey(*AI, K.Name) ? "1" : "0";
    Classes.emplace(Sig, AI);
  }
  std::vector<std::pair<size_t, std::string>> Ranked;
  for (const auto &KV : Classes) {
    size_t Fit = 0;
    for (const std::string &I : Instances)
      Fit += resourceFitsAction(I, *KV.second);
    if (Fit || KV.second->Resources.empty())
      Ranked.push_back({Fit, KV.second->FullName.str()});
  }
  std::stable_sort(
      Ranked.begin(), Ranked.end(),
      [](const auto &A, const auto &B) { return A.first > B.first; });
  for (size_t I = 0; I < Ranked.size() && I < 16; ++I)
    addUnique(Actions, Ranked[I].second);
  // Beyond the three services: the first action each pattern matches.
  for (const std::string &P : L.ActionPatterns) {
    std::vector<const ActionInfo *> M = Cat.expandActionPattern(P);
    if (!M.empty())
      addUnique(Actions, M.front()->FullName.str());
  }
  for (const std::string &A : Actions) {
    Target T;
    T.Action = A;
    T.Info = Cat.action(A);
    if (!T.Info)
      continue;
    auto AddRes = [&](const std::string &Arn) {
      std::string Acc = arnAccount(Arn);
      for (const char *X : {AccountA, AccountB})
        if (Acc.empty() || Acc == X) {
          auto E = std::make_pair(Arn, std::string(X));
          if (std::find(T.Resources.begin(), T.Resources.end(), E) ==
              T.Resources.end())
            T.Resources.push_back(E);
        }
    };
    if (T.Info->Resources.empty()) {
      T.Resources.push_back({"*", AccountA});
      T.Resources.push_back({"*", AccountB});
    } else {
      for (const ActionResource &R : T.Info->Resources)
        if (R.Type && !R.Type->ArnFormats.empty())
          for (const char *X : {AccountA, AccountB})
            AddRes(fillFormat(R.Type->ArnFormats.front(), X));
      for (const std::string &I : Instances)
        if (resourceFitsAction(I, *T.Info))
          AddRes(I);
    }
    Targets.push_back(std::move(T));
  }

  // Time: aws:CurrentTime and aws:EpochTime name the same instant.
  std::vector<int64_t> Times = {*parseIsoTime("2026-12-06T10:00:00Z")};
  for (const char *K : {"aws:CurrentTime", "aws:EpochTime"})
    for (const std::string &V : L.KeyValues[K]) {
      std::optional<int64_t> T = parseIsoTime(V);
      if (!T && !V.empty() && all_of(V, isDigit))
        T = std::stoll(V);
      if (T)
        for (int64_t D : {-1, 0, 1})
          if (std::find(Times.begin(), Times.end(), *T + D) == Times.end())
            Times.push_back(*T + D);
    }
  Instants = Times;
  SecureTransport = {"true"};
  if (L.Keys.count("aws:SecureTransport"))
    SecureTransport.push_back("false");

  // The other keys the policies name.
  for (const std::string &KeyName : L.Keys) {
    const KeySpec *K = findKey(KeyName);
    if (!K || K->When == Presence::Always || K->When == Presence::Caller)
      continue;
    Dim D;
    D.Key = K->Name;
    D.Multi = K->Multi;
    D.TagKey = K->When == Presence::PrincipalTag;
    D.ServiceKey = K->When == Presence::ServiceKey;
    D.Options.push_back(std::nullopt);
    const std::vector<std::string> &Lits = L.KeyValues[KeyName];
    std::vector<std::string> Vals;
    switch (K->Type) {
    case KeyType::Ip:
      Vals = ipValues(Lits);
      break;
    case KeyType::Bool:
      Vals = {"true", "false"};
      break;
    case KeyType::Numeric:
      Vals = numericValues(Lits);
      break;
    default:
      Vals = stringValues(Lits);
      break;
    }
    if (D.Multi) {
      // Sets: each value alone, pairs of neighbours, and all of them.
      if (Vals.size() > 6)
        Vals.resize(6);
      for (size_t I = 0; I < Vals.size(); ++I) {
        D.Options.push_back(std::vector<std::string>{Vals[I]});
        if (I + 1 < Vals.size())
          D.Options.push_back(std::vector<std::string>{Vals[I], Vals[I + 1]});
      }
      D.Options.push_back(Vals);
    } else {
      for (const std::string &V : Vals)
        D.Options.push_back(std::vector<std::string>{V});
    }
    Dims.push_back(std::move(D));
  }
}

bool Universe::applies(const Dim &D, const Caller &C, const Target &T) const {
  if (D.TagKey && !callerHasTags(C))
    return false;
  if (D.ServiceKey && !actionSupportsKey(*T.Info, D.Key))
    return false;
  return true;
}

bool Universe::usable(const Caller &C, const Target &T, size_t Res) const {
  return !IdentityPolicies || T.Resources[Res].second == C.Account;
}

uint64_t Universe::size() const {
  uint64_t N = 0;
  for (const Caller &C : Callers)
    for (const Target &T : Targets) {
      uint64_t Res = 0;
      for (size_t I = 0; I < T.Resources.size(); ++I)
        Res += usable(C, T, I);
      uint64_t M = Res * Instants.size() * SecureTransport.size();
      for (const Dim &D : Dims)
        if (applies(D, C, T))
          M *= D.Options.size();
      N += M;
    }
  return N;
}

void Universe::start(const Caller &C, const Target &T, size_t ResIdx,
                     Request &R) const {
  R = Request();
  R.Principal = C;
  R.Action = T.Action;
  R.Resource = T.Resources[ResIdx].first;
  R.ResourceAccount = T.Resources[ResIdx].second;
  for (const auto &KV : callerKeys(C))
    R.Context.set(KV.first, KV.second);
}

void Universe::vary(const Caller &C, const Target &T, size_t Instant,
                    size_t Secure, const std::vector<size_t> &Choice,
                    Request &R) const {
  R.Context.set("aws:CurrentTime", formatIsoTime(Instants[Instant]));
  R.Context.set("aws:EpochTime", std::to_string(Instants[Instant]));
  R.Context.set("aws:SecureTransport", SecureTransport[Secure]);
  for (size_t I = 0; I < Dims.size(); ++I) {
    const Dim &D = Dims[I];
    if (!applies(D, C, T))
      continue;
    const auto &O = D.Options[Choice[I]];
    if (!O)
      R.Context.erase(D.Key);
    else if (D.Multi)
      R.Context.setMulti(D.Key, *O);
    else
      R.Context.set(D.Key, O->front());
  }
}

bool Universe::forEach(uint64_t Cap, std::mt19937_64 &Rng,
                       function_ref<bool(const Request &)> Fn) const {
  Request R;
  std::vector<size_t> Choice(Dims.size(), 0);
  if (size() > Cap) {
    // Every caller, action and resource once with a random context when
    // they fit in the budget, then random requests.
    uint64_t K = 0;
    uint64_t Combos = 0;
    for (const Caller &C : Callers)
      for (const Target &T : Targets)
        for (size_t Res = 0; Res < T.Resources.size(); ++Res)
          Combos += usable(C, T, Res);
    if (Combos <= Cap)
      for (const Caller &C : Callers)
        for (const Target &T : Targets)
          for (size_t Res = 0; Res < T.Resources.size(); ++Res) {
            if (!usable(C, T, Res))
              continue;
            ++K;
            for (size_t I = 0; I < Dims.size(); ++I)
              Choice[I] = Rng() % Dims[I].Options.size();
            start(C, T, Res, R);
            vary(C, T, Rng() % Instants.size(), Rng() % SecureTransport.size(),
                 Choice, R);
            if (!Fn(R))
              return false;
          }
    while (K < Cap) {
      const Caller &C = Callers[Rng() % Callers.size()];
      const Target &T = Targets[Rng() % Targets.size()];
      size_t Res = Rng() % T.Resources.size();
      if (!usable(C, T, Res))
        continue;
      ++K;
      for (size_t I = 0; I < Dims.size(); ++I)
        Choice[I] = Rng() % Dims[I].Options.size();
      start(C, T, Res, R);
      vary(C, T, Rng() % Instants.size(), Rng() % SecureTransport.size(),
           Choice, R);
      if (!Fn(R))
        break;
    }
    return false;
  }
  for (const Caller &C : Callers)
    for (const Target &T : Targets)
      for (size_t Res = 0; Res < T.Resources.size(); ++Res) {
        if (!usable(C, T, Res))
          continue;
        start(C, T, Res, R);
        for (size_t In = 0; In < Instants.size(); ++In)
          for (size_t Se = 0; Se < SecureTransport.size(); ++Se) {
            std::fill(Choice.begin(), Choice.end(), 0);
            while (true) {
              vary(C, T, In, Se, Choice, R);
              if (!Fn(R))
                return true;
              // Next combination over the dimensions that apply.
              size_t I = 0;
              for (; I < Dims.size(); ++I) {
                if (!applies(Dims[I], C, T))
                  continue;
                if (++Choice[I] < Dims[I].Options.size())
                  break;
                Choice[I] = 0;
              }
              if (I == Dims.size())
                break;
            }
          }
      }
  return true;
}

} // namespace fidelity
} // namespace tollgate
