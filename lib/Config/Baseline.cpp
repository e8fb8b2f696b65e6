//===- Baseline.cpp - Findings accepted when a check was adopted ----------===//

#include "tollgate/Config/Baseline.h"
#include "tollgate/Config/Config.h"
#include "tollgate/Config/PathGlob.h"
#include "tollgate/Json/Reader.h"
#include "tollgate/Support/Fingerprint.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

using namespace llvm;

namespace tollgate {

static std::string baselineDir(StringRef Path) {
  return sys::path::parent_path(absolutePath(Path)).str();
}

/// The name of a policy file in a baseline: relative to the baseline's
/// directory, so that the baseline moves with the repository.
static std::string fileKey(StringRef Name, StringRef Dir) {
  if (Name == "<stdin>")
    return Name.str();
  return relativePath(absolutePath(Name), Dir);
}

std::string Baseline::key(StringRef File, StringRef Code, StringRef Pointer,
                          StringRef What) {
  std::string K;
  for (StringRef Part : {File, Code, Pointer, What}) {
    K += Part;
    K += '\0';
  }
  return K;
}

bool Baseline::canHold(const Diagnostic &D) {
  return !D.Check->IsInputError && D.Check != &config::UnusedSuppression;
}

/// The string member \p Key of the object \p Obj, or None.
static std::optional<StringRef> stringMember(const json::Value &Obj,
                                             StringRef Key) {
  const json::Value *V = Obj.get(Key);
  if (!V || !V->isString())
    return std::nullopt;
  return V->Text;
}

/// A whole number from \p Low to \p High written as \p V, or None.
static std::optional<uint64_t> wholeNumber(const json::Value &V, uint64_t Low,
                                           uint64_t High) {
  uint64_t N;
  if (V.K != json::Kind::Number || V.Text.getAsInteger(10, N) || N < Low ||
      N > High)
    return std::nullopt;
  return N;
}

Expected<Baseline> Baseline::load(StringRef Path) {
  ReadOutcome Read = readBounded(Path);
  if (!Read)
    return createStringError(inconvertibleErrorCode(),
                             "cannot use baseline '" + Path +
                                 "': " + Read.Message);
  SourceFile Src(Path.str(), std::move(Read.Text));
  // Errors name the place in the file, as findings do.
  auto Fail = [&](Span At, const Twine &Why) {
    Position P = Src.position(At.Begin);
    return createStringError(inconvertibleErrorCode(),
                             Path + ":" + Twine(P.Line) + ":" +
                                 Twine(P.Column) +
                                 ": cannot use baseline: " + Why);
  };
  json::ReadResult Doc = json::read(Src.text());
  for (const json::ReadIssue &I : Doc.Issues)
    if (I.isFatal())
      return Fail(I.Range, I.Message);
  const json::Value &Root = Doc.Doc->root();
  if (!Root.isObject())
    return Fail(Root.Range, "not a JSON object");
  const json::Value *VersionValue = Root.get("version");
  std::optional<uint64_t> Version =
      VersionValue ? wholeNumber(*VersionValue, 1, 2) : std::nullopt;
  if (!Version)
    return Fail(VersionValue ? VersionValue->Range : Root.Range,
                "unknown \"version\"; this tollgate reads versions 1 and 2");
  const json::Value *Findings = Root.get("findings");
  if (!Findings || !Findings->isArray())
    return Fail(Findings ? Findings->Range : Root.Range,
                "no \"findings\" array");
  Baseline B;
  B.Dir = baselineDir(Path);
  B.FormatVersion = static_cast<unsigned>(*Version);
  // Version 1 knew a finding by its message; version 2 by the text it is
  // about, which a catalog update does not change.
  StringRef Identity = B.FormatVersion == 1 ? "message" : "fingerprint";
  for (const json::Value &F : Findings->Elements) {
    std::optional<StringRef> File, Code, Pointer, What;
    if (F.isObject()) {
      File = stringMember(F, "file");
      Code = stringMember(F, "code");
      Pointer = stringMember(F, "pointer");
      What = stringMember(F, Identity);
    }
    if (!File || !Code || !Pointer || !What)
      return Fail(F.Range, "a finding needs the strings \"file\", "
                           "\"code\", \"pointer\" and \"" +
                               Identity + "\"");
    // An entry may stand for several equal findings.
    uint64_t Count = 1;
    if (const json::Value *C = F.get("count")) {
      std::optional<uint64_t> N = wholeNumber(*C, 1, UINT32_MAX);
      if (!N)
        return Fail(C->Range, "\"count\" must be a whole number from 1 to " +
                                  Twine(UINT32_MAX));
      Count = *N;
    }
    unsigned &Have = B.Counts[key(*File, *Code, *Pointer, *What)];
    Have = static_cast<unsigned>(
        std::min<uint64_t>(uint64_t(Have) + Count, UINT32_MAX));
    B.Size += Count;
  }
  return B;
}

/// What a finding is about, as a version 2 baseline knows it.
static std::string fingerprint(const SourceFile &Src, const Diagnostic &D) {
  return textFingerprint(Src.text().slice(D.Range.Begin, D.Range.End));
}

Expected<size_t> Baseline::write(StringRef Path, ArrayRef<FileFindings> Files) {
  std::string Dir = baselineDir(Path);
  // The message is written for people reading the file; the fingerprint
  // decides. Entries with one key and different messages stay apart.
  using Entry = std::tuple<std::string, std::string, std::string, std::string,
                           std::string>;
  std::vector<Entry> Entries;
  for (const FileFindings &F : Files) {
    std::string File = fileKey(F.Source->name(), Dir);
    for (const Diagnostic &D : F.Diags)
      if (canHold(D))
        Entries.emplace_back(File, D.Check->Code, D.Pointer,
                             fingerprint(*F.Source, D), D.Message);
  }
  std::sort(Entries.begin(), Entries.end());
  // Equal findings (a key repeated thousands of times) make one entry with
  // a count, so that the baseline stays as small as what it describes.
  std::vector<std::pair<Entry, size_t>> Merged;
  for (Entry &E : Entries) {
    if (!Merged.empty() && Merged.back().first == E)
      ++Merged.back().second;
    else
      Merged.emplace_back(std::move(E), 1);
  }

  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return createStringError(EC, "cannot write baseline '" + Path +
                                     "': " + EC.message());
  nlohmann::ordered_json Findings = nlohmann::ordered_json::array();
  for (const auto &[E, Count] : Merged) {
    nlohmann::ordered_json F = {{"file", std::get<0>(E)},
                                {"code", std::get<1>(E)},
                                {"pointer", std::get<2>(E)},
                                {"fingerprint", std::get<3>(E)},
                                {"message", std::get<4>(E)}};
    if (Count > 1)
      F["count"] = Count;
    Findings.push_back(std::move(F));
  }
  nlohmann::ordered_json Doc = {
      {"version", 2}, {"tool", "tollgate"}, {"findings", std::move(Findings)}};
  OS << Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  OS << '\n';
  OS.close();
  if (OS.has_error()) {
    std::error_code Failed = OS.error();
    OS.clear_error();
    return createStringError(Failed, "cannot write baseline '" + Path +
                                         "': " + Failed.message());
  }
  size_t Written = 0;
  for (const auto &M : Merged)
    Written += M.second;
  return Written;
}

size_t Baseline::filter(std::vector<FileFindings> &Files) const {
  StringMap<unsigned> Left = Counts;
  size_t Removed = 0;
  for (FileFindings &F : Files) {
    std::string File = fileKey(F.Source->name(), Dir);
    std::vector<Diagnostic> Kept;
    for (Diagnostic &D : F.Diags) {
      if (canHold(D)) {
        auto It = Left.find(
            key(File, D.Check->Code, D.Pointer,
                FormatVersion == 1 ? D.Message : fingerprint(*F.Source, D)));
        if (It != Left.end() && It->second > 0) {
          --It->second;
          ++Removed;
          continue;
        }
      }
      Kept.push_back(std::move(D));
    }
    F.Diags = std::move(Kept);
  }
  return Removed;
}

} // namespace tollgate
