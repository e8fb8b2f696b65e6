#!/usr/bin/env bash
# Validate action.yml against SchemaStore's schema of GitHub action metadata
# with the npm package @action-validator/cli (pinned below), which embeds
# that schema. The package is GPL-3.0: it is installed into
# tests/action/node_modules and run as a separate program, never vendored
# or linked. Exits with 77 (a skip ctest reports) when npm cannot install it.
#
# Usage: tests/action/validate-action.sh ACTION_YML
set -euo pipefail

PKG=@action-validator/cli
PKG_VERSION=0.6.0

if [[ $# -ne 1 ]]; then
  echo "usage: $0 ACTION_YML" >&2
  exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VALIDATOR=$HERE/node_modules/.bin/action-validator

installed_version() {
  grep -o '"version": *"[^"]*"' "$HERE/node_modules/$PKG/package.json" 2>/dev/null |
    head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true
}
if [[ ! -x $VALIDATOR || $(installed_version) != "$PKG_VERSION" ]]; then
  if ! command -v npm > /dev/null; then
    echo "SKIP: npm is not installed; cannot install $PKG"
    exit 77
  fi
  echo "installing $PKG@$PKG_VERSION into $HERE/node_modules" >&2
  if ! npm install --prefix "$HERE" --no-save --no-package-lock --no-audit \
      --no-fund --loglevel=error "$PKG@$PKG_VERSION" >&2; then
    echo "SKIP: npm could not install $PKG@$PKG_VERSION"
    exit 77
  fi
fi

# The validator tells actions from workflows by the file's name.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$1" "$WORK/action.yml"
if ! "$VALIDATOR" "$WORK/action.yml"; then
  echo "FAIL: $1 does not match the action metadata schema"
  exit 1
fi
# The validator must be able to fail: a step without `shell` is rejected.
sed 's/^\( *\)shell: bash$/\1shell-missing: bash/' "$1" > "$WORK/action.yml"
if "$VALIDATOR" "$WORK/action.yml" > /dev/null 2>&1; then
  echo "FAIL: the validator accepted an action whose run steps have no shell"
  exit 1
fi
echo "ok: $1 matches the action metadata schema"
