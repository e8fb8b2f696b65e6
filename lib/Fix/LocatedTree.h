//===- LocatedTree.h - The located trees of a file, indexed -----*- C++ -*-===//
///
/// \file
/// The located JSON trees of a policy file or template, read the way the
/// loader reads them, with every object member and array element indexed by
/// the offset where it begins, so that a finding's span leads to the node,
/// its parent and its siblings. Fixes compute their edits from these spans.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_FIX_LOCATEDTREE_H
#define TOLLGATE_LIB_FIX_LOCATEDTREE_H

#include "tollgate/Json/Reader.h"
#include "tollgate/Parse/Template.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <vector>

namespace tollgate {

/// One member of an object or one element of an array.
struct TreeItem {
  const json::Value *Parent = nullptr;
  size_t Index = 0;

  const json::Member *member() const { return &Parent->Members[Index]; }
  const json::Value &value() const {
    return Parent->isObject() ? Parent->Members[Index].Val
                              : Parent->Elements[Index];
  }
  /// The span from the member's key (or the element) to its value's end.
  Span span() const;
};

class LocatedTree {
public:
  /// Reads \p Text (the file \p Name) as the loader does.
  LocatedTree(llvm::StringRef Name, llvm::StringRef Text);

  /// The member whose key begins at \p Offset.
  const TreeItem *memberAt(uint32_t Offset) const;
  /// The member whose value begins at \p Offset.
  const TreeItem *memberWithValueAt(uint32_t Offset) const;
  /// The array element that begins at \p Offset.
  const TreeItem *elementAt(uint32_t Offset) const;
  /// A Terraform plan: generated output, which is fixed in the Terraform
  /// code instead.
  bool isPlan() const {
    return Tpl && Tpl->Kind == TemplateKind::TerraformPlan;
  }
  /// Whether byte \p Offset lies in a value the template computes
  /// (`!Sub`, `!Ref`, ...).
  bool computedAt(uint32_t Offset) const;
  /// The object value that begins at \p Offset (a policy document's root).
  const json::Value *objectAt(uint32_t Offset) const;

private:
  void index(const json::Value &V);

  json::ReadResult Json;
  std::unique_ptr<Template> Tpl;
  llvm::DenseMap<uint32_t, TreeItem> Members, MemberValues, Elements;
  llvm::DenseMap<uint32_t, const json::Value *> Objects;
};

} // namespace tollgate

#endif // TOLLGATE_LIB_FIX_LOCATEDTREE_H
