//===- ConditionStrength.cpp - Do a statement's conditions restrict -------===//

#include "ConditionStrength.h"

#include "tollgate/Lint/Rule.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace tollgate {

namespace CK = ConditionKinds;

unsigned conditionKeyKinds(StringRef Key) {
  SmallString<64> Lower;
  for (char C : Key)
    Lower.push_back(toLower(C));
  StringRef K = Lower;
  if (K.startswith("aws:")) {
    if (K.startswith("aws:principaltag/"))
      return CK::PrincipalAttribute;
    if (K.startswith("aws:resourcetag/") || K.startswith("aws:requesttag/"))
      return CK::Resource;
    return StringSwitch<unsigned>(K)
        .Cases("aws:principalorgid", "aws:principalorgpaths",
               "aws:principalaccount", "aws:principalarn", "aws:userid",
               CK::Principal)
        .Cases("aws:principalservicename", "aws:principalisawsservice",
               CK::Principal)
        .Cases("aws:username", "aws:sourceidentity", "aws:federatedprovider",
               CK::PrincipalAttribute)
        .Cases("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
               "aws:sourceorgpaths", "aws:sourceowner", CK::Source)
        .Cases("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
               "aws:vpcsourceip", "aws:sourcevpcarn", CK::Network)
        .Cases("aws:ec2instancesourcevpc", "aws:ec2instancesourceprivateipv4",
               CK::Network)
        .Cases("aws:resourceaccount", "aws:resourceorgid",
               "aws:resourceorgpaths", CK::Resource)
        .Cases("aws:calledvia", "aws:calledviafirst", "aws:calledvialast",
               "aws:viaawsservice", CK::Resource)
        .Cases("aws:multifactorauthpresent", "aws:multifactorauthage", CK::Mfa)
        .Default(0);
  }
  if (K == "sts:externalid")
    return CK::ExternalId;
  if (K == "kms:calleraccount")
    return CK::Principal;
  if (K == "s3:dataaccesspointaccount" || K == "s3:dataaccesspointarn")
    return CK::Source;
  StringRef Prefix = K.rsplit(':').first;
  // Claims of web identity and SAML providers: the prefix is a host name
  // (token.actions.githubusercontent.com:sub) or `saml`.
  if (Prefix.contains('.') || Prefix.contains('/') || Prefix == "saml")
    return CK::FederatedClaim;
  // Other service-defined keys narrow what the request acts on.
  return Prefix.empty() ? 0 : CK::Resource;
}

/// Keys that every request they apply to carries, for which `IfExists`
/// changes nothing: the principal keys of authenticated requests, and the
/// keys of the IAM actions that pass or create roles for a service (AWS's
/// own policies write `StringEqualsIfExists` on them so that one statement
/// can also hold actions without the key).
static bool isAlwaysPresent(StringRef Key) {
  return Key.equals_insensitive("aws:PrincipalArn") ||
         Key.equals_insensitive("aws:PrincipalAccount") ||
         Key.equals_insensitive("aws:userid") ||
         Key.equals_insensitive("iam:PassedToService") ||
         Key.equals_insensitive("iam:AWSServiceName");
}

/// A resource or request tag key (`aws:ResourceTag/team`,
/// `ec2:ResourceTag/team`), on which a presence test is a real filter.
static bool isTagKey(StringRef Key) {
  std::string Lower = Key.lower();
  return StringRef(Lower).contains("tag/") &&
         !StringRef(Lower).startswith("aws:principaltag/");
}

static bool honoursWildcards(ConditionOp Op) {
  return Op == ConditionOp::StringLike || Op == ConditionOp::ArnLike ||
         Op == ConditionOp::ArnEquals;
}

/// Why one value restricts nothing, or None.
static std::optional<std::string>
weakValue(const Condition &C, const ConditionValue &V, unsigned KeyKinds) {
  const PolicyString &S = V.Value;
  // A policy variable ties the value to the request (ABAC): a restriction.
  if (S.hasVariables())
    return std::nullopt;
  StringRef Text = S.Text;
  OperatorFamily F = operatorFamily(C.Op);
  if (F == OperatorFamily::Bool)
    return Text.equals_insensitive("true")
               ? std::nullopt
               : std::optional<std::string>("the value `" + Text.str() +
                                            "` does not require anything");
  if (F == OperatorFamily::Ip) {
    if (Text.endswith("/0"))
      return "`" + Text.str() + "` matches every address";
    return std::nullopt;
  }
  if (F != OperatorFamily::String && F != OperatorFamily::Arn)
    return std::nullopt;
  if (!honoursWildcards(C.Op))
    return std::nullopt;
  if (isAllWildcards(Text)) {
    // On a tag key, `*` still requires the resource to carry the tag: a
    // filter on what, as a tag-based access design intends.
    if (isTagKey(C.Key))
      return std::nullopt;
    return "`" + Text.str() + "` matches any value";
  }
  if (Text.startswith_insensitive("arn:") &&
      (KeyKinds & (CK::Principal | CK::Source | CK::Resource))) {
    std::array<StringRef, 6> Fields = arnPatternFields(Text);
    if (isAllWildcards(Fields[4]))
      return "the account field of `" + Text.str() +
             "` is a wildcard, so a matching resource or principal can be "
             "in any account";
    if (Fields[4].empty() && isAllWildcards(Fields[5]))
      return "`" + Text.str() + "` matches every resource of the service";
  }
  // A generic prefix followed only by wildcards matches every identifier of
  // its kind.
  size_t Wild = Text.find_first_of("*?");
  if (Wild != StringRef::npos && isAllWildcards(Text.substr(Wild))) {
    std::string Prefix = Text.substr(0, Wild).lower();
    static const char *const Generic[] = {"o-",
                                          "ou-",
                                          "r-",
                                          "vpc-",
                                          "vpce-",
                                          "arn",
                                          "arn:",
                                          "arn:aws:",
                                          "arn:aws-cn:",
                                          "arn:aws-us-gov:",
                                          "repo:",
                                          "system:",
                                          "system:serviceaccount:"};
    for (const char *G : Generic)
      if (Prefix == G)
        return "`" + Text.str() + "` matches every value with that prefix";
  }
  return std::nullopt;
}

static std::optional<std::string> weakness(const Condition &C,
                                           unsigned KeyKinds) {
  std::string Key = ("`" + C.Key + "`").str();
  if (C.Op == ConditionOp::Unknown)
    return std::string("the operator is not known");
  if (C.Op == ConditionOp::Null) {
    // `"Null": {"aws:ResourceTag/team": "false"}` requires the tag, as
    // `StringLike` with `*` does.
    if (isTagKey(C.Key) && !C.Values.empty() &&
        all_of(C.Values, [](const ConditionValue &V) {
          return V.Value.Text.equals_insensitive("false");
        }))
      return std::nullopt;
    return "`Null` tests only whether " + Key + " is present";
  }
  if (isNegatedOperator(C.Op))
    return "`" + conditionOpName(C.Op).str() +
           "` is true for every value it does not list, and for requests "
           "without " +
           Key;
  if (C.IfExists && !isAlwaysPresent(C.Key))
    return "`" + conditionOpName(C.Op).str() +
           "IfExists` lets every request without " + Key + " through";
  if (C.Qualifier == SetQualifier::ForAllValues)
    return "`ForAllValues` is true for a request without " + Key;
  if (C.Values.empty())
    return std::string("it lists no value");
  for (const ConditionValue &V : C.Values)
    if (std::optional<std::string> Why = weakValue(C, V, KeyKinds))
      return Why;
  return std::nullopt;
}

bool conditionRestricts(const Condition &C, unsigned Kinds) {
  unsigned KeyKinds = conditionKeyKinds(C.Key);
  if (!(KeyKinds & Kinds))
    return false;
  return !weakness(C, KeyKinds);
}

bool statementRestricted(const Statement &S, unsigned Kinds) {
  for (const Condition &C : S.Conditions)
    if (conditionRestricts(C, Kinds))
      return true;
  return false;
}

std::optional<std::string> whyConditionIsWeak(const Condition &C,
                                              unsigned Kinds) {
  unsigned KeyKinds = conditionKeyKinds(C.Key);
  if (!(KeyKinds & Kinds))
    return std::nullopt;
  return weakness(C, KeyKinds);
}

void noteWeakConditions(Diagnostic &D, const Statement &S, unsigned Kinds,
                        RuleContext &Ctx) {
  for (const Condition &C : S.Conditions)
    if (std::optional<std::string> Why = whyConditionIsWeak(C, Kinds))
      Ctx.note(D, C.KeyLoc,
               "this condition does not restrict the grant: " + *Why);
}

} // namespace tollgate
