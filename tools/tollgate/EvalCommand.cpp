//===- EvalCommand.cpp - The `tollgate eval` subcommand -------------------===//
///
/// \file
/// Reads the policies and one request, decides it with the concrete
/// evaluator and prints the decision with its reasons, as text or JSON.
///
/// The options are parsed by hand: llvm::cl options are global, and this
/// command's option names (--identity, --resource, ...) would clash with
/// other subcommands'.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Json/Depth.h"
#include "tollgate/Parse/Load.h"
#include "tollgate/Report/Explanation.h"
#include "tollgate/Request/RequestFile.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace llvm;

namespace tollgate {

cl::SubCommand EvalCommand("eval", "Decide one request against a set of "
                                   "policies and print why");

namespace {

struct PolicyArg {
  PolicyRole Role;
  std::string Path;
  bool Trust = false;
};

struct Options {
  std::vector<PolicyArg> Policies;
  std::optional<std::string> Principal, PrincipalKind, Action, Resource,
      ResourceAccount, RequestFile;
  std::vector<std::string> Context;
  std::string Format = "text";
};

/// A loaded policy and where it came from.
struct Loaded {
  PolicyArg Arg;
  LoadedPolicy L;
};

cl::OptionCategory PolicyCategory(
    "policies (each FILE is a policy document; '-' reads standard input)");
cl::OptionCategory RequestCategory("the request");
cl::OptionCategory OutputCategory("output");

cl::list<std::string> IdentityFiles("identity", cl::sub(EvalCommand),
                                    cl::cat(PolicyCategory),
                                    cl::value_desc("file"),
                                    cl::desc("Identity-based policy "
                                             "(repeatable)"));
cl::list<std::string>
    ResourceFiles("resource-policy", cl::sub(EvalCommand),
                  cl::cat(PolicyCategory), cl::value_desc("file"),
                  cl::desc("Resource-based policy (bucket, key, queue, ...)"));
cl::list<std::string> TrustFiles(
    "trust-policy", cl::sub(EvalCommand), cl::cat(PolicyCategory),
    cl::value_desc("file"),
    cl::desc("A role trust policy (the resource policy of sts:AssumeRole*; "
             "must allow explicitly)"));
cl::list<std::string> BoundaryFiles("boundary", cl::sub(EvalCommand),
                                    cl::cat(PolicyCategory),
                                    cl::value_desc("file"),
                                    cl::desc("Permissions boundary"));
cl::list<std::string> SCPFiles("scp", cl::sub(EvalCommand),
                               cl::cat(PolicyCategory), cl::value_desc("file"),
                               cl::desc("Service control policy, one per "
                                        "level (repeatable)"));
cl::list<std::string> RCPFiles("rcp", cl::sub(EvalCommand),
                               cl::cat(PolicyCategory), cl::value_desc("file"),
                               cl::desc("Resource control policy, one per "
                                        "level (repeatable)"));
cl::list<std::string> SessionFiles("session", cl::sub(EvalCommand),
                                   cl::cat(PolicyCategory),
                                   cl::value_desc("file"),
                                   cl::desc("Session policy"));

cl::opt<std::string> PrincipalOption(
    "principal", cl::sub(EvalCommand), cl::cat(RequestCategory),
    cl::value_desc("arn"),
    cl::desc("The caller (user, role, session, root, service name such as "
             "s3.amazonaws.com; omit for anonymous)"));
cl::opt<std::string> PrincipalKindOption(
    "principal-kind", cl::sub(EvalCommand), cl::cat(RequestCategory),
    cl::value_desc("kind"),
    cl::desc("Override: anonymous, root, user, role, role-session, "
             "federated-user, federated-provider, service"));
cl::opt<std::string> ActionOption("action", cl::sub(EvalCommand),
                                  cl::cat(RequestCategory),
                                  cl::value_desc("service:name"),
                                  cl::desc("The action"));
cl::opt<std::string> ResourceOption("resource", cl::sub(EvalCommand),
                                    cl::cat(RequestCategory),
                                    cl::value_desc("arn"),
                                    cl::desc("The resource (default: *)"));
cl::opt<std::string> ResourceAccountOption(
    "resource-account", cl::sub(EvalCommand), cl::cat(RequestCategory),
    cl::value_desc("id"),
    cl::desc("The resource's account (default: from the resource ARN, else "
             "the caller's account)"));
cl::list<std::string> ContextOption(
    "context", cl::sub(EvalCommand), cl::cat(RequestCategory),
    cl::value_desc("key=value"),
    cl::desc("A condition key; repeating a key makes it multivalued; KEY=[] "
             "is an empty multivalued key"));
cl::opt<std::string> RequestFileOption(
    "request", cl::sub(EvalCommand), cl::cat(RequestCategory),
    cl::value_desc("file.json"),
    cl::desc("The request as JSON: {\"principal\", \"principalKind\", "
             "\"canonicalId\", \"action\", \"resource\", "
             "\"resourceAccount\", \"context\": {key: string or "
             "[strings]}}; options given as well override it"));
cl::opt<std::string> FormatOption("format", cl::sub(EvalCommand),
                                  cl::cat(OutputCategory), cl::init("text"),
                                  cl::value_desc("text|json"),
                                  cl::desc("Output format (default: text)"));

/// The options as Options, policies in command-line order; false (with a
/// message) for a wrong value.
bool readArgs(Options &O, raw_ostream &Err) {
  std::vector<std::pair<unsigned, PolicyArg>> Placed;
  auto take = [&](const cl::list<std::string> &L, PolicyRole Role,
                  bool Trust = false) {
    for (unsigned I = 0; I < L.size(); ++I)
      Placed.push_back({L.getPosition(I), {Role, L[I], Trust}});
  };
  take(IdentityFiles, PolicyRole::Identity);
  take(ResourceFiles, PolicyRole::Resource);
  take(TrustFiles, PolicyRole::Resource, /*Trust=*/true);
  take(BoundaryFiles, PolicyRole::Boundary);
  take(SCPFiles, PolicyRole::SCP);
  take(RCPFiles, PolicyRole::RCP);
  take(SessionFiles, PolicyRole::Session);
  llvm::sort(Placed,
             [](const auto &X, const auto &Y) { return X.first < Y.first; });
  for (auto &[Position, Arg] : Placed)
    O.Policies.push_back(std::move(Arg));
  auto single = [](const cl::opt<std::string> &Opt,
                   std::optional<std::string> &Slot) {
    if (Opt.getNumOccurrences())
      Slot = Opt.getValue();
  };
  single(PrincipalOption, O.Principal);
  single(PrincipalKindOption, O.PrincipalKind);
  single(ActionOption, O.Action);
  single(ResourceOption, O.Resource);
  single(ResourceAccountOption, O.ResourceAccount);
  single(RequestFileOption, O.RequestFile);
  O.Context.assign(ContextOption.begin(), ContextOption.end());
  O.Format = FormatOption;
  if (O.Format != "text" && O.Format != "json") {
    Err << "tollgate eval: --format must be text or json\n";
    return false;
  }
  for (PolicyRole Single :
       {PolicyRole::Resource, PolicyRole::Boundary, PolicyRole::Session}) {
    if (count_if(O.Policies,
                 [&](const PolicyArg &P) { return P.Role == Single; }) > 1) {
      Err << "tollgate eval: at most one " << policyRoleName(Single)
          << " policy\n";
      return false;
    }
  }
  return true;
}

PolicyType typeFor(const PolicyArg &A) {
  switch (A.Role) {
  case PolicyRole::Identity:
    return PolicyType::Identity;
  case PolicyRole::Resource:
    return A.Trust ? PolicyType::Trust : PolicyType::Resource;
  case PolicyRole::Boundary:
    return PolicyType::Boundary;
  case PolicyRole::SCP:
    return PolicyType::SCP;
  case PolicyRole::RCP:
    return PolicyType::RCP;
  case PolicyRole::Session:
    return PolicyType::Session;
  }
  return PolicyType::Identity;
}

} // namespace

int runEval() {
  raw_ostream &Err = errs();
  Options O;
  if (!readArgs(O, Err))
    return ExitInputError;

  Request R;
  std::string Kind;
  if (O.RequestFile) {
    Expected<RequestFile> File = readRequestFile(*O.RequestFile);
    if (!File) {
      Err << "tollgate eval: " << toString(File.takeError()) << '\n';
      return ExitInputError;
    }
    R = std::move(File->R);
    Kind = std::move(File->Kind);
  }
  RequestOverrides Over;
  Over.Principal = O.Principal;
  Over.PrincipalKind = O.PrincipalKind;
  Over.Action = O.Action;
  Over.Resource = O.Resource;
  Over.ResourceAccount = O.ResourceAccount;
  Over.Context = O.Context;
  if (Error E = completeRequest(R, Kind, Over)) {
    Err << "tollgate eval: " << toString(std::move(E)) << '\n';
    return ExitInputError;
  }

  std::vector<Loaded> All;
  bool InputError = false;
  for (const PolicyArg &A : O.Policies) {
    LoadOptions LO;
    LO.Type = typeFor(A);
    // A resource policy may be a trust policy: let the loader tell.
    if (A.Role == PolicyRole::Resource && !A.Trust)
      LO.Type = std::nullopt;
    Loaded L{A, loadPolicyFile(A.Path, LO)};
    if (L.L.hasInputError() || !L.L.P) {
      for (const Diagnostic &D : L.L.Diags)
        if (D.Check && D.Check->IsInputError)
          printLoadError(L.L, A.Path, D, Err);
      InputError = true;
      continue;
    }
    // The resource-policy slot takes resource and trust policies; any other
    // detected type there is still read as a resource policy.
    if (A.Role == PolicyRole::Resource && L.L.P->Type != PolicyType::Trust)
      L.L.P->Type = PolicyType::Resource;
    All.push_back(std::move(L));
  }
  if (InputError)
    return ExitInputError;

  PolicySet Set;
  for (const Loaded &L : All) {
    const Policy *P = L.L.P.get();
    switch (L.Arg.Role) {
    case PolicyRole::Identity:
      Set.Identity.push_back(P);
      break;
    case PolicyRole::Resource:
      Set.Resource = P;
      break;
    case PolicyRole::Boundary:
      Set.Boundary = P;
      break;
    case PolicyRole::SCP:
      Set.SCPs.push_back(P);
      break;
    case PolicyRole::RCP:
      Set.RCPs.push_back(P);
      break;
    case PolicyRole::Session:
      Set.Session = P;
      break;
    }
  }
  CompiledPolicySet Compiled(Set);
  Explanation E = Compiled.explain(R);
  // The decision stands as asked, but say where AWS would never send it.
  for (const std::string &V :
       request::RequestModel(Catalog::builtin()).contradictions(R))
    WithColor::warning(errs(), "tollgate eval")
        << "AWS does not send this request: " << V << '\n';
  std::vector<ExplainedPolicy> Explained;
  for (const Loaded &L : All)
    Explained.push_back({L.Arg.Path, L.Arg.Role, &L.L});
  if (O.Format == "json")
    writeExplanationJson(Explained, R, E, outs());
  else
    writeExplanationText(Explained, R, E, outs());
  switch (E.Result.D) {
  case Decision::Allow:
    return ExitClean;
  case Decision::ExplicitDeny:
  case Decision::ImplicitDeny:
    return ExitFindings;
  case Decision::Unsupported:
    return ExitUnknown;
  }
  return ExitInputError;
}

} // namespace tollgate
