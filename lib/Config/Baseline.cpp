//===- Baseline.cpp - Findings accepted when a check was adopted ----------===//

#include "tollgate/Config/Baseline.h"
#include "tollgate/Config/Config.h"
#include "tollgate/Config/PathGlob.h"
#include "tollgate/Json/Depth.h"
#include "tollgate/Support/ReadFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
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
                          StringRef Message) {
  std::string K;
  for (StringRef Part : {File, Code, Pointer, Message}) {
    K += Part;
    K += '\0';
  }
  return K;
}

bool Baseline::canHold(const Diagnostic &D) {
  return !D.Check->IsInputError && D.Check != &config::UnusedSuppression;
}

Expected<Baseline> Baseline::load(StringRef Path) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "cannot use baseline '" + Path + "': " + Why);
  };
  ReadOutcome Read = readBounded(Path);
  if (!Read)
    return Fail(Read.Message);
  // llvm::json::parse recurses once per level.
  if (jsonNestsDeeperThan(Read.Text))
    return Fail("nesting is deeper than " + Twine(MaxJsonDepth) + " levels");
  Expected<json::Value> Doc = json::parse(Read.Text);
  if (!Doc)
    return Fail(toString(Doc.takeError()));
  const json::Object *Root = Doc->getAsObject();
  if (!Root)
    return Fail("not a JSON object");
  Optional<int64_t> Version = Root->getInteger("version");
  if (!Version || *Version != 1)
    return Fail("unknown \"version\"; this tollgate reads version 1");
  const json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return Fail("no \"findings\" array");
  Baseline B;
  B.Dir = baselineDir(Path);
  for (size_t I = 0; I < Findings->size(); ++I) {
    const json::Object *F = (*Findings)[I].getAsObject();
    Optional<StringRef> File, Code, Pointer, Message;
    if (F) {
      File = F->getString("file");
      Code = F->getString("code");
      Pointer = F->getString("pointer");
      Message = F->getString("message");
    }
    if (!File || !Code || !Pointer || !Message)
      return Fail("finding " + Twine(I) +
                  " needs the strings \"file\", \"code\", \"pointer\" and "
                  "\"message\"");
    // An entry may stand for several equal findings.
    int64_t Count = 1;
    if (F->get("count")) {
      Optional<int64_t> C = F->getInteger("count");
      if (!C || *C < 1 || *C > UINT32_MAX)
        return Fail("finding " + Twine(I) +
                    ": \"count\" must be a whole number from 1 to " +
                    Twine(UINT32_MAX));
      Count = *C;
    }
    unsigned &Have = B.Counts[key(*File, *Code, *Pointer, *Message)];
    Have = static_cast<unsigned>(
        std::min<int64_t>(int64_t(Have) + Count, UINT32_MAX));
    B.Size += Count;
  }
  return B;
}

Expected<size_t> Baseline::write(StringRef Path, ArrayRef<FileFindings> Files) {
  std::string Dir = baselineDir(Path);
  using Entry = std::tuple<std::string, std::string, std::string, std::string>;
  std::vector<Entry> Entries;
  for (const FileFindings &F : Files) {
    std::string File = fileKey(F.Source->name(), Dir);
    for (const Diagnostic &D : F.Diags)
      if (canHold(D))
        Entries.emplace_back(File, D.Check->Code, D.Pointer, D.Message);
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
                                {"message", std::get<3>(E)}};
    if (Count > 1)
      F["count"] = Count;
    Findings.push_back(std::move(F));
  }
  nlohmann::ordered_json Doc = {
      {"version", 1}, {"tool", "tollgate"}, {"findings", std::move(Findings)}};
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
        auto It = Left.find(key(File, D.Check->Code, D.Pointer, D.Message));
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
