//===- JsonWriter.h - Indented JSON written as it goes ----------*- C++ -*-===//
///
/// \file
/// Writes JSON to a stream without building a tree, laid out exactly as
/// nlohmann::json's dump(2) lays it out (two spaces a level, `"key": value`,
/// `[]` and `{}` when empty), so that a report written with it reads the
/// same as one written from a tree. Strings are escaped as dump() escapes
/// them, invalid UTF-8 replaced.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_REPORT_JSONWRITER_H
#define TOLLGATE_LIB_REPORT_JSONWRITER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace tollgate {

class JsonWriter {
public:
  /// Writes at \p Indent spaces: the lines after a container's first stand
  /// that far right.
  JsonWriter(llvm::raw_ostream &OS, unsigned Indent) : OS(OS), Base(Indent) {}

  void objectBegin() { open('{'); }
  void objectEnd() { close('}'); }
  void arrayBegin() { open('['); }
  void arrayEnd() { close(']'); }
  /// Starts the member \p Key of the open object; its value follows.
  void key(llvm::StringRef Key);
  /// Starts the next element of the open array; its value follows.
  void element();

  void value(llvm::StringRef S) { writeString(OS, S); }
  void value(const char *S) { value(llvm::StringRef(S)); }
  void value(bool B) { OS << (B ? "true" : "false"); }
  void value(uint64_t N) { OS << N; }
  void value(uint32_t N) { OS << N; }
  void value(int64_t N) { OS << N; }
  void value(int N) { OS << N; }

  /// \p S as a JSON string literal, as nlohmann::json's dump() writes it
  /// (no \u escapes but for control characters; invalid UTF-8 replaced).
  static void writeString(llvm::raw_ostream &OS, llvm::StringRef S);

private:
  void open(char C);
  void close(char C);
  void newline(size_t Depth);

  llvm::raw_ostream &OS;
  unsigned Base;
  /// Per open container: whether it has no member or element yet.
  llvm::SmallVector<bool, 8> Empty;
};

} // namespace tollgate

#endif // TOLLGATE_LIB_REPORT_JSONWRITER_H
