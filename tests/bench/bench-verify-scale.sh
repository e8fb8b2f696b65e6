#!/bin/bash
# The verifier on big policies: managed policies merged into one policy of
# about 1,000 and 3,000 statements (merge-policies.py), old versions against
# new; `diff` and `check no-new-access`, whole process. Then the corpus pairs
# (verify-bench pairs).
#   tests/bench/bench-verify-scale.sh BUILD_DIR [CORPUS] [BASE_BIN_DIR]
# With BASE_BIN_DIR (a folder holding an earlier build's tollgate and
# verify-bench) each figure is measured for both builds in turn, in one run,
# and printed with the ratio base/new.
set -euo pipefail
BUILD=${1:?usage: bench-verify-scale.sh BUILD_DIR [CORPUS] [BASE_BIN_DIR]}
CORPUS=${2:-$BUILD/corpus}
BASE=${3:-}
if [ ! -f "$CORPUS/pairs.tsv" ]; then
  "$(dirname "$0")/../corpus/fetch-corpus.sh" "$CORPUS" >/dev/null
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bins=("$BUILD/bin")
[ -n "$BASE" ] && bins=("$BASE" "$BUILD/bin")

# run LABEL COMMAND...: CPU seconds and max RSS (KB) of the command in
# $dir/LABEL.time, its output in $dir/LABEL.out.
run() {
  local label=$1
  shift
  /usr/bin/time -f "%U %M %e" -o "$dir/$label.time" "$@" \
    >"$dir/$label.out" 2>"$dir/$label.err" || true
}
report() { # NAME LABELS...
  local name=$1 base_cpu=""
  shift
  for label in "$@"; do
    read -r cpu rss wall < <(tail -n 1 "$dir/$label.time")
    line="  $name [$label]: cpu $cpu s, wall $wall s, max RSS $((rss / 1024)) MB"
    if [ -n "$base_cpu" ]; then
      line+=", base/new CPU $(python3 -c "print(f'{$base_cpu / max($cpu, 0.01):.1f}x')")"
    fi
    base_cpu=$cpu
    echo "$line"
    grep -m1 -E "unknown|PASS|FAIL|^access" "$dir/$label.out" | cut -c1-110 |
      sed 's/^/      /' || true
  done
}

for n in 1000 3000; do
  mkdir -p "$dir/$n"
  echo "$n: $(python3 "$(dirname "$0")/merge-policies.py" "$CORPUS" "$n" "$dir/$n")"
  for cmd in diff check; do
    args=("$dir/$n/old.json" "$dir/$n/new.json")
    [ "$cmd" = check ] && args=(no-new-access --timeout 60 --baseline "${args[@]}")
    labels=()
    for b in "${bins[@]}"; do
      label=$cmd-$n-$([ "$b" = "$BUILD/bin" ] && echo new || echo base)
      run "$label" "$b/tollgate" "$cmd" "${args[@]}"
      labels+=("$label")
    done
    report "$cmd" "${labels[@]}"
    # Whether the gained access of `diff` was decided in its time limit.
    [ "$cmd" = diff ] && for l in "${labels[@]}"; do
      grep -q "unknown" "$dir/$l.out" && echo "      [$l] a direction is unknown" || true
    done
  done
done

echo "corpus pairs (verify-bench pairs, one thread):"
labels=()
for b in "${bins[@]}"; do
  label=pairs-$([ "$b" = "$BUILD/bin" ] && echo new || echo base)
  run "$label" "$b/verify-bench" pairs "$CORPUS"
  labels+=("$label")
done
report pairs "${labels[@]}"
for l in "${labels[@]}"; do
  grep -E "^queries|^per query|^total" "$dir/$l.out" | sed "s/^/      [$l] /"
done
