#!/usr/bin/env bash
# Lint every version of every AWS managed policy and fail on any grammar error.
#
# Usage: tests/corpus/check-corpus.sh TOLLGATE DEST
#
# DEST is a corpus written by tests/corpus/fetch-corpus.sh. AWS accepted every
# one of these policies, so an error of a grammar check (IAM0xx) is a false
# positive: the script prints each one (file:line:col, code, message) and exits
# 1. Errors of the reference checks are expected here (actions AWS has retired
# since, typos AWS's own policies carry); they are counted, not failed on. It
# also prints the number of findings per code, and fails if the report does not
# cover every file. Managed policies are identity policies: --type identity.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TOLLGATE DEST" >&2
  exit 2
fi
TOLLGATE=$1
DEST=$2
[[ -d $DEST/versions ]] || { echo "error: $DEST/versions not found (run fetch-corpus.sh first)" >&2; exit 2; }

REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT

rc=0
"$TOLLGATE" lint --format json --type identity --fail-on error -o "$REPORT" "$DEST/versions" || rc=$?
if [[ $rc -ne 0 && $rc -ne 1 ]]; then
  echo "error: tollgate exited with $rc" >&2
  exit 1
fi

expected=$(find "$DEST/versions" -name '*.json' -type f | wc -l)
python3 - "$REPORT" "$expected" <<'PY'
import collections, json, sys

report, expected = sys.argv[1], int(sys.argv[2])
with open(report, encoding="utf-8") as f:
    doc = json.load(f)

diags = doc["diagnostics"]
by_code = collections.Counter((d["code"], d["name"], d["severity"]) for d in diags)
print(f"{len(doc['files'])} files, {len(diags)} findings")
print("count  code    severity    name")
for (code, name, sev), n in sorted(by_code.items()):
    print(f"{n:5}  {code:6}  {sev:10}  {name}")

failed = False
if len(doc["files"]) != expected:
    print(f"FAIL: the report covers {len(doc['files'])} files, expected {expected}")
    failed = True
errors = [d for d in diags
          if d["severity"] == "error" and d["code"].startswith("IAM0")]
if errors:
    print(f"FAIL: {len(errors)} grammar errors on policies that AWS accepted:")
    for d in errors:
        start = d["span"]["start"]
        print(f"{d['file']}:{start['line']}:{start['column']}: {d['code']} {d['message']}  [{d['pointer']}]")
    failed = True
if failed:
    sys.exit(1)
print("PASS: no grammar error")
PY
