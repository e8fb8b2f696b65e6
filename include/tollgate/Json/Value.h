//===- Value.h - Located JSON values ----------------------------*- C++ -*-===//
///
/// \file
/// A JSON document in which every value and every object key keeps the byte
/// span it was read from. JSON libraries drop positions after parsing, and a
/// linter needs them for every finding, so tollgate reads JSON itself.
///
/// Values live in the document's arena. Strings without escapes point into
/// the source text, which must outlive the document.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_JSON_VALUE_H
#define TOLLGATE_JSON_VALUE_H

#include "tollgate/Support/Source.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"

namespace tollgate {
namespace json {

enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object };

/// "null", "boolean", "number", "string", "array" or "object".
llvm::StringRef kindName(Kind K);

struct Member;

struct Value {
  Kind K = Kind::Null;
  bool BoolValue = false;
  Span Range;
  /// The decoded text of a string, or the lexeme of a number.
  llvm::StringRef Text;
  llvm::ArrayRef<Value> Elements;
  llvm::ArrayRef<Member> Members;

  bool isString() const { return K == Kind::String; }
  bool isArray() const { return K == Kind::Array; }
  bool isObject() const { return K == Kind::Object; }

  /// The last member named \p Key (JSON readers keep the last duplicate),
  /// or null.
  const Value *get(llvm::StringRef Key) const;
};

struct Member {
  llvm::StringRef Key;
  Span KeyRange;
  Value Val;
};

/// A parsed document. Owns the memory of every value in it.
struct Document {
  llvm::BumpPtrAllocator Arena;
  Value Root;

  const Value &root() const { return Root; }
};

} // namespace json
} // namespace tollgate

#endif // TOLLGATE_JSON_VALUE_H
