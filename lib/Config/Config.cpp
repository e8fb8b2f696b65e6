//===- Config.cpp - The .tollgate.yaml configuration file -----------------===//

#include "tollgate/Config/Config.h"
#include "tollgate/Config/CheckSelector.h"
#include "tollgate/Support/ReadFile.h"
#include "tollgate/Support/Spelling.h"

#include "tollgate/Yaml/Reader.h"

#include "llvm/ADT/DenseMap.h"
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

/// What a configuration makes of a YAML node. An alias is not taken (it is
/// reported once, where the document is surveyed).
enum class Shape { Null, Scalar, Sequence, Mapping, Unsupported };

Shape shapeOf(const yaml::Node &N) {
  switch (N.Kind) {
  case yaml::NodeKind::Scalar:
    return N.isNull() ? Shape::Null : Shape::Scalar;
  case yaml::NodeKind::Sequence:
    return Shape::Sequence;
  case yaml::NodeKind::Mapping:
    return Shape::Mapping;
  case yaml::NodeKind::Alias:
    break;
  }
  return Shape::Unsupported;
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
  bool forEachEntry(const yaml::Node &N, const std::string &Ptr, StringRef What,
                    Fn Visit);
  /// Reports \p N unless it is a mapping.
  bool expectMapping(const yaml::Node &N, const std::string &Ptr,
                     StringRef What);
  /// A list of strings, or None (reported) when \p N is not one.
  std::optional<std::vector<ConfigItem>>
  stringList(const yaml::Node &N, const std::string &Ptr, StringRef What);
  /// A scalar's text, or None (reported) when \p N is not a scalar.
  std::optional<std::string> scalar(const yaml::Node &N, const std::string &Ptr,
                                    StringRef What);

  /// Keeps the selectors of \p Items that name checks, reporting the others.
  /// \p Ignoring forbids naming a check that can never be turned off.
  std::vector<ConfigItem> selectors(std::vector<ConfigItem> Items,
                                    const std::string &Ptr, bool Ignoring);
  /// The one check \p Item names by code or name, or null (reported).
  const CheckInfo *oneCheck(const yaml::Node &Item, const std::string &Ptr,
                            StringRef What);
  std::optional<Severity> severity(const yaml::Node &N, const std::string &Ptr);

  void parseSeverities(const yaml::Node &N, const std::string &Ptr);
  void parsePerPathIgnores(const yaml::Node &N, const std::string &Ptr);
  void parseSuppressions(const yaml::Node &N, const std::string &Ptr);
  void parseSuppression(const yaml::Node &N, const std::string &Ptr);
  void parseRuleOptions(const yaml::Node &N, const std::string &Ptr);
  void parseFormat(const yaml::Node &N, const std::string &Ptr);

  /// The option of \p Check that \p Name names, or null (reported).
  const CheckOption *declaredOption(const CheckInfo &Check,
                                    const yaml::Node &Name,
                                    const std::string &Ptr);
  /// The value of \p Option, checked against its declared type, or None
  /// (reported).
  std::optional<std::vector<std::string>> optionValue(const CheckOption &Option,
                                                      const yaml::Node &Value,
                                                      const std::string &Ptr);

  /// Reports what a configuration does not take (aliases, anchors, tags)
  /// in \p N and below, and notes where its empty values sit.
  void survey(const yaml::Node &N);
  /// Where \p N is: its bytes, or for an empty value the point where it
  /// would be (right after its key, in a mapping).
  Span rangeOf(const yaml::Node &N) const {
    auto It = NullRanges.find(&N);
    return It == NullRanges.end() ? N.Range : It->second;
  }

  Config &C;
  ArrayRef<const CheckInfo *> Checks;
  DenseMap<const yaml::Node *, Span> NullRanges;
};

StringRef kindName(Shape K) {
  switch (K) {
  case Shape::Null:
    return "nothing";
  case Shape::Scalar:
    return "a string";
  case Shape::Sequence:
    return "a list";
  case Shape::Mapping:
    return "a mapping";
  case Shape::Unsupported:
    return "an unsupported YAML node";
  }
  return "a value";
}

void ConfigParser::survey(const yaml::Node &N) {
  if (N.Kind == yaml::NodeKind::Alias) {
    error(N.Range, "",
          "YAML aliases are not supported in a configuration file");
    return;
  }
  if (!N.Anchor.empty() || !N.Tag.empty()) {
    // The `&anchor` or `!tag` that starts the node.
    StringRef Text = C.Source->text();
    size_t End = Text.find_first_of(" \t\r\n", N.Range.Begin);
    if (End == StringRef::npos || End > N.Range.End)
      End = N.Range.End;
    error(Span(N.Range.Begin, End), "",
          "YAML anchors and tags are not supported in a configuration file");
  }
  switch (N.Kind) {
  case yaml::NodeKind::Scalar:
    if (N.isNull())
      NullRanges[&N] = Span(N.Range.Begin, N.Range.Begin);
    return;
  case yaml::NodeKind::Sequence:
    for (const yaml::Node &Item : N.Items)
      survey(Item);
    return;
  case yaml::NodeKind::Mapping:
    for (size_t I = 0; I < N.mappingSize(); ++I) {
      survey(N.key(I));
      survey(N.value(I));
      if (shapeOf(N.value(I)) == Shape::Null) {
        uint32_t AfterKey = rangeOf(N.key(I)).End;
        NullRanges[&N.value(I)] = Span(AfterKey, AfterKey);
      }
    }
    return;
  case yaml::NodeKind::Alias:
    return;
  }
}

template <typename Fn>
bool ConfigParser::forEachEntry(const yaml::Node &N, const std::string &Ptr,
                                StringRef What, Fn Visit) {
  if (!expectMapping(N, Ptr, What))
    return false;
  for (size_t I = 0; I < N.mappingSize(); ++I) {
    const yaml::Node &Key = N.key(I);
    if (shapeOf(Key) == Shape::Unsupported)
      continue;
    if (shapeOf(Key) != Shape::Scalar) {
      error(rangeOf(Key), Ptr,
            "a key in " + What + " must be a string, not " +
                kindName(shapeOf(Key)));
      continue;
    }
    bool Duplicate = false;
    for (size_t J = 0; J < I && !Duplicate; ++J)
      if (shapeOf(N.key(J)) == Shape::Scalar && N.key(J).Value == Key.Value) {
        Diagnostic &D = error(rangeOf(Key), Ptr + "/" + pointerStep(Key.Value),
                              "duplicate key `" + Key.Value + "` in " + What +
                                  "; only one of its values would apply");
        D.Notes.push_back({rangeOf(N.key(J)), "first defined here"});
        Duplicate = true;
      }
    if (!Duplicate)
      Visit(Key, N.value(I), Ptr + "/" + pointerStep(Key.Value));
  }
  return true;
}

bool ConfigParser::expectMapping(const yaml::Node &N, const std::string &Ptr,
                                 StringRef What) {
  if (shapeOf(N) == Shape::Mapping)
    return true;
  // Unsupported nodes are reported where they are read.
  if (shapeOf(N) != Shape::Unsupported)
    error(rangeOf(N), Ptr,
          What + " must be a mapping of keys to values, not " +
              kindName(shapeOf(N)));
  return false;
}

std::optional<std::string> ConfigParser::scalar(const yaml::Node &N,
                                                const std::string &Ptr,
                                                StringRef What) {
  if (shapeOf(N) == Shape::Scalar)
    return N.Value;
  if (shapeOf(N) != Shape::Unsupported)
    error(rangeOf(N), Ptr,
          What + " must be a string, not " + kindName(shapeOf(N)));
  return std::nullopt;
}

std::optional<std::vector<ConfigItem>>
ConfigParser::stringList(const yaml::Node &N, const std::string &Ptr,
                         StringRef What) {
  if (shapeOf(N) == Shape::Unsupported)
    return std::nullopt;
  if (shapeOf(N) != Shape::Sequence) {
    std::string Hint;
    if (shapeOf(N) == Shape::Scalar)
      Hint = "; write `[" + N.Value + "]` for a list of one";
    error(rangeOf(N), Ptr,
          What + " must be a list, not " + kindName(shapeOf(N)) + Hint);
    return std::nullopt;
  }
  std::vector<ConfigItem> Items;
  for (size_t I = 0; I < N.Items.size(); ++I) {
    const yaml::Node &Item = N.Items[I];
    if (shapeOf(Item) == Shape::Unsupported)
      continue;
    if (shapeOf(Item) != Shape::Scalar) {
      error(rangeOf(Item), Ptr + "/" + std::to_string(I),
            "an item of " + What + " must be a string, not " +
                kindName(shapeOf(Item)));
      continue;
    }
    Items.push_back({Item.Value, rangeOf(Item)});
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

const CheckInfo *ConfigParser::oneCheck(const yaml::Node &Item,
                                        const std::string &Ptr,
                                        StringRef What) {
  if (const CheckInfo *Found = findCheck(Item.Value, Checks))
    return Found;
  if (checkSelector(Item.Value, Checks).empty())
    error(rangeOf(Item), Ptr,
          What + " names one check by its code or name; `" + Item.Value +
              "` names a group of checks");
  else
    error(rangeOf(Item), Ptr, checkSelector(Item.Value, Checks));
  return nullptr;
}

std::optional<Severity> ConfigParser::severity(const yaml::Node &N,
                                               const std::string &Ptr) {
  std::optional<std::string> Text = scalar(N, Ptr, "a severity");
  if (!Text)
    return std::nullopt;
  if (std::optional<Severity> S = parseSeverity(*Text))
    return S;
  error(rangeOf(N), Ptr,
        "unknown severity `" + *Text +
            "`; use error, security, warning or suggestion");
  return std::nullopt;
}

void ConfigParser::parseSeverities(const yaml::Node &N,
                                   const std::string &Ptr) {
  forEachEntry(N, Ptr, "`severity`",
               [&](const yaml::Node &Key, const yaml::Node &Value,
                   const std::string &KeyPtr) {
                 const CheckInfo *Check = oneCheck(Key, KeyPtr, "`severity`");
                 std::optional<Severity> Level = severity(Value, KeyPtr);
                 if (!Check || !Level)
                   return;
                 if (Check->IsInputError) {
                   error(rangeOf(Key), KeyPtr,
                         Twine("the severity of `") + Check->Code + "` (" +
                             Check->Name +
                             ") cannot be changed: it means "
                             "the input could not be read");
                   return;
                 }
                 C.Severities.emplace_back(Check, *Level);
               });
}

void ConfigParser::parsePerPathIgnores(const yaml::Node &N,
                                       const std::string &Ptr) {
  forEachEntry(
      N, Ptr, "`per-path-ignores`",
      [&](const yaml::Node &Key, const yaml::Node &Value,
          const std::string &KeyPtr) {
        Expected<PathGlob> Glob = PathGlob::create(Key.Value);
        if (!Glob)
          error(rangeOf(Key), KeyPtr, toString(Glob.takeError()));
        std::optional<std::vector<ConfigItem>> List =
            stringList(Value, KeyPtr, "the checks of a per-path ignore");
        if (!Glob || !List)
          return;
        C.PerPathIgnores.push_back(
            {std::move(*Glob), selectors(std::move(*List), KeyPtr, true)});
      });
}

void ConfigParser::parseSuppression(const yaml::Node &N,
                                    const std::string &Ptr) {
  if (!expectMapping(N, Ptr, "a suppression"))
    return;
  Suppression S;
  S.Range = rangeOf(N);
  const yaml::Node *PathNode = nullptr, *SidNode = nullptr,
                   *PointerNode = nullptr, *RulesNode = nullptr,
                   *ReasonNode = nullptr;
  bool Valid = true;
  forEachEntry(
      N, Ptr, "a suppression",
      [&](const yaml::Node &Key, const yaml::Node &Value,
          const std::string &KeyPtr) {
        const yaml::Node **Slot = StringSwitch<const yaml::Node **>(Key.Value)
                                      .Case("path", &PathNode)
                                      .Case("sid", &SidNode)
                                      .Case("pointer", &PointerNode)
                                      .Case("rules", &RulesNode)
                                      .Case("reason", &ReasonNode)
                                      .Default(nullptr);
        if (!Slot) {
          std::string Hint;
          if (std::optional<StringRef> Near = closestSpelling(
                  Key.Value, {"path", "sid", "pointer", "rules", "reason"}))
            Hint = ("; did you mean `" + *Near + "`?").str();
          error(rangeOf(Key), KeyPtr,
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
    error(rangeOf(N), Ptr, "suppression has no `" + Key + "`; " + Why);
    Valid = false;
  };

  if (!PathNode) {
    Missing("path", "name the policy file it applies to, relative to this "
                    "file's directory");
  } else if (std::optional<std::string> P =
                 scalar(*PathNode, Ptr + "/path", "`path`")) {
    Expected<PathGlob> Glob = PathGlob::create(*P);
    if (Glob) {
      S.Path = std::move(*Glob);
    } else {
      error(rangeOf(*PathNode), Ptr + "/path", toString(Glob.takeError()));
      Valid = false;
    }
  } else {
    Valid = false;
  }

  if (SidNode && PointerNode) {
    error(rangeOf(*PointerNode), Ptr + "/pointer",
          "a suppression takes `sid` or `pointer`, not both");
    Valid = false;
  } else if (SidNode) {
    if (std::optional<std::string> Sid =
            scalar(*SidNode, Ptr + "/sid", "`sid`")) {
      S.Target = Suppression::Sid;
      S.TargetText = *Sid;
      if (Sid->empty()) {
        error(rangeOf(*SidNode), Ptr + "/sid",
              "empty `sid`; name the statement's Sid, or use `pointer`");
        Valid = false;
      }
    } else {
      Valid = false;
    }
  } else if (PointerNode) {
    if (std::optional<std::string> P =
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
        error(rangeOf(*PointerNode), Ptr + "/pointer",
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
  } else if (std::optional<std::vector<ConfigItem>> Rules =
                 stringList(*RulesNode, Ptr + "/rules", "`rules`")) {
    size_t Named = Rules->size();
    S.Rules = selectors(std::move(*Rules), Ptr + "/rules", true);
    if (S.Rules.size() != Named)
      Valid = false;
    else if (S.Rules.empty()) {
      error(rangeOf(*RulesNode), Ptr + "/rules",
            "`rules` is empty; list the checks the suppression is for");
      Valid = false;
    }
  } else {
    Valid = false;
  }

  if (!ReasonNode) {
    Missing("reason", "say why the findings are acceptable");
  } else if (std::optional<std::string> Reason =
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
      error(rangeOf(*ReasonNode), Ptr + "/reason",
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

void ConfigParser::parseSuppressions(const yaml::Node &N,
                                     const std::string &Ptr) {
  if (shapeOf(N) == Shape::Unsupported)
    return;
  if (shapeOf(N) != Shape::Sequence) {
    error(rangeOf(N), Ptr,
          "`suppress` must be a list of suppressions, not " +
              kindName(shapeOf(N)));
    return;
  }
  for (size_t I = 0; I < N.Items.size(); ++I)
    parseSuppression(N.Items[I], Ptr + "/" + std::to_string(I));
}

const CheckOption *ConfigParser::declaredOption(const CheckInfo &Check,
                                                const yaml::Node &Name,
                                                const std::string &Ptr) {
  if (const CheckOption *Found = Check.findOption(Name.Value))
    return Found;
  std::string Which =
      (Twine("`") + Check.Code + "` (" + Check.Name + ")").str();
  if (Check.Options.empty()) {
    error(rangeOf(Name), Ptr, Which + " takes no options");
    return nullptr;
  }
  std::vector<StringRef> Candidates;
  for (const CheckOption &O : Check.Options)
    Candidates.push_back(O.Name);
  std::string Hint;
  if (std::optional<StringRef> Near = closestSpelling(Name.Value, Candidates))
    Hint = ("; did you mean `" + *Near + "`?").str();
  else
    Hint = "; its options are `" + join(Candidates, "`, `") + "`";
  error(rangeOf(Name), Ptr,
        Which + " has no option `" + Name.Value + "`" + Hint);
  return nullptr;
}

std::optional<std::vector<std::string>>
ConfigParser::optionValue(const CheckOption &Option, const yaml::Node &Value,
                          const std::string &Ptr) {
  std::string What = ("the value of option `" + Twine(Option.Name) + "`").str();
  switch (Option.Type) {
  case OptionType::StringList:
    if (shapeOf(Value) == Shape::Scalar)
      return std::vector<std::string>{Value.Value};
    if (std::optional<std::vector<ConfigItem>> Items =
            stringList(Value, Ptr, What)) {
      std::vector<std::string> List;
      for (ConfigItem &Item : *Items)
        List.push_back(std::move(Item.Text));
      return List;
    }
    return std::nullopt;
  case OptionType::String:
    if (std::optional<std::string> Text = scalar(Value, Ptr, What))
      return std::vector<std::string>{std::move(*Text)};
    return std::nullopt;
  case OptionType::Boolean:
    if (std::optional<std::string> Text = scalar(Value, Ptr, What)) {
      if (*Text == "true" || *Text == "false")
        return std::vector<std::string>{std::move(*Text)};
      error(rangeOf(Value), Ptr,
            What + " must be `true` or `false`, not `" + *Text + "`");
    }
    return std::nullopt;
  }
  return std::nullopt;
}

void ConfigParser::parseRuleOptions(const yaml::Node &N,
                                    const std::string &Ptr) {
  forEachEntry(
      N, Ptr, "`rule-options`",
      [&](const yaml::Node &Key, const yaml::Node &Value,
          const std::string &KeyPtr) {
        const CheckInfo *Check = oneCheck(Key, KeyPtr, "`rule-options`");
        RuleOptionValues Values;
        Values.Check = Check;
        forEachEntry(
            Value, KeyPtr, "the options of a check",
            [&](const yaml::Node &Name, const yaml::Node &Option,
                const std::string &OptionPtr) {
              if (!Check) {
                // The unknown check is reported; still check
                // that the value has an option's shape.
                if (shapeOf(Option) != Shape::Scalar)
                  stringList(Option, OptionPtr,
                             "the value of option `" + Name.Value + "`");
                return;
              }
              const CheckOption *Declared =
                  declaredOption(*Check, Name, OptionPtr);
              if (!Declared)
                return;
              if (std::optional<std::vector<std::string>> List =
                      optionValue(*Declared, Option, OptionPtr))
                Values.Options.emplace_back(Name.Value, std::move(*List));
            });
        if (Check)
          C.RuleOptions.push_back(std::move(Values));
      });
}

void ConfigParser::parseFormat(const yaml::Node &N, const std::string &Ptr) {
  std::optional<std::string> Name = scalar(N, Ptr, "`format`");
  if (!Name)
    return;
  for (const char *Known : FormatNames)
    if (*Name == Known) {
      C.Format = *Name;
      return;
    }
  error(rangeOf(N), Ptr,
        "unknown format `" + *Name + "`; use text, json, sarif or github");
}

void ConfigParser::parse() {
  yaml::Stream Doc = yaml::read(C.Source->text());
  if (Doc.Err) {
    std::string Message = Doc.Err->Message;
    if (Doc.Err->K == yaml::Error::Syntax)
      Message = "invalid YAML: " + Message;
    else if (Doc.Err->K == yaml::Error::Encoding)
      Message = "invalid YAML text: " + Message;
    error(Doc.Err->Range, "", Message);
    return;
  }
  if (Doc.Root)
    survey(*Doc.Root);
  if (Doc.Documents > 1)
    error(Doc.SecondDocument, "",
          "a configuration file holds one YAML document; remove the `---` "
          "that starts another");
  if (!Doc.Root || shapeOf(*Doc.Root) == Shape::Null)
    return;
  static const char *const Keys[] = {
      "select",       "ignore",  "severity", "per-path-ignores", "suppress",
      "rule-options", "fail-on", "format",   "help-base-url"};
  forEachEntry(
      *Doc.Root, "", "the configuration",
      [&](const yaml::Node &Key, const yaml::Node &Value,
          const std::string &KeyPtr) {
        StringRef K = Key.Value;
        if (K == "select" || K == "ignore") {
          std::optional<std::vector<ConfigItem>> List =
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
          if (std::optional<Severity> S = severity(Value, KeyPtr))
            C.FailOn = S;
        } else if (K == "format") {
          parseFormat(Value, KeyPtr);
        } else if (K == "help-base-url") {
          std::optional<std::string> Url =
              scalar(Value, KeyPtr, "`help-base-url`");
          if (!Url)
            return;
          if (std::optional<std::string> Why = helpBaseUrlProblem(*Url))
            error(rangeOf(Value), KeyPtr, "`help-base-url`: " + *Why);
          else
            C.HelpBaseUrl = std::move(*Url);
        } else {
          std::vector<StringRef> Candidates(std::begin(Keys), std::end(Keys));
          std::string Hint;
          if (std::optional<StringRef> Near = closestSpelling(K, Candidates))
            Hint = ("; did you mean `" + *Near + "`?").str();
          else
            Hint = "; the keys are " + join(Candidates, ", ");
          error(rangeOf(Key), KeyPtr,
                "unknown configuration key `" + K + "`" + Hint);
        }
      });
}

} // namespace

std::optional<std::string> helpBaseUrlProblem(StringRef Url) {
  if (!Url.startswith("https://") && !Url.startswith("http://"))
    return std::string("the pages' address must start with https:// or "
                       "http://");
  if (Url.find_first_of(" \t\r\n") != StringRef::npos)
    return std::string("the pages' address has white space in it");
  return std::nullopt;
}

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
