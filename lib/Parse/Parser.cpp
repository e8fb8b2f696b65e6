//===- Parser.cpp - JSON document to policy IR ----------------------------===//
//
// Walks the located JSON tree once, building the IR and reporting every
// grammar finding at the exact token. Grammar sources: the IAM JSON policy
// grammar (IAM User Guide, "Grammar of the IAM JSON policy language") and
// the checks of IAM Access Analyzer's policy validation.
//
//===----------------------------------------------------------------------===//

#include "tollgate/Parse/Parser.h"
#include "tollgate/Parse/GrammarChecks.h"
#include "tollgate/Parse/PolicyVariables.h"
#include "tollgate/Support/Glob.h"
#include "tollgate/Support/Spelling.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <cstdint>
#include <cstring>

using namespace llvm;

namespace tollgate {

/// True if \p S contains `${`. A memchr for `$`, which few entries hold,
/// rather than a substring search: this runs for every Action entry.
static bool hasVariableOpen(StringRef S) {
  for (size_t I = S.find('$'); I != StringRef::npos; I = S.find('$', I + 1))
    if (I + 1 < S.size() && S[I + 1] == '{')
      return true;
  return false;
}

using json::Kind;
using json::Member;
using json::Value;

namespace {

const StringRef TopLevelElements[] = {"Version", "Id", "Statement"};
const StringRef StatementElements[] = {
    "Sid",       "Effect",   "Principal",   "NotPrincipal", "Action",
    "NotAction", "Resource", "NotResource", "Condition"};
const StringRef PrincipalKinds[] = {"AWS", "Service", "Federated",
                                    "CanonicalUser"};

/// The elements of a statement, to remember which ones a statement has.
enum StatementElement {
  SidElement,
  EffectElement,
  PrincipalElementKey,
  NotPrincipalElementKey,
  ActionElementKey,
  NotActionElementKey,
  ResourceElementKey,
  NotResourceElementKey,
  ConditionElement,
  NumStatementElements
};
using SeenElements = const Member *[NumStatementElements];

class PolicyParser {
public:
  PolicyParser(Policy &P, std::vector<Diagnostic> &Diags)
      : P(P), Diags(Diags) {}

  void parseDocument(const Value &Root);

private:
  // Reporting.
  Diagnostic &report(const CheckInfo &Check, Span Range, uint32_t Path,
                     const Twine &Message);
  void reportWrongType(const Value &V, uint32_t Path, StringRef Element,
                       StringRef Expected);
  void reportEmpty(const Value &V, uint32_t Path, const Twine &What);
  void reportUnknownElement(const Member &M, uint32_t Parent,
                            ArrayRef<StringRef> Known, StringRef Where);
  void reportConflict(const Member &Second, const Member &First,
                      uint32_t Parent);

  // Elements.
  void parseVersion(const Member &M, uint32_t Path);
  void parseStatement(const Value &V, uint32_t Path);
  void parseSid(Statement &S, const Member &M, uint32_t Path);
  /// Returns false when the Effect is not Allow or Deny.
  bool parseEffect(Statement &S, const Member &M, uint32_t Path);
  void parseAction(Statement &S, const Member &M, uint32_t Path);
  void parseResource(Statement &S, const Member &M, uint32_t Path);
  void parsePrincipal(Statement &S, const Member &M, uint32_t Path);
  void parseCondition(Statement &S, const Member &M, uint32_t Path);
  /// Reports missing and misplaced elements; returns false when a required
  /// element is missing.
  bool checkStatementShape(const Value &V, uint32_t Path,
                           const SeenElements &Seen);
  void checkSids();
  void checkSize(const Value &Root);

  /// Calls \p Each for every string of a string-or-array-of-strings value,
  /// reporting other types. Returns false if the shape was wrong.
  template <typename Fn>
  bool forEachString(const Value &V, uint32_t Path, StringRef Element, Fn Each);

  /// Makes a PolicyString, splitting variables where the element takes
  /// them (\p VariablesAllowed) and reporting them where it does not.
  PolicyString makeString(const Value &V, uint32_t Path, StringRef Element,
                          bool VariablesAllowed);
  /// The source span of bytes [Begin, End) of a decoded string value, or the
  /// whole string when escapes make the mapping inexact.
  Span substringSpan(const Value &V, size_t Begin, size_t End) const;

  Loc locOf(Span Range, uint32_t Path) const { return Loc{Range, Path}; }

  Policy &P;
  std::vector<Diagnostic> &Diags;
  bool VariablesOn = false;
  /// The Sid of every statement, including those left out of the IR.
  std::vector<std::pair<StringRef, Loc>> Sids;
};

Diagnostic &PolicyParser::report(const CheckInfo &Check, Span Range,
                                 uint32_t Path, const Twine &Message) {
  Diagnostic D;
  D.Check = &Check;
  D.Level = Check.DefaultSeverity;
  D.Message = Message.str();
  D.Range = Range;
  D.Pointer = P.pointer(Path);
  Diags.push_back(std::move(D));
  return Diags.back();
}

static std::string article(StringRef Noun) {
  bool Vowel = !Noun.empty() && StringRef("aeiou").contains(Noun.front());
  return (Vowel ? "an " : "a ") + Noun.str();
}

void PolicyParser::reportWrongType(const Value &V, uint32_t Path,
                                   StringRef Element, StringRef Expected) {
  report(grammar::WrongType, V.Range, Path,
         "`" + Element + "` must be " + Expected + ", not " +
             article(json::kindName(V.K)));
}

void PolicyParser::reportEmpty(const Value &V, uint32_t Path,
                               const Twine &What) {
  report(grammar::EmptyValue, V.Range, Path, What);
}

void PolicyParser::reportUnknownElement(const Member &M, uint32_t Parent,
                                        ArrayRef<StringRef> Known,
                                        StringRef Where) {
  uint32_t Path = P.addPathKey(Parent, M.Key);
  std::string Message = ("unknown element `" + M.Key + "` in " + Where).str();
  std::optional<StringRef> Fix = closestSpelling(M.Key, Known);
  if (Fix)
    Message += ("; did you mean `" + *Fix + "`?").str();
  Diagnostic &D = report(grammar::UnknownElement, M.KeyRange, Path, Message);
  if (Fix)
    D.Suggestion = Fix->str();
}

void PolicyParser::reportConflict(const Member &Second, const Member &First,
                                  uint32_t Parent) {
  Diagnostic &D = report(grammar::ConflictingElements, Second.KeyRange,
                         P.addPathKey(Parent, Second.Key),
                         "a statement cannot have both `" + First.Key +
                             "` and `" + Second.Key + "`");
  D.Notes.push_back({First.KeyRange, ("`" + First.Key + "` is here").str()});
}

template <typename Fn>
bool PolicyParser::forEachString(const Value &V, uint32_t Path,
                                 StringRef Element, Fn Each) {
  if (V.K == Kind::String) {
    Each(V, Path);
    return true;
  }
  if (V.K != Kind::Array) {
    reportWrongType(V, Path, Element, "a string or an array of strings");
    return false;
  }
  if (V.Elements.empty())
    reportEmpty(V, Path, "`" + Element + "` is an empty array");
  for (size_t I = 0; I < V.Elements.size(); ++I) {
    const Value &E = V.Elements[I];
    uint32_t ItemPath = P.addPathIndex(Path, static_cast<int32_t>(I));
    if (E.K != Kind::String) {
      report(grammar::WrongType, E.Range, ItemPath,
             "entries of `" + Element + "` must be strings, not " +
                 article(json::kindName(E.K)));
      continue;
    }
    Each(E, ItemPath);
  }
  return true;
}

Span PolicyParser::substringSpan(const Value &V, size_t Begin,
                                 size_t End) const {
  // Without escapes the decoded text is the source text between the quotes.
  if (V.Range.size() == V.Text.size() + 2)
    return Span(V.Range.Begin + 1 + Begin, V.Range.Begin + 1 + End);
  return V.Range;
}

PolicyString PolicyParser::makeString(const Value &V, uint32_t Path,
                                      StringRef Element,
                                      bool VariablesAllowed) {
  PolicyString S;
  S.Text = P.own(V.Text);
  S.L = locOf(V.Range, Path);
  size_t Open = S.Text.find("${");
  if (Open == StringRef::npos)
    return S;
  if (!VariablesAllowed) {
    report(grammar::VariableNotAllowed,
           substringSpan(V, Open, S.Text.find('}', Open) + 1), Path,
           "`" + Element + "` does not support policy variables");
    return S;
  }
  std::vector<StringPart> Parts;
  VariableError Error;
  if (!splitPolicyVariables(S.Text, Parts, Error)) {
    report(grammar::InvalidVariable, substringSpan(V, Error.Begin, Error.End),
           Path, Error.Message);
    return S;
  }
  bool HasVariable = false;
  for (const StringPart &Part : Parts)
    HasVariable |= Part.K == StringPart::Variable;
  if (!VariablesOn) {
    // Under 2008-10-17 `${...}` is plain text, which is almost never meant.
    if (HasVariable)
      report(grammar::VariableInOldVersion,
             substringSpan(V, Open, S.Text.find('}', Open) + 1), Path,
             P.HasVersion
                 ? Twine("policy variables are plain text under Version "
                         "2008-10-17; use \"2012-10-17\"")
                 : Twine("policy variables are plain text without a "
                         "Version; add \"Version\": \"2012-10-17\""));
    return S;
  }
  S.Parts = std::move(Parts);
  return S;
}

void PolicyParser::parseDocument(const Value &Root) {
  if (Root.K != Kind::Object) {
    report(grammar::WrongType, Root.Range, 0,
           "a policy document must be a JSON object, not " +
               article(json::kindName(Root.K)));
    return;
  }
  // Version decides how every string is read, so it goes first.
  const Member *StatementMember = nullptr;
  for (const Member &M : Root.Members)
    if (M.Key == "Version")
      parseVersion(M, P.addPathKey(0, M.Key));
  VariablesOn = P.variablesEnabled();

  for (const Member &M : Root.Members) {
    if (M.Key == "Version")
      continue;
    uint32_t Path = P.addPathKey(0, M.Key);
    if (M.Key == "Id") {
      if (M.Val.K != Kind::String) {
        reportWrongType(M.Val, Path, "Id", "a string");
        continue;
      }
      P.HasId = true;
      P.Id = P.own(M.Val.Text);
      P.IdLoc = locOf(M.Val.Range, Path);
      continue;
    }
    if (M.Key == "Statement") {
      StatementMember = &M;
      const Value &V = M.Val;
      if (V.K == Kind::Object) {
        parseStatement(V, Path);
      } else if (V.K == Kind::Array) {
        if (V.Elements.empty())
          report(grammar::MissingStatement, V.Range, Path,
                 "`Statement` is an empty array; the policy grants nothing");
        P.Statements.reserve(V.Elements.size());
        for (size_t I = 0; I < V.Elements.size(); ++I)
          parseStatement(V.Elements[I],
                         P.addPathIndex(Path, static_cast<int32_t>(I)));
      } else {
        reportWrongType(V, Path, "Statement",
                        "an object or an array of objects");
      }
      continue;
    }
    reportUnknownElement(M, 0, TopLevelElements, "the policy document");
  }

  if (!Root.get("Version"))
    report(grammar::MissingVersion,
           Span(Root.Range.Begin, Root.Range.Begin + 1), 0,
           "the policy has no `Version`; add \"Version\": \"2012-10-17\" "
           "(without it, policy variables are plain text)");
  if (!StatementMember)
    report(grammar::MissingStatement,
           Span(Root.Range.Begin, Root.Range.Begin + 1), 0,
           "the policy has no `Statement`");
  checkSids();
  checkSize(Root);
}

void PolicyParser::parseVersion(const Member &M, uint32_t Path) {
  if (M.Val.K != Kind::String) {
    reportWrongType(M.Val, Path, "Version", "a string");
    return;
  }
  StringRef V = M.Val.Text;
  if (V == "2012-10-17" || V == "2008-10-17") {
    P.HasVersion = true;
    P.Version = P.own(V);
    P.VersionLoc = locOf(M.Val.Range, Path);
    if (V == "2008-10-17")
      report(grammar::OldVersion, M.Val.Range, Path,
             "Version 2008-10-17 predates policy variables and newer "
             "features; use \"2012-10-17\"");
    return;
  }
  report(grammar::InvalidVersion, M.Val.Range, Path,
         "invalid Version \"" + V +
             "\"; the policy language versions are \"2012-10-17\" and "
             "\"2008-10-17\"");
}

void PolicyParser::parseStatement(const Value &V, uint32_t Path) {
  if (V.K != Kind::Object) {
    report(grammar::WrongType, V.Range, Path,
           "a statement must be an object, not " +
               article(json::kindName(V.K)));
    return;
  }
  Statement S;
  S.L = locOf(V.Range, Path);
  SeenElements Seen = {};
  bool EffectValid = true;
  // Reports the second of a pair such as Action/NotAction; true if clear.
  auto Exclusive = [&](const Member &M, StatementElement Other) {
    if (!Seen[Other])
      return true;
    reportConflict(M, *Seen[Other], Path);
    return false;
  };
  for (const Member &M : V.Members) {
    int Which = StringSwitch<int>(M.Key)
                    .Case("Sid", SidElement)
                    .Case("Effect", EffectElement)
                    .Case("Principal", PrincipalElementKey)
                    .Case("NotPrincipal", NotPrincipalElementKey)
                    .Case("Action", ActionElementKey)
                    .Case("NotAction", NotActionElementKey)
                    .Case("Resource", ResourceElementKey)
                    .Case("NotResource", NotResourceElementKey)
                    .Case("Condition", ConditionElement)
                    .Default(-1);
    if (Which < 0) {
      reportUnknownElement(M, Path, StatementElements, "a statement");
      continue;
    }
    Seen[Which] = &M;
    uint32_t ElementPath = P.addPathKey(Path, M.Key);
    switch (Which) {
    case SidElement:
      parseSid(S, M, ElementPath);
      break;
    case EffectElement:
      EffectValid = parseEffect(S, M, ElementPath);
      break;
    case PrincipalElementKey:
      if (Exclusive(M, NotPrincipalElementKey))
        parsePrincipal(S, M, ElementPath);
      break;
    case NotPrincipalElementKey:
      if (Exclusive(M, PrincipalElementKey))
        parsePrincipal(S, M, ElementPath);
      break;
    case ActionElementKey:
      if (Exclusive(M, NotActionElementKey))
        parseAction(S, M, ElementPath);
      break;
    case NotActionElementKey:
      if (Exclusive(M, ActionElementKey))
        parseAction(S, M, ElementPath);
      break;
    case ResourceElementKey:
      if (Exclusive(M, NotResourceElementKey))
        parseResource(S, M, ElementPath);
      break;
    case NotResourceElementKey:
      if (Exclusive(M, ResourceElementKey))
        parseResource(S, M, ElementPath);
      break;
    case ConditionElement:
      parseCondition(S, M, ElementPath);
      break;
    }
  }
  // IAM rejects a statement without a required element or with an invalid
  // Effect, so it has no meaning: the rules, the evaluator and the verifier
  // never see it.
  if (checkStatementShape(V, Path, Seen) && EffectValid)
    P.Statements.push_back(std::move(S));
}

bool PolicyParser::checkStatementShape(const Value &V, uint32_t Path,
                                       const SeenElements &Seen) {
  Span Open(V.Range.Begin, V.Range.Begin + 1);
  bool Complete = true;
  if (!Seen[EffectElement]) {
    report(grammar::MissingEffect, Open, Path,
           "statement has no `Effect`; add \"Effect\": \"Allow\" or "
           "\"Effect\": \"Deny\"");
    Complete = false;
  }
  if (!Seen[ActionElementKey] && !Seen[NotActionElementKey]) {
    report(grammar::MissingAction, Open, Path,
           "statement has neither `Action` nor `NotAction`");
    Complete = false;
  }

  PolicyType T = P.Type;
  const Member *ResourceAny = Seen[ResourceElementKey]
                                  ? Seen[ResourceElementKey]
                                  : Seen[NotResourceElementKey];
  if (T == PolicyType::Trust) {
    if (ResourceAny)
      report(grammar::ElementNotAllowed, ResourceAny->KeyRange,
             P.addPathKey(Path, ResourceAny->Key),
             "a trust policy cannot have `" + ResourceAny->Key +
                 "`: the role itself is the resource");
  } else if (!ResourceAny) {
    report(grammar::MissingResource, Open, Path,
           "statement has neither `Resource` nor `NotResource`");
    // Some services' resource policies (ECR repositories, Lambda functions)
    // name no Resource: the statement then means the resource the policy is
    // attached to, so it keeps its meaning there.
    Complete &= T == PolicyType::Resource;
  }

  const Member *NotPrincipalM = Seen[NotPrincipalElementKey];
  const Member *PrincipalAny =
      Seen[PrincipalElementKey] ? Seen[PrincipalElementKey] : NotPrincipalM;
  bool NeedsPrincipal = hasPrincipals(T) || T == PolicyType::RCP;
  if (PrincipalAny && !NeedsPrincipal)
    report(grammar::PrincipalNotAllowed, PrincipalAny->KeyRange,
           P.addPathKey(Path, PrincipalAny->Key),
           "`" + PrincipalAny->Key + "` is not allowed in " +
               article(policyTypeName(T).str() + " policy") +
               "; the principal is whoever the policy is attached to");
  else if (!PrincipalAny && NeedsPrincipal) {
    report(grammar::MissingPrincipal, Open, Path,
           "statement in " + article(policyTypeName(T).str() + " policy") +
               " has neither `Principal` nor `NotPrincipal`");
    Complete = false;
  }
  if (NotPrincipalM && T == PolicyType::Trust)
    report(grammar::ElementNotAllowed, NotPrincipalM->KeyRange,
           P.addPathKey(Path, NotPrincipalM->Key),
           "a trust policy cannot have `NotPrincipal`");
  return Complete;
}

void PolicyParser::parseSid(Statement &S, const Member &M, uint32_t Path) {
  if (M.Val.K != Kind::String) {
    reportWrongType(M.Val, Path, "Sid", "a string");
    return;
  }
  S.HasSid = true;
  S.Sid = P.own(M.Val.Text);
  S.SidLoc = locOf(M.Val.Range, Path);
  if (!S.Sid.empty())
    Sids.emplace_back(S.Sid, S.SidLoc);
  if (S.Sid.empty()) {
    reportEmpty(M.Val, Path,
                "`Sid` is an empty string; remove it or name "
                "the statement");
    return;
  }
  // IAM takes only letters and digits in the Sid of identity policies and
  // the policies IAM and Organizations store; other services' resource
  // policies accept any text there.
  if (P.Type == PolicyType::Resource)
    return;
  for (size_t I = 0; I < S.Sid.size(); ++I)
    if (!isAlnum(S.Sid[I])) {
      size_t Length;
      std::string Found = quotedCharAt(S.Sid, I, Length);
      report(grammar::InvalidSid, substringSpan(M.Val, I, I + Length), Path,
             "`Sid` may contain only letters and digits; found '" + Found +
                 "'");
      return;
    }
}

bool PolicyParser::parseEffect(Statement &S, const Member &M, uint32_t Path) {
  if (M.Val.K != Kind::String) {
    reportWrongType(M.Val, Path, "Effect", "\"Allow\" or \"Deny\"");
    return false;
  }
  S.EffectLoc = locOf(M.Val.Range, Path);
  StringRef E = M.Val.Text;
  if (E == "Allow" || E == "Deny") {
    S.Eff = E == "Allow" ? Effect::Allow : Effect::Deny;
    return true;
  }
  std::string Message = ("invalid Effect \"" + E + "\"").str();
  if (E.equals_insensitive("allow") || E.equals_insensitive("deny"))
    Message += "; Effect is case-sensitive: did you mean \"" +
               std::string(E.equals_insensitive("allow") ? "Allow" : "Deny") +
               "\"?";
  else
    Message += "; use \"Allow\" or \"Deny\"";
  report(grammar::InvalidEffect, M.Val.Range, Path, Message);
  return false;
}

void PolicyParser::parseAction(Statement &S, const Member &M, uint32_t Path) {
  S.Action.Present = true;
  S.Action.Negated = M.Key == "NotAction";
  S.Action.L = locOf(M.Val.Range, Path);
  S.Action.Patterns.reserve(M.Val.K == Kind::Array ? M.Val.Elements.size() : 1);
  forEachString(M.Val, Path, M.Key, [&](const Value &V, uint32_t ItemPath) {
    if (V.Text.empty()) {
      reportEmpty(V, ItemPath, "empty string in `" + M.Key + "`");
      return;
    }
    if (hasVariableOpen(V.Text)) {
      makeString(V, ItemPath, M.Key, /*VariablesAllowed=*/false);
      return;
    }
    S.Action.Patterns.push_back({P.own(V.Text), locOf(V.Range, ItemPath)});
  });
}

void PolicyParser::parseResource(Statement &S, const Member &M, uint32_t Path) {
  S.Resource.Present = true;
  S.Resource.Negated = M.Key == "NotResource";
  S.Resource.L = locOf(M.Val.Range, Path);
  S.Resource.Patterns.reserve(M.Val.K == Kind::Array ? M.Val.Elements.size()
                                                     : 1);
  forEachString(M.Val, Path, M.Key, [&](const Value &V, uint32_t ItemPath) {
    if (V.Text.empty()) {
      reportEmpty(V, ItemPath, "empty string in `" + M.Key + "`");
      return;
    }
    // The IAM User Guide says variables stand only after the fifth colon,
    // but AWS accepts them in the account field too (the managed policy
    // AmazonTimestreamInfluxDBServiceRolePolicy has one), so they are read
    // wherever they are.
    S.Resource.Patterns.push_back(
        makeString(V, ItemPath, M.Key, /*VariablesAllowed=*/true));
  });
}

void PolicyParser::parsePrincipal(Statement &S, const Member &M,
                                  uint32_t Path) {
  PrincipalElement &E = S.Principal;
  E.Present = true;
  E.Negated = M.Key == "NotPrincipal";
  E.L = locOf(M.Val.Range, Path);
  const Value &V = M.Val;
  if (V.K == Kind::String) {
    if (V.Text == "*") {
      E.Everyone = true;
      return;
    }
    report(grammar::InvalidPrincipal, V.Range, Path,
           "`" + M.Key + "` must be \"*\" or an object such as {\"AWS\": \"" +
               (V.Text.empty() ? StringRef("arn:aws:iam::111122223333:root")
                               : V.Text) +
               "\"}");
    return;
  }
  if (V.K != Kind::Object) {
    reportWrongType(V, Path, M.Key, "\"*\" or an object");
    return;
  }
  if (V.Members.empty())
    reportEmpty(V, Path, "`" + M.Key + "` is an empty object");
  for (const Member &KindMember : V.Members) {
    std::optional<PrincipalKind> K =
        StringSwitch<std::optional<PrincipalKind>>(KindMember.Key)
            .Case("AWS", PrincipalKind::AWS)
            .Case("Service", PrincipalKind::Service)
            .Case("Federated", PrincipalKind::Federated)
            .Case("CanonicalUser", PrincipalKind::CanonicalUser)
            .Default(std::nullopt);
    uint32_t KindPath = P.addPathKey(Path, KindMember.Key);
    if (!K) {
      std::string Message =
          ("unknown principal kind `" + KindMember.Key + "`").str();
      if (std::optional<StringRef> Fix =
              closestSpelling(KindMember.Key, PrincipalKinds))
        Message += ("; did you mean `" + *Fix + "`?").str();
      else
        Message += "; use AWS, Service, Federated or CanonicalUser";
      report(grammar::InvalidPrincipal, KindMember.KeyRange, KindPath, Message);
      continue;
    }
    std::string Element = (M.Key + "." + KindMember.Key).str();
    forEachString(
        KindMember.Val, KindPath, Element,
        [&](const Value &Item, uint32_t ItemPath) {
          if (Item.Text.empty()) {
            reportEmpty(Item, ItemPath, "empty string in `" + M.Key + "`");
            return;
          }
          E.Values.push_back({*K, makeString(Item, ItemPath, M.Key,
                                             /*VariablesAllowed=*/false)});
        });
  }
}

void PolicyParser::parseCondition(Statement &S, const Member &M,
                                  uint32_t Path) {
  S.HasCondition = true;
  S.ConditionLoc = locOf(M.Val.Range, Path);
  const Value &Block = M.Val;
  if (Block.K != Kind::Object) {
    reportWrongType(Block, Path, "Condition",
                    "an object of operators, such as {\"StringEquals\": "
                    "{\"aws:PrincipalOrgID\": \"o-abc\"}}");
    return;
  }
  if (Block.Members.empty())
    reportEmpty(Block, Path, "`Condition` is an empty object");
  for (const Member &OpMember : Block.Members) {
    uint32_t OpPath = P.addPathKey(Path, OpMember.Key);
    const Value &Keys = OpMember.Val;
    if (Keys.K != Kind::Object) {
      report(grammar::InvalidCondition, Keys.Range, OpPath,
             "the value of condition operator `" + OpMember.Key +
                 "` must be an object of condition keys, not " +
                 article(json::kindName(Keys.K)));
      continue;
    }
    if (Keys.Members.empty())
      reportEmpty(Keys, OpPath,
                  "condition operator `" + OpMember.Key + "` has no keys");
    ParsedOperator Op = parseOperator(OpMember.Key);
    for (const Member &KeyMember : Keys.Members) {
      uint32_t KeyPath = P.addPathKey(OpPath, KeyMember.Key);
      Condition C;
      C.OperatorText = P.own(OpMember.Key);
      C.OperatorLoc = locOf(OpMember.KeyRange, OpPath);
      C.Op = Op.Op;
      C.Qualifier = Op.Qualifier;
      C.IfExists = Op.IfExists;
      C.Key = P.own(KeyMember.Key);
      C.KeyLoc = locOf(KeyMember.KeyRange, KeyPath);
      C.ValuesLoc = locOf(KeyMember.Val.Range, KeyPath);
      if (KeyMember.Key.empty())
        report(grammar::InvalidCondition, KeyMember.KeyRange, KeyPath,
               "empty condition key");

      auto AddValue = [&](const Value &V, uint32_t ValuePath) {
        ConditionValue CV;
        switch (V.K) {
        case Kind::String:
          CV.K = ConditionValue::String;
          CV.Value = makeString(V, ValuePath, "Condition",
                                /*VariablesAllowed=*/true);
          break;
        case Kind::Number:
          CV.K = ConditionValue::Number;
          CV.Value.Text = P.own(V.Text);
          CV.Value.L = locOf(V.Range, ValuePath);
          break;
        case Kind::Bool:
          CV.K = ConditionValue::Boolean;
          CV.Value.Text = V.BoolValue ? "true" : "false";
          CV.Value.L = locOf(V.Range, ValuePath);
          break;
        default:
          report(grammar::InvalidCondition, V.Range, ValuePath,
                 "a condition value must be a string, number or boolean, "
                 "not " +
                     article(json::kindName(V.K)));
          return false;
        }
        C.Values.push_back(std::move(CV));
        return true;
      };

      const Value &Vals = KeyMember.Val;
      if (Vals.K == Kind::Array) {
        if (Vals.Elements.empty())
          reportEmpty(Vals, KeyPath,
                      "condition key `" + KeyMember.Key + "` has no values");
        for (size_t I = 0; I < Vals.Elements.size(); ++I)
          AddValue(Vals.Elements[I],
                   P.addPathIndex(KeyPath, static_cast<int32_t>(I)));
        // IAM rejects a list that mixes JSON types.
        for (size_t I = 1; I < Vals.Elements.size(); ++I)
          if (Vals.Elements[I].K != Vals.Elements[0].K &&
              Vals.Elements[I].K <= Kind::String &&
              Vals.Elements[0].K <= Kind::String) {
            report(grammar::InvalidCondition, Vals.Elements[I].Range,
                   P.addPathIndex(KeyPath, static_cast<int32_t>(I)),
                   "condition values of one key must all have one JSON "
                   "type; this " +
                       json::kindName(Vals.Elements[I].K) + " follows " +
                       article(json::kindName(Vals.Elements[0].K)));
            break;
          }
      } else if (!AddValue(Vals, KeyPath)) {
        continue;
      }
      S.Conditions.push_back(std::move(C));
    }
  }
}

void PolicyParser::checkSids() {
  StringMap<Loc> Seen;
  for (const auto &[Sid, Where] : Sids) {
    auto Inserted = Seen.try_emplace(Sid, Where);
    if (Inserted.second)
      continue;
    Diagnostic &D = report(grammar::DuplicateSid, Where.Range, Where.Path,
                           "duplicate Sid \"" + Sid +
                               "\"; Sids should name statements uniquely");
    D.Notes.push_back({Inserted.first->second.Range, "first used here"});
  }
}

/// Characters that count towards IAM's size quotas: all but whitespace
/// outside strings. Runs of plain string characters and of indentation are
/// skipped eight bytes at a time: this reads every byte of every policy.
static size_t countQuotaCharacters(StringRef Text) {
  constexpr uint64_t Ones = 0x0101010101010101ULL;
  constexpr uint64_t Highs = 0x8080808080808080ULL;
  auto Load = [&](size_t I) {
    uint64_t W;
    std::memcpy(&W, Text.data() + I, 8);
    return W;
  };
  const size_t Size = Text.size();
  size_t N = 0, I = 0;
  while (I < Size) {
    // Outside a string.
    if (I + 8 <= Size && Load(I) == Ones * ' ') {
      I += 8;
      continue;
    }
    char C = Text[I++];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r')
      continue;
    ++N;
    if (C != '"')
      continue;
    // Inside a string, up to its closing quote: every character counts.
    while (I < Size) {
      if (I + 8 <= Size) {
        uint64_t W = Load(I);
        uint64_t Quote = W ^ (Ones * '"'), Back = W ^ (Ones * '\\');
        if (!((((Quote - Ones) & ~Quote) | ((Back - Ones) & ~Back)) & Highs)) {
          I += 8;
          N += 8;
          continue;
        }
      }
      char D = Text[I++];
      ++N;
      if (D == '\\' && I < Size) {
        ++N;
        ++I;
      } else if (D == '"') {
        break;
      }
    }
  }
  return N;
}

void PolicyParser::checkSize(const Value &Root) {
  // Quotas from "IAM and AWS STS quotas" and the AWS Organizations quotas.
  size_t Limit = 6144;
  const char *What = "a managed policy";
  switch (P.Type) {
  case PolicyType::Identity:
  case PolicyType::Boundary:
    Limit = 6144;
    What = "a managed policy";
    break;
  case PolicyType::Trust:
    Limit = 2048;
    What = "a role trust policy (by default; at most 4096 on request)";
    break;
  case PolicyType::SCP:
  case PolicyType::RCP:
    Limit = 5120;
    What = "an AWS Organizations policy";
    break;
  case PolicyType::Session:
    Limit = 2048;
    What = "a session policy";
    break;
  case PolicyType::Resource:
    Limit = 20480;
    What = "an S3 bucket policy, the largest resource policy";
    break;
  }
  if (!P.Source)
    return;
  StringRef Text = P.Source->text().slice(Root.Range.Begin, Root.Range.End);
  size_t Size = countQuotaCharacters(Text);
  if (Size <= Limit)
    return;
  Diagnostic &D = report(
      grammar::PolicyTooLarge, Span(Root.Range.Begin, Root.Range.Begin + 1), 0,
      "policy has " + Twine(Size) + " characters (not counting whitespace); " +
          What + " may have at most " + Twine(Limit));
  // Organizations rejects an oversized SCP or RCP outright.
  if (P.Type == PolicyType::SCP || P.Type == PolicyType::RCP)
    D.Level = Severity::Error;
}

} // namespace

std::unique_ptr<Policy> parsePolicy(const Value &Root, SourceFileRef Source,
                                    PolicyType Type,
                                    std::vector<Diagnostic> &Diags) {
  auto P = std::make_unique<Policy>();
  P->Source = std::move(Source);
  P->Type = Type;
  PolicyParser(*P, Diags).parseDocument(Root);
  return P;
}

static bool isAssumeAction(StringRef Action) {
  StringRef Lower = Action;
  return Lower.startswith_insensitive("sts:AssumeRole") ||
         Lower.equals_insensitive("sts:TagSession") ||
         Lower.equals_insensitive("sts:SetSourceIdentity") ||
         Lower.equals_insensitive("sts:SetContext");
}

PolicyType detectPolicyType(const Value &Root, std::string &Reason) {
  const Value *Statements = Root.get("Statement");
  SmallVector<const Value *, 8> List;
  if (Statements && Statements->K == Kind::Object)
    List.push_back(Statements);
  else if (Statements && Statements->K == Kind::Array)
    for (const Value &S : Statements->Elements)
      List.push_back(&S);

  bool AnyPrincipal = false, AllAssume = true;
  for (const Value *S : List) {
    if (S->K != Kind::Object)
      continue;
    if (!S->get("Principal") && !S->get("NotPrincipal"))
      continue;
    AnyPrincipal = true;
    const Value *Actions = S->get("Action");
    if (!Actions) {
      AllAssume = false;
      continue;
    }
    if (Actions->K == Kind::String) {
      AllAssume &= isAssumeAction(Actions->Text);
    } else if (Actions->K == Kind::Array) {
      for (const Value &A : Actions->Elements)
        AllAssume &= A.K == Kind::String && isAssumeAction(A.Text);
    } else {
      AllAssume = false;
    }
  }
  if (!AnyPrincipal) {
    Reason = "no statement names a Principal";
    return PolicyType::Identity;
  }
  if (AllAssume) {
    Reason = "its statements name principals and allow only sts:AssumeRole* "
             "actions";
    return PolicyType::Trust;
  }
  Reason = "its statements name a Principal";
  return PolicyType::Resource;
}

} // namespace tollgate
