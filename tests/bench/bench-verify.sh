#!/bin/bash
# Verifier benchmark on the AWS managed-policy corpus.
#   tests/bench/bench-verify.sh BUILD_DIR [CORPUS] [--limit N]
# (a) no-new-access on the consecutive version pairs, with all levers and
#     with the direct encoding (one symbolic action, no witnesses);
# (b) every version against a rewrite of itself (equivalent) and against a
#     mutant with one action removed.
set -euo pipefail
BUILD=${1:?usage: bench-verify.sh BUILD_DIR [CORPUS] [--limit N]}
CORPUS=${2:-$BUILD/corpus}
shift $(( $# >= 2 ? 2 : 1 ))
BENCH=$BUILD/bin/verify-bench
if [ ! -f "$CORPUS/pairs.tsv" ]; then
  "$(dirname "$0")/../corpus/fetch-corpus.sh" "$CORPUS" >/dev/null
fi
"$BENCH" pairs "$CORPUS" "$@"
"$BENCH" pairs "$CORPUS" --no-witness "$@"
"$BENCH" pairs "$CORPUS" --direct "$@"
"$BENCH" rewrite "$CORPUS" "$@"
