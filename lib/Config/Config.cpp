//===- Config.cpp - The .tollgate.yaml configuration file -----------------===//

#include "tollgate/Config/Config.h"
#include "tollgate/Config/CheckSelector.h"
#include "tollgate/Support/ReadFile.h"
#include "tollgate/Support/Spelling.h"

#include "YamlTree.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

namespace config {
const CheckInfo UnusedSuppression =
    CheckInfo::declare()
        .code("IAM900")
        .name("unused-suppression")
        .severity(Severity::Warning)
        .summary("A suppression in the configuration matched no finding");
const CheckInfo InvalidConfig =
    CheckInfo::declare()
        .code("IAM901")
        .name("invalid-config")
        .severity(Severity::Error)
        .inputError()
        .summary("The configuration file has a mistake");

ArrayRef<const CheckInfo *> allChecks() {
  static const CheckInfo *const All[] = {&UnusedSuppression, &InvalidConfig};
  return All;
}
} // namespace config

bool pointerWithin(StringRef Pointer, StringRef Scope) {
  return Pointer.startswith(Scope) &&
         (Pointer.size() == Scope.size() || Pointer[Scope.size()] == '/');
}

namespace {

/// The output formats `format` accepts; the same as `tollgate lint
/// --format`.
const char *const FormatNames[] = {"text", "json", "sarif", "github"};

/// Escapes a key for a JSON pointer (RFC 6901).
std::string pointerStep(StringRef Key) {
  std::string Out;
  for (char C : Key)
    Out += C == '~' ? "~0" : C == '/' ? "~1" : std::string(1, C);
  return Out;
}

class ConfigParser {
public:
  ConfigParser(Config &C, ArrayRef<const CheckInfo *> Checks)
      : C(C), Checks(Checks) {}

  void parse();

private:
  Diagnostic &error(Span Range, const Twine &Pointer, const Twine &Message) {
    Diagnostic D;
    D.Check = &config::InvalidConfig;
    D.Level = config::InvalidConfig.DefaultSeverity;
    D.Range = Range;
    D.Pointer = Pointer.str();
    D.Message = Message.str();
    C.Diags.push_back(std::move(D));
    return C.Diags.back();
  }

  /// Calls \p Visit(Key, Value, Pointer) for every entry of the mapping
  /// \p N, reporting duplicate and non-string keys.
  template <typename Fn>
  bool forEachEntry(const YamlNode &N, const std::string &Ptr, StringRef What,
                    Fn Visit);
  /// Reports \p N unless it is a mapping.
  bool expectMapping(const YamlNode &N, const std::string &Ptr, StringRef What);
  /// A list of strings, or None (reported) when \p N is not one.
  Optional<std::vector<ConfigItem>>
  stringList(const YamlNode &N, const std::string &Ptr, StringRef What);
  /// A scalar's text, or None (reported) when \p N is not a scalar.
  Optional<std::string> scalar(const YamlNode &N, const std::string &Ptr,
                               StringRef What);

  /// Keeps the selectors of \p Items that name checks, reporting the others.
  /// \p Ignoring forbids naming a check that can never be turned off.
  std::vector<ConfigItem> selectors(std::vector<ConfigItem> Items,
                                    const std::string &Ptr, bool Ignoring);
  /// The one check \p Item names by code or name, or null (reported).
  const CheckInfo *oneCheck(const YamlNode &Item, const std::string &Ptr,
                            StringRef What);
  Optional<Severity> severity(const YamlNode &N, const std::string &Ptr);

  void parseSeverities(const YamlNode &N, const std::string &Ptr);
  void parsePerPathIgnores(const YamlNode &N, const std::string &Ptr);
  void parseSuppressions(const YamlNode &N, const std::string &Ptr);
  void parseSuppression(const YamlNode &N, const std::string &Ptr);
  void parseRuleOptions(const YamlNode &N, const std::string &Ptr);
  void parseFormat(const YamlNode &N, const std::string &Ptr);

  /// The option of \p Check that \p Name names, or null (reported).
  const CheckOption *declaredOption(const CheckInfo &Check,
                                    const YamlNode &Name,
                                    const std::string &Ptr);
  /// The value of \p Option, checked against its declared type, or None
  /// (reported).
  Optional<std::vector<std::string>> optionValue(const CheckOption &Option,
                                                 const YamlNode &Value,
                                                 const std::string &Ptr);

  Config &C;
  ArrayRef<const CheckInfo *> Checks;
};

StringRef kindName(YamlNode::NodeKind K) {
  switch (K) {
  case YamlNode::Null:
    return "nothing";
  case YamlNode::Scalar:
    return "a string";
  case YamlNode::Sequence:
    return "a list";
  case YamlNode::Mapping:
    return "a mapping";
  case YamlNode::Unsupported:
    return "an unsupported YAML node";
  }
  return "a value";
}

template <typename Fn>
bool ConfigParser::forEachEntry(const YamlNode &N, const std::string &Ptr,
                                StringRef What, Fn Visit) {
  if (!expectMapping(N, Ptr, What))
    return false;
  for (size_t I = 0; I < N.mappingSize(); ++I) {
    const YamlNode &Key = N.key(I);
    if (Key.Kind == YamlNode::Unsupported)
      continue;
    if (Key.Kind != YamlNode::Scalar) {
      error(Key.Range, Ptr,
            "a key in " + What + " must be a string, not " +
                kindName(Key.Kind));
      continue;
    }
    bool Duplicate = false;
    for (size_t J = 0; J < I && !Duplicate; ++J)
      if (N.key(J).Kind == YamlNode::Scalar && N.key(J).Value == Key.Value) {
        Diagnostic &D = error(Key.Range, Ptr + "/" + pointerStep(Key.Value),
                              "duplicate key `" + Key.Value + "` in " + What +
                                  "; only one of its values would apply");
        D.Notes.push_back({N.key(J).Range, "first defined here"});
        Duplicate = true;
      }
    if (!Duplicate)
      Visit(Key, N.value(I), Ptr + "/" + pointerStep(Key.Value));
  }
  return true;
}

bool ConfigParser::expectMapping(const YamlNode &N, const std::string &Ptr,
                                 StringRef What) {
  if (N.Kind == YamlNode::Mapping)
    return true;
  // Unsupported nodes are reported where they are read.
  if (N.Kind != YamlNode::Unsupported)
    error(N.Range, Ptr,
          What + " must be a mapping of keys to values, not " +
              kindName(N.Kind));
  return false;
}

Optional<std::string> ConfigParser::scalar(const YamlNode &N,
                                           const std::string &Ptr,
                                           StringRef What) {
  if (N.Kind == YamlNode::Scalar)
    return N.Value;
  if (N.Kind != YamlNode::Unsupported)
    error(N.Range, Ptr, What + " must be a string, not " + kindName(N.Kind));
  return None;
}

Optional<std::vector<ConfigItem>>
ConfigParser::stringList(const YamlNode &N, const std::string &Ptr,
                         StringRef What) {
  if (N.Kind == YamlNode::Unsupported)
    return None;
  if (N.Kind != YamlNode::Sequence) {
    std::string Hint;
    if (N.Kind == YamlNode::Scalar)
      Hint = "; write `[" + N.Value + "]` for a list of one";
    error(N.Range, Ptr,
          What + " must be a list, not " + kindName(N.Kind) + Hint);
    return None;
  }
  std::vector<ConfigItem> Items;
  for (size_t I = 0; I < N.Items.size(); ++I) {
    const YamlNode &Item = N.Items[I];
    if (Item.Kind == YamlNode::Unsupported)
      continue;
    if (Item.Kind != YamlNode::Scalar) {
      error(Item.Range, Ptr + "/" + std::to_string(I),
            "an item of " + What + " must be a string, not " +
                kindName(Item.Kind));
      continue;
    }
    Items.push_back({Item.Value, Item.Range});
  }
  return Items;
}

std::vector<ConfigItem> ConfigParser::selectors(std::vector<ConfigItem> Items,
                                                const std::string &Ptr,
                                                bool Ignoring) {
  std::vector<ConfigItem> Kept;
  for (size_t I = 0; I < Items.size(); ++I) {
    ConfigItem &Item = Items[I];
    std::string ItemPtr = Ptr + "/" + std::to_string(I);
    std::string Problem = checkSelector(Item.Text, Checks);
    if (!Problem.empty()) {
      error(Item.Range, ItemPtr, Problem);
      continue;
    }
    if (Ignoring) {
      const CheckInfo *Named = findCheck(Item.Text, Checks);
      if (Named && Named->IsInputError) {
        error(Item.Range, ItemPtr,
              Twine("`") + Named->Code + "` (" + Named->Name +
                  ") means the input could not be read; it cannot be "
                  "turned off");
        continue;
      }
    }
    Kept.push_back(std::move(Item));
  }
  return Kept;
}

const CheckInfo *ConfigParser::oneCheck(const YamlNode &Item,
                                        const std::string &Ptr,
                                        StringRef What) {
  if (const CheckInfo *Found = findCheck(Item.Value, Checks))
    return Found;
  if (checkSelector(Item.Value, Checks).empty())
    error(Item.Range, Ptr,
          What + " names one check by its code or name; `" + Item.Value +
              "` names a group of checks");
  else
    error(Item.Range, Ptr, checkSelector(Item.Value, Checks));
  return nullptr;
}

Optional<Severity> ConfigParser::severity(const YamlNode &N,
                                          const std::string &Ptr) {
  Optional<std::string> Text = scalar(N, Ptr, "a severity");
  if (!Text)
    return None;
  if (Optional<Severity> S = parseSeverity(*Text))
    return S;
  error(N.Range, Ptr,
        "unknown severity `" + *Text +
            "`; use error, security, warning or suggestion");
  return None;
}

void ConfigParser::parseSeverities(const YamlNode &N, const std::string &Ptr) {
  forEachEntry(N, Ptr, "`severity`",
               [&](const YamlNode &Key, const YamlNode &Value,
                   const std::string &KeyPtr) {
                 const CheckInfo *Check = oneCheck(Key, KeyPtr, "`severity`");
                 Optional<Severity> Level = severity(Value, KeyPtr);
                 if (!Check || !Level)
                   return;
                 if (Check->IsInputError) {
                   error(Key.Range, KeyPtr,
                         Twine("the severity of `") + Check->Code + "` (" +
                             Check->Name +
                             ") cannot be changed: it means "
                             "the input could not be read");
                   return;
                 }
                 C.Severities.emplace_back(Check, *Level);
               });
}

void ConfigParser::parsePerPathIgnores(const YamlNode &N,
                                       const std::string &Ptr) {
  forEachEntry(
      N, Ptr, "`per-path-ignores`",
      [&](const YamlNode &Key, const YamlNode &Value,
          const std::string &KeyPtr) {
        Expected<PathGlob> Glob = PathGlob::create(Key.Value);
        if (!Glob)
          error(Key.Range, KeyPtr, toString(Glob.takeError()));
        Optional<std::vector<ConfigItem>> List =
            stringList(Value, KeyPtr, "the checks of a per-path ignore");
        if (!Glob || !List)
          return;
        C.PerPathIgnores.push_back(
            {std::move(*Glob), selectors(std::move(*List), KeyPtr, true)});
      });
}

void ConfigParser::parseSuppression(const YamlNode &N, const std::string &Ptr) {
  if (!expectMapping(N, Ptr, "a suppression"))
    return;
  Suppression S;
  S.Range = N.Range;
  const YamlNode *PathNode = nullptr, *SidNode = nullptr,
                 *PointerNode = nullptr, *RulesNode = nullptr,
                 *ReasonNode = nullptr;
  bool Valid = true;
  forEachEntry(
      N, Ptr, "a suppression",
      [&](const YamlNode &Key, const YamlNode &Value,
          const std::string &KeyPtr) {
        const YamlNode **Slot = StringSwitch<const YamlNode **>(Key.Value)
                                    .Case("path", &PathNode)
                                    .Case("sid", &SidNode)
                                    .Case("pointer", &PointerNode)
                                    .Case("rules", &RulesNode)
                                    .Case("reason", &ReasonNode)
                                    .Default(nullptr);
        if (!Slot) {
          std::string Hint;
          if (Optional<StringRef> Near = closestSpelling(
                  Key.Value, {"path", "sid", "pointer", "rules", "reason"}))
            Hint = ("; did you mean `" + *Near + "`?").str();
          error(Key.Range, KeyPtr,
                "unknown key `" + Key.Value +
                    "` in a suppression; it takes `path`, `sid` or "
                    "`pointer`, `rules` and `reason`" +
                    Hint);
          Valid = false;
          return;
        }
        *Slot = &Value;
      });
  auto Missing = [&](StringRef Key, StringRef Why) {
    error(N.Range, Ptr, "suppression has no `" + Key + "`; " + Why);
    Valid = false;
  };

  if (!PathNode) {
    Missing("path", "name the policy file it applies to, relative to this "
                    "file's directory");
  } else if (Optional<std::string> P =
                 scalar(*PathNode, Ptr + "/path", "`path`")) {
    Expected<PathGlob> Glob = PathGlob::create(*P);
    if (Glob) {
      S.Path = std::move(*Glob);
    } else {
      error(PathNode->Range, Ptr + "/path", toString(Glob.takeError()));
      Valid = false;
    }
  } else {
    Valid = false;
  }

  if (SidNode && PointerNode) {
    error(PointerNode->Range, Ptr + "/pointer",
          "a suppression takes `sid` or `pointer`, not both");
    Valid = false;
  } else if (SidNode) {
    if (Optional<std::string> Sid = scalar(*SidNode, Ptr + "/sid", "`sid`")) {
      S.Target = Suppression::Sid;
      S.TargetText = *Sid;
      if (Sid->empty()) {
        error(SidNode->Range, Ptr + "/sid",
              "empty `sid`; name the statement's Sid, or use `pointer`");
        Valid = false;
      }
    } else {
      Valid = false;
    }
  } else if (PointerNode) {
    if (Optional<std::string> P =
            scalar(*PointerNode, Ptr + "/pointer", "`pointer`")) {
      S.Target = Suppression::Pointer;
      S.TargetText = *P;
      StringRef Text = *P;
      bool BadEscape = false;
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '~' && (I + 1 == Text.size() ||
                               (Text[I + 1] != '0' && Text[I + 1] != '1')))
          BadEscape = true;
      if (!Text.startswith("/") || BadEscape) {
        error(PointerNode->Range, Ptr + "/pointer",
              "`" + Text +
                  "` is not a JSON pointer; write one such as "
                  "`/Statement/2` (`~1` for `/` and `~0` for `~` in keys)");
        Valid = false;
      }
    } else {
      Valid = false;
    }
  }

  if (!RulesNode) {
    Missing("rules", "list the checks it suppresses, such as `rules: "
                     "[IAM101]`");
  } else if (Optional<std::vector<ConfigItem>> Rules =
                 stringList(*RulesNode, Ptr + "/rules", "`rules`")) {
    size_t Named = Rules->size();
    S.Rules = selectors(std::move(*Rules), Ptr + "/rules", true);
    if (S.Rules.size() != Named)
      Valid = false;
    else if (S.Rules.empty()) {
      error(RulesNode->Range, Ptr + "/rules",
            "`rules` is empty; list the checks the suppression is for");
      Valid = false;
    }
  } else {
    Valid = false;
  }

  if (!ReasonNode) {
    Missing("reason", "say why the findings are acceptable");
  } else if (Optional<std::string> Reason =
                 scalar(*ReasonNode, Ptr + "/reason", "`reason`")) {
    // A reason is prose: YAML's folded and multi-line forms read the same.
    std::string Text = *Reason;
    for (char &C : Text)
      if (C == '\n' || C == '\r' || C == '\t')
        C = ' ';
    SmallVector<StringRef, 16> Words;
    StringRef(Text).split(Words, ' ', -1, /*KeepEmpty=*/false);
    S.Reason = join(Words, " ");
    if (S.Reason.empty()) {
      error(ReasonNode->Range, Ptr + "/reason",
            "empty `reason`; say why the findings are acceptable");
      Valid = false;
    }
  } else {
    Valid = false;
  }

  // A broken suppression is dropped: applying half of it could hide more
  // than the author meant.
  if (Valid)
    C.Suppressions.push_back(std::move(S));
}

void ConfigParser::parseSuppressions(const YamlNode &N,
                                     const std::string &Ptr) {
  if (N.Kind == YamlNode::Unsupported)
    return;
  if (N.Kind != YamlNode::Sequence) {
    error(N.Range, Ptr,
          "`suppress` must be a list of suppressions, not " + kindName(N.Kind));
    return;
  }
  for (size_t I = 0; I < N.Items.size(); ++I)
    parseSuppression(N.Items[I], Ptr + "/" + std::to_string(I));
}

const CheckOption *ConfigParser::declaredOption(const CheckInfo &Check,
                                                const YamlNode &Name,
                                                const std::string &Ptr) {
  if (const CheckOption *Found = Check.findOption(Name.Value))
    return Found;
  std::string Which =
      (Twine("`") + Check.Code + "` (" + Check.Name + ")").str();
  if (Check.Options.empty()) {
    error(Name.Range, Ptr, Which + " takes no options");
    return nullptr;
  }
  std::vector<StringRef> Candidates;
  for (const CheckOption &O : Check.Options)
    Candidates.push_back(O.Name);
  std::string Hint;
  if (Optional<StringRef> Near = closestSpelling(Name.Value, Candidates))
    Hint = ("; did you mean `" + *Near + "`?").str();
  else
    Hint = "; its options are `" + join(Candidates, "`, `") + "`";
  error(Name.Range, Ptr, Which + " has no option `" + Name.Value + "`" + Hint);
  return nullptr;
}

Optional<std::vector<std::string>>
ConfigParser::optionValue(const CheckOption &Option, const YamlNode &Value,
                          const std::string &Ptr) {
  std::string What = ("the value of option `" + Twine(Option.Name) + "`").str();
  switch (Option.Type) {
  case OptionType::StringList:
    if (Value.Kind == YamlNode::Scalar)
      return std::vector<std::string>{Value.Value};
    if (Optional<std::vector<ConfigItem>> Items =
            stringList(Value, Ptr, What)) {
      std::vector<std::string> List;
      for (ConfigItem &Item : *Items)
        List.push_back(std::move(Item.Text));
      return List;
    }
    return None;
  case OptionType::String:
    if (Optional<std::string> Text = scalar(Value, Ptr, What))
      return std::vector<std::string>{std::move(*Text)};
    return None;
  case OptionType::Boolean:
    if (Optional<std::string> Text = scalar(Value, Ptr, What)) {
      if (*Text == "true" || *Text == "false")
        return std::vector<std::string>{std::move(*Text)};
      error(Value.Range, Ptr,
            What + " must be `true` or `false`, not `" + *Text + "`");
    }
    return None;
  }
  return None;
}

void ConfigParser::parseRuleOptions(const YamlNode &N, const std::string &Ptr) {
  forEachEntry(
      N, Ptr, "`rule-options`",
      [&](const YamlNode &Key, const YamlNode &Value,
          const std::string &KeyPtr) {
        const CheckInfo *Check = oneCheck(Key, KeyPtr, "`rule-options`");
        RuleOptionValues Values;
        Values.Check = Check;
        forEachEntry(
            Value, KeyPtr, "the options of a check",
            [&](const YamlNode &Name, const YamlNode &Option,
                const std::string &OptionPtr) {
              if (!Check) {
                // The unknown check is reported; still check
                // that the value has an option's shape.
                if (Option.Kind != YamlNode::Scalar)
                  stringList(Option, OptionPtr,
                             "the value of option `" + Name.Value + "`");
                return;
              }
              const CheckOption *Declared =
                  declaredOption(*Check, Name, OptionPtr);
              if (!Declared)
                return;
              if (Optional<std::vector<std::string>> List =
                      optionValue(*Declared, Option, OptionPtr))
                Values.Options.emplace_back(Name.Value, std::move(*List));
            });
        if (Check)
          C.RuleOptions.push_back(std::move(Values));
      });
}

void ConfigParser::parseFormat(const YamlNode &N, const std::string &Ptr) {
  Optional<std::string> Name = scalar(N, Ptr, "`format`");
  if (!Name)
    return;
  for (const char *Known : FormatNames)
    if (*Name == Known) {
      C.Format = *Name;
      return;
    }
  error(N.Range, Ptr,
        "unknown format `" + *Name + "`; use text, json, sarif or github");
}

void ConfigParser::parse() {
  YamlDocument Doc = readYaml(*C.Source);
  for (YamlError &E : Doc.Errors)
    error(E.Range, "", E.Message);
  if (!Doc.Root || Doc.Root->Kind == YamlNode::Null)
    return;
  static const char *const Keys[] = {
      "select",   "ignore",       "severity", "per-path-ignores",
      "suppress", "rule-options", "fail-on",  "format"};
  forEachEntry(
      *Doc.Root, "", "the configuration",
      [&](const YamlNode &Key, const YamlNode &Value,
          const std::string &KeyPtr) {
        StringRef K = Key.Value;
        if (K == "select" || K == "ignore") {
          Optional<std::vector<ConfigItem>> List =
              stringList(Value, KeyPtr, "`" + K.str() + "`");
          if (!List)
            return;
          (K == "select" ? C.Select : C.Ignore) =
              selectors(std::move(*List), KeyPtr, K == "ignore");
        } else if (K == "severity") {
          parseSeverities(Value, KeyPtr);
        } else if (K == "per-path-ignores") {
          parsePerPathIgnores(Value, KeyPtr);
        } else if (K == "suppress") {
          parseSuppressions(Value, KeyPtr);
        } else if (K == "rule-options") {
          parseRuleOptions(Value, KeyPtr);
        } else if (K == "fail-on") {
          if (Optional<Severity> S = severity(Value, KeyPtr))
            C.FailOn = S;
        } else if (K == "format") {
          parseFormat(Value, KeyPtr);
        } else {
          std::vector<StringRef> Candidates(std::begin(Keys), std::end(Keys));
          std::string Hint;
          if (Optional<StringRef> Near = closestSpelling(K, Candidates))
            Hint = ("; did you mean `" + *Near + "`?").str();
          else
            Hint = "; the keys are " + join(Candidates, ", ");
          error(Key.Range, KeyPtr,
                "unknown configuration key `" + K + "`" + Hint);
        }
      });
}

} // namespace

Config parseConfig(SourceFileRef Source, StringRef Dir,
                   ArrayRef<const CheckInfo *> Checks) {
  Config C;
  C.Source = std::move(Source);
  C.Dir = Dir.str();
  ConfigParser(C, Checks).parse();
  std::stable_sort(C.Diags.begin(), C.Diags.end(), diagnosticLess);
  return C;
}

Config loadConfig(StringRef Path, StringRef DisplayName,
                  ArrayRef<const CheckInfo *> Checks) {
  std::string Dir = absolutePath(Path);
  Dir = sys::path::parent_path(Dir).str();
  ReadOutcome Read = readBounded(Path);
  if (!Read) {
    Config C;
    C.Source = SourceFile::unread(DisplayName.str());
    C.Dir = Dir;
    Diagnostic D;
    D.Check = &config::InvalidConfig;
    D.Level = config::InvalidConfig.DefaultSeverity;
    D.Message = "cannot read configuration file: " + Read.Message;
    C.Diags.push_back(std::move(D));
    return C;
  }
  return parseConfig(
      std::make_shared<SourceFile>(DisplayName.str(), std::move(Read.Text)),
      Dir, Checks);
}

} // namespace tollgate
