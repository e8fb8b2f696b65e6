#!/usr/bin/env bash
# The fidelity report does not depend on the number of worker threads: the
# same pairs on one thread and on three give the same report (all but the
# time lines) and the same replay file. The time limit is generous, so that
# no query is near it on a busy machine.
#
# Usage: same-report-any-jobs.sh FIDELITY_BINARY
set -uo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for jobs in 1 3; do
  "$bin" --pairs 12 --seed 1 --timeout-ms 120000 --jobs "$jobs" \
    --emit-replay "$dir/replay-$jobs.jsonl" >"$dir/report-$jobs.txt"
  grep -q '^fidelity: \(OK\|FAILED\)' "$dir/report-$jobs.txt" || {
    echo "fidelity --jobs $jobs printed no verdict line"
    exit 1
  }
  grep -q '^time: .* on '"$jobs"' threads' "$dir/report-$jobs.txt" || {
    echo "fidelity --jobs $jobs did not run on $jobs threads"
    exit 1
  }
  grep -v '^time: \|^slowest pairs' "$dir/report-$jobs.txt" >"$dir/kept-$jobs.txt"
done

[ -s "$dir/replay-1.jsonl" ] || { echo "no replay lines written"; exit 1; }
diff -u "$dir/kept-1.txt" "$dir/kept-3.txt" || {
  echo "the report differs between --jobs 1 and --jobs 3"
  exit 1
}
cmp "$dir/replay-1.jsonl" "$dir/replay-3.jsonl" || {
  echo "the replay file differs between --jobs 1 and --jobs 3"
  exit 1
}
echo "same report and replay file on 1 and 3 threads"
