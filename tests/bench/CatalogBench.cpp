//===- CatalogBench.cpp - Load time and pattern expansion of the catalog --===//
///
/// \file
/// Measures what the linter pays for the IAM service catalog: the cost of
/// loading the embedded catalog at start-up (timed in fresh processes, since
/// it happens once per process), and the cost of expanding every action
/// pattern of a large policy set.
///
///   bench-catalog [--runs N] [--patterns FILE] [--count N]
///
/// FILE holds one action pattern per line (the first --count are used,
/// default 10000); without it, a deterministic synthetic list of 10000
/// patterns is used, mostly literal actions and `service:Prefix*` patterns,
/// with some `service:*`, `?` and `*:Prefix*`.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Catalog/Catalog.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace llvm;
using namespace tollgate;

static cl::opt<unsigned> Runs("runs", cl::desc("Processes to time loading in"),
                              cl::init(20));
static cl::opt<std::string> PatternFile("patterns",
                                        cl::desc("One action pattern a line"),
                                        cl::value_desc("file"));
static cl::opt<unsigned> Count("count", cl::desc("Patterns to expand"),
                               cl::init(10000));
static cl::opt<bool> LoadOnce("load-once", cl::Hidden,
                              cl::desc("Time one load and print microseconds"));

using Clock = std::chrono::steady_clock;

static double microsSince(Clock::time_point Start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - Start)
      .count();
}

/// The child side: one cold load, then the lazily built key index.
static int loadOnce() {
  Clock::time_point Start = Clock::now();
  const Catalog &C = Catalog::builtin();
  double Load = microsSince(Start);
  Start = Clock::now();
  bool Found = C.conditionKey("aws:SourceIp") != nullptr;
  double Index = microsSince(Start);
  outs() << format("%.0f %.0f\n", Load, Index);
  return Found ? 0 : 1;
}

static double median(std::vector<double> V) {
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : (V[N / 2 - 1] + V[N / 2]) / 2;
}

static bool timeLoads(const char *Argv0) {
  std::string Self = sys::fs::getMainExecutable(Argv0, (void *)&timeLoads);
  SmallString<128> Output;
  if (sys::fs::createTemporaryFile("bench-catalog", "txt", Output))
    return false;
  std::vector<double> Loads, Indexes;
  for (unsigned I = 0; I < Runs; ++I) {
    llvm::Optional<StringRef> Redirects[] = {llvm::None, StringRef(Output),
                                             llvm::None};
    StringRef Args[] = {Self, "--load-once"};
    if (sys::ExecuteAndWait(Self, Args, llvm::None, Redirects) != 0)
      return false;
    auto Buffer = MemoryBuffer::getFile(Output);
    if (!Buffer)
      return false;
    auto [Load, Index] = (*Buffer)->getBuffer().trim().split(' ');
    Loads.push_back(std::stod(Load.str()));
    Indexes.push_back(std::stod(Index.str()));
  }
  sys::fs::remove(Output);
  outs() << format("load (%u processes): min %.2f ms, median %.2f ms, max "
                   "%.2f ms\n",
                   Runs.getValue(),
                   *std::min_element(Loads.begin(), Loads.end()) / 1000,
                   median(Loads) / 1000,
                   *std::max_element(Loads.begin(), Loads.end()) / 1000);
  outs() << format("first condition key lookup (builds the key index): "
                   "median %.2f ms\n",
                   median(Indexes) / 1000);
  return true;
}

/// A deterministic mix resembling hand-written policies.
static std::vector<std::string> syntheticPatterns(const Catalog &C) {
  ArrayRef<ActionInfo> Actions = C.actions();
  std::vector<std::string> Patterns;
  for (unsigned I = 0; I < Count; ++I) {
    const ActionInfo &A = Actions[(I * 7919u) % Actions.size()];
    std::string Prefix = A.Service->Prefix.str();
    unsigned Kind = I % 100;
    if (Kind < 70)
      Patterns.push_back(I % 3 ? A.FullName.str() : A.FullName.lower());
    else if (Kind < 95)
      Patterns.push_back(Prefix + ":" + A.Name.take_front(3 + I % 5).str() +
                         "*");
    else if (Kind < 98)
      Patterns.push_back(Prefix + ":*");
    else if (Kind < 99)
      Patterns.push_back(Prefix + ":?" + A.Name.drop_front().str());
    else
      Patterns.push_back("*:" + A.Name.take_front(6).str() + "*");
  }
  return Patterns;
}

static bool readPatterns(std::vector<std::string> &Patterns) {
  auto Buffer = MemoryBuffer::getFile(PatternFile);
  if (!Buffer) {
    errs() << "bench-catalog: cannot read " << PatternFile << "\n";
    return false;
  }
  SmallVector<StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    if (Patterns.size() == Count)
      break;
    Patterns.push_back(Line.trim().str());
  }
  return true;
}

static void timeExpansion(const Catalog &C,
                          const std::vector<std::string> &Patterns) {
  size_t Wildcards = 0;
  for (const std::string &P : Patterns)
    Wildcards += StringRef(P).find_first_of("*?") != StringRef::npos;
  double Best = 1e300;
  size_t Matches = 0;
  for (int Round = 0; Round < 5; ++Round) {
    Matches = 0;
    Clock::time_point Start = Clock::now();
    for (const std::string &P : Patterns)
      C.forEachMatchingAction(P, [&](const ActionInfo &) { ++Matches; });
    Best = std::min(Best, microsSince(Start));
  }
  outs() << format("expand %zu patterns (%zu with wildcards): %.2f ms, "
                   "%.2f us/pattern, %zu actions matched (best of 5)\n",
                   Patterns.size(), Wildcards, Best / 1000,
                   Best / Patterns.size(), Matches);
}

int main(int Argc, char **Argv) {
  cl::ParseCommandLineOptions(Argc, Argv, "IAM catalog benchmark\n");
  if (LoadOnce)
    return loadOnce();
  if (!timeLoads(Argv[0])) {
    errs() << "bench-catalog: timing the load in child processes failed\n";
    return 1;
  }
  const Catalog &C = Catalog::builtin();
  outs() << "catalog " << C.dataSource() << " " << C.dataVersion() << " ("
         << C.dataDate() << "): " << C.services().size() << " services, "
         << C.actions().size() << " actions\n";
  std::vector<std::string> Patterns;
  if (PatternFile.empty())
    Patterns = syntheticPatterns(C);
  else if (!readPatterns(Patterns))
    return 1;
  timeExpansion(C, Patterns);
  return 0;
}
