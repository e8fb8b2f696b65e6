#!/bin/sh
# An end-to-end test of `tollgate lsp` with a real client: Neovim's built-in
# LSP client, headless, runs neovim-session.lua on a copy of
# Inputs/policy.json, and FileCheck compares what it prints with
# neovim-session.check. Exits with 77 (skipped) when nvim is not installed.
#
# Usage: run-neovim.sh TOLLGATE FILECHECK
set -u
tollgate=$1
filecheck=$2
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim is not installed: skipped"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/Inputs/policy.json" "$work/policy.json"

# No user configuration, no swap or shada files; bounded in time.
TOLLGATE=$tollgate POLICY=$work/policy.json HOME=$work \
  timeout 120 nvim --headless --clean -n -i NONE \
  -c "luafile $here/neovim-session.lua" >"$work/out" 2>"$work/err"
status=$?
cat "$work/out"
if [ "$status" -ne 0 ]; then
  echo "nvim exited with $status"
  cat "$work/err"
  exit 1
fi
"$filecheck" --dump-input=fail "$here/neovim-session.check" <"$work/out"
