#!/usr/bin/env bash
# Lint throughput on the managed-policy corpus: every version, one process.
#
# Usage: tests/bench/bench-lint.sh TOLLGATE DEST
#
# DEST is a corpus written by tests/corpus/fetch-corpus.sh. Runs
#   TOLLGATE lint --format json --type identity --fail-on error --jobs N -o REPORT DEST/versions
# for N = 1 and N = 2, RUNS times each (default 5, after one untimed warm-up),
# and, as a peer, the identity-policy validator of the npm package
# @cloud-copilot/iam-policy (validateIdentityPolicy) driven by a small Node
# script over the same files in one process (Node is single-threaded: it is
# compared with --jobs 1). The peer is installed into the corpus cache dir
# (CORPUS_CACHE, default tests/corpus/.cache/) and only run there, never
# shipped; set PEER=0 to skip it.
#
# Prints a Markdown table: min and median wall time, documents/s and MB/s
# (10^6 bytes of policy files) at the median, peak RSS (largest over the runs,
# from GNU time). Needs /usr/bin/time (Debian package `time`).
set -euo pipefail

PEER_PKG=@cloud-copilot/iam-policy
PEER_VERSION=0.1.109

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TOLLGATE DEST" >&2
  exit 2
fi
TOLLGATE=$1
DEST=$2
RUNS=${RUNS:-5}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CORPUS_CACHE:-$HERE/../corpus/.cache}
PEER_DIR=$CACHE/peer

if [[ ! -x /usr/bin/time ]]; then
  echo "error: /usr/bin/time not found: install the Debian package 'time' (apt-get install time)" >&2
  exit 2
fi
[[ -d $DEST/versions ]] || { echo "error: $DEST/versions not found (run fetch-corpus.sh first)" >&2; exit 2; }

DOCS=$(find "$DEST/versions" -name '*.json' -type f | wc -l)
BYTES=$(find "$DEST/versions" -name '*.json' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure NAME CMD...: RUNS timed runs (after a warm-up); appends
# "NAME<TAB>wall<TAB>rss_kib" lines to $WORK/times. Exit 0 or 1 is a run.
measure() {
  local name=$1 i t0 t1 rc
  shift
  "$@" >/dev/null 2>"$WORK/err" || { rc=$?; [[ $rc -eq 1 ]] || { cat "$WORK/err" >&2; echo "error: $name exited with $rc" >&2; exit 1; }; }
  for ((i = 0; i < RUNS; i++)); do
    t0=$EPOCHREALTIME
    rc=0
    /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/err" || rc=$?
    t1=$EPOCHREALTIME
    [[ $rc -eq 0 || $rc -eq 1 ]] || { cat "$WORK/err" >&2; echo "error: $name exited with $rc" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" "$(tail -n 1 "$WORK/rss")" >> "$WORK/times"
  done
}

for jobs in 1 2; do
  echo "tollgate --jobs $jobs: $RUNS runs" >&2
  measure "tollgate --jobs $jobs" "$TOLLGATE" lint --format json --type identity --fail-on error \
    --jobs "$jobs" -o "$WORK/tollgate.json" "$DEST/versions"
done

PEER_NOTE=""
if [[ ${PEER:-1} == 0 ]]; then
  PEER_NOTE="peer skipped (PEER=0)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  PEER_NOTE="peer not run: node/npm not found"
else
  have=$(node -p "require('$PEER_DIR/node_modules/$PEER_PKG/package.json').version" 2>/dev/null || true)
  if [[ $have != "$PEER_VERSION" ]]; then
    echo "installing $PEER_PKG@$PEER_VERSION into $PEER_DIR" >&2
    mkdir -p "$PEER_DIR"
    npm install --prefix "$PEER_DIR" --no-audit --no-fund --loglevel=error "$PEER_PKG@$PEER_VERSION" >&2 ||
      PEER_NOTE="peer not run: npm install $PEER_PKG@$PEER_VERSION failed"
  fi
  if [[ -z $PEER_NOTE ]]; then
    # The driver: read every *.json under ROOT, parse, validate as an identity
    # policy, write all findings as one JSON report to OUT.
    cat > "$PEER_DIR/lint-peer.js" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const { validateIdentityPolicy } = require('@cloud-copilot/iam-policy');
const [root, out] = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.json')) files.push(p);
  }
})(root);
const findings = [];
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    findings.push({ file, path: '', message: String(err.message) });
    continue;
  }
  for (const e of validateIdentityPolicy(doc)) findings.push({ file, path: e.path, message: e.message });
}
fs.writeFileSync(out, JSON.stringify({ files: files.length, findings }));
process.exitCode = findings.length ? 1 : 0;
JS
    echo "peer $PEER_PKG@$PEER_VERSION: $RUNS runs" >&2
    measure "peer" node "$PEER_DIR/lint-peer.js" "$DEST/versions" "$WORK/peer.json"
    PEER_FINDINGS=$(node -p "const r = require('$WORK/peer.json'); r.files + ' files, ' + r.findings.length + ' findings'")
  fi
fi

TOLLGATE_FINDINGS=$(python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print(len(r['files']), 'files,', len(r['diagnostics']), 'findings')" "$WORK/tollgate.json")

python3 - "$WORK/times" "$DOCS" "$BYTES" "$RUNS" "$PEER_PKG@$PEER_VERSION" "$PEER_NOTE" <<'PY'
import collections, statistics, sys

times_file, docs, nbytes, runs, peer_name, peer_note = sys.argv[1:]
docs, nbytes = int(docs), int(nbytes)
walls, rss = collections.defaultdict(list), collections.defaultdict(int)
for line in open(times_file):
    name, wall, kib = line.rstrip("\n").split("\t")
    walls[name].append(float(wall))
    rss[name] = max(rss[name], int(kib))

label = {"peer": f"{peer_name} validateIdentityPolicy (Node, 1 thread)"}
print(f"{docs} documents, {nbytes / 1e6:.1f} MB, {runs} runs each after a warm-up\n")
print("| tool | min s | median s | docs/s | MB/s | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|")
for name in walls:
    w = walls[name]
    med = statistics.median(w)
    print(f"| {label.get(name, name)} | {min(w):.3f} | {med:.3f} | {docs / med:,.0f} | "
          f"{nbytes / 1e6 / med:.1f} | {rss[name] / 1024:.1f} |")
if "peer" in walls:
    peer = statistics.median(walls["peer"])
    for name in walls:
        if name != "peer":
            print(f"\n{name}: {peer / statistics.median(walls[name]):.1f}x the peer's speed (median wall time)", end="")
    print()
else:
    print(f"| peer | {peer_note} | | | | |")
PY
echo
echo "findings: tollgate $TOLLGATE_FINDINGS${PEER_FINDINGS:+; peer $PEER_FINDINGS}"
