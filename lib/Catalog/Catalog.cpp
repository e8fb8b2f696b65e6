//===- Catalog.cpp - Service and action lookup, pattern expansion ---------===//

#include "tollgate/Catalog/Catalog.h"

#include "CatalogTables.h"
#include "SortedNames.h"

#include "tollgate/Catalog/ArnFormat.h"
#include "tollgate/Support/Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

using namespace llvm;

namespace tollgate {

Catalog::Catalog(const CatalogTables &T)
    : Source(T.Source), Version(T.Version), Date(T.Date), Services(T.Services),
      Actions(T.Actions), ActionResources(T.ActionResources),
      ResourceTypes(T.ResourceTypes), Keys(T.Keys),
      NumGlobalKeys(T.NumGlobalKeys), ListItems(T.ListItems),
      ArnFormats(T.ArnFormats), ArnServices(T.ArnServices) {}

Catalog::~Catalog() = default;

const ServiceInfo *Catalog::service(StringRef Prefix) const {
  return findByName(Services, Prefix,
                    [](const ServiceInfo &S) { return S.Prefix; });
}

const ActionInfo *Catalog::action(StringRef FullName) const {
  size_t Colon = FullName.find(':');
  if (Colon == StringRef::npos)
    return nullptr;
  const ServiceInfo *S = service(FullName.take_front(Colon));
  return S ? S->action(FullName.drop_front(Colon + 1)) : nullptr;
}

/// Visits the actions of \p S whose name matches \p Pattern. Only the names
/// that start with the pattern's literal prefix are tried; they are
/// contiguous in the sorted table.
static void forEachMatchingActionIn(const ServiceInfo &S, StringRef Pattern,
                                    function_ref<void(const ActionInfo &)> Fn) {
  size_t Wild = findWildcard(Pattern);
  if (Wild == StringRef::npos) {
    if (const ActionInfo *A = S.action(Pattern))
      Fn(*A);
    return;
  }
  if (Pattern == "*") {
    for (const ActionInfo &A : S.Actions)
      Fn(A);
    return;
  }
  StringRef Literal = Pattern.substr(0, Wild);
  tollgate::Pattern P =
      tollgate::Pattern::parse(Pattern, CaseMode::Insensitive);
  auto NameOf = [](const ActionInfo &A) { return A.Name; };
  for (const ActionInfo *It = lowerBoundByName(S.Actions, Literal, NameOf);
       It != S.Actions.end() && It->Name.startswith_insensitive(Literal); ++It)
    if (P.matches(It->Name))
      Fn(*It);
}

void Catalog::forEachMatchingAction(
    StringRef Pattern, function_ref<void(const ActionInfo &)> Fn) const {
  size_t Colon = Pattern.find(':');
  if (Colon != StringRef::npos) {
    // Names hold exactly one colon, so a pattern's only colon must meet it:
    // the parts match separately. Two colons match nothing.
    if (Pattern.find(':', Colon + 1) != StringRef::npos)
      return;
    StringRef ServicePart = Pattern.take_front(Colon);
    StringRef ActionPart = Pattern.drop_front(Colon + 1);
    if (findWildcard(ServicePart) == StringRef::npos) {
      if (const ServiceInfo *S = service(ServicePart))
        forEachMatchingActionIn(*S, ActionPart, Fn);
      return;
    }
    tollgate::Pattern Service =
        tollgate::Pattern::parse(ServicePart, CaseMode::Insensitive);
    for (const ServiceInfo &S : Services)
      if (Service.matches(S.Prefix))
        forEachMatchingActionIn(S, ActionPart, Fn);
    return;
  }
  if (Pattern == "*") {
    for (const ActionInfo &A : Actions)
      Fn(A);
    return;
  }
  // Without a colon, a star spans it (`s3*`, `*Object`): whole names are
  // matched, in the services whose names the pattern can start.
  tollgate::Pattern P =
      tollgate::Pattern::parse(Pattern, CaseMode::Insensitive);
  for (const ServiceInfo &S : Services) {
    tollgate::Pattern ServiceActions = tollgate::Pattern::literal(S.Prefix);
    ServiceActions.addLit(":");
    ServiceActions.addStar();
    if (!P.intersects(ServiceActions))
      continue;
    for (const ActionInfo &A : S.Actions)
      if (P.matches(A.FullName))
        Fn(A);
  }
}

std::vector<const ActionInfo *>
Catalog::expandActionPattern(StringRef Pattern) const {
  std::vector<const ActionInfo *> Result;
  forEachMatchingAction(Pattern,
                        [&](const ActionInfo &A) { Result.push_back(&A); });
  return Result;
}

static bool anyFormatCanMatch(StringRef ArnPattern,
                              const ResourceTypeInfo &Type) {
  return any_of(Type.ArnFormats, [&](StringRef Format) {
    return arnPatternCanMatchFormat(ArnPattern, Format);
  });
}

SmallVector<const ResourceTypeInfo *, 4>
Catalog::resourceTypesForArn(StringRef ArnPattern,
                             const ServiceInfo &Service) const {
  SmallVector<const ResourceTypeInfo *, 4> Result;
  for (const ResourceTypeInfo &T : Service.ResourceTypes)
    if (anyFormatCanMatch(ArnPattern, T))
      Result.push_back(&T);
  return Result;
}

SmallVector<const ResourceTypeInfo *, 4>
Catalog::resourceTypesForArn(StringRef ArnPattern,
                             const ActionInfo &Action) const {
  SmallVector<const ResourceTypeInfo *, 4> Result;
  for (const ActionResource &R : Action.Resources)
    if (R.Type && !is_contained(Result, R.Type) &&
        anyFormatCanMatch(ArnPattern, *R.Type))
      Result.push_back(R.Type);
  return Result;
}

} // namespace tollgate
