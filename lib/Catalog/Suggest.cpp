//===- Suggest.cpp - Did-you-mean for services, actions and keys ----------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace llvm;

namespace tollgate {

/// The name with letters as `a` and digits as `0`: two names of one shape
/// differ in like characters (`ec3` and `ec2`), which is the likelier typo.
static SmallString<64> shapeOf(StringRef Name) {
  SmallString<64> Shape;
  for (char C : Name)
    Shape.push_back(isAlpha(C) ? 'a' : isDigit(C) ? '0' : C);
  return Shape;
}

namespace {

/// Finds the candidate nearest to a query, by case-insensitive edit
/// distance, then by distance of shapes, then by first offered.
class Nearest {
public:
  explicit Nearest(StringRef Query)
      : Query(Query.lower()), Shape(shapeOf(Query)),
        Limit(std::max<size_t>(1, Query.size() / 4)) {}

  /// Considers \p Candidate, compared as \p Compared (which may differ from
  /// the name to suggest, e.g. a template filled in with the query's text).
  void offer(StringRef Candidate, StringRef Compared) {
    size_t Length = Compared.size(), QueryLength = Query.size();
    if (Length > QueryLength + BestDistance ||
        Length + BestDistance < QueryLength)
      return;
    Lowered = Compared.lower();
    unsigned Distance = StringRef(Query).edit_distance(
        Lowered, /*AllowReplacements=*/true, /*MaxEditDistance=*/BestDistance);
    if (Distance > BestDistance)
      return;
    unsigned ShapeDistance = StringRef(Shape).edit_distance(shapeOf(Compared));
    if (Distance == BestDistance && ShapeDistance >= BestShapeDistance)
      return;
    Best = Candidate;
    BestDistance = Distance;
    BestShapeDistance = ShapeDistance;
  }
  void offer(StringRef Candidate) { offer(Candidate, Candidate); }

  std::optional<StringRef> result() const { return Best; }

private:
  std::string Query;
  SmallString<64> Shape;
  unsigned Limit;
  std::string Lowered;
  std::optional<StringRef> Best;
  unsigned BestDistance = Limit;
  unsigned BestShapeDistance = ~0u;
};

} // namespace

std::optional<StringRef> Catalog::suggestService(StringRef Prefix) const {
  Nearest N(Prefix);
  for (const ServiceInfo &S : Services)
    N.offer(S.Prefix);
  return N.result();
}

std::optional<StringRef> Catalog::suggestAction(StringRef FullName) const {
  size_t Colon = FullName.find(':');
  if (Colon == StringRef::npos)
    return std::nullopt;
  StringRef Prefix = FullName.take_front(Colon);
  StringRef Name = FullName.drop_front(Colon + 1);
  const ServiceInfo *S = service(Prefix);
  if (!S) {
    std::optional<StringRef> Corrected = suggestService(Prefix);
    if (!Corrected)
      return std::nullopt;
    S = service(*Corrected);
  }
  if (const ActionInfo *A = S->action(Name))
    return A->FullName;
  Nearest N(Name);
  for (const ActionInfo &A : S->Actions)
    N.offer(A.FullName, A.Name);
  return N.result();
}

std::optional<StringRef> Catalog::suggestConditionKey(StringRef Key) const {
  // Builds the index as a side effect, and settles exact matches.
  if (const ConditionKeyInfo *Known = conditionKey(Key))
    return Known->Name;
  Nearest N(Key);
  SmallString<96> Filled;
  size_t QueryColon = Key.find(':');
  for (const ConditionKeyInfo *K : KeyIndex) {
    if (!K->Template) {
      N.offer(K->Name);
      continue;
    }
    // `aws:ResourceTags/team` is compared with `aws:ResourceTag/team`: the
    // template's fixed part followed by the query's text after the same
    // separator.
    StringRef Name = K->Name;
    size_t Hole = Name.find_first_of("$<");
    if (Hole == 0 || QueryColon == StringRef::npos)
      continue;
    char Separator = Name[Hole - 1];
    size_t QueryHole = Key.find(Separator, QueryColon + 1);
    if (Separator == ':' && QueryHole == StringRef::npos)
      QueryHole = QueryColon;
    if (QueryHole == StringRef::npos)
      continue;
    Filled = Name.take_front(Hole);
    Filled += Key.drop_front(QueryHole + 1);
    N.offer(Name, Filled);
  }
  return N.result();
}

} // namespace tollgate
