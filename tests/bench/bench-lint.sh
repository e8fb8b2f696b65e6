#!/usr/bin/env bash
# Lint throughput on the managed-policy corpus: every version, one process.
#
# Usage: tests/bench/bench-lint.sh TOLLGATE DEST
#
# DEST is a corpus written by tests/corpus/fetch-corpus.sh. Measures
#   TOLLGATE lint --format json --type identity --fail-on error --jobs N -o REPORT DEST/versions
# for N = 1 and N = 2 and, as a peer, the identity-policy validator of the npm
# package @cloud-copilot/iam-policy (validateIdentityPolicy) driven by a small
# Node script over the same files in one process (Node runs it on one thread:
# compare it with --jobs 1). The peer is installed into the corpus cache dir
# (CORPUS_CACHE, default tests/corpus/.cache/) and only run from there; set
# PEER=0 to skip it. BASELINE=PATH adds another tollgate binary (an earlier
# build) to the same rounds, for a before/after comparison in one run.
#
# After one untimed warm-up of each, the commands run in turn, RUNS rounds
# (default 5), so that load from other work on the machine falls on all of
# them alike. Prints a Markdown table: min and median wall time, documents/s
# and MB/s (10^6 bytes of policy files) at the median wall time, and peak RSS
# (largest over the runs, from GNU time: needs /usr/bin/time, Debian package
# `time`).
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
CACHE=${CORPUS_CACHE:-$(cd "$HERE/../corpus" && pwd)/.cache}
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

# command_of NAME: set CMD to the measured command called NAME.
command_of() {
  case $1 in
    tollgate_j1) CMD=("$TOLLGATE" lint --format json --type identity --fail-on error --jobs 1 -o "$WORK/tollgate.json" "$DEST/versions") ;;
    tollgate_j2) CMD=("$TOLLGATE" lint --format json --type identity --fail-on error --jobs 2 -o "$WORK/tollgate.json" "$DEST/versions") ;;
    baseline_j1) CMD=("$BASELINE" lint --format json --type identity --fail-on error --jobs 1 -o "$WORK/baseline.json" "$DEST/versions") ;;
    baseline_j2) CMD=("$BASELINE" lint --format json --type identity --fail-on error --jobs 2 -o "$WORK/baseline.json" "$DEST/versions") ;;
    peer) CMD=(node "$PEER_DIR/lint-peer.js" "$DEST/versions" "$WORK/peer.json") ;;
  esac
}
TOOLS=(tollgate_j1 tollgate_j2)
if [[ -n ${BASELINE:-} ]]; then
  TOOLS+=(baseline_j1 baseline_j2)
fi

PEER_NOTE=""
if [[ ${PEER:-1} == 0 ]]; then
  PEER_NOTE="skipped (PEER=0)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  PEER_NOTE="not run: node or npm not found"
else
  have=$(node -p "require('$PEER_DIR/node_modules/$PEER_PKG/package.json').version" 2>/dev/null || true)
  if [[ $have != "$PEER_VERSION" ]]; then
    echo "installing $PEER_PKG@$PEER_VERSION into $PEER_DIR" >&2
    mkdir -p "$PEER_DIR"
    npm install --prefix "$PEER_DIR" --no-audit --no-fund --loglevel=error "$PEER_PKG@$PEER_VERSION" >&2 ||
      PEER_NOTE="not run: npm install $PEER_PKG@$PEER_VERSION failed"
  fi
  if [[ -z $PEER_NOTE ]]; then
    # The driver: read every *.json under ROOT, parse it, validate it as an
    # identity policy, and write all findings as one JSON report to OUT.
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
    TOOLS+=(peer)
  fi
fi

# run NAME TIMED: one run; exit 0 (clean) or 1 (findings) is a run. When TIMED,
# appends "NAME<TAB>wall_us<TAB>rss_kib" to $WORK/times.
run() {
  local name=$1 timed=$2 t0 t1 rc=0
  command_of "$name"
  t0=${EPOCHREALTIME/./}
  /usr/bin/time -f '%M' -o "$WORK/rss" "${CMD[@]}" >/dev/null 2>"$WORK/err" || rc=$?
  t1=${EPOCHREALTIME/./}
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then
    cat "$WORK/err" >&2
    echo "error: $name exited with $rc" >&2
    exit 1
  fi
  if [[ $timed == 1 ]]; then
    printf '%s\t%s\t%s\n' "$name" "$((t1 - t0))" "$(tail -n 1 "$WORK/rss")" >> "$WORK/times"
  fi
}

for tool in "${TOOLS[@]}"; do run "$tool" 0; done
for ((i = 1; i <= RUNS; i++)); do
  echo "round $i of $RUNS" >&2
  for tool in "${TOOLS[@]}"; do run "$tool" 1; done
done

echo "$DOCS documents, $(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1e6}') MB, $RUNS runs each after a warm-up"
echo
python3 - "$WORK/times" "$DOCS" "$BYTES" "$PEER_PKG@$PEER_VERSION" "$PEER_NOTE" <<'PY'
import collections, statistics, sys

times_file, docs, nbytes, peer_name, peer_note = sys.argv[1:]
docs, nbytes = int(docs), int(nbytes)
walls, rss = collections.defaultdict(list), collections.defaultdict(int)
for line in open(times_file):
    name, wall_us, kib = line.rstrip("\n").split("\t")
    walls[name].append(int(wall_us) / 1e6)
    rss[name] = max(rss[name], int(kib))

label = {
    "tollgate_j1": "tollgate lint --jobs 1",
    "tollgate_j2": "tollgate lint --jobs 2",
    "baseline_j1": "baseline lint --jobs 1",
    "baseline_j2": "baseline lint --jobs 2",
    "peer": f"peer: {peer_name} validateIdentityPolicy (Node, 1 thread)",
}
print("| command | min s | median s | docs/s | MB/s | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|")
for name, w in walls.items():
    med = statistics.median(w)
    print(f"| {label[name]} | {min(w):.3f} | {med:.3f} | {docs / med:,.0f} | "
          f"{nbytes / 1e6 / med:.1f} | {rss[name] / 1024:.1f} |")
for n in ("1", "2"):
    if "baseline_j" + n in walls:
        b, t = walls["baseline_j" + n], walls["tollgate_j" + n]
        print(f"- --jobs {n}: tollgate takes {statistics.median(t) / statistics.median(b):.3f}x "
              f"the baseline's median wall time, {min(t) / min(b):.3f}x its min")
if "peer" in walls:
    peer = walls["peer"]
    print()
    for name in ("tollgate_j1", "tollgate_j2"):
        w = walls[name]
        print(f"- {label[name]}: {statistics.median(peer) / statistics.median(w):.2f}x the peer's speed "
              f"by median wall time, {min(peer) / min(w):.2f}x by min")
else:
    print(f"| peer: {peer_name} | {peer_note} | | | | |")
PY
echo
python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print('tollgate report:', len(r['files']), 'files,', len(r['diagnostics']), 'findings')" "$WORK/tollgate.json"
if [[ -f $WORK/peer.json ]]; then
  node -p "const r = require('$WORK/peer.json'); 'peer report: ' + r.files + ' files, ' + r.findings.length + ' findings'"
fi
