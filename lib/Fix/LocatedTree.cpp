//===- LocatedTree.cpp - The located trees of a file, indexed -------------===//

#include "LocatedTree.h"

using namespace llvm;

namespace tollgate {

Span TreeItem::span() const {
  const json::Value &V = value();
  if (Parent->isObject())
    return Span(member()->KeyRange.Begin, V.Range.End);
  return V.Range;
}

LocatedTree::LocatedTree(StringRef Name, StringRef Text) {
  // The loader's order: JSON, a template read from JSON, a YAML template.
  Json = json::read(Text);
  if (Json.Doc) {
    Tpl = readTemplate(Text, Name, &Json.Doc->root());
    if (!Tpl) {
      index(Json.Doc->root());
      return;
    }
  } else {
    Tpl = readTemplate(Text, Name, nullptr);
  }
  if (Tpl)
    for (const TemplatePolicy &P : Tpl->Policies)
      if (P.Root)
        index(*P.Root);
}

void LocatedTree::index(const json::Value &V) {
  if (V.isObject()) {
    Objects.try_emplace(V.Range.Begin, &V);
    for (size_t I = 0; I < V.Members.size(); ++I) {
      // A template's computed values are made up; only text the file holds
      // has a key of its own at its offset.
      Members.try_emplace(V.Members[I].KeyRange.Begin, TreeItem{&V, I});
      MemberValues.try_emplace(V.Members[I].Val.Range.Begin, TreeItem{&V, I});
      index(V.Members[I].Val);
    }
  } else if (V.isArray()) {
    for (size_t I = 0; I < V.Elements.size(); ++I) {
      Elements.try_emplace(V.Elements[I].Range.Begin, TreeItem{&V, I});
      index(V.Elements[I]);
    }
  }
}

const TreeItem *LocatedTree::memberAt(uint32_t Offset) const {
  auto It = Members.find(Offset);
  return It == Members.end() ? nullptr : &It->second;
}

bool LocatedTree::computedAt(uint32_t Offset) const {
  if (Tpl)
    for (const ComputedSpan &C : Tpl->Computed)
      if (C.Range.Begin <= Offset && Offset < C.Range.End)
        return true;
  return false;
}

const TreeItem *LocatedTree::memberWithValueAt(uint32_t Offset) const {
  auto It = MemberValues.find(Offset);
  return It == MemberValues.end() ? nullptr : &It->second;
}

const TreeItem *LocatedTree::elementAt(uint32_t Offset) const {
  auto It = Elements.find(Offset);
  return It == Elements.end() ? nullptr : &It->second;
}

const json::Value *LocatedTree::objectAt(uint32_t Offset) const {
  auto It = Objects.find(Offset);
  return It == Objects.end() ? nullptr : It->second;
}

} // namespace tollgate
