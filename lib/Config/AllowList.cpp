//===- AllowList.cpp - New access a repository allows ---------------------===//

#include "tollgate/Config/AllowList.h"

#include "tollgate/Support/ReadFile.h"
#include "tollgate/Support/Source.h"
#include "tollgate/Yaml/Reader.h"

#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace tollgate {

bool Allowance::covers(StringRef File, StringRef PolicyName) const {
  return Path.match(File) && (Policy.empty() || Policy == PolicyName);
}

Expected<std::vector<Allowance>> parseAllowList(StringRef Name,
                                                StringRef Text) {
  SourceFile Src(Name.str(), Text.str());
  auto fail = [&](const yaml::Node *At, const Twine &Why) {
    std::string Where = Name.str();
    if (At) {
      Position P = Src.position(At->Range.Begin);
      Where += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
    }
    return createStringError(inconvertibleErrorCode(),
                             Where + ": " + Why.str());
  };
  std::vector<Allowance> Out;
  yaml::Stream S = yaml::read(Src.text());
  if (S.Err)
    return createStringError(inconvertibleErrorCode(),
                             Name + ":" + Twine(S.Err->Line) + ":" +
                                 Twine(S.Err->Column) +
                                 ": invalid YAML: " + S.Err->Message);
  if (!S.Root || S.Root->isNull())
    return Out;
  const yaml::Node &Root = *S.Root;
  if (!Root.isMapping())
    return fail(&Root, "expected a mapping with `allow-new-access`");
  auto text = [](const yaml::Node &N) {
    return N.isScalar() && !N.isNull() ? N.Value : std::string();
  };
  for (size_t I = 0; I < Root.mappingSize(); ++I) {
    const yaml::Node &Key = Root.key(I), &List = Root.value(I);
    if (text(Key) != "allow-new-access")
      return fail(&Key, "unknown key `" + text(Key) +
                            "`; expected `allow-new-access`");
    if (!List.isSequence())
      return fail(&List, "`allow-new-access` must be a list");
    for (const yaml::Node &E : List.Items) {
      if (!E.isMapping())
        return fail(&E, "each `allow-new-access` entry must be a mapping");
      Allowance A;
      std::string PathText;
      for (size_t J = 0; J < E.mappingSize(); ++J) {
        std::string F = text(E.key(J));
        const yaml::Node &V = E.value(J);
        if (F == "path") {
          PathText = text(V);
        } else if (F == "policy") {
          A.Policy = text(V);
        } else if (F == "reason") {
          A.Reason = text(V);
        } else if (F == "actions") {
          if (V.isSequence())
            for (const yaml::Node &X : V.Items)
              A.Actions.push_back(text(X));
          else
            A.Actions.push_back(text(V));
        } else {
          return fail(&E.key(J),
                      "unknown key `" + F +
                          "` in an `allow-new-access` entry; use path, "
                          "policy, actions and reason");
        }
      }
      if (PathText.empty() || A.Actions.empty() || A.Reason.empty())
        return fail(&E, "an `allow-new-access` entry needs `path`, `actions` "
                        "and `reason`");
      for (const std::string &X : A.Actions)
        if (X.empty() || X.find_first_of("\"\\") != std::string::npos)
          return fail(&E, "invalid action `" + X + "`");
      Expected<PathGlob> G = PathGlob::create(PathText);
      if (!G)
        return fail(&E, toString(G.takeError()));
      A.Path = std::move(*G);
      Out.push_back(std::move(A));
    }
  }
  return Out;
}

Expected<std::vector<Allowance>> readAllowList(StringRef File) {
  ReadOutcome Buffer = readBounded(File);
  if (!Buffer)
    return createStringError(inconvertibleErrorCode(),
                             "cannot read '" + File + "': " + Buffer.Message);
  return parseAllowList(File, Buffer.Text);
}

} // namespace tollgate
