#!/bin/bash
# The verifier on big policies: managed policies merged into one policy of
# about 1,000 and 3,000 statements (merge-policies.py), old versions against
# new; `diff` and `check no-new-access`, whole process.
#   tests/bench/bench-verify-scale.sh BUILD_DIR [CORPUS]
set -euo pipefail
BUILD=${1:?usage: bench-verify-scale.sh BUILD_DIR [CORPUS]}
CORPUS=${2:-$BUILD/corpus}
TOLLGATE=$BUILD/bin/tollgate
if [ ! -f "$CORPUS/pairs.tsv" ]; then
  "$(dirname "$0")/../corpus/fetch-corpus.sh" "$CORPUS" >/dev/null
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for n in 1000 3000; do
  mkdir -p "$dir/$n"
  echo "$n: $(python3 "$(dirname "$0")/merge-policies.py" "$CORPUS" "$n" "$dir/$n")"
  for cmd in diff check; do
    args=("$dir/$n/old.json" "$dir/$n/new.json")
    [ "$cmd" = check ] && args=(no-new-access --timeout 60 --baseline "${args[@]}")
    /usr/bin/time -f "  $cmd: cpu %U s, wall %e s, max RSS %M KB" \
      "$TOLLGATE" "$cmd" "${args[@]}" >"$dir/$n/$cmd.out" 2>"$dir/$n/$cmd.err" || true
    tail -1 "$dir/$n/$cmd.err"
    head -1 "$dir/$n/$cmd.out" | cut -c1-100 | sed 's/^/    /'
  done
done
