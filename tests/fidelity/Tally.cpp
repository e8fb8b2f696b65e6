//===- Tally.cpp - What the fidelity harness counts -----------------------===//

#include "Tally.h"

namespace tollgate {
namespace fidelity {

void CheckTally::add(const CheckTally &O) {
  Pass += O.Pass;
  Fail += O.Fail;
  Unknown += O.Unknown;
  WrongPass += O.WrongPass;
  PassSampled += O.PassSampled;
  Unrealistic += O.Unrealistic;
  ReplayFailures += O.ReplayFailures;
  NoCex += O.NoCex;
  OnlyAlwaysPresent += O.OnlyAlwaysPresent;
  NotSeparated += O.NotSeparated;
  NotSeparatedFuture += O.NotSeparatedFuture;
  SolverErrors += O.SolverErrors;
  Internal += O.Internal;
  FailOnRewrite += O.FailOnRewrite;
  PassOnMutation += O.PassOnMutation;
  SoundFailOnRewrite += O.SoundFailOnRewrite;
  UniverseGaps += O.UniverseGaps;
  for (const auto &KV : O.ByRule)
    ByRule[KV.first] += KV.second;
  for (const auto &KV : O.ByUnknown)
    ByUnknown[KV.first] += KV.second;
}

void Report::example(const std::string &Group, std::string Title,
                     std::string Text) {
  auto &V = Examples[Group];
  if (V.size() < Show)
    V.push_back({std::move(Title), std::move(Text)});
}

void Report::add(const Report &O) {
  for (const auto &KV : O.Checks)
    Checks[KV.first].add(KV.second);
  for (const auto &KV : O.Examples)
    for (const Example &E : KV.second)
      example(KV.first, E.Title, E.Text);
}

} // namespace fidelity
} // namespace tollgate
