//===- Completion.cpp - Actions, condition keys and operators -------------===//

#include "Features.h"

#include "tollgate/Catalog/Catalog.h"
#include "tollgate/Lsp/CursorContext.h"
#include "tollgate/Policy/Condition.h"

using namespace llvm;

namespace tollgate {
namespace lsp {

static bool startsWith(StringRef S, StringRef Prefix) {
  return S.startswith_insensitive(Prefix);
}

static void completeActions(StringRef Prefix, const Catalog &Cat,
                            std::vector<CompletionEntry> &Out) {
  auto [ServicePart, NamePart] = Prefix.split(':');
  if (Prefix.contains(':')) {
    const ServiceInfo *S = Cat.service(ServicePart);
    if (!S)
      return;
    for (const ActionInfo &A : S->Actions)
      if (startsWith(A.Name, NamePart))
        Out.push_back(
            {A.FullName.str(),
             accessLevelName(A.Level).str() + " (" + S->Name.str() + ")",
             A.FullName.str(), ItemKind::Function});
    return;
  }
  for (const ServiceInfo &S : Cat.services())
    if (startsWith(S.Prefix, ServicePart))
      Out.push_back({(S.Prefix + ":").str(), S.Name.str(),
                     (S.Prefix + ":").str(), ItemKind::Module});
}

/// Every operator name: the base operators, with `IfExists` (not for
/// `Null`), and each with either set qualifier.
static void completeOperators(StringRef Prefix,
                              std::vector<CompletionEntry> &Out) {
  static const char *const Qualifiers[] = {"", "ForAnyValue:", "ForAllValues:"};
  for (const char *Q : Qualifiers)
    for (int Op = 0; Op < int(ConditionOp::Unknown); ++Op) {
      auto O = ConditionOp(Op);
      for (bool IfExists : {false, true}) {
        if (IfExists && O == ConditionOp::Null)
          continue;
        std::string Name =
            (Q + conditionOpName(O) + (IfExists ? "IfExists" : "")).str();
        if (startsWith(Name, Prefix))
          Out.push_back({Name, "condition operator", Name, ItemKind::Operator});
      }
    }
}

/// The text to insert for a key: a template such as
/// `aws:ResourceTag/${TagKey}` stops where its placeholder starts.
static std::string keyText(const ConditionKeyInfo &K) {
  size_t At = K.Name.find_first_of("$<");
  return K.Template ? K.Name.take_front(At).str() : K.Name.str();
}

static void addKey(const ConditionKeyInfo &K, StringRef Prefix,
                   std::vector<CompletionEntry> &Out) {
  if (!startsWith(K.Name, Prefix))
    return;
  std::string Detail = conditionKeyTypeName(K.Type).str();
  if (K.MultiValued)
    Detail = "ArrayOf" + Detail;
  Detail += K.Global ? " (global)" : " (" + K.Service->Name.str() + ")";
  Out.push_back({K.Name.str(), Detail, keyText(K), ItemKind::Property});
}

static void completeKeys(StringRef Prefix, const Catalog &Cat,
                         std::vector<CompletionEntry> &Out) {
  for (const ConditionKeyInfo &K : Cat.globalConditionKeys())
    addKey(K, Prefix, Out);
  if (!Prefix.contains(':'))
    return;
  if (const ServiceInfo *S = Cat.service(Prefix.split(':').first))
    for (const ConditionKeyInfo &K : S->ConditionKeys)
      addKey(K, Prefix, Out);
}

std::optional<Completions> completeAt(StringRef Text, uint32_t Offset,
                                      const Catalog &Cat) {
  std::optional<CursorContext> Ctx = cursorContext(Text, Offset);
  if (!Ctx)
    return std::nullopt;
  Completions C;
  C.Replace = Span(Ctx->PrefixBegin, Offset);
  StringRef Key = Ctx->parentKey();
  if (!Ctx->IsKey && (Key == "Action" || Key == "NotAction"))
    completeActions(Ctx->Prefix, Cat, C.Items);
  else if (Ctx->IsKey && Key == "Condition")
    completeOperators(Ctx->Prefix, C.Items);
  else if (Ctx->IsKey && Ctx->parentKey(1) == "Condition")
    completeKeys(Ctx->Prefix, Cat, C.Items);
  else
    return std::nullopt;
  return C;
}

} // namespace lsp
} // namespace tollgate
