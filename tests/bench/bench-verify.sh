#!/bin/bash
# Verifier benchmark on the AWS managed-policy corpus.
#   tests/bench/bench-verify.sh BUILD_DIR [CORPUS] [--limit N]
# (a) no-new-access on the 4,600 consecutive version pairs with every lever,
#     then without each lever in turn (text proofs, implication folding,
#     witnesses), and the direct encoding (one symbolic action, no levers)
#     on the first 100 pairs;
# (b) every version against a rewrite of itself (equivalent) and against a
#     mutant with one action or resource removed.
# Options after CORPUS go to every run (for instance --limit N).
set -euo pipefail
BUILD=${1:?usage: bench-verify.sh BUILD_DIR [CORPUS] [--limit N]}
CORPUS=${2:-$BUILD/corpus}
shift $(( $# >= 2 ? 2 : 1 ))
BENCH=$BUILD/bin/verify-bench
if [ ! -f "$CORPUS/pairs.tsv" ]; then
  "$(dirname "$0")/../corpus/fetch-corpus.sh" "$CORPUS" >/dev/null
fi
run() { /usr/bin/time -f "cpu %U s, wall %e s, max RSS %M KB" "$BENCH" "$@"; }
run pairs "$CORPUS" "$@"
for levers in --no-syntactic --no-fold "--no-syntactic --no-fold" \
              --no-witness; do
  # shellcheck disable=SC2086
  run pairs "$CORPUS" $levers "$@"
done
run pairs "$CORPUS" --limit 100 --no-groups "$@"
run pairs "$CORPUS" --limit 100 --direct "$@"
run rewrite "$CORPUS" "$@"
