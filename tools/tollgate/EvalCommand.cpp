//===- EvalCommand.cpp - The `tollgate eval` subcommand -------------------===//
///
/// \file
/// Reads the policies and one request, decides it with the concrete
/// evaluator and prints the decision with its reasons, as text or JSON.
///
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Report/Explanation.h"
#include "tollgate/Request/RequestFile.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Request/RequestPolicies.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

using namespace llvm;

namespace tollgate {

cl::SubCommand EvalCommand("eval", "Decide one request against a set of "
                                   "policies and print why");

namespace {

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

/// The policy options in command-line order; false (with a message) for
/// a role given too often.
bool readPolicyInputs(std::vector<PolicyInput> &Out, raw_ostream &Err) {
  std::vector<std::pair<unsigned, PolicyInput>> Placed;
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
  for (auto &[Position, In] : Placed)
    Out.push_back(std::move(In));
  if (Error E = checkPolicyRoles(Out)) {
    Err << "tollgate eval: " << toString(std::move(E)) << '\n';
    return false;
  }
  return true;
}

/// The request: the --request file completed by the request options.
bool readRequest(Request &R, raw_ostream &Err) {
  std::string Kind;
  if (RequestFileOption.getNumOccurrences()) {
    Expected<RequestFile> File = readRequestFile(RequestFileOption);
    if (!File) {
      Err << "tollgate eval: " << toString(File.takeError()) << '\n';
      return false;
    }
    R = std::move(File->R);
    Kind = std::move(File->Kind);
  }
  RequestOverrides Over;
  for (auto [Opt, Slot] :
       {std::pair(&PrincipalOption, &Over.Principal),
        std::pair(&PrincipalKindOption, &Over.PrincipalKind),
        std::pair(&ActionOption, &Over.Action),
        std::pair(&ResourceOption, &Over.Resource),
        std::pair(&ResourceAccountOption, &Over.ResourceAccount)})
    if (Opt->getNumOccurrences())
      *Slot = Opt->getValue();
  Over.Context.assign(ContextOption.begin(), ContextOption.end());
  if (Error E = completeRequest(R, Kind, Over)) {
    Err << "tollgate eval: " << toString(std::move(E)) << '\n';
    return false;
  }
  return true;
}

} // namespace

int runEval() {
  raw_ostream &Err = errs();
  if (FormatOption != "text" && FormatOption != "json") {
    Err << "tollgate eval: --format must be text or json\n";
    return ExitInputError;
  }
  std::vector<PolicyInput> Inputs;
  if (!readPolicyInputs(Inputs, Err))
    return ExitInputError;
  Request R;
  if (!readRequest(R, Err))
    return ExitInputError;

  std::optional<RequestPolicies> Read = readRequestPolicies(Inputs, Err);
  if (!Read)
    return ExitInputError;
  PolicySet Set = Read->set();
  CompiledPolicySet Compiled(Set);
  Explanation E = Compiled.explain(R);
  // The decision stands as asked, but say where AWS would never send it.
  for (const std::string &V :
       request::RequestModel(Catalog::builtin()).contradictions(R))
    WithColor::warning(errs(), "tollgate eval")
        << "AWS does not send this request: " << V << '\n';
  std::vector<ExplainedPolicy> Explained;
  for (const auto &[In, L] : zip(Read->Inputs, Read->Loaded))
    Explained.push_back({In.Path, In.Role, &L});
  if (FormatOption == "json")
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
