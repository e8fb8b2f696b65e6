//===- ResourceFacts.cpp - How far a Resource element reaches -------------===//

#include "ResourceFacts.h"
#include "tollgate/Catalog/ArnFormat.h"
#include "tollgate/Support/Glob.h"
#include "tollgate/Support/Pattern.h"

using namespace llvm;

namespace tollgate {

bool isStarResource(const PolicyString &R) {
  return R.Text == "*" && R.Parts.empty();
}

bool isEffectivelyStar(const PolicyString &R) {
  if (R.Text == "*" || !R.Parts.empty())
    return false;
  size_t Colon = R.Text.find(':');
  if (Colon == StringRef::npos)
    return false;
  // With two colons or more, the text ends with a field that must be all
  // `*`: most ARNs are told apart by their last character, without being
  // split (every rule that asks about unscoped grants asks this).
  if (R.Text.back() != '*' && R.Text.find(':', Colon + 1) != StringRef::npos)
    return false;
  std::array<StringRef, 6> F = arnPatternFields(R.Text);
  if (!(F[0].equals_insensitive("arn") || isAllWildcards(F[0])))
    return false;
  for (unsigned I = 2; I < 6; ++I)
    if (!isAllWildcards(F[I]) || F[I].contains('?'))
      return false;
  return true;
}

const PolicyString *starResource(const Statement &S) {
  if (!S.Resource.Present || S.Resource.Negated)
    return nullptr;
  for (const PolicyString &R : S.Resource.Patterns)
    if (isStarResource(R))
      return &R;
  for (const PolicyString &R : S.Resource.Patterns)
    if (isEffectivelyStar(R))
      return &R;
  return nullptr;
}

bool reachesEveryResource(const Statement &S) {
  return (S.Resource.Present && S.Resource.Negated) || starResource(S);
}

/// True if \p Pattern covers every ARN of \p Format whatever its partition,
/// region and account.
static bool coversFormat(StringRef Pattern, StringRef Format) {
  std::string F =
      fillArnFormat(Format, [](StringRef) { return std::string("*"); });
  ArnPattern P = ArnPattern::parse(Pattern, CaseMode::Insensitive),
             Of = ArnPattern::parse(F, CaseMode::Insensitive);
  static const unsigned Checked[] = {0, 2, 5};
  for (unsigned I : Checked)
    if (!P.Fields[I].covers(Of.Fields[I]))
      return false;
  return true;
}

bool coversEveryResourceOf(const Statement &S, const ActionInfo &A) {
  if (!S.Resource.Present)
    return true; // resource policies: the resource the policy is on
  if (reachesEveryResource(S))
    return true;
  if (A.Resources.empty())
    return false;
  bool AnyRequired = false;
  for (const ActionResource &Row : A.Resources)
    AnyRequired |= Row.Required;
  for (const ActionResource &Row : A.Resources) {
    if ((AnyRequired && !Row.Required) || !Row.Type)
      continue;
    bool Covered = false;
    for (StringRef Format : Row.Type->ArnFormats)
      for (const PolicyString &R : S.Resource.Patterns)
        if (R.Parts.empty() && coversFormat(R.Text, Format)) {
          Covered = true;
          break;
        }
    if (!Covered)
      return false;
  }
  return true;
}

} // namespace tollgate
